// Messages between a sweep worker thread and its host.
import type { ErrorInfo } from '../../../shared/errors';
import type { SweepBatch } from './sweep';

export const SWEEP_WORKER_KIND = 'number-inventory-sweep';

export interface SweepWorkerData {
  kind: typeof SWEEP_WORKER_KIND;
  dbFile: string;
  /** The instant the sweep works as of (the host's clock). */
  now: string;
  /** Numbers a batch may go through (default 50,000; a test makes it small to stop the worker between batches). */
  batchSize?: number;
  /** Path of the native better-sqlite3 binding (the Electron-ABI build in the desktop app). */
  nativeBinding?: string;
}

export type SweepWorkerMessage = { type: 'batch'; batch: SweepBatch } | { type: 'done' } | { type: 'failed'; error: ErrorInfo };
