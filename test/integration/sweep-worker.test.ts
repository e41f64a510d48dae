// The background sweep in a worker thread on its own connection (the desktop app's): every due
// number released once with its expire event and its expiry notice, reported back to the host; a
// worker stopped midway loses nothing, and the next sweep releases the rest, never one twice.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SWEEP_WORKER_KIND, type SweepWorkerData, type SweepWorkerMessage } from '../../electron/core/expiry/sweep-worker-protocol';
import { ManualClock } from '../../electron/core/clock';
import { Inventory } from '../../electron/core/inventory';
import { BENCH_NOW } from '../bench/dataset';
import { freshInventory, type TestInventory } from '../helpers/inventory';
import { buildExportWorker, loadGenerated } from './transfer-fixtures';

const N = 3000;
let worker: string;
let t: TestInventory;
let due: string[];
beforeAll(() => {
  worker = buildExportWorker();
});
afterAll(() => fs.rmSync(worker, { force: true }));
beforeEach(async () => {
  t = freshInventory(BENCH_NOW);
  await loadGenerated(t.inventory, t.dir, N, N / 2);
  due = t.inventory.db
    .prepare(`SELECT number FROM numbers WHERE expires_at <= ? AND state IN ('reserved', 'locked') ORDER BY number`)
    .pluck()
    .all(BENCH_NOW) as string[];
});
afterEach(() => t.close());

const opened: Inventory[] = [];
afterEach(() => opened.splice(0).forEach((inventory) => inventory.close()));
/** A second connection to the test inventory, sweeping in the worker as the desktop app does. */
function appInventory(): Inventory {
  const inventory = Inventory.open(t.file, {
    clock: new ManualClock(BENCH_NOW),
    sweepInWorker: true,
    exportWorker: { workerScript: worker },
  });
  opened.push(inventory);
  return inventory;
}

/** Per number, its expire events and its expiry notices. */
function releases(): { number: string; expires: number; notices: number }[] {
  return t.inventory.db
    .prepare(
      `SELECT n.number,
         (SELECT count(*) FROM events e WHERE e.number_id = n.id AND e.action = 'expire') AS expires,
         (SELECT count(*) FROM notifications o WHERE o.number = n.number AND o.kind LIKE '%expired') AS notices
       FROM numbers n WHERE EXISTS (SELECT 1 FROM events e WHERE e.number_id = n.id AND e.action = 'expire') ORDER BY n.number`,
    )
    .all() as { number: string; expires: number; notices: number }[];
}

const stillDue = () =>
  t.inventory.db
    .prepare(`SELECT count(*) FROM numbers WHERE expires_at <= ? AND state IN ('reserved', 'locked')`)
    .pluck()
    .get(BENCH_NOW) as number;

describe('the background sweep in a worker thread', () => {
  it('releases every due number once, with its event and notice, and reports them to the host', async () => {
    // The generator holds some of the reservations asked for past their deadline: about a thousand.
    expect(due.length).toBeGreaterThan(500);
    const app = appInventory();
    const report = await app.backgroundSweep(100);
    expect(report.released.map((r) => r.number).sort()).toEqual(due);
    expect(stillDue()).toBe(0);
    expect(releases()).toEqual(due.map((number) => ({ number, expires: 1, notices: 1 })));
    const notices = t.inventory.db.prepare(`SELECT count(*) FROM notifications`).pluck().get() as number;
    expect(report.notified.length).toBe(notices);
    // Nothing is due any more: a second sweep does nothing.
    const again = await app.backgroundSweep(100);
    expect(again.released).toEqual([]);
    expect(again.notified).toEqual([]);
  });

  it('stopped midway, keeps what it committed; the next sweep releases the rest, none twice', async () => {
    const data: SweepWorkerData = { kind: SWEEP_WORKER_KIND, dbFile: t.file, now: BENCH_NOW, batchSize: 1 };
    const sweeper = new Worker(worker, { workerData: data });
    const reported: string[] = [];
    await new Promise<void>((resolve) => {
      sweeper.on('message', (message: SweepWorkerMessage) => {
        if (message.type !== 'batch') return;
        reported.push(...message.batch.released.map((r) => r.number));
        // Stopped at once: in the middle of a later batch's transaction, or between two.
        if (reported.length === 1) void sweeper.terminate().then(() => resolve());
      });
    });
    const kept = releases();
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThan(due.length);
    expect(kept.every((r) => r.expires === 1 && r.notices === 1)).toBe(true);
    expect(stillDue()).toBe(due.length - kept.length);
    const rest = await appInventory().backgroundSweep(100);
    expect(rest.released.length).toBe(due.length - kept.length);
    expect(releases()).toEqual(due.map((number) => ({ number, expires: 1, notices: 1 })));
  });
});
