// The in-app notification list: every notice the sweep recorded, newest first, with its emails, a
// page at a time with the total matching the filter.
import type { NumberState } from '../../../shared/domain';
import {
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
  number: string;
  kind: NotificationKind;
  deadline: string;
  state: NumberState;
  org_uuid: string | null;
  created_at: string;
  desktop_at: string | null;
  hold_event_id: number | null;
}

export function listNotifications(db: Db, request: NotificationListRequest = {}): ListPage<NotificationRecord> {
  const { kinds, page, pageSize } = parseOrThrow(notificationListSchema, request, 'Notification list');
  const emailsOf = db.prepare('SELECT id, recipient_role AS role, recipient, status FROM outbox WHERE notification_id = ? ORDER BY id');
  return listPage<NotificationRow, NotificationRecord>(
    db,
    { table: 'notifications', column: 'kind', values: kinds, page, pageSize },
    (r) => ({
      id: r.id,
      key: notificationKey({ ...r, holdEventId: r.hold_event_id }),
      holdEventId: r.hold_event_id,
      number: r.number,
      kind: r.kind,
      deadline: r.deadline,
      state: r.state,
      orgUuid: r.org_uuid,
      createdAt: r.created_at,
      desktopAt: r.desktop_at,
      emails: emailsOf.all(r.id) as NotificationEmailSummary[],
    }),
  );
}
