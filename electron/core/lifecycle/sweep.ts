// The expiry sweep: every reservation or lock whose deadline has passed goes back to Available,
// each with its own audited `expire` event. Works in bounded batches so a caller on the main
// thread is never held for long, and is idempotent: a released number is no longer due.
import type { ExpiredRelease } from '../../../shared/domain';
import { EXPIRING_STATES } from '../../../shared/lifecycle';
import type { CoreContext } from '../context';
import { prepared } from '../db/statements';
import type { NumberRow } from '../numbers/rows';
import { insertEvent, NO_STATE_FIELDS, updateState, type AuditEvent } from '../numbers/repository';

/**
 * Releases per transaction. Each release rewrites a page of every index that holds the state, and
 * every commit writes its pages out: larger batches write a page touched by several releases once
 * (at 1,000,000 numbers, 2000 a batch swept 1.7 times as fast as 500), yet keep one batch under a
 * second when nothing is in the page cache.
 */
export const SWEEP_BATCH_SIZE = 2000;

export interface SweepHooks {
  /**
   * Runs inside the release's transaction (the expiry notices), so both commit or neither does;
   * `row` is the number as it was held, before the release.
   */
  onRelease?: (row: NumberRow, now: string) => void;
  /**
   * After each batch's commit, with what it released. When given, the releases go only here and
   * sweepAll returns none: a catch-up sweep of a million due need not hold them all at once.
   */
  onBatch?: (released: ExpiredRelease[]) => void;
  /**
   * Ends a batch once it has worked this long (ms), whatever its size: the write lock is held at
   * most about this long, however slow the disk or busy the machine, so batches can be large.
   */
  batchMs?: number;
}

/** Releases between looks at the clock in a batch bounded by time. */
const CLOCK_EVERY = 64;

/**
 * Due numbers read at a time, in number order. Releases of neighbouring numbers rewrite the same
 * pages of most indexes (they hold the number after the state and a few-valued column), so a batch
 * of neighbours writes far fewer pages than a batch picked by deadline, scattered over the stock.
 */
const DUE_READ = 50_000;

/**
 * Who the audit trail names for a release by the sweep: the system, on whichever desktop or
 * scheduled job ran it, never the operator whose name happens to be in settings.
 */
export const SWEEP_ACTOR = 'system (expiry sweep)';

/** The states the sweep releases from, as an SQL list: `'reserved', 'locked'`. */
export const EXPIRING_STATES_SQL = EXPIRING_STATES.map((state) => `'${state}'`).join(', ');

/**
 * The due numbers (parameters: now, how many), from the (state, expires_at, number) index alone.
 * Permanent (legacy) locks have no deadline and are never listed.
 */
export const DUE_LIST_SQL = `SELECT id FROM numbers WHERE expires_at IS NOT NULL AND expires_at <= ? AND state IN (${EXPIRING_STATES_SQL})
  ORDER BY number LIMIT ?`;

/** A number as the sweep reads it again inside a release's transaction (parameter: its id). */
export const DUE_ROW_SQL = 'SELECT * FROM numbers WHERE id = ?';

/** What a number released by the sweep is written with. */
export const RELEASED_FIELDS = { ...NO_STATE_FIELDS, state: 'available' } as const;

/** The audit event of a release by the sweep: the system's act, naming the deadline and the reserver. */
export function expireEvent(row: NumberRow, now: string): AuditEvent {
  return {
    numberId: row.id,
    at: now,
    actor: SWEEP_ACTOR,
    action: 'expire',
    from: row.state,
    to: 'available',
    remark: null,
    details: { dueAt: row.expires_at, ...(row.reservation_org_uuid ? { orgUuid: row.reservation_org_uuid } : {}) },
  };
}

export const releaseOf = (row: NumberRow): ExpiredRelease => ({ number: row.number, from: row.state, expiredAt: row.expires_at as string });

const isDue = (row: NumberRow, now: string) => EXPIRING_STATES.includes(row.state) && row.expires_at !== null && row.expires_at <= now;

/**
 * Releases those of these numbers still due, in one transaction, stopping early once `hooks.batchMs`
 * has passed; returns what it released and how many of the ids it went through.
 */
function releaseBatch(
  ctx: CoreContext,
  now: string,
  ids: readonly number[],
  hooks: SweepHooks = {},
): { released: ExpiredRelease[]; done: number } {
  const { db } = ctx;
  const deadline = hooks.batchMs === undefined ? Infinity : performance.now() + hooks.batchMs;
  return db
    .transaction(() => {
      const released: ExpiredRelease[] = [];
      const read = prepared(db, DUE_ROW_SQL);
      let done = 0;
      for (const id of ids) {
        if (done % CLOCK_EVERY === 0 && done > 0 && performance.now() > deadline) break;
        done++;
        // Read again inside the transaction: an operator may have acted on it since it was listed.
        const row = read.get(id) as NumberRow | undefined;
        if (!row || !isDue(row, now)) continue;
        if (!updateState(db, row, RELEASED_FIELDS, now)) continue;
        insertEvent(db, expireEvent(row, now));
        hooks.onRelease?.(row, now);
        released.push(releaseOf(row));
      }
      return { released, done };
    })
    .immediate();
}

/** Sweeps until nothing is due, in batches of `batchSize`, yielding between them so other work can run. */
export async function sweepAll(
  ctx: CoreContext,
  now: string,
  batchSize = SWEEP_BATCH_SIZE,
  hooks: SweepHooks = {},
  dueRead = DUE_READ,
): Promise<ExpiredRelease[]> {
  const released: ExpiredRelease[] = [];
  const listDue = prepared(ctx.db, DUE_LIST_SQL).pluck();
  for (;;) {
    const due = listDue.all(now, dueRead) as number[];
    for (let start = 0; start < due.length;) {
      const batch = releaseBatch(ctx, now, due.slice(start, start + batchSize), hooks);
      start += batch.done;
      if (hooks.onBatch) hooks.onBatch(batch.released);
      else released.push(...batch.released);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // A full list may have left more due; a short one was all of them (numbers made due since are
    // the next sweep's).
    if (due.length < dueRead) return released;
  }
}
