// Running a sweep off the main thread: starts the sweep worker (the core's worker bundle, as the
// export does), gathers the batches it reports and resolves with the whole sweep's report. Each
// batch arrives as its own message, so the host takes in a catch-up sweep a few thousand releases at
// a time instead of one message of a million.
import { Worker } from 'node:worker_threads';
import { InventoryError } from '../../../shared/errors';
import { workerScriptOf, type WorkerLocation } from '../export/worker-host';
import type { SweepReport } from './sweep';
import { SWEEP_WORKER_KIND, type SweepWorkerData, type SweepWorkerMessage } from './sweep-worker-protocol';

/** One sweep as of `now` in a worker thread on its own connection to `dbFile`. */
export function sweepInWorker(dbFile: string, now: string, location: WorkerLocation = {}): Promise<SweepReport> {
  const data: SweepWorkerData = {
    kind: SWEEP_WORKER_KIND,
    dbFile,
    now,
    ...(location.nativeBinding ? { nativeBinding: location.nativeBinding } : {}),
  };
  const worker = new Worker(workerScriptOf(location), { workerData: data });
  const report: SweepReport = { at: now, released: [], notified: [] };
  return new Promise<SweepReport>((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(report);
      worker.terminate().catch(() => undefined);
    };
    worker.on('message', (message: SweepWorkerMessage) => {
      if (message.type === 'batch') {
        for (const release of message.batch.released) report.released.push(release);
        for (const notice of message.batch.notified) report.notified.push(notice);
      } else if (message.type === 'done') settle(null);
      else settle(new InventoryError(message.error.code, message.error.message));
    });
    worker.on('error', (error) => settle(error));
    // What the worker committed before it stopped stays; the next sweep releases the rest.
    worker.on('exit', () => settle(new Error('The sweep worker stopped before the sweep ended')));
  });
}
