// A refusal or failure, shown where the operator is working, in the core's own words. The error
// code is kept for the program (and the CLI's --json) but not shown: it means nothing to an ops user.
import Alert from '@mui/material/Alert';
import { ApiError } from '../api/client';

export interface ShownError {
  code?: string;
  message: string;
}

export function toShownError(error: unknown): ShownError {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}

export function ErrorAlert({ error }: { error: ShownError | null }) {
  if (!error) return null;
  return (
    <Alert severity="error" role="alert">
      {error.message}
    </Alert>
  );
}
