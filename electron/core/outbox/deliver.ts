// Delivering due outbox emails. Each attempt's outcome is recorded on the email: sent with its
// message id, or failed with the error and the time of the next attempt, backing off
// exponentially (1 min, 2, 4, ... capped at 6 h). After MAX_AUTOMATIC_ATTEMPTS the email stays
// failed until the operator retries it. Without SMTP settings nothing is attempted: emails wait.
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import { appSettings } from '../settings-store';
import { smtpConfigured, type AppSettings } from '../../../shared/settings';
import type { OutboxEmail } from '../../../shared/notifications';
import { messageOf } from './eml';
import { dueEmails, markFailed, markSent } from './repository';
import type { MailSender } from './transport';

export const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60 * 1000;
const MAX_AUTOMATIC_ATTEMPTS = 12;
const DELIVERY_BATCH = 50;

/** The wait before the next attempt after `attempts` failed ones. */
function backoffMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  /** False when SMTP is not configured: nothing was attempted. */
  configured: boolean;
}

/** Where delivery reads and records emails: the inventory file, or a team database shared by many deliverers. */
export interface DeliveryStore {
  settings(): Promise<AppSettings>;
  /** Emails whose attempt is due, each taken by this deliverer alone (on a team database no other desktop sends it meanwhile). */
  takeDue(now: string, limit: number): Promise<OutboxEmail[]>;
  markSent(id: number, now: string, messageId: string | null): Promise<void>;
  markFailed(id: number, error: string, nextAttempt: string | null): Promise<void>;
}

export async function deliverDue(
  db: Db,
  clock: Clock,
  senderFor: (settings: AppSettings) => MailSender,
  batch = DELIVERY_BATCH,
): Promise<DeliveryResult> {
  const store: DeliveryStore = {
    settings: async () => appSettings(db),
    takeDue: async (now, limit) => dueEmails(db, now, limit),
    markSent: async (id, now, messageId) => markSent(db, id, now, messageId),
    markFailed: async (id, error, next) => markFailed(db, id, error, next),
  };
  return deliverFrom(store, clock, senderFor, batch);
}

/** Sends the due emails of a store, recording each attempt's outcome on the email. */
export async function deliverFrom(
  store: DeliveryStore,
  clock: Clock,
  senderFor: (settings: AppSettings) => MailSender,
  batch = DELIVERY_BATCH,
): Promise<DeliveryResult> {
  const settings = await store.settings();
  if (!smtpConfigured(settings)) return { sent: 0, failed: 0, configured: false };
  const emails = await store.takeDue(clock.now().toISOString(), batch);
  if (emails.length === 0) return { sent: 0, failed: 0, configured: true };
  const sender = senderFor(settings);
  let sent = 0;
  let failed = 0;
  try {
    for (const email of emails) {
      try {
        const message = messageOf(email, settings);
        const info = await sender.send({ ...message, from: message.from ?? settings.smtpFrom, to: email.recipient as string });
        await store.markSent(email.id, clock.now().toISOString(), info.messageId);
        sent++;
      } catch (error) {
        const attempts = email.attempts + 1;
        const next = attempts >= MAX_AUTOMATIC_ATTEMPTS ? null : new Date(clock.now().getTime() + backoffMs(attempts)).toISOString();
        await store.markFailed(email.id, error instanceof Error ? error.message : String(error), next);
        failed++;
      }
    }
  } finally {
    sender.close?.();
  }
  return { sent, failed, configured: true };
}
