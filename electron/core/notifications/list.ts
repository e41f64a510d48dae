// The in-app notification list: every notice the sweep recorded, newest first, with its emails, a
// page at a time with the total matching the filter.
import type { NumberState } from '../../../shared/domain';
import {
  isHoldNotice,
  notificationKey,
  notificationListSchema,
  type ListPage,
  type NotificationEmailSummary,
  type NotificationKind,
  type NotificationListRequest,
  type NotificationRecord,
} from '../../../shared/notifications';
import type { Db } from '../db/connection';
import { listPage } from './list-page';
import { parseOrThrow } from '../validation';

export interface NotificationRow {
  id: number;
  number: string | null;
  kind: NotificationKind;
  deadline: string | null;
  state: NumberState;
  org_uuid: string | null;
  created_at: string;
  desktop_at: string | null;
  hold_event_id: number | null;
  country: string | null;
  sku: string | null;
  available: number | null;
}

/** A hold's notice by its hold (see notificationKey); a low-stock notice by its pair and id. */
function keyOf(r: NotificationRow): string {
  if (isHoldNotice(r.kind) && r.number !== null && r.deadline !== null)
    return notificationKey({ number: r.number, kind: r.kind, deadline: r.deadline, holdEventId: r.hold_event_id });
  return `${r.kind}|${r.country ?? ''}|${r.sku ?? ''}|${r.id}`;
}

/** The emails of a notice, as the list shows them (parameter: the notice's id). */
export const NOTICE_EMAILS_SQL = 'SELECT id, recipient_role AS role, recipient, status FROM outbox WHERE notification_id = ? ORDER BY id';

/** A notice as the list shows it, with its emails, whichever store read it. */
export function toNotificationRecord(r: NotificationRow, emails: NotificationEmailSummary[]): NotificationRecord {
  return {
    id: r.id,
    key: keyOf(r),
    holdEventId: r.hold_event_id,
    number: r.number,
    kind: r.kind,
    deadline: r.deadline,
    state: r.state,
    orgUuid: r.org_uuid,
    createdAt: r.created_at,
    desktopAt: r.desktop_at,
    stock: r.country !== null && r.sku !== null && r.available !== null ? { country: r.country, sku: r.sku, available: r.available } : null,
    emails,
  };
}

export function listNotifications(db: Db, request: NotificationListRequest = {}): ListPage<NotificationRecord> {
  const { kinds, page, pageSize } = parseOrThrow(notificationListSchema, request, 'Notification list');
  const emailsOf = db.prepare(NOTICE_EMAILS_SQL);
  return listPage<NotificationRow, NotificationRecord>(db, { table: 'notifications', column: 'kind', values: kinds, page, pageSize }, (r) =>
    toNotificationRecord(r, emailsOf.all(r.id) as NotificationEmailSummary[]),
  );
}
