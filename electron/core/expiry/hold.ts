// The hold a notice belongs to: a reservation or lock as started by one audit event (reserve,
// lock, extend, a subscription event, the import of a held number). A number released and held
// again, even to the same deadline, is a new hold with its own warning and expiry notice.
import { DID_RESERVATION_EVENT_ACTIONS } from '../../../shared/billing';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { EXPIRING_STATES_SQL } from '../lifecycle/sweep';

/**
 * SQL for the event that started the current hold of the number whose id is `numberId` (an SQL
 * expression): its latest event into a held state, read backwards on the (number_id, id) index.
 * Null when the number has no such event (written without audit): its deadline names the hold.
 * Meaningful while the number is held, and inside the release's transaction. A DID Reservation's
 * end is recorded on the number but starts no hold: the hold it ends is the one already warned of.
 */
export function holdEventOf(numberId: string): string {
  return `(SELECT e.id FROM events e WHERE e.number_id = ${numberId} AND e.to_state IN (${EXPIRING_STATES_SQL})
    AND e.action <> '${DID_RESERVATION_EVENT_ACTIONS.ended}' ORDER BY e.id DESC LIMIT 1)`;
}

export const HOLD_EVENT_SQL = `SELECT ${holdEventOf('?')} AS id`;

/** The event that started the number's current (or, just after its release, last) hold. */
export function currentHoldEventId(db: Db, numberId: number): number | null {
  return (prepared(db, HOLD_EVENT_SQL).get(numberId) as { id: number | null }).id;
}
