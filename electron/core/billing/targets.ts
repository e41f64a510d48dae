// The numbers a billing event concerns: those a subscription or DID Reservation holds now, and
// those it held before (found in the audit trail by migration 007's indexes), so an event that
// arrives after a number has moved on is reported for that number instead of silently ignored.
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import type { NumberRow } from '../numbers/rows';

// The audit actions that name a subscription or DID Reservation in their details, exactly as
// migration 007's partial indexes list them (SQLite uses such an index only for the same list).
const SUBSCRIPTION_ACTIONS = `'assign', 'subscription-expired', 'subscription-terminated', 'swapped-out'`;
const DID_RESERVATION_ACTIONS = `'extend', 'did-reservation-renewed', 'did-reservation-ended'`;

const byNumber = (rows: NumberRow[]) => [...new Map(rows.map((r) => [r.id, r])).values()].sort((a, b) => (a.number < b.number ? -1 : 1));

/** Numbers assigned to the subscription now, or before (assigned here, or left it by an event recorded here). */
export function subscriptionNumbers(db: Db, subscriptionUuid: string): NumberRow[] {
  const now = prepared(db, 'SELECT * FROM numbers WHERE subscription_uuid = ?').all(subscriptionUuid) as NumberRow[];
  const before = prepared(
    db,
    `SELECT * FROM numbers WHERE id IN
       (SELECT number_id FROM events WHERE action IN (${SUBSCRIPTION_ACTIONS}) AND json_extract(details, '$.subscriptionUuid') = ?)`,
  ).all(subscriptionUuid) as NumberRow[];
  return byNumber([...now, ...before]);
}

/** When the number was last assigned to the subscription here; null when no assignment is recorded (imported assigned). */
export function assignedAt(db: Db, numberId: number, subscriptionUuid: string): string | null {
  const row = prepared(
    db,
    `SELECT at FROM events WHERE action IN (${SUBSCRIPTION_ACTIONS}) AND json_extract(details, '$.subscriptionUuid') = ? AND number_id = ?
       AND action = 'assign' ORDER BY id DESC LIMIT 1`,
  ).get(subscriptionUuid, numberId) as { at: string } | undefined;
  return row?.at ?? null;
}

/** Whether the number was ever assigned to the subscription here. */
export function wasAssignedTo(db: Db, numberId: number, subscriptionUuid: string): boolean {
  return assignedAt(db, numberId, subscriptionUuid) !== null;
}

/** Numbers held under the DID Reservation now or before. */
export function didReservationNumbers(db: Db, didReservationUuid: string): NumberRow[] {
  const now = prepared(db, 'SELECT * FROM numbers WHERE did_reservation_uuid = ?').all(didReservationUuid) as NumberRow[];
  const before = prepared(
    db,
    `SELECT * FROM numbers WHERE id IN
       (SELECT number_id FROM events WHERE action IN (${DID_RESERVATION_ACTIONS})
          AND json_extract(details, '$.didReservationUuid') = ?)`,
  ).all(didReservationUuid) as NumberRow[];
  return byNumber([...now, ...before]);
}
