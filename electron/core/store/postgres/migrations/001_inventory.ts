// Team database migration 1: the whole inventory as SQLite's migrations 1-6 leave it, written for
// PostgreSQL. Never edit once landed: add the next number.
//
// - The number in COLLATE "C": a prefix search (`LIKE '+65%'`) or a range is an index range. The
//   other text columns a search sorts or ranges over too, so they sort as on SQLite (byte order,
//   whatever the server's locale) and a UUID prefix is an index range.
// - The per-state rules of shared/state-fields.ts as one CHECK per state (a test holds them to that
//   table field by field), so no path can store a half-made number.
// - Empty routings and deadlines sort first, as on SQLite (the indexes hold them so).
// - Instants as timestamptz; flags as boolean; the audit details as json (kept as written).
// - events.db_login: the database login that acted, set by a trigger from session_user, so nobody
//   can act under another's name by editing the display name in settings.
// - No per-state counter table (SQLite's number_state_counts): on a shared server every action
//   would queue behind the same five counter rows; counts come from the (state, number) index.
// - A GIN pg_trgm index for digits anywhere and wildcards; partial indexes for what falls due
//   (holds with a deadline, notices not yet shown, emails to try).
const SORTED_BY_STATE = `
  CREATE INDEX numbers_state_country ON numbers (state, country, vendor, sku, number);
  CREATE INDEX numbers_state_vendor ON numbers (state, vendor, country, sku, number);
  CREATE INDEX numbers_state_sku ON numbers (state, sku, country, vendor, number);
  CREATE INDEX numbers_state_routing ON numbers (state, routing NULLS FIRST, number);
  CREATE INDEX numbers_state_expires_at ON numbers (state, expires_at NULLS FIRST, number);
  CREATE INDEX numbers_state_created_at ON numbers (state, created_at, number);
  CREATE INDEX numbers_state_updated_at ON numbers (state, updated_at, number);`;

export const migration001 = {
  version: 1,
  name: 'inventory, audit, organizations, settings, saved searches, notices, outbox',
  sql: `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;

  CREATE TABLE numbers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number text COLLATE "C" NOT NULL UNIQUE CHECK (number ~ '^\\+[1-9]' AND length(number) BETWEEN 3 AND 16),
    country text COLLATE "C" NOT NULL CHECK (length(country) = 2),
    vendor text COLLATE "C" NOT NULL CHECK (vendor <> ''),
    sku text COLLATE "C" NOT NULL CHECK (sku <> ''),
    cap_voice boolean NOT NULL DEFAULT false,
    cap_fax boolean NOT NULL DEFAULT false,
    cap_sms boolean NOT NULL DEFAULT false,
    routing text COLLATE "C",
    golden boolean NOT NULL DEFAULT false,
    ported_in boolean NOT NULL DEFAULT false,
    state text NOT NULL CHECK (state IN ('available', 'reserved', 'locked', 'assigned', 'deleted')),
    owner_uuid text COLLATE "C",
    subscription_uuid text COLLATE "C",
    reservation_kind text CHECK (reservation_kind IN ('free', 'charged')),
    reservation_origin text CHECK (reservation_origin IN ('manual', 'subscription-expired', 'subscription-terminated', 'swapped-out')),
    reservation_org_uuid text COLLATE "C",
    did_reservation_uuid text COLLATE "C",
    -- The reservation's or the lock's deadline; NULL on a locked number is a permanent lock.
    expires_at timestamptz,
    deleted_reason text CHECK (deleted_reason IN ('ported-out', 'returned-to-vendor', 'faulty')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 1,
    CONSTRAINT numbers_available_fields CHECK (state <> 'available' OR (owner_uuid IS NULL AND subscription_uuid IS NULL
      AND reservation_kind IS NULL AND reservation_origin IS NULL AND reservation_org_uuid IS NULL
      AND did_reservation_uuid IS NULL AND expires_at IS NULL AND deleted_reason IS NULL)),
    CONSTRAINT numbers_reserved_fields CHECK (state <> 'reserved' OR (reservation_kind IS NOT NULL AND reservation_origin IS NOT NULL
      AND reservation_org_uuid IS NOT NULL AND expires_at IS NOT NULL
      AND owner_uuid IS NULL AND subscription_uuid IS NULL AND deleted_reason IS NULL)),
    CONSTRAINT numbers_locked_fields CHECK (state <> 'locked' OR (owner_uuid IS NULL AND subscription_uuid IS NULL
      AND reservation_kind IS NULL AND reservation_origin IS NULL AND reservation_org_uuid IS NULL
      AND did_reservation_uuid IS NULL AND deleted_reason IS NULL)),
    CONSTRAINT numbers_assigned_fields CHECK (state <> 'assigned' OR (owner_uuid IS NOT NULL AND subscription_uuid IS NOT NULL
      AND reservation_kind IS NULL AND reservation_origin IS NULL AND reservation_org_uuid IS NULL
      AND did_reservation_uuid IS NULL AND expires_at IS NULL AND deleted_reason IS NULL)),
    CONSTRAINT numbers_deleted_fields CHECK (state <> 'deleted' OR (deleted_reason IS NOT NULL
      AND owner_uuid IS NULL AND subscription_uuid IS NULL AND reservation_kind IS NULL AND reservation_origin IS NULL
      AND reservation_org_uuid IS NULL AND did_reservation_uuid IS NULL AND expires_at IS NULL))
  );
  CREATE INDEX numbers_state_number ON numbers (state, number);
  ${SORTED_BY_STATE}
  CREATE INDEX numbers_number_trgm ON numbers USING gin (number gin_trgm_ops);
  CREATE INDEX numbers_due ON numbers (expires_at) WHERE expires_at IS NOT NULL;
  CREATE INDEX numbers_owner ON numbers (owner_uuid) WHERE owner_uuid IS NOT NULL;
  CREATE INDEX numbers_subscription ON numbers (subscription_uuid) WHERE subscription_uuid IS NOT NULL;
  CREATE INDEX numbers_reservation_org ON numbers (reservation_org_uuid) WHERE reservation_org_uuid IS NOT NULL;
  CREATE INDEX numbers_did_reservation ON numbers (did_reservation_uuid) WHERE did_reservation_uuid IS NOT NULL;
  CREATE INDEX numbers_golden ON numbers (state, number) WHERE golden;
  CREATE INDEX numbers_ported_in ON numbers (state, number) WHERE ported_in;
  CREATE INDEX numbers_cap_voice ON numbers (state, number) WHERE cap_voice;
  CREATE INDEX numbers_cap_fax ON numbers (state, number) WHERE cap_fax;
  CREATE INDEX numbers_cap_sms ON numbers (state, number) WHERE cap_sms;

  CREATE TABLE number_visibility (
    number_id bigint NOT NULL REFERENCES numbers (id) ON DELETE CASCADE,
    domain text NOT NULL,
    PRIMARY KEY (domain, number_id)
  );
  CREATE INDEX number_visibility_number ON number_visibility (number_id);

  CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number_id bigint NOT NULL REFERENCES numbers (id),
    at timestamptz NOT NULL,
    actor text NOT NULL,
    db_login text NOT NULL,
    action text NOT NULL,
    from_state text,
    to_state text NOT NULL,
    remark text,
    details json NOT NULL DEFAULT '{}'
  );
  CREATE INDEX events_number ON events (number_id, id);
  CREATE FUNCTION events_db_login() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.db_login := session_user;
      RETURN NEW;
    END $$;
  CREATE TRIGGER events_db_login BEFORE INSERT OR UPDATE OF db_login ON events FOR EACH ROW EXECUTE FUNCTION events_db_login();

  CREATE TABLE organizations (
    uuid text PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    type text NOT NULL CHECK (type IN ('customer', 'partner')),
    billing_email text,
    owner_email text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );

  CREATE TABLE settings (
    key text PRIMARY KEY,
    value text NOT NULL
  );

  CREATE TABLE saved_searches (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    filter json NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  -- Names are unique regardless of ASCII case, as SQLite's NOCASE.
  CREATE UNIQUE INDEX saved_searches_name ON saved_searches (lower(name COLLATE "C"));

  CREATE TABLE notifications (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number text COLLATE "C" NOT NULL,
    kind text NOT NULL CHECK (kind IN ('reservation-warning', 'reservation-expired', 'lock-warning', 'lock-expired')),
    deadline timestamptz NOT NULL,
    state text NOT NULL,
    org_uuid text,
    created_at timestamptz NOT NULL,
    desktop_at timestamptz,
    -- The audit event that started the hold the notice is about: one notice per hold and kind.
    hold_event_id bigint REFERENCES events (id)
  );
  CREATE UNIQUE INDEX notifications_per_hold ON notifications (hold_event_id, kind) WHERE hold_event_id IS NOT NULL;
  CREATE UNIQUE INDEX notifications_per_deadline ON notifications (number, kind, deadline) WHERE hold_event_id IS NULL;
  CREATE INDEX notifications_recent ON notifications (created_at, id);
  CREATE INDEX notifications_desktop_pending ON notifications (id) WHERE desktop_at IS NULL;
  CREATE INDEX notifications_kind ON notifications (kind, id);

  CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id bigint REFERENCES notifications (id),
    recipient_role text NOT NULL CHECK (recipient_role IN ('reserver', 'partner-support', 'operator-support')),
    recipient text,
    subject text NOT NULL,
    body text NOT NULL,
    status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'no-recipient')),
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    next_attempt_at timestamptz,
    created_at timestamptz NOT NULL,
    sent_at timestamptz,
    message_id text,
    CHECK ((status = 'no-recipient') = (recipient IS NULL))
  );
  CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
  CREATE INDEX outbox_status ON outbox (status, id);
  CREATE INDEX outbox_notification ON outbox (notification_id);
`,
};
