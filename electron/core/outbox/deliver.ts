// Delivering due outbox emails. Each attempt's outcome is recorded on the email: sent with its
// message id, or failed with the error and the time of the next attempt, backing off
// exponentially (1 min, 2, 4, ... capped at 6 h). After MAX_AUTOMATIC_ATTEMPTS the email stays
// failed until the operator retries it. Without SMTP settings nothing is attempted: emails wait.
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import { appSettings } from '../settings-store';
import { smtpConfigured } from '../../../shared/settings';
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

export async function deliverDue(
  db: Db,
  clock: Clock,
  senderFor: (settings: ReturnType<typeof appSettings>) => MailSender,
  batch = DELIVERY_BATCH,
): Promise<DeliveryResult> {
  const settings = appSettings(db);
  if (!smtpConfigured(settings)) return { sent: 0, failed: 0, configured: false };
  const emails = dueEmails(db, clock.now().toISOString(), batch);
  if (emails.length === 0) return { sent: 0, failed: 0, configured: true };
  const sender = senderFor(settings);
  let sent = 0;
  let failed = 0;
  try {
    for (const email of emails) {
      try {
        const message = messageOf(email, settings);
        const info = await sender.send({ ...message, from: message.from ?? settings.smtpFrom, to: email.recipient as string });
        markSent(db, email.id, clock.now().toISOString(), info.messageId);
        sent++;
      } catch (error) {
        const attempts = email.attempts + 1;
        const next = attempts >= MAX_AUTOMATIC_ATTEMPTS ? null : new Date(clock.now().getTime() + backoffMs(attempts)).toISOString();
        markFailed(db, email.id, error instanceof Error ? error.message : String(error), next);
        failed++;
      }
    }
  } finally {
    sender.close?.();
  }
  return { sent, failed, configured: true };
}
