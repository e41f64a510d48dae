// The record of applied billing events (migration 007): each event once, by its key, with the
// numbers it was applied to. Callers own the transaction.
import type { AppliedBillingEvent, DidReservationEventName, ParsedBillingEvent } from '../../../shared/billing';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';

/** An event as read, with its effective time decided (given, or now). */
export type DatedBillingEvent = ParsedBillingEvent & { at: string };

/** Where an event came from, for its record and audit events: a feed's file, or an operator. */
export interface BillingSource {
  file: string | null;
  actor: string;
}

const uuidOf = (event: DatedBillingEvent) => (event.kind === 'subscription' ? event.subscriptionUuid : event.didReservationUuid);

/**
 * The event's identity: the same event resent by billing has the same key whatever file brought it.
 * The number belongs to it only for a swap-out (expired and terminated are the subscription's,
 * whichever of its numbers a caller limited them to); the paid-until only to a renewal.
 */
export function billingEventKey(event: DatedBillingEvent): string {
  const number = event.kind === 'subscription' && event.event === 'swapped-out' ? (event.number ?? '') : '';
  const until = event.kind === 'did-reservation' ? (event.until ?? '') : '';
  return [event.kind, uuidOf(event), event.event, event.at, number, until].join('|');
}

/** Whether the event was applied to the number before. */
export function wasApplied(db: Db, key: string, numberId: number): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM billing_event_numbers a JOIN billing_events b ON b.id = a.billing_event_id WHERE b.key = ? AND a.number_id = ?`,
    ).get(key, numberId) !== undefined
  );
}

/** Records that the event was applied to the number by the audit event `auditEventId`. */
export function recordApplied(
  db: Db,
  event: DatedBillingEvent,
  source: BillingSource,
  numberId: number,
  auditEventId: number,
  now: string,
): void {
  const key = billingEventKey(event);
  prepared(
    db,
    `INSERT INTO billing_events (key, kind, uuid, event, effective_at, number, until, file, actor, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
  ).run(
    key,
    event.kind,
    uuidOf(event),
    event.event,
    event.at,
    event.kind === 'subscription' ? (event.number ?? null) : null,
    event.kind === 'did-reservation' ? (event.until ?? null) : null,
    source.file,
    source.actor,
    now,
  );
  prepared(
    db,
    `INSERT INTO billing_event_numbers (billing_event_id, number_id, audit_event_id)
     SELECT id, ?, ? FROM billing_events WHERE key = ?`,
  ).run(numberId, auditEventId, key);
}

/** The latest applied event of a DID Reservation with this name (effective time), or null. */
export function latestDidReservationEvent(db: Db, didReservationUuid: string, event: DidReservationEventName): string | null {
  const row = prepared(
    db,
    `SELECT max(effective_at) AS at FROM billing_events WHERE uuid = ? AND event = ? AND kind = 'did-reservation'`,
  ).get(didReservationUuid, event) as { at: string | null };
  return row.at;
}

interface AppliedRow {
  kind: AppliedBillingEvent['kind'];
  uuid: string;
  event: AppliedBillingEvent['event'];
  effective_at: string;
  until: string | null;
  file: string | null;
  actor: string;
  recorded_at: string;
}

/** The billing events applied to a number, in the order they were applied. */
export function appliedToNumber(db: Db, numberId: number): AppliedBillingEvent[] {
  const rows = prepared(
    db,
    `SELECT b.kind, b.uuid, b.event, b.effective_at, b.until, b.file, b.actor, b.recorded_at
     FROM billing_event_numbers a JOIN billing_events b ON b.id = a.billing_event_id
     WHERE a.number_id = ? ORDER BY a.audit_event_id`,
  ).all(numberId) as AppliedRow[];
  return rows.map((r) => ({
    kind: r.kind,
    uuid: r.uuid,
    event: r.event,
    effectiveAt: r.effective_at,
    until: r.until,
    file: r.file,
    actor: r.actor,
    recordedAt: r.recorded_at,
  }));
}
