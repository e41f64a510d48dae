// Running an export off the main thread: starts the worker, relays its progress, and cancels it
// through a shared flag (the worker's loop is synchronous between batches, so a message would wait).
// Every listener here only records an outcome: none may throw, as a throw from an event handler
// would end the process (the desktop app, browser mode) instead of failing one export.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErrorInfo } from '../../../shared/errors';
import { errorInfoOf, logFailure } from '../failures';
import { discardPartial, type PartialFile } from './partial-file';
import type { ExportProgress, ExportRequest, ExportSummary } from './types';
import { EXPORT_WORKER_KIND, type ExportWorkerData, type ExportWorkerMessage } from './worker-protocol';

const EXPORT_WORKER_FILE = 'export-worker.cjs';

export type ExportOutcome = { status: 'done'; summary: ExportSummary } | { status: 'cancelled' } | { status: 'failed'; error: ErrorInfo };

export interface ExportHandle {
  /** Settles once the export ended; never rejects. Any outcome but done has removed FILE.partial. */
  readonly done: Promise<ExportOutcome>;
  /** Asks the worker to stop at its next batch. */
  cancel(): void;
  /** Stops the worker at once (the process is closing); resolves when it has stopped. */
  terminate(): Promise<void>;
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

/** The worker script this location names, or an error (a build without it is a fault of the build). */
export function workerScriptOf(location: WorkerLocation): string {
  const script = location.workerScript ?? defaultWorkerScript();
  if (!fs.existsSync(script)) throw new Error(`Export: the export worker ${script} is missing from this build`);
  return script;
}

/**
 * Starts exporting `request` (validated, its `out` allowed by the caller's path policy) into
 * `partial`, which the caller created. Throws only if the worker cannot be started.
 */
export function startExport(
  dbFile: string,
  request: ExportRequest,
  partial: PartialFile,
  onProgress: (progress: ExportProgress) => void,
  location: WorkerLocation = {},
): ExportHandle {
  const cancelFlag = new SharedArrayBuffer(4);
  const data: ExportWorkerData = {
    kind: EXPORT_WORKER_KIND,
    dbFile,
    request,
    partial,
    cancelFlag,
    ...(location.nativeBinding ? { nativeBinding: location.nativeBinding } : {}),
  };
  // A bounded heap: the export streams, so it never needs more; a regression that held rows would
  // fail here (ERR_WORKER_OUT_OF_MEMORY) instead of swelling the app.
  const worker = new Worker(workerScriptOf(location), {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: location.maxHeapMb ?? 192, maxYoungGenerationSizeMb: 16 },
  });
  // Set when the host stops the worker itself: its exit is then the cancellation asked for.
  let stopping = false;
  const done = new Promise<ExportOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: ExportOutcome) => {
      if (settled) return;
      settled = true;
      // The worker removes its partial file when it fails or is cancelled; one that crashed or was
      // stopped could not.
      if (outcome.status !== 'done') discardPartial(partial);
      resolve(outcome);
      worker.terminate().catch(() => undefined);
    };
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') {
        try {
          onProgress(message.progress);
        } catch (error) {
          // A progress display that fails must not end the export, nor the process.
          logFailure(error);
        }
      } else if (message.type === 'done') settle({ status: 'done', summary: message.summary });
      else if (message.type === 'cancelled') settle({ status: 'cancelled' });
      else settle({ status: 'failed', error: message.error });
    });
    worker.on('error', (error) => {
      if (!settled) settle({ status: 'failed', error: errorInfoOf(error) });
    });
    // After its answer a worker always exits; only an exit without one is a failure (logged once).
    worker.on('exit', () => {
      if (settled) return;
      settle(
        stopping ? { status: 'cancelled' } : { status: 'failed', error: errorInfoOf(new Error('The export worker stopped unexpectedly')) },
      );
    });
  });
  return {
    done,
    cancel: () => Atomics.store(new Int32Array(cancelFlag), 0, 1),
    terminate: async () => {
      stopping = true;
      await worker.terminate();
    },
  };
}
