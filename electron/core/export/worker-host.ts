// Running an export off the main thread: starts the worker, relays its progress, and cancels it
// through a shared flag (the worker's loop is synchronous between batches, so a message would wait).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { InventoryError, type ErrorInfo } from '../../../shared/errors';
import { parseOrThrow } from '../validation';
import { partialPath } from './run-export';
import { exportRequestSchema, type ExportProgress, type ExportRequest, type ExportSummary } from './types';
import { EXPORT_WORKER_KIND, type ExportWorkerData, type ExportWorkerMessage } from './worker-protocol';

const EXPORT_WORKER_FILE = 'export-worker.cjs';

type ExportOutcome = { status: 'done'; summary: ExportSummary } | { status: 'cancelled' } | { status: 'failed'; error: ErrorInfo };

export interface ExportHandle {
  readonly done: Promise<ExportOutcome>;
  cancel(): void;
}

export interface WorkerLocation {
  /** The bundled worker script; by default export-worker.cjs beside the running bundle, or $NUMBER_INVENTORY_EXPORT_WORKER. */
  workerScript?: string;
  nativeBinding?: string;
  /** The worker's old-generation heap limit in MB (default 192). */
  maxHeapMb?: number;
}

function defaultWorkerScript(): string {
  const fromEnv = process.env.NUMBER_INVENTORY_EXPORT_WORKER;
  if (fromEnv) return fromEnv;
  // In a bundle (out/cli/index.cjs, out/browser/server.cjs, out/main/index.js) __dirname is the
  // bundle's folder; electron-vite names its entry export-worker.js (CommonJS, like the package).
  const beside = path.join(__dirname, EXPORT_WORKER_FILE);
  const viteBuilt = path.join(__dirname, 'export-worker.js');
  return !fs.existsSync(beside) && fs.existsSync(viteBuilt) ? viteBuilt : beside;
}

export function startExport(
  dbFile: string,
  rawRequest: ExportRequest,
  onProgress: (progress: ExportProgress) => void,
  location: WorkerLocation = {},
): ExportHandle {
  const request = parseOrThrow(exportRequestSchema, rawRequest, 'Export');
  const out = path.resolve(request.out);
  if (!fs.existsSync(path.dirname(out)))
    throw new InventoryError('INVALID_INPUT', `Export: the folder ${path.dirname(out)} does not exist`);
  // The path may come from the renderer: writing only files named for the export keeps a
  // compromised page from overwriting arbitrary files (~/.bashrc) with inventory rows.
  if (path.extname(out).toLowerCase() !== `.${request.format}`) {
    throw new InventoryError('INVALID_INPUT', `Export: the file name must end in .${request.format} (got ${path.basename(out)})`);
  }
  const script = location.workerScript ?? defaultWorkerScript();
  if (!fs.existsSync(script)) throw new InventoryError('INTERNAL', `Export: the export worker ${script} is missing from this build`);
  const cancelFlag = new SharedArrayBuffer(4);
  const data: ExportWorkerData = {
    kind: EXPORT_WORKER_KIND,
    dbFile,
    request: { ...request, out },
    cancelFlag,
    ...(location.nativeBinding ? { nativeBinding: location.nativeBinding } : {}),
  };
  // A bounded heap: the export streams, so it never needs more; a regression that held rows would
  // fail here (ERR_WORKER_OUT_OF_MEMORY) instead of swelling the app.
  const worker = new Worker(script, {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: location.maxHeapMb ?? 192, maxYoungGenerationSizeMb: 16 },
  });
  const done = new Promise<ExportOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: ExportOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      void worker.terminate();
    };
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') settle({ status: 'done', summary: message.summary });
      else if (message.type === 'cancelled') settle({ status: 'cancelled' });
      else settle({ status: 'failed', error: message.error });
    });
    worker.on('error', (error) => {
      fs.rmSync(partialPath(out), { force: true });
      settle({ status: 'failed', error: { code: 'INTERNAL', message: error.message } });
    });
    worker.on('exit', () => {
      fs.rmSync(partialPath(out), { force: true });
      settle({ status: 'failed', error: { code: 'INTERNAL', message: 'The export worker stopped unexpectedly' } });
    });
  });
  return { done, cancel: () => Atomics.store(new Int32Array(cancelFlag), 0, 1) };
}
