// The expiry sweep on a team database, safe to run from every desktop and a scheduled job at once:
// due numbers are taken `FOR UPDATE SKIP LOCKED` in bounded batches, one transaction each (a
// number another sweep is releasing is skipped, never waited for nor released twice), each release
// with its audit event and its expiry notice; then the warnings now due. Every notice is unique per
// hold and kind (ON CONFLICT DO NOTHING), so each is recorded, and its emails queued, exactly once.
// A sweep stopped mid-way loses nothing: what it committed is done, the next one finds the rest.
import type pg from 'pg';
import type { ExpiredRelease } from '../../../../shared/domain';
import { EXPIRING_STATES } from '../../../../shared/lifecycle';
import { noticeKindOf, type NoticeSummary } from '../../../../shared/notifications';
import type { AppSettings } from '../../../../shared/settings';
import type { SweepReport } from '../../expiry/sweep';
import { noticeOf } from '../../expiry/notice-of';
import { warningHorizon } from '../../expiry/warnings';
import { expireEvent, RELEASED_FIELDS, releaseOf, SWEEP_BATCH_SIZE } from '../../lifecycle/sweep';
import type { NumberRow } from '../../numbers/rows';
import { holdEventOf } from '../../expiry/hold';
import { recordNotice } from './notices';
import { insertEvent, PG_NUMBER_COLUMNS, updateState } from './numbers';

type Client = pg.ClientBase;

export interface SweepStore {
  transaction<T>(work: (client: Client) => Promise<T>): Promise<T>;
  settings(client: Client): Promise<AppSettings>;
}

export const HELD = `n.state = ANY('{${EXPIRING_STATES.join(',')}}'::text[]) AND n.expires_at IS NOT NULL`;

/** The event that started the number `n`'s current (or, just after its release, last) hold: the SQLite store's own SQL. */
const HOLD_EVENT = holdEventOf('n.id');

const WARNING_KIND = `CASE n.state ${EXPIRING_STATES.map((state) => `WHEN '${state}' THEN '${noticeKindOf(state, 'warning')}'`).join(' ')} END`;

/** Held numbers whose deadline is after now ($1) and within the lead ($2) and whose hold has no warning yet. */
export const WARNING_PENDING = `${HELD} AND n.expires_at > $1 AND n.expires_at <= $2
  AND NOT EXISTS (SELECT 1 FROM notifications t WHERE t.hold_event_id = ${HOLD_EVENT} AND t.kind = ${WARNING_KIND})
  AND NOT EXISTS (SELECT 1 FROM notifications t WHERE t.hold_event_id IS NULL AND t.number = n.number
                  AND t.kind = ${WARNING_KIND} AND t.deadline = n.expires_at)`;

/** Releases one batch of due numbers no other sweep holds; answers what it released and the notices it queued. */
async function releaseBatch(
  store: SweepStore,
  now: string,
  batchSize: number,
): Promise<{ released: ExpiredRelease[]; notified: NoticeSummary[] }> {
  return store.transaction(async (client) => {
    const settings = await store.settings(client);
    const due = (
      await client.query<NumberRow>(
        `SELECT ${PG_NUMBER_COLUMNS} FROM numbers n WHERE ${HELD} AND n.expires_at <= $1 ORDER BY n.number LIMIT $2 FOR UPDATE OF n SKIP LOCKED`,
        [now, batchSize],
      )
    ).rows;
    const released: ExpiredRelease[] = [];
    const notified: NoticeSummary[] = [];
    for (const row of due) {
      // Locked by this transaction since it was read: no one else can have changed it.
      if (!(await updateState(client, row, RELEASED_FIELDS, now))) continue;
      await insertEvent(client, expireEvent(row, now));
      const [{ hold }] = (
        await client.query<{ hold: number | null }>(`SELECT ${HOLD_EVENT} AS hold FROM numbers n WHERE n.id = $1`, [row.id])
      ).rows;
      const notice = await recordNotice(client, noticeOf(row, noticeKindOf(row.state, 'expired'), hold), now, settings);
      if (notice) notified.push(notice);
      released.push(releaseOf(row));
    }
    return { released, notified };
  });
}

async function warnBatch(store: SweepStore, now: string, batchSize: number): Promise<NoticeSummary[]> {
  return store.transaction(async (client) => {
    const settings = await store.settings(client);
    if (settings.warningLeadDays === 0) return [];
    const due = (
      await client.query<NumberRow & { hold_event_id: number | null }>(
        `SELECT ${PG_NUMBER_COLUMNS}, ${HOLD_EVENT} AS hold_event_id FROM numbers n WHERE ${WARNING_PENDING}
         ORDER BY n.expires_at, n.id LIMIT $3 FOR UPDATE OF n SKIP LOCKED`,
        [now, warningHorizon(now, settings.warningLeadDays), batchSize],
      )
    ).rows;
    const notices: NoticeSummary[] = [];
    for (const row of due) {
      const notice = await recordNotice(client, noticeOf(row, noticeKindOf(row.state, 'warning'), row.hold_event_id), now, settings);
      if (notice) notices.push(notice);
    }
    return notices;
  });
}

/** One sweep as of `now`: every due release with its notice, then every warning now due. */
export async function sweepTeamDatabase(store: SweepStore, now: string, batchSize = SWEEP_BATCH_SIZE): Promise<SweepReport> {
  const released: ExpiredRelease[] = [];
  const notified: NoticeSummary[] = [];
  for (;;) {
    const batch = await releaseBatch(store, now, batchSize);
    released.push(...batch.released);
    notified.push(...batch.notified);
    if (batch.released.length < batchSize) break;
  }
  for (;;) {
    const batch = await warnBatch(store, now, batchSize);
    notified.push(...batch);
    if (batch.length < batchSize) break;
  }
  return { at: now, released, notified };
}
