// The notice about a held number, as the sweep records it.
import type { HoldNoticeKind } from '../../../shared/notifications';
import type { NumberRow } from '../numbers/rows';
import type { NoticeInput } from '../notifications/record';

export function noticeOf(row: NumberRow, kind: HoldNoticeKind, holdEventId: number | null): NoticeInput {
  if (row.expires_at === null) throw new Error(`${row.number} has no deadline to give notice of`);
  return {
    number: row.number,
    kind,
    deadline: row.expires_at,
    state: row.state,
    orgUuid: row.reservation_org_uuid,
    reservationKind: row.reservation_kind,
    holdEventId,
  };
}
