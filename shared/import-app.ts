// Import in the app: the file the operator chose, uploaded in pieces (browser mode has no path to
// give, and the desktop's file input gives only the content), then a committed import followed by
// id for its progress and stopped by Cancel between batches.
import { z } from 'zod';
import type { ErrorInfo } from './errors';
import type { ImportReport } from './transfer';
import { IMPORT_ROW_STATUSES } from './transfer';

/** Characters of base64 per upload piece: 6 MB of file, well inside one request. */
export const IMPORT_UPLOAD_CHUNK_CHARS = 8 * 1024 * 1024;

export const importUploadSchema = z.object({
  /** Absent on the first piece; the answer of the first names the upload for the rest. */
  uploadId: z.string().uuid().optional(),
  name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/\.(csv|xlsx)$/i, { error: 'Choose a CSV or XLSX file (its name must end in .csv or .xlsx)' }),
  chunk: z.string().max(IMPORT_UPLOAD_CHUNK_CHARS).base64({ error: 'The file piece is not base64' }),
});

export interface ImportUpload {
  uploadId: string;
  /** Where the upload is kept: what import:file and import:start read. */
  file: string;
  bytes: number;
}

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
