// Notices on a team database: recording a hold's notice and queueing its emails (in the sweep's
// transaction), the notification list, and the low-stock check. The texts, recipients and keys are
// the core's (notifications/); only the SQL is PostgreSQL's.
//
// Low stock: checked after every change, by whichever desktop made it, under one transaction-level
// advisory lock, so two desktops never record the same pair's fall twice. The check also folds
// the stock changes the triggers appended into number_stock_counts (migration 2): it is the only
// writer of that table, so no action ever waits on a counter row.
import type pg from 'pg';
import type { LowStock } from '../../../../shared/dashboard';
import {
  notificationListSchema,
  type ListPage,
  type NoticeSummary,
  type NotificationEmailSummary,
  type NotificationKind,
  type NotificationListRequest,
  type NotificationRecord,
} from '../../../../shared/notifications';
import type { AppSettings } from '../../../../shared/settings';
import { NOTICE_EMAILS_SQL, toNotificationRecord, type NotificationRow } from '../../notifications/list';
import { composeLowStockEmail, pairKey } from '../../notifications/low-stock';
import { noticeEmail, noticeSummary, type NoticeInput } from '../../notifications/record';
import { recipientsOf, type ReserverOrg } from '../../notifications/recipients';
import { parseOrThrow } from '../../validation';
import { listPage } from './list-page';
import { dollarParams } from './sql';

type Client = Pick<pg.ClientBase, 'query'>;

/** The advisory lock key of the low-stock check ("NILS" in ASCII). */
const LOW_STOCK_LOCK = 0x4e494c53;

/** Queues a notice's email to each of its kind's recipients (a "no recipient" email when one has no address). */
async function queueEmails(
  client: Client,
  email: { notificationId: number; kind: NotificationKind; org: ReserverOrg | undefined; subject: string; body: string },
  now: string,
  settings: AppSettings,
): Promise<NoticeSummary['emails']> {
  const emails: NoticeSummary['emails'] = [];
  for (const { role, address } of recipientsOf(settings, email.kind, email.org)) {
    const status = address ? 'queued' : 'no-recipient';
    await client.query(
      `INSERT INTO outbox (notification_id, recipient_role, recipient, subject, body, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [email.notificationId, role, address, email.subject, email.body, status, address ? now : null, now],
    );
    emails.push({ role, recipient: address, status });
  }
  return emails;
}

/** The organization whose reservation a notice is about, as the recipients are chosen from it. */
export async function reserverOrg(client: Client, orgUuid: string | null): Promise<(ReserverOrg & { name: string }) | undefined> {
  if (!orgUuid) return undefined;
  return (
    await client.query<ReserverOrg & { name: string }>('SELECT name, type, billing_email, owner_email FROM organizations WHERE uuid = $1', [
      orgUuid,
    ])
  ).rows[0];
}

/** Records the notice and queues its emails in the caller's transaction; null when it was already recorded. */
export async function recordNotice(client: Client, notice: NoticeInput, now: string, settings: AppSettings): Promise<NoticeSummary | null> {
  const inserted = await client.query<{ id: number }>(
    `INSERT INTO notifications (number, kind, deadline, state, org_uuid, created_at, hold_event_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT DO NOTHING RETURNING id`,
    [notice.number, notice.kind, notice.deadline, notice.state, notice.orgUuid, now, notice.holdEventId],
  );
  const notificationId = inserted.rows[0]?.id;
  if (notificationId === undefined) return null;
  const org = await reserverOrg(client, notice.orgUuid);
  const { subject, body } = noticeEmail(notice, now, org?.name ?? null, settings);
  return noticeSummary(notice, await queueEmails(client, { notificationId, kind: notice.kind, org, subject, body }, now, settings));
}

export async function listNotifications(client: Client, request: NotificationListRequest = {}): Promise<ListPage<NotificationRecord>> {
  const { kinds, page, pageSize } = parseOrThrow(notificationListSchema, request, 'Notification list');
  return listPage<NotificationRow, NotificationRecord>(
    client,
    { table: 'notifications', column: 'kind', values: kinds, page, pageSize },
    async (r) => toNotificationRecord(r, (await client.query<NotificationEmailSummary>(dollarParams(NOTICE_EMAILS_SQL), [r.id])).rows),
  );
}

/** Country and SKU pairs still stocked with fewer available numbers than the threshold, fewest first (as SQLite's LOW_STOCK_SQL). */
const AVAILABLE = `sum(CASE WHEN state = 'available' THEN count ELSE 0 END)`;
const LOW_STOCK_SQL = `SELECT country, sku, ${AVAILABLE}::int AS available FROM number_stock GROUP BY country, sku
  HAVING sum(CASE WHEN state <> 'deleted' THEN count ELSE 0 END) > 0 AND ${AVAILABLE} < $1
  ORDER BY available, country, sku`;

/** Low-stock pairs under a threshold; none when the threshold is 0 (off). */
export async function lowStockPairs(client: Client, threshold: number): Promise<LowStock[]> {
  return threshold > 0 ? (await client.query<LowStock>(LOW_STOCK_SQL, [threshold])).rows : [];
}

/** Moves the changes appended by the triggers into the folded counts (under the low-stock lock). */
async function foldStockChanges(client: Client): Promise<void> {
  await client.query(`WITH moved AS (DELETE FROM number_stock_changes RETURNING state, country, vendor, sku, delta)
    INSERT INTO number_stock_counts (state, country, vendor, sku, count)
    SELECT state, country, vendor, sku, sum(delta) FROM moved GROUP BY state, country, vendor, sku
    ON CONFLICT (state, country, vendor, sku) DO UPDATE SET count = number_stock_counts.count + excluded.count`);
  await client.query('DELETE FROM number_stock_counts WHERE count = 0');
}

/** In the caller's transaction: records a notice for each pair newly below the threshold; returns how many. */
export async function noteLowStock(client: Client, now: string, settings: AppSettings): Promise<number> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [LOW_STOCK_LOCK]);
  await foldStockChanges(client);
  const below = await lowStockPairs(client, settings.lowStockThreshold);
  const known = new Map(
    (await client.query<{ country: string; sku: string }>('SELECT country, sku FROM low_stock_pairs')).rows.map((p) => [pairKey(p), p]),
  );
  const still = new Set(below.map(pairKey));
  for (const [key, pair] of known) {
    if (!still.has(key)) await client.query('DELETE FROM low_stock_pairs WHERE country = $1 AND sku = $2', [pair.country, pair.sku]);
  }
  let recorded = 0;
  for (const pair of below) {
    if (known.has(pairKey(pair))) continue;
    const [{ id: notificationId }] = (
      await client.query<{ id: number }>(
        `INSERT INTO notifications (number, kind, deadline, state, created_at, country, sku, available)
         VALUES (NULL, 'low-stock', NULL, 'available', $1, $2, $3, $4) RETURNING id`,
        [now, pair.country, pair.sku, pair.available],
      )
    ).rows;
    await client.query('INSERT INTO low_stock_pairs (country, sku, notification_id) VALUES ($1, $2, $3)', [
      pair.country,
      pair.sku,
      notificationId,
    ]);
    const email = composeLowStockEmail(pair, settings.lowStockThreshold, settings.operatorName);
    await queueEmails(client, { notificationId, kind: 'low-stock', org: undefined, ...email }, now, settings);
    recorded++;
  }
  return recorded;
}
