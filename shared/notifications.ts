// Notifications: the warnings and expiry notices the sweep records, exactly once per hold (a
// reservation or lock, named by the audit event that started it) and kind, shown in the app's
// notification list and as desktop notifications, and the navigation a click on one asks the
// window to make.
import { z } from 'zod';
import type { NumberState } from './domain';
import { searchRequestSchema, type SearchFilter, type SearchResult } from './search';

/** The notices about one hold (a reservation or lock) of one number. */
const HOLD_NOTICE_KINDS = ['reservation-warning', 'reservation-expired', 'lock-warning', 'lock-expired'] as const;
export type HoldNoticeKind = (typeof HOLD_NOTICE_KINDS)[number];
/** low-stock: a country and SKU's available numbers fell below the threshold (see shared/dashboard.ts). */
export const NOTIFICATION_KINDS = [...HOLD_NOTICE_KINDS, 'low-stock'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'reservation-warning': 'Reservation expires soon',
  'reservation-expired': 'Reservation expired',
  'lock-warning': 'Lock expires soon',
  'lock-expired': 'Lock expired',
  'low-stock': 'Low stock',
};

export const isHoldNotice = (kind: NotificationKind): kind is HoldNoticeKind => kind !== 'low-stock';

/** A notice is either the warning before a hold's deadline or the notice that it expired. */
export type NoticeMoment = 'warning' | 'expired';

/** What each kind of notice is about: the state held (reserved or locked) and the moment. */
export const NOTICE_KIND_FACTS: Record<HoldNoticeKind, { state: NumberState; moment: NoticeMoment }> = {
  'reservation-warning': { state: 'reserved', moment: 'warning' },
  'reservation-expired': { state: 'reserved', moment: 'expired' },
  'lock-warning': { state: 'locked', moment: 'warning' },
  'lock-expired': { state: 'locked', moment: 'expired' },
};

/** The kind of notice for a number held in `state` at `moment`. */
export function noticeKindOf(state: NumberState, moment: NoticeMoment): HoldNoticeKind {
  const kind = HOLD_NOTICE_KINDS.find((k) => NOTICE_KIND_FACTS[k].state === state && NOTICE_KIND_FACTS[k].moment === moment);
  if (!kind) throw new Error(`No ${moment} notice exists for a ${state} number`);
  return kind;
}

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
  /** The identity that makes each notice happen once (see notificationKey). */
  key: string;
  /**
   * The audit event that started the hold (reservation or lock) the notice is about; null when
   * the number has none (written without audit), and the deadline names the hold.
   */
  holdEventId: number | null;
  /** The number a hold's notice is about; null on a low-stock notice. */
  number: string | null;
  kind: NotificationKind;
  /** The deadline a hold's notice is about (UTC ISO 8601); null on a low-stock notice. */
  deadline: string | null;
  /** The state the number was in (reserved or locked); available on a low-stock notice. */
  state: NumberState;
  /** A low-stock notice's country and SKU, and their available numbers when it was recorded. */
  stock: { country: string; sku: string; available: number } | null;
  orgUuid: string | null;
  createdAt: string;
  /** When a desktop notification included it; null while not shown. */
  desktopAt: string | null;
  emails: NotificationEmailSummary[];
}

/** number|kind|deadline|hold N: one notice per hold and kind (or per deadline when the hold is unknown). */
export function notificationKey(n: { number: string; kind: HoldNoticeKind; deadline: string; holdEventId: number | null }): string {
  return `${n.number}|${n.kind}|${n.deadline}${n.holdEventId === null ? '' : `|hold ${n.holdEventId}`}`;
}

/** Lists are paged like the inventory grid: page from 0, the same page sizes. */
const pageRequest = { page: searchRequestSchema.shape.page, pageSize: searchRequestSchema.shape.pageSize };

/** One page of a list, with the total of rows matching its filter (always counted: lists are small beside the inventory). */
export type ListPage<Row> = SearchResult<Row> & { total: number };

export const notificationListSchema = z.object({
  kinds: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length).optional(),
  ...pageRequest,
});
export type NotificationListRequest = z.input<typeof notificationListSchema>;

/** Where a click on a notification takes the window. */
export type NavigationRequest =
  // origin 'dashboard': a click on a dashboard figure (its filter shows as the search's own conditions).
  | { view: 'numbers'; state: NumberState; filter: SearchFilter; origin?: 'dashboard' }
  | { view: 'notifications'; kinds?: NotificationKind[] }
  | { view: 'outbox' }
  /** The File menu's Import numbers: the inventory with its import dialog open. */
  | { view: 'import' };

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
  ...pageRequest,
});
export type OutboxListRequest = z.input<typeof outboxListSchema>;

/** What one sweep did: the numbers it released and the notices it recorded. */
export interface NoticeSummary {
  key: string;
  holdEventId: number | null;
  number: string;
  kind: HoldNoticeKind;
  deadline: string;
  emails: { role: RecipientRole; recipient: string | null; status: OutboxStatus }[];
}
