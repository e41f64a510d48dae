// One sweep as of `now`: release every due reservation and lock (each release and its expiry
// notice in one transaction), then record every warning now due for numbers still held. Releases
// go first, so after a long closed period a number whose deadline passed gets its expiry notice
// and never a late "expires soon" warning. Bounded batches, yielding between them.
import type { ExpiredRelease } from '../../../shared/domain';
import { noticeKindOf, type NoticeSummary } from '../../../shared/notifications';
import { DAY_MS } from '../../../shared/settings';
import type { CoreContext } from '../context';
import { prepared } from '../db/statements';
import { EXPIRING_STATES_SQL, sweepAll, SWEEP_BATCH_SIZE } from '../lifecycle/sweep';
import { recordNotice } from '../notifications/record';
import { appSettings } from '../settings-store';
import { currentHoldEventId } from './hold';
import { noticeOf } from './notice-of';
import { warnBatch, warningHorizon, warningPending } from './warnings';

export interface SweepReport {
  /** The instant the sweep worked as of. */
  at: string;
  released: ExpiredRelease[];
  notified: NoticeSummary[];
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What one committed batch of a sweep did: its releases (with their notices) or its warnings. */
export type SweepBatch = Pick<SweepReport, 'released' | 'notified'>;

export interface SweepOptions {
  /** Ends a batch of releases once it has worked this long (ms), whatever its size (see SweepHooks). */
  batchMs?: number;
  /** After each commit; when given, the report's lists are left empty (a worker streams them). */
  onBatch?: (batch: SweepBatch) => void;
}

export async function sweepWithNotices(
  ctx: CoreContext,
  now: string,
  batchSize = SWEEP_BATCH_SIZE,
  options: SweepOptions = {},
): Promise<SweepReport> {
  const { db } = ctx;
  const { onBatch } = options;
  const notified: NoticeSummary[] = [];
  const settings = appSettings(db);
  const released = await sweepAll(ctx, now, batchSize, {
    onRelease(row, at) {
      // Inside the release's transaction, after its `expire` event: the hold it ended is still the number's latest.
      const notice = recordNotice(db, noticeOf(row, noticeKindOf(row.state, 'expired'), currentHoldEventId(db, row.id)), at, settings);
      if (notice) notified.push(notice);
    },
    batchMs: options.batchMs,
    onBatch: onBatch && ((batch) => onBatch({ released: batch, notified: notified.splice(0) })),
  });
  for (;;) {
    const batch = warnBatch(db, now, batchSize);
    if (onBatch) onBatch({ released: [], notified: batch });
    else notified.push(...batch);
    if (batch.length < batchSize) break;
    await yieldToOthers();
  }
  return { at: now, released, notified };
}

const HELD = `state IN (${EXPIRING_STATES_SQL}) AND expires_at IS NOT NULL`;
/** The earliest deadline of any held number, passed or not. */
export const EARLIEST_DEADLINE_SQL = `SELECT min(expires_at) AS at FROM numbers WHERE ${HELD}`;
/** The earliest deadline after the warning horizon (parameter): the next one to come inside the lead. */
export const NEXT_WARNING_DEADLINE_SQL = `SELECT min(expires_at) AS at FROM numbers WHERE ${HELD} AND expires_at > ?`;

/**
 * The next instant a sweep has work: the earliest deadline or warning instant (deadline minus the
 * lead); an instant already passed means "now". Null when nothing is held with a deadline. The
 * timer wakes for it (in steps of at most an hour); warnings already overdue are recorded by the
 * sweep that runs on every wake.
 */
export function nextDueInstant(ctx: CoreContext, now: string): string | null {
  const { db } = ctx;
  const lead = appSettings(db).warningLeadDays;
  return nextDueOf(now, lead, {
    earliestDeadline: (prepared(db, EARLIEST_DEADLINE_SQL).get() as { at: string | null }).at,
    nextWarningDeadline:
      lead > 0 ? (prepared(db, NEXT_WARNING_DEADLINE_SQL).get(warningHorizon(now, lead)) as { at: string | null }).at : null,
    warningOverdue: warningPending(db, now, lead),
  });
}

/** What a store reads for nextDueInstant. */
export interface DueFacts {
  /** The earliest deadline of any held number, passed or not. */
  earliestDeadline: string | null;
  /** The earliest deadline after the warning horizon (none when warnings are off). */
  nextWarningDeadline: string | null;
  /** Whether a warning is due now and not recorded yet. */
  warningOverdue: boolean;
}

/** The next instant a sweep has work, from what the store read (see nextDueInstant). */
export function nextDueOf(now: string, lead: number, facts: DueFacts): string | null {
  // Any deadline: one already passed (not swept yet) makes the sweep due at once.
  const expiry = facts.earliestDeadline;
  const warnDeadline = lead > 0 ? facts.nextWarningDeadline : null;
  const warning = warnDeadline ? new Date(Date.parse(warnDeadline) - lead * DAY_MS).toISOString() : null;
  // A warning already due but not recorded (a short reservation made since the last sweep, maybe
  // by another process) makes the sweep due now.
  const candidates = [expiry, warning, facts.warningOverdue ? now : null].filter((v): v is string => v !== null);
  return candidates.length ? candidates.sort()[0] : null;
}
