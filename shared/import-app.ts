// Import in the app: a committed import of the chosen file (shared/import-source.ts), followed by
// id for its progress and stopped by Cancel between batches.
import { z } from 'zod';
import type { ErrorInfo } from './errors';
import type { ImportReport } from './transfer';
import { IMPORT_ROW_STATUSES } from './transfer';

export interface ImportJobStatus {
  id: string;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
  /** Data rows read so far, and in the file (known once its shape was checked). */
  rows: number;
  total: number | null;
  imported: number;
  /** The import's report, once it ended. */
  report?: ImportReport;
  error?: ErrorInfo;
}

/** The rows of a dry run's report to write out as "refused rows with their reasons". */
export const refusedRowsSchema = z.object({
  rows: z
    .array(
      z.object({
        line: z.number().int().nonnegative(),
        number: z.string().max(100).nullable(),
        status: z.enum(IMPORT_ROW_STATUSES),
        reason: z.string().max(2000).optional(),
      }),
    )
    .max(20_000),
});
