// A refusal or failure, shown where the operator is working, with the core's error code.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
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
      {error.code && <AlertTitle>{error.code}</AlertTitle>}
      {error.message}
    </Alert>
  );
}
