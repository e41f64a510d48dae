// Notifications: the warnings and expiry notices the sweep records, exactly once per number, kind
// and deadline, shown in the app's notification list and as desktop notifications, and the
// navigation a click on one asks the window to make.
import { z } from 'zod';
import type { NumberState } from './domain';
import type { SearchFilter } from './search';

export const NOTIFICATION_KINDS = ['reservation-warning', 'reservation-expired', 'lock-warning', 'lock-expired'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'reservation-warning': 'Reservation expires soon',
  'reservation-expired': 'Reservation expired',
  'lock-warning': 'Lock expires soon',
  'lock-expired': 'Lock expired',
};

export type RecipientRole = 'reserver' | 'partner-support' | 'operator-support';

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'no-recipient'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface NotificationEmailSummary {
  id: number;
  role: RecipientRole;
  recipient: string | null;
  status: OutboxStatus;
}

export interface NotificationRecord {
  id: number;
  /** number|kind|deadline: the identity that makes each notice happen once. */
  key: string;
  number: string;
  kind: NotificationKind;
  /** The deadline the notice is about (UTC ISO 8601). */
  deadline: string;
  /** The state the number was in (reserved or locked). */
  state: NumberState;
  orgUuid: string | null;
  createdAt: string;
  /** When a desktop notification included it; null while not shown. */
  desktopAt: string | null;
  emails: NotificationEmailSummary[];
}

export function notificationKey(n: { number: string; kind: NotificationKind; deadline: string }): string {
  return `${n.number}|${n.kind}|${n.deadline}`;
}

export const notificationListSchema = z.object({
  kinds: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type NotificationListRequest = z.input<typeof notificationListSchema>;

/** Where a click on a notification takes the window. */
export type NavigationRequest =
  | { view: 'numbers'; state: NumberState; filter: SearchFilter }
  | { view: 'notifications'; kinds?: NotificationKind[] }
  | { view: 'outbox' };

/** One desktop notification standing for several notices of the same kind. */
export interface DesktopBatch {
  kind: NotificationKind;
  title: string;
  body: string;
  numbers: string[];
  notificationIds: number[];
  navigate: NavigationRequest;
}

export interface OutboxEmail {
  id: number;
  notificationId: number | null;
  role: RecipientRole;
  /** null when no address is configured for the role ("no recipient"). */
  recipient: string | null;
  subject: string;
  /** Plain text naming the number, its state, the deadline and the action to take. */
  body: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  /** When delivery is next tried automatically; null when it is not. */
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
  messageId: string | null;
}

export const outboxListSchema = z.object({
  statuses: z.array(z.enum(OUTBOX_STATUSES)).max(OUTBOX_STATUSES.length).optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});
export type OutboxListRequest = z.input<typeof outboxListSchema>;

/** What one sweep did: the numbers it released and the notices it recorded. */
export interface NoticeSummary {
  key: string;
  number: string;
  kind: NotificationKind;
  deadline: string;
  emails: { role: RecipientRole; recipient: string | null; status: OutboxStatus }[];
}
