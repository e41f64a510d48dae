// Migration 5: a notice belongs to the hold it is about, not to the number and deadline. Never edit
// once landed.
//
// Migration 3 made each notice unique per (number, kind, deadline), so a later reservation or lock
// of the same number ending at the same instant (released and reserved again, or extended to the
// same date) was never warned nor released with notice. A hold is now named by the audit event that
// started it (reserve, lock, extend, a subscription event, an import of a held number), and each
// notice is unique per (hold_event_id, kind). A notice whose hold cannot be told (a number written
// without audit events) keeps the old key, so nothing is ever notified twice.
//
// SQLite cannot drop a table's UNIQUE constraint, so notifications is rebuilt; its child table
// outbox is rebuilt with it (copied first, its foreign key pointing at the new table), because
// foreign keys are on and cannot be switched off inside the migration's transaction. Renaming the
// new tables into place rewrites outbox's reference to the final name.
//
// Existing notices are given the hold they were recorded for: the number's latest event into the
// notice's state, at or before the notice, that set the notice's deadline (an import does not
// record one). Of any two that would land on the same hold, the later keeps it (the deadline in
// force is the latest one warned) and the earlier keeps the old key.
import type { Migration } from './types';

export const migration005: Migration = {
  version: 5,
  name: 'notices keyed by the hold they belong to',
  sql: `
      CREATE TABLE notifications_v5 (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reservation-warning', 'reservation-expired', 'lock-warning', 'lock-expired')),
        -- The deadline the notice is about (UTC ISO 8601).
        deadline TEXT NOT NULL,
        -- The number's state the notice is about (reserved or locked), and the reserver if any.
        state TEXT NOT NULL,
        org_uuid TEXT,
        created_at TEXT NOT NULL,
        -- When a desktop notification included it; NULL = not shown yet.
        desktop_at TEXT,
        -- The audit event that started the hold (reservation or lock) the notice is about; NULL when
        -- the number has no such event (written without audit), then the deadline names the hold.
        hold_event_id INTEGER REFERENCES events (id)
      );
      INSERT INTO notifications_v5 (id, number, kind, deadline, state, org_uuid, created_at, desktop_at, hold_event_id)
        SELECT t.id, t.number, t.kind, t.deadline, t.state, t.org_uuid, t.created_at, t.desktop_at, (
          SELECT e.id FROM events e JOIN numbers m ON m.id = e.number_id
          WHERE m.number = t.number AND e.to_state = t.state AND e.at <= t.created_at
            AND (json_extract(e.details, '$.expiresAt') = t.deadline OR e.action = 'import')
          ORDER BY e.id DESC LIMIT 1)
        FROM notifications t;
      UPDATE notifications_v5 SET hold_event_id = NULL
        WHERE hold_event_id IS NOT NULL
          AND id NOT IN (SELECT max(id) FROM notifications_v5 WHERE hold_event_id IS NOT NULL GROUP BY hold_event_id, kind);

      CREATE TABLE outbox_v5 (
        id INTEGER PRIMARY KEY,
        notification_id INTEGER REFERENCES notifications_v5 (id),
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
      INSERT INTO outbox_v5 SELECT id, notification_id, recipient_role, recipient, subject, body, status, attempts, last_error,
        next_attempt_at, created_at, sent_at, message_id FROM outbox;

      DROP TABLE outbox;
      DROP TABLE notifications;
      ALTER TABLE notifications_v5 RENAME TO notifications;
      ALTER TABLE outbox_v5 RENAME TO outbox;

      CREATE UNIQUE INDEX notifications_per_hold ON notifications (hold_event_id, kind) WHERE hold_event_id IS NOT NULL;
      CREATE UNIQUE INDEX notifications_per_deadline ON notifications (number, kind, deadline) WHERE hold_event_id IS NULL;
      CREATE INDEX notifications_recent ON notifications (created_at, id);
      CREATE INDEX notifications_desktop_pending ON notifications (id) WHERE desktop_at IS NULL;
      -- The Notifications screen's kind filter: each kind's notices newest first, and their count.
      CREATE INDEX notifications_kind ON notifications (kind, id);
      CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
      CREATE INDEX outbox_status ON outbox (status, id);
      CREATE INDEX outbox_notification ON outbox (notification_id);
    `,
};
