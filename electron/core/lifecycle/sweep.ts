// The expiry sweep: every reservation or lock whose deadline has passed goes back to Available,
// each with its own audited `expire` event. Works in bounded batches so a caller on the main
// thread is never held for long, and is idempotent: a released number is no longer due.
import type { ExpiredRelease } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { prepared } from '../db/statements';
import type { NumberRow } from '../numbers/rows';
import { insertEvent, NO_STATE_FIELDS, updateState } from '../numbers/repository';

/**
 * Releases per transaction. Each release rewrites a page of every index that holds the state, and
 * every commit writes its pages out: larger batches write a page touched by several releases once
 * (at 1,000,000 numbers, 2000 a batch swept 1.7 times as fast as 500), yet keep one batch under a
 * second when nothing is in the page cache.
 */
export const SWEEP_BATCH_SIZE = 2000;

export interface SweepHooks {
  /** Runs inside the release's transaction (the expiry notices), so both commit or neither does. */
  onRelease?: (row: NumberRow, now: string) => void;
}

/** Releases up to `limit` due numbers in one transaction; returns what it released. */
export function sweepBatch(ctx: CoreContext, now: string, limit = SWEEP_BATCH_SIZE, hooks: SweepHooks = {}): ExpiredRelease[] {
  const { db } = ctx;
  return db
    .transaction(() => {
      // Permanent (legacy) locks have no deadline and are never selected here.
      const due = prepared(
        db,
        `SELECT * FROM numbers WHERE expires_at IS NOT NULL AND expires_at <= ? AND state IN ('reserved', 'locked')
         ORDER BY expires_at, id LIMIT ?`,
      ).all(now, limit) as NumberRow[];
      const released: ExpiredRelease[] = [];
      for (const row of due) {
        if (!updateState(db, row, { ...NO_STATE_FIELDS, state: 'available' }, now)) continue;
        insertEvent(db, {
          numberId: row.id,
          at: now,
          actor: ctx.actor,
          action: 'expire',
          from: row.state,
          to: 'available',
          remark: null,
          details: { dueAt: row.expires_at, ...(row.reservation_org_uuid ? { orgUuid: row.reservation_org_uuid } : {}) },
        });
        hooks.onRelease?.(row, now);
        released.push({ number: row.number, from: row.state, expiredAt: row.expires_at as string });
      }
      return released;
    })
    .immediate();
}

/** Sweeps until nothing is due, yielding between batches so other work can run. */
export async function sweepAll(ctx: CoreContext, now: string, batchSize = SWEEP_BATCH_SIZE, hooks: SweepHooks = {}): Promise<ExpiredRelease[]> {
  const released: ExpiredRelease[] = [];
  for (;;) {
    const batch = sweepBatch(ctx, now, batchSize, hooks);
    released.push(...batch);
    if (batch.length < batchSize) return released;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
