// The sweep in a worker thread, on its own connection: the main process (IPC, the window,
// notifications) goes on answering while a catch-up sweep of a million due runs. Off the main
// thread, batches are bounded by time instead of by a small count: each holds the write lock about
// half a second, so an operator's action waits at most about that long, and a batch of thousands of
// neighbouring releases writes each index page it shares once. Every batch commits its releases
// with their events and notices, so a worker killed midway loses nothing: the next sweep releases
// what is still due, and a released number is never released (nor notified) twice.
import { parentPort } from 'node:worker_threads';
import { systemClock } from '../clock';
import { openDatabase } from '../db/connection';
import { errorInfoOf } from '../failures';
import { SWEEP_ACTOR } from '../lifecycle/sweep';
import { sweepWithNotices } from './sweep';
import type { SweepWorkerData, SweepWorkerMessage } from './sweep-worker-protocol';

/** How long one batch may hold the write lock (ms). */
const WORKER_BATCH_MS = 500;
/** Numbers a batch may go through before its time is up (a cap on what a batch holds in memory). */
const WORKER_BATCH_SIZE = 50_000;

export async function runSweepWorker(data: SweepWorkerData): Promise<SweepWorkerMessage> {
  const post = (message: SweepWorkerMessage) => parentPort?.postMessage(message);
  let db;
  try {
    db = openDatabase(data.dbFile, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
    // "now" is the host's (its clock may be fixed); the clock here is never read by the sweep.
    const ctx = { db, clock: systemClock, actor: SWEEP_ACTOR };
    await sweepWithNotices(ctx, data.now, data.batchSize ?? WORKER_BATCH_SIZE, {
      batchMs: WORKER_BATCH_MS,
      onBatch: (batch) => {
        if (batch.released.length || batch.notified.length) post({ type: 'batch', batch });
      },
    });
    return { type: 'done' };
  } catch (error) {
    return { type: 'failed', error: errorInfoOf(error) };
  } finally {
    db?.close();
  }
}
