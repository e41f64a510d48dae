// The in-app notification list: every notice the sweep recorded, newest first, with its emails.
import type { NumberState } from '../../../shared/domain';
import {
  notificationKey,
  notificationListSchema,
  type NotificationEmailSummary,
  type NotificationKind,
  type NotificationListRequest,
  type NotificationRecord,
  type OutboxStatus,
  type RecipientRole,
} from '../../../shared/notifications';
import type { Db } from '../db/connection';
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
}

export function listNotifications(db: Db, request: NotificationListRequest = {}): NotificationRecord[] {
  const { kinds, limit } = parseOrThrow(notificationListSchema, request, 'Notification list');
  const where = kinds?.length ? `WHERE kind IN (${kinds.map(() => '?').join(', ')})` : '';
  const rows = db
    .prepare(`SELECT * FROM notifications ${where} ORDER BY id DESC LIMIT ?`)
    .all(...(kinds ?? []), limit) as NotificationRow[];
  const emailsOf = db.prepare('SELECT id, recipient_role AS role, recipient, status FROM outbox WHERE notification_id = ? ORDER BY id');
  return rows.map((r) => ({
    id: r.id,
    key: notificationKey(r),
    number: r.number,
    kind: r.kind,
    deadline: r.deadline,
    state: r.state,
    orgUuid: r.org_uuid,
    createdAt: r.created_at,
    desktopAt: r.desktop_at,
    emails: emailsOf.all(r.id) as {
      id: number;
      role: RecipientRole;
      recipient: string | null;
      status: OutboxStatus;
    }[] as NotificationEmailSummary[],
  }));
}
