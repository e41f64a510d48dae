// Migration 9: the activity log's indexes and the stock counts the dashboard reads. Never edit once
// landed.
//
// - The activity log lists every audit event newest first (at, then id), a page at a time from a
//   cursor, filtered by operator, action and time range: one index per filter, each ordered by time
//   after the filtered column, so a page walks one index in order and stops after the page. (An
//   index on a column carries the rowid, the event's id, as its last key.) The operator is matched
//   without regard to case, as people type names.
// - number_stock_counts: the numbers per state, country, vendor and SKU, kept by triggers like
//   number_state_counts (migration 002), so the dashboard's breakdowns and the low-stock check read
//   a few hundred rows instead of counting a million numbers.
// - Low-stock notices: a notice kind of its own ('low-stock'), about a country and SKU rather than
//   a number and deadline, recorded once each time the pair's available numbers fall below the
//   threshold. SQLite cannot change a table's CHECK, so notifications is rebuilt (with its child
//   table outbox, copied first, as migration 005 did): number and deadline are empty on a low-stock
//   notice, which names its country, SKU and the available count instead. low_stock_pairs holds the
//   pairs below the threshold now, each with the notice it was given: a pair back above it leaves,
//   and its next fall is a new notice.
import type { Migration } from './types';

const STOCK_KEY = 'state, country, vendor, sku';

const add = (row: 'new' | 'old') =>
  `INSERT INTO number_stock_counts (${STOCK_KEY}, count) VALUES (${row}.state, ${row}.country, ${row}.vendor, ${row}.sku, 1)
          ON CONFLICT (${STOCK_KEY}) DO UPDATE SET count = count + 1;`;
const remove = (row: 'new' | 'old') =>
  `UPDATE number_stock_counts SET count = count - 1
          WHERE state = ${row}.state AND country = ${row}.country AND vendor = ${row}.vendor AND sku = ${row}.sku;`;

/** Counts the stock afresh from the numbers (here, and wherever the triggers were off: the bench's bulk build). */
export const STOCK_COUNTS_FILL_SQL = `DELETE FROM number_stock_counts;
  INSERT INTO number_stock_counts (${STOCK_KEY}, count) SELECT ${STOCK_KEY}, count(*) FROM numbers GROUP BY ${STOCK_KEY};`;

export const migration009: Migration = {
  version: 9,
  name: 'activity log indexes, stock counts, low-stock notices',
  sql: `
      CREATE INDEX events_at ON events (at);
      CREATE INDEX events_actor ON events (actor COLLATE NOCASE, at);
      CREATE INDEX events_action ON events (action, at);

      CREATE TABLE number_stock_counts (
        state TEXT NOT NULL,
        country TEXT NOT NULL,
        vendor TEXT NOT NULL,
        sku TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (${STOCK_KEY})
      ) WITHOUT ROWID;
      ${STOCK_COUNTS_FILL_SQL}
      CREATE TRIGGER number_stock_counts_insert AFTER INSERT ON numbers BEGIN
        ${add('new')}
      END;
      CREATE TRIGGER number_stock_counts_delete AFTER DELETE ON numbers BEGIN
        ${remove('old')}
      END;
      CREATE TRIGGER number_stock_counts_update AFTER UPDATE OF ${STOCK_KEY} ON numbers
        WHEN old.state IS NOT new.state OR old.country IS NOT new.country OR old.vendor IS NOT new.vendor OR old.sku IS NOT new.sku
      BEGIN
        ${remove('old')}
        ${add('new')}
      END;

      CREATE TABLE notifications_v9 (
        id INTEGER PRIMARY KEY,
        -- The number and deadline a hold's notice is about; empty on a low-stock notice.
        number TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('reservation-warning', 'reservation-expired', 'lock-warning', 'lock-expired', 'low-stock')),
        deadline TEXT,
        state TEXT NOT NULL,
        org_uuid TEXT,
        created_at TEXT NOT NULL,
        desktop_at TEXT,
        hold_event_id INTEGER REFERENCES events (id),
        -- A low-stock notice: the country and SKU, and their available numbers when it was recorded.
        country TEXT,
        sku TEXT,
        available INTEGER,
        CHECK ((kind = 'low-stock') = (number IS NULL)),
        CHECK (kind = 'low-stock' OR deadline IS NOT NULL),
        CHECK ((kind = 'low-stock') = (country IS NOT NULL AND sku IS NOT NULL AND available IS NOT NULL))
      );
      INSERT INTO notifications_v9 (id, number, kind, deadline, state, org_uuid, created_at, desktop_at, hold_event_id)
        SELECT id, number, kind, deadline, state, org_uuid, created_at, desktop_at, hold_event_id FROM notifications;

      CREATE TABLE outbox_v9 (
        id INTEGER PRIMARY KEY,
        notification_id INTEGER REFERENCES notifications_v9 (id),
        recipient_role TEXT NOT NULL CHECK (recipient_role IN ('reserver', 'partner-support', 'operator-support')),
        recipient TEXT,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'no-recipient')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_attempt_at TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        message_id TEXT,
        CHECK ((status = 'no-recipient') = (recipient IS NULL))
      );
      INSERT INTO outbox_v9 SELECT id, notification_id, recipient_role, recipient, subject, body, status, attempts, last_error,
        next_attempt_at, created_at, sent_at, message_id FROM outbox;

      DROP TABLE outbox;
      DROP TABLE notifications;
      ALTER TABLE notifications_v9 RENAME TO notifications;
      ALTER TABLE outbox_v9 RENAME TO outbox;

      CREATE UNIQUE INDEX notifications_per_hold ON notifications (hold_event_id, kind) WHERE hold_event_id IS NOT NULL;
      CREATE UNIQUE INDEX notifications_per_deadline ON notifications (number, kind, deadline) WHERE hold_event_id IS NULL;
      CREATE INDEX notifications_recent ON notifications (created_at, id);
      CREATE INDEX notifications_desktop_pending ON notifications (id) WHERE desktop_at IS NULL;
      CREATE INDEX notifications_kind ON notifications (kind, id);
      CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
      CREATE INDEX outbox_status ON outbox (status, id);
      CREATE INDEX outbox_notification ON outbox (notification_id);

      CREATE TABLE low_stock_pairs (
        country TEXT NOT NULL,
        sku TEXT NOT NULL,
        notification_id INTEGER NOT NULL REFERENCES notifications (id),
        PRIMARY KEY (country, sku)
      ) WITHOUT ROWID;
    `,
};
