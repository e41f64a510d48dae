// Messages between an export worker thread and its host.
import type { ErrorInfo } from '../../../shared/errors';
import type { PartialFile } from './partial-file';
import type { ExportProgress, ExportRequest, ExportSummary } from './types';

export const EXPORT_WORKER_KIND = 'number-inventory-export';

export interface ExportWorkerData {
  kind: typeof EXPORT_WORKER_KIND;
  dbFile: string;
  /** Validated, with `out` the absolute path the host's policy allowed. */
  request: ExportRequest;
  /** FILE.partial, created by the host; the worker writes it only while it is still that file. */
  partial: PartialFile;
  /** Path of the native better-sqlite3 binding (the Electron-ABI build in the desktop app). */
  nativeBinding?: string;
  /** One Int32: set to 1 by the host to cancel; read by the worker between batches. */
  cancelFlag: SharedArrayBuffer;
}

export type ExportWorkerMessage =
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'done'; summary: ExportSummary }
  | { type: 'cancelled' }
  | { type: 'failed'; error: ErrorInfo };
