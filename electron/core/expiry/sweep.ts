// One sweep as of `now`: release every due reservation and lock (each release and its expiry
// notice in one transaction), then record every warning now due for numbers still held. Releases
// go first, so after a long closed period a number whose deadline passed gets its expiry notice
// and never a late "expires soon" warning. Bounded batches, yielding between them.
import type { ExpiredRelease } from '../../../shared/domain';
import type { NoticeSummary, NotificationKind } from '../../../shared/notifications';
import { DAY_MS } from '../../../shared/settings';
import type { CoreContext } from '../context';
import { sweepAll, SWEEP_BATCH_SIZE } from '../lifecycle/sweep';
import type { NumberRow } from '../numbers/rows';
import { recordNotice } from '../notifications/record';
import { appSettings } from '../settings-store';

export interface SweepReport {
  /** The instant the sweep worked as of. */
  at: string;
  released: ExpiredRelease[];
  notified: NoticeSummary[];
}

const EXPIRED_KIND: Record<'reserved' | 'locked', NotificationKind> = { reserved: 'reservation-expired', locked: 'lock-expired' };
const WARNING_KIND: Record<'reserved' | 'locked', NotificationKind> = { reserved: 'reservation-warning', locked: 'lock-warning' };

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function sweepWithNotices(ctx: CoreContext, now: string, batchSize = SWEEP_BATCH_SIZE): Promise<SweepReport> {
  const notified: NoticeSummary[] = [];
  const settings = appSettings(ctx.db);
  const released = await sweepAll(ctx, now, batchSize, {
    onRelease(row, at) {
      const notice = recordNotice(ctx.db, noticeOf(row, EXPIRED_KIND[row.state as 'reserved' | 'locked']), at, settings);
      if (notice) notified.push(notice);
    },
  });
  for (;;) {
    const batch = warnBatch(ctx, now, batchSize);
    notified.push(...batch);
    if (batch.length < batchSize) break;
    await yieldToOthers();
  }
  return { at: now, released, notified };
}

function noticeOf(row: NumberRow, kind: NotificationKind) {
  return {
    number: row.number,
    kind,
    deadline: row.expires_at as string,
    state: row.state,
    orgUuid: row.reservation_org_uuid,
    reservationKind: row.reservation_kind,
  };
}

/**
 * A held number whose deadline is after now (parameter 1) and within the lead (parameter 2: now +
 * lead) and whose warning for that deadline is not recorded yet.
 */
const WARNING_PENDING = `n.state IN ('reserved', 'locked') AND n.expires_at IS NOT NULL AND n.expires_at > ? AND n.expires_at <= ?
  AND NOT EXISTS (SELECT 1 FROM notifications t WHERE t.number = n.number AND t.deadline = n.expires_at
                  AND t.kind = CASE n.state WHEN 'reserved' THEN 'reservation-warning' ELSE 'lock-warning' END)`;

/** The latest deadline whose warning is due at `now`: deadlines up to now + lead. */
function warningHorizon(now: string, warningLeadDays: number): string {
  return new Date(Date.parse(now) + warningLeadDays * DAY_MS).toISOString();
}

/** Records up to `limit` due warnings in one transaction. */
function warnBatch(ctx: CoreContext, now: string, limit = SWEEP_BATCH_SIZE): NoticeSummary[] {
  const { db } = ctx;
  return db
    .transaction(() => {
      // Read inside the transaction so the lead and addresses are the ones in force now.
      const settings = appSettings(db);
      if (settings.warningLeadDays === 0) return [];
      const due = db
        .prepare(`SELECT * FROM numbers n WHERE ${WARNING_PENDING} ORDER BY n.expires_at, n.id LIMIT ?`)
        .all(now, warningHorizon(now, settings.warningLeadDays), limit) as NumberRow[];
      const notices: NoticeSummary[] = [];
      for (const row of due) {
        const notice = recordNotice(db, noticeOf(row, WARNING_KIND[row.state as 'reserved' | 'locked']), now, settings);
        if (notice) notices.push(notice);
      }
      return notices;
    })
    .immediate();
}

/**
 * The next instant a sweep has work: the earliest deadline or warning instant (deadline minus the
 * lead); an instant already passed means "now". Null when nothing is held with a deadline. The timer wakes for it (in steps of
 * at most an hour); warnings already overdue are recorded by the sweep that runs on every wake.
 */
export function nextDueInstant(ctx: CoreContext, now: string): string | null {
  const { db } = ctx;
  const lead = appSettings(db).warningLeadDays;
  const next = (sql: string, bound: string) => (db.prepare(sql).get(bound) as { at: string | null }).at;
  const HELD = `state IN ('reserved', 'locked') AND expires_at IS NOT NULL`;
  // Any deadline: one already passed (not swept yet) makes the sweep due at once.
  const expiry = (db.prepare(`SELECT min(expires_at) AS at FROM numbers WHERE ${HELD}`).get() as { at: string | null }).at;
  const warnDeadline =
    lead > 0 ? next(`SELECT min(expires_at) AS at FROM numbers WHERE ${HELD} AND expires_at > ?`, warningHorizon(now, lead)) : null;
  const warning = warnDeadline ? new Date(Date.parse(warnDeadline) - lead * DAY_MS).toISOString() : null;
  // A warning already due but not recorded (a short reservation made since the last sweep, maybe
  // by another process) makes the sweep due now.
  const overdueWarning =
    lead > 0 && db.prepare(`SELECT 1 FROM numbers n WHERE ${WARNING_PENDING} LIMIT 1`).get(now, warningHorizon(now, lead)) !== undefined;
  const candidates = [expiry, warning, overdueWarning ? now : null].filter((v): v is string => v !== null);
  return candidates.length ? candidates.sort()[0] : null;
}
