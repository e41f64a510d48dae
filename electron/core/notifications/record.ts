// Recording one notice and queueing its emails. Called inside the caller's transaction (the sweep's
// release or warning batch), so the state change and the queued email commit together. A notice is
// unique per hold and kind (per number, kind and deadline when the hold has no audit event), so a
// second call for the same notice does nothing.
import type { NumberState } from '../../../shared/domain';
import { notificationKey, type HoldNoticeKind, type NoticeSummary, type NotificationKind } from '../../../shared/notifications';
import type { AppSettings } from '../../../shared/settings';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { composeEmail } from './compose';
import { recipientsFor } from './recipients';

export interface NoticeInput {
  number: string;
  kind: HoldNoticeKind;
  deadline: string;
  state: NumberState;
  orgUuid: string | null;
  reservationKind: string | null;
  /** The audit event that started the hold, null when the number has none. */
  holdEventId: number | null;
}

/**
 * Queues a notice's email to each of its kind's recipients; a recipient without an address gets
 * a "no recipient" email, resolved again once the address is configured.
 */
export function queueEmails(
  db: Db,
  email: { notificationId: number; kind: NotificationKind; orgUuid: string | null; subject: string; body: string },
  now: string,
  settings: AppSettings,
): NoticeSummary['emails'] {
  const insertEmail = prepared(
    db,
    `INSERT INTO outbox (notification_id, recipient_role, recipient, subject, body, status, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return recipientsFor(db, settings, email.kind, email.orgUuid).map(({ role, address }) => {
    const status = address ? 'queued' : 'no-recipient';
    insertEmail.run(email.notificationId, role, address, email.subject, email.body, status, address ? now : null, now);
    return { role, recipient: address, status };
  });
}

/** The subject and body of a notice's emails, whichever store records it. */
export function noticeEmail(
  notice: NoticeInput,
  now: string,
  orgName: string | null,
  settings: AppSettings,
): { subject: string; body: string } {
  return composeEmail({
    number: notice.number,
    kind: notice.kind,
    deadline: notice.deadline,
    now,
    orgName,
    orgUuid: notice.orgUuid,
    reservationKind: notice.reservationKind,
    operatorName: settings.operatorName,
  });
}

/** Records the notice and queues its emails; null when this notice was already recorded. */
export function recordNotice(db: Db, notice: NoticeInput, now: string, settings: AppSettings): NoticeSummary | null {
  const inserted = prepared(
    db,
    `INSERT INTO notifications (number, kind, deadline, state, org_uuid, created_at, hold_event_id) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ).run(notice.number, notice.kind, notice.deadline, notice.state, notice.orgUuid, now, notice.holdEventId);
  if (inserted.changes === 0) return null;
  const notificationId = Number(inserted.lastInsertRowid);
  const org = notice.orgUuid
    ? (prepared(db, 'SELECT name FROM organizations WHERE uuid = ?').get(notice.orgUuid) as { name: string } | undefined)
    : undefined;
  const { subject, body } = noticeEmail(notice, now, org?.name ?? null, settings);
  return noticeSummary(
    notice,
    queueEmails(db, { notificationId, kind: notice.kind, orgUuid: notice.orgUuid, subject, body }, now, settings),
  );
}

/** What a sweep reports of a notice it recorded, whichever store recorded it. */
export function noticeSummary(notice: NoticeInput, emails: NoticeSummary['emails']): NoticeSummary {
  return {
    key: notificationKey(notice),
    holdEventId: notice.holdEventId,
    number: notice.number,
    kind: notice.kind,
    deadline: notice.deadline,
    emails,
  };
}
