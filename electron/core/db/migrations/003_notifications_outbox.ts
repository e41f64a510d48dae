// Migration 3: notifications (each warning or expiry notice, exactly once per number, kind and
// deadline) and the email outbox they queue. Never edit once landed.
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'notifications and email outbox',
  sql: `
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reservation-warning', 'reservation-expired', 'lock-warning', 'lock-expired')),
        -- The deadline the notice is about (UTC ISO 8601): a new deadline is a new notice.
        deadline TEXT NOT NULL,
        -- The number's state the notice is about (reserved or locked), and the reserver if any.
        state TEXT NOT NULL,
        org_uuid TEXT,
        created_at TEXT NOT NULL,
        -- When a desktop notification included it; NULL = not shown yet.
        desktop_at TEXT,
        UNIQUE (number, kind, deadline)
      );
      CREATE INDEX notifications_recent ON notifications (created_at, id);
      CREATE INDEX notifications_desktop_pending ON notifications (id) WHERE desktop_at IS NULL;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        notification_id INTEGER REFERENCES notifications (id),
        -- reserver, partner-support or operator-support: who the email is for, kept so a
        -- "no recipient" email can be resolved again once the address is configured.
        recipient_role TEXT NOT NULL CHECK (recipient_role IN ('reserver', 'partner-support', 'operator-support')),
        recipient TEXT,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'no-recipient')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        -- When delivery is next tried; NULL = not automatically (sent, no recipient, or retries exhausted).
        next_attempt_at TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        message_id TEXT,
        CHECK ((status = 'no-recipient') = (recipient IS NULL))
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
      CREATE INDEX outbox_status ON outbox (status, id);
    `,
};
