// The core's worker thread entry (export-worker.cjs), running what its data names: an export (its
// own read-only connection, progress to the host) or a sweep (expiry/sweep-worker.ts). Bundled on
// its own (out/cli/export-worker.cjs for the CLI; the desktop app's main bundle gets the same entry)
// because a worker needs a file to start from; one bundle serves both, so no build has two.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { runSweepWorker } from '../expiry/sweep-worker';
import { SWEEP_WORKER_KIND, type SweepWorkerData } from '../expiry/sweep-worker-protocol';
import { errorInfoOf } from '../failures';
import { ExportCancelled, exportToFile } from './run-export';
import { EXPORT_WORKER_KIND, type ExportWorkerData, type ExportWorkerMessage } from './worker-protocol';

/** Negative: KiB (8 MB), SQLite's own unit for a cache size given in memory. */
const EXPORT_CACHE_KIB = -8192;

async function run(data: ExportWorkerData): Promise<ExportWorkerMessage> {
  const cancel = new Int32Array(data.cancelFlag);
  const post = (message: ExportWorkerMessage) => parentPort?.postMessage(message);
  let db;
  try {
    db = openDatabase(data.dbFile, { readonly: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
    // One pass over the rows reads each page once: a large page cache would only hold memory.
    db.pragma(`cache_size = ${EXPORT_CACHE_KIB}`);
    const summary = await exportToFile(
      db,
      data.request,
      {
        onProgress: (progress) => post({ type: 'progress', progress }),
        isCancelled: () => Atomics.load(cancel, 0) === 1,
      },
      data.partial,
    );
    return { type: 'done', summary };
  } catch (error) {
    if (error instanceof ExportCancelled) return { type: 'cancelled' };
    // A typed refusal (a full disk, a damaged database) as it is; anything else logged here, in the
    // host's process, and reported by its reference.
    return { type: 'failed', error: errorInfoOf(error) };
  } finally {
    db?.close();
  }
}

const data = workerData as ExportWorkerData | SweepWorkerData | undefined;
if (parentPort && data?.kind === EXPORT_WORKER_KIND) {
  void run(data).then((message) => parentPort?.postMessage(message));
} else if (parentPort && data?.kind === SWEEP_WORKER_KIND) {
  void runSweepWorker(data).then((message) => parentPort?.postMessage(message));
}
