// The outbox table: listing, reading and the status changes of delivery and retry.
import { InventoryError } from '../../../shared/errors';
import { formatUtc } from '../../../shared/time';
import {
  outboxListSchema,
  type ListPage,
  type OutboxEmail,
  type OutboxListRequest,
  type OutboxStatus,
  type RecipientRole,
} from '../../../shared/notifications';
import type { Db } from '../db/connection';
import { listPage } from '../notifications/list-page';
import { resolveRecipient } from '../notifications/recipients';
import { appSettings } from '../settings-store';
import { parseOrThrow } from '../validation';

export interface OutboxRow {
  id: number;
  notification_id: number | null;
  recipient_role: RecipientRole;
  recipient: string | null;
  subject: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  sent_at: string | null;
  message_id: string | null;
}

export function toEmail(r: OutboxRow): OutboxEmail {
  return {
    id: r.id,
    notificationId: r.notification_id,
    role: r.recipient_role,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    messageId: r.message_id,
  };
}

/** A page of the outbox, newest first, with the total of emails in the statuses asked for. */
export function listOutbox(db: Db, request: OutboxListRequest = {}): ListPage<OutboxEmail> {
  const { statuses, page, pageSize } = parseOrThrow(outboxListSchema, request, 'Outbox list');
  return listPage(db, { table: 'outbox', column: 'status', values: statuses, page, pageSize }, toEmail);
}

export function getEmail(db: Db, id: number): OutboxEmail {
  return emailOrRefusal(id, db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined);
}

/** The email read, or the refusal naming the id that is not in the outbox. */
export function emailOrRefusal(id: number, row: OutboxRow | undefined): OutboxEmail {
  if (!row) throw new InventoryError('NOT_FOUND', `No email ${id} in the outbox`);
  return toEmail(row);
}

/** A sent email is not sent twice. */
export function refuseSentRetry(email: OutboxEmail): void {
  if (email.status === 'sent')
    throw new InventoryError(
      'INVALID_INPUT',
      `Email ${email.id} was already sent on ${formatUtc(email.sentAt ?? '')}; it is not sent twice.`,
    );
}

/** The address a "no recipient" email is retried to, refused while there is still none. */
export function retryRecipient(email: OutboxEmail, resolved: string | null): string {
  if (!resolved) {
    throw new InventoryError(
      'INVALID_INPUT',
      `Email ${email.id} still has no recipient: configure the ${email.role.replace('-', ' ')} address first.`,
    );
  }
  return resolved;
}

/** Emails whose next attempt is due, oldest first. */
export function dueEmails(db: Db, now: string, limit: number): OutboxEmail[] {
  const rows = db
    .prepare(
      `SELECT * FROM outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? AND status IN ('queued', 'failed')
       ORDER BY next_attempt_at, id LIMIT ?`,
    )
    .all(now, limit) as OutboxRow[];
  return rows.map(toEmail);
}

export function nextAttemptAt(db: Db): string | null {
  return (
    db
      .prepare(`SELECT min(next_attempt_at) AS at FROM outbox WHERE next_attempt_at IS NOT NULL AND status IN ('queued', 'failed')`)
      .get() as { at: string | null }
  ).at;
}

export function markSent(db: Db, id: number, now: string, messageId: string | null): void {
  db.prepare(
    `UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, message_id = ?, last_error = NULL, next_attempt_at = NULL WHERE id = ?`,
  ).run(now, messageId, id);
}

export function markFailed(db: Db, id: number, error: string, nextAttempt: string | null): void {
  db.prepare(`UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?`).run(
    error.slice(0, 2000),
    nextAttempt,
    id,
  );
}

/**
 * The operator's retry: a failed email is tried again now; a "no recipient" email looks its
 * address up again (the org or the support address may have been filled in since). A sent email
 * is not sent twice.
 */
export function retryEmail(db: Db, id: number, now: string): OutboxEmail {
  return db
    .transaction(() => {
      const email = getEmail(db, id);
      refuseSentRetry(email);
      let recipient = email.recipient;
      if (email.status === 'no-recipient') {
        const orgUuid = email.notificationId
          ? ((
              db.prepare('SELECT org_uuid FROM notifications WHERE id = ?').get(email.notificationId) as
                { org_uuid: string | null } | undefined
            )?.org_uuid ?? null)
          : null;
        recipient = retryRecipient(email, resolveRecipient(db, appSettings(db), email.role, orgUuid));
      }
      db.prepare(`UPDATE outbox SET status = 'queued', recipient = ?, next_attempt_at = ? WHERE id = ?`).run(recipient, now, id);
      return getEmail(db, id);
    })
    .immediate();
}
