// The outbox on a team database: the list, one email, the operator's retry, and delivery by any
// desktop with SMTP configured. Each due email is taken by one deliverer: a transaction picks the
// due emails `FOR UPDATE SKIP LOCKED` (an email another deliverer is taking is skipped, never
// waited for) and moves their next attempt a lease ahead, so no other desktop takes them while they
// are sent; the outcome (sent, or failed with the next attempt) is written for every desktop to
// see. A deliverer that dies mid-send leaves its emails to be taken again when the lease ends.
import type pg from 'pg';
import { outboxListSchema, type ListPage, type OutboxEmail, type OutboxListRequest } from '../../../../shared/notifications';
import type { AppSettings } from '../../../../shared/settings';
import type { DeliveryStore } from '../../outbox/deliver';
import { emailOrRefusal, refuseSentRetry, retryRecipient, toEmail, type OutboxRow } from '../../outbox/repository';
import { addressFor } from '../../notifications/recipients';
import { parseOrThrow } from '../../validation';
import { listPage } from './list-page';
import { reserverOrg } from './notices';

type Client = Pick<pg.ClientBase, 'query'>;

/** How long a deliverer holds the emails it took before another may take them (longer than any SMTP attempt). */
const DELIVERY_LEASE_MS = 10 * 60_000;

export async function listOutbox(client: Client, request: OutboxListRequest = {}): Promise<ListPage<OutboxEmail>> {
  const { statuses, page, pageSize } = parseOrThrow(outboxListSchema, request, 'Outbox list');
  return listPage<OutboxRow, OutboxEmail>(client, { table: 'outbox', column: 'status', values: statuses, page, pageSize }, toEmail);
}

export async function getEmail(client: Client, id: number, forUpdate = false): Promise<OutboxEmail> {
  const { rows } = await client.query<OutboxRow>(`SELECT * FROM outbox WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return emailOrRefusal(id, rows[0]);
}

/** The operator's retry (see outbox/repository.ts), in the caller's transaction. */
export async function retryEmail(client: Client, id: number, now: string, settings: AppSettings): Promise<OutboxEmail> {
  const email = await getEmail(client, id, true);
  refuseSentRetry(email);
  let recipient = email.recipient;
  if (email.status === 'no-recipient') {
    const notice = email.notificationId
      ? (await client.query<{ org_uuid: string | null }>('SELECT org_uuid FROM notifications WHERE id = $1', [email.notificationId]))
          .rows[0]
      : undefined;
    const org = email.role === 'reserver' ? await reserverOrg(client, notice?.org_uuid ?? null) : undefined;
    recipient = retryRecipient(email, addressFor(settings, email.role, org));
  }
  await client.query(`UPDATE outbox SET status = 'queued', recipient = $1, next_attempt_at = $2 WHERE id = $3`, [recipient, now, id]);
  return getEmail(client, id);
}

/** Delivery on a team database: the emails taken by this deliverer alone (see the file's comment). */
export function teamDeliveryStore(database: {
  transaction<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T>;
  settings(): Promise<AppSettings>;
}): DeliveryStore {
  return {
    settings: () => database.settings(),
    takeDue: (now, limit) =>
      database.transaction(async (client) => {
        const leaseEnd = new Date(Date.parse(now) + DELIVERY_LEASE_MS).toISOString();
        const { rows } = await client.query<OutboxRow>(
          `UPDATE outbox SET next_attempt_at = $2 WHERE id IN (
             SELECT id FROM outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1 AND status IN ('queued', 'failed')
             ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
           RETURNING *`,
          [now, leaseEnd, limit],
        );
        return rows.sort((a, b) => a.id - b.id).map(toEmail);
      }),
    markSent: (id, now, messageId) =>
      database.transaction(async (client) => {
        await client.query(
          `UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = $1, message_id = $2, last_error = NULL, next_attempt_at = NULL
           WHERE id = $3`,
          [now, messageId, id],
        );
      }),
    markFailed: (id, error, next) =>
      database.transaction(async (client) => {
        await client.query(
          `UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3`,
          [error.slice(0, 2000), next, id],
        );
      }),
  };
}
