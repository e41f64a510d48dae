// Messages between an export worker thread and its host.
import type { ErrorInfo } from '../../../shared/errors';
import type { ExportProgress, ExportRequest, ExportSummary } from './types';

export const EXPORT_WORKER_KIND = 'number-inventory-export';

export interface ExportWorkerData {
  kind: typeof EXPORT_WORKER_KIND;
  dbFile: string;
  request: ExportRequest;
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
