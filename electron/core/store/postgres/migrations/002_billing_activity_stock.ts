// Team database migration 2: what SQLite's migrations 7 (billing events) and 8 (activity log
// indexes, stock counts, low-stock notices) added, written for PostgreSQL. Never edit once landed.
//
// - billing_events and billing_event_numbers as on SQLite: each event once by its key, with the
//   numbers it was applied to and the audit event that records it. The two partial expression
//   indexes find the audit events naming a subscription or DID Reservation, for the same action
//   lists as SQLite's (billing/targets.ts reads them).
// - The activity log's indexes: by time, by operator (any case) and by action, each ending in the
//   event's id, so a page walks one index in (at, id) order from its cursor. (SQLite's rowid is the
//   last key of every index; here it is written out.)
// - Stock counts per state, country, vendor and SKU, kept by triggers, as SQLite's
//   number_stock_counts. On a shared server a counter row updated by every action would be a lock
//   every desktop queues behind, and two transactions touching two pairs in opposite orders (two
//   sweeps) would deadlock. So the triggers only append: each statement adds its net changes to
//   number_stock_changes (no row is ever updated by an action), number_stock adds them to the
//   folded counts, and the low-stock check folds the changes into number_stock_counts under its
//   advisory lock (store/postgres/stock.ts), the only writer of that table.
// - Low-stock notices: the kind 'low-stock', about a country and SKU rather than a number and a
//   deadline, with the same CHECKs as SQLite; low_stock_pairs holds the pairs below the threshold.
const STOCK_KEY = 'state, country, vendor, sku';

export const migration002 = {
  version: 2,
  name: 'billing events, activity log indexes, stock counts, low-stock notices',
  sql: `
  CREATE TABLE billing_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text COLLATE "C" NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('subscription', 'did-reservation')),
    uuid text COLLATE "C" NOT NULL,
    event text NOT NULL CHECK (event IN ('expired', 'terminated', 'swapped-out', 'renewed', 'ended')),
    effective_at timestamptz NOT NULL,
    number text COLLATE "C",
    until timestamptz,
    -- The feed's file name; NULL when an operator entered the event.
    file text,
    actor text NOT NULL,
    recorded_at timestamptz NOT NULL
  );
  CREATE INDEX billing_events_uuid ON billing_events (uuid, event, effective_at);

  CREATE TABLE billing_event_numbers (
    billing_event_id bigint NOT NULL REFERENCES billing_events (id),
    number_id bigint NOT NULL REFERENCES numbers (id),
    audit_event_id bigint NOT NULL REFERENCES events (id),
    PRIMARY KEY (billing_event_id, number_id)
  );
  CREATE INDEX billing_event_numbers_number ON billing_event_numbers (number_id);

  CREATE INDEX events_subscription ON events ((details->>'subscriptionUuid'), number_id)
    WHERE action IN ('assign', 'subscription-expired', 'subscription-terminated', 'swapped-out');
  CREATE INDEX events_did_reservation ON events ((details->>'didReservationUuid'), number_id)
    WHERE action IN ('extend', 'did-reservation-renewed', 'did-reservation-ended');

  CREATE INDEX events_at ON events (at, id);
  CREATE INDEX events_actor ON events (lower(actor COLLATE "C"), at, id);
  CREATE INDEX events_action ON events (action, at, id);

  CREATE TABLE number_stock_counts (
    state text NOT NULL,
    country text COLLATE "C" NOT NULL,
    vendor text COLLATE "C" NOT NULL,
    sku text COLLATE "C" NOT NULL,
    count bigint NOT NULL,
    PRIMARY KEY (${STOCK_KEY})
  );
  INSERT INTO number_stock_counts (${STOCK_KEY}, count) SELECT ${STOCK_KEY}, count(*) FROM numbers GROUP BY ${STOCK_KEY};

  CREATE TABLE number_stock_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state text NOT NULL,
    country text COLLATE "C" NOT NULL,
    vendor text COLLATE "C" NOT NULL,
    sku text COLLATE "C" NOT NULL,
    delta bigint NOT NULL
  );

  CREATE VIEW number_stock AS
    SELECT ${STOCK_KEY}, sum(count)::bigint AS count
    FROM (SELECT ${STOCK_KEY}, count FROM number_stock_counts UNION ALL SELECT ${STOCK_KEY}, delta FROM number_stock_changes) s
    GROUP BY ${STOCK_KEY};

  CREATE FUNCTION number_stock_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO number_stock_changes (${STOCK_KEY}, delta) SELECT ${STOCK_KEY}, count(*) FROM new_rows GROUP BY ${STOCK_KEY};
      RETURN NULL;
    END $$;
  CREATE FUNCTION number_stock_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO number_stock_changes (${STOCK_KEY}, delta) SELECT ${STOCK_KEY}, -count(*) FROM old_rows GROUP BY ${STOCK_KEY};
      RETURN NULL;
    END $$;
  CREATE FUNCTION number_stock_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO number_stock_changes (${STOCK_KEY}, delta)
        SELECT ${STOCK_KEY}, sum(delta) FROM (
          SELECT ${STOCK_KEY}, -1 AS delta FROM old_rows UNION ALL SELECT ${STOCK_KEY}, 1 AS delta FROM new_rows
        ) moved GROUP BY ${STOCK_KEY} HAVING sum(delta) <> 0;
      RETURN NULL;
    END $$;
  CREATE TRIGGER number_stock_insert AFTER INSERT ON numbers REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION number_stock_added();
  CREATE TRIGGER number_stock_delete AFTER DELETE ON numbers REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION number_stock_removed();
  CREATE TRIGGER number_stock_update AFTER UPDATE ON numbers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION number_stock_moved();

  ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
  ALTER TABLE notifications ALTER COLUMN number DROP NOT NULL, ALTER COLUMN deadline DROP NOT NULL,
    ADD COLUMN country text COLLATE "C", ADD COLUMN sku text COLLATE "C", ADD COLUMN available integer,
    ADD CONSTRAINT notifications_kind_check
      CHECK (kind IN ('reservation-warning', 'reservation-expired', 'lock-warning', 'lock-expired', 'low-stock')),
    ADD CONSTRAINT notifications_low_stock_number CHECK ((kind = 'low-stock') = (number IS NULL)),
    ADD CONSTRAINT notifications_hold_deadline CHECK (kind = 'low-stock' OR deadline IS NOT NULL),
    ADD CONSTRAINT notifications_low_stock_pair CHECK ((kind = 'low-stock') = (country IS NOT NULL AND sku IS NOT NULL AND available IS NOT NULL));

  CREATE TABLE low_stock_pairs (
    country text COLLATE "C" NOT NULL,
    sku text COLLATE "C" NOT NULL,
    notification_id bigint NOT NULL REFERENCES notifications (id),
    PRIMARY KEY (country, sku)
  );
`,
};
