// Migration 7: events from billing (subscriptions and DID Reservations), each recorded once.
//
// A billing feed resends events; an event is named by its key (kind, UUID, event, effective time,
// and the number or paid-until where they belong), and billing_event_numbers says to which numbers
// it was applied, with the audit event that records it: applying it again finds it there.
//
// Out-of-order events need the numbers a subscription or DID Reservation held before: an
// "expired" for a subscription a number has since left must find that number to report it. The
// audit trail holds that (assign, the subscription events, extend and the DID Reservation events
// name their UUIDs in details); two partial expression indexes find those events by UUID without
// reading the trail.
import type { Migration } from './types';

export const migration007: Migration = {
  version: 7,
  name: 'billing events',
  sql: `
      CREATE TABLE billing_events (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('subscription', 'did-reservation')),
        uuid TEXT NOT NULL,
        event TEXT NOT NULL CHECK (event IN ('expired', 'terminated', 'swapped-out', 'renewed', 'ended')),
        effective_at TEXT NOT NULL,
        number TEXT,
        until TEXT,
        -- The feed's file name; NULL when an operator entered the event.
        file TEXT,
        actor TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX billing_events_uuid ON billing_events (uuid, event, effective_at);

      CREATE TABLE billing_event_numbers (
        billing_event_id INTEGER NOT NULL REFERENCES billing_events (id),
        number_id INTEGER NOT NULL REFERENCES numbers (id),
        audit_event_id INTEGER NOT NULL REFERENCES events (id),
        PRIMARY KEY (billing_event_id, number_id)
      ) WITHOUT ROWID;
      CREATE INDEX billing_event_numbers_number ON billing_event_numbers (number_id);

      CREATE INDEX events_subscription ON events (json_extract(details, '$.subscriptionUuid'), number_id)
        WHERE action IN ('assign', 'subscription-expired', 'subscription-terminated', 'swapped-out');
      CREATE INDEX events_did_reservation ON events (json_extract(details, '$.didReservationUuid'), number_id)
        WHERE action IN ('extend', 'did-reservation-renewed', 'did-reservation-ended');
    `,
};
