// The warning scan: held numbers whose deadline is within the warning lead and whose hold has not
// been warned yet, recorded in bounded batches.
import { EXPIRING_STATES } from '../../../shared/lifecycle';
import { noticeKindOf, type NoticeSummary } from '../../../shared/notifications';
import { DAY_MS } from '../../../shared/settings';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { EXPIRING_STATES_SQL } from '../lifecycle/sweep';
import type { NumberRow } from '../numbers/rows';
import { recordNotice } from '../notifications/record';
import { appSettings } from '../settings-store';
import { holdEventOf } from './hold';
import { noticeOf } from './notice-of';

/** The warning kind of the number `n`'s state, in SQL. */
const WARNING_KIND_SQL = `CASE n.state ${EXPIRING_STATES.map((state) => `WHEN '${state}' THEN '${noticeKindOf(state, 'warning')}'`).join(' ')} END`;

const HOLD = holdEventOf('n.id');

/**
 * A held number `n` whose deadline is after now (parameter 1) and within the lead (parameter 2:
 * now + lead) and whose hold has no warning yet. A notice recorded without a hold (the number had
 * no audit event, or the notice predates migration 5 and its hold could not be told) is known by
 * number, kind and deadline, as every notice was before holds were named: it counts too, so no
 * upgrade ever warns a hold twice.
 */
const WARNING_PENDING = `n.state IN (${EXPIRING_STATES_SQL}) AND n.expires_at IS NOT NULL AND n.expires_at > ? AND n.expires_at <= ?
  AND NOT EXISTS (SELECT 1 FROM notifications t WHERE t.hold_event_id = ${HOLD} AND t.kind = ${WARNING_KIND_SQL})
  AND NOT EXISTS (SELECT 1 FROM notifications t WHERE t.hold_event_id IS NULL AND t.number = n.number
                  AND t.kind = ${WARNING_KIND_SQL} AND t.deadline = n.expires_at)`;

/** Up to `limit` numbers due a warning (parameters: now, now + lead, limit), soonest deadline first, with their hold. */
export const WARNINGS_DUE_SQL = `SELECT n.*, ${HOLD} AS hold_event_id FROM numbers n WHERE ${WARNING_PENDING} ORDER BY n.expires_at, n.id LIMIT ?`;

/** Whether any warning is due (parameters: now, now + lead). */
export const WARNING_PENDING_SQL = `SELECT 1 FROM numbers n WHERE ${WARNING_PENDING} LIMIT 1`;

/** The latest deadline whose warning is due at `now`: deadlines up to now + lead. */
export function warningHorizon(now: string, warningLeadDays: number): string {
  return new Date(Date.parse(now) + warningLeadDays * DAY_MS).toISOString();
}

/** When the warning of a hold ending at `deadline` falls due; null when warnings are off. */
export function warningInstant(deadline: string, warningLeadDays: number): string | null {
  return warningLeadDays > 0 ? new Date(Date.parse(deadline) - warningLeadDays * DAY_MS).toISOString() : null;
}

/** Whether a warning is due at `now` with this lead (none when warnings are off). */
export function warningPending(db: Db, now: string, warningLeadDays: number): boolean {
  return warningLeadDays > 0 && prepared(db, WARNING_PENDING_SQL).get(now, warningHorizon(now, warningLeadDays)) !== undefined;
}

/** Records up to `limit` due warnings in one transaction. */
export function warnBatch(db: Db, now: string, limit: number): NoticeSummary[] {
  // Looked at first without the write lock: most sweeps find nothing to warn, and a sweep every
  // minute must not keep another process (the CLI beside the app) waiting for nothing.
  if (!warningPending(db, now, appSettings(db).warningLeadDays)) return [];
  return db
    .transaction(() => {
      // Read inside the transaction so the lead and addresses are the ones in force now.
      const settings = appSettings(db);
      if (settings.warningLeadDays === 0) return [];
      const due = prepared(db, WARNINGS_DUE_SQL).all(now, warningHorizon(now, settings.warningLeadDays), limit) as (NumberRow & {
        hold_event_id: number | null;
      })[];
      const notices: NoticeSummary[] = [];
      for (const row of due) {
        const notice = recordNotice(db, noticeOf(row, noticeKindOf(row.state, 'warning'), row.hold_event_id), now, settings);
        if (notice) notices.push(notice);
      }
      return notices;
    })
    .immediate();
}
