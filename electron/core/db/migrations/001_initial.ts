// Migration 1: the inventory, its audit trail, organizations and settings. Never edit once landed.
import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'inventory, audit, organizations, settings',
  sql: `
      CREATE TABLE numbers (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE CHECK (number GLOB '+[1-9]*' AND length(number) BETWEEN 3 AND 16),
        country TEXT NOT NULL CHECK (length(country) = 2),
        vendor TEXT NOT NULL CHECK (vendor <> ''),
        sku TEXT NOT NULL CHECK (sku <> ''),
        cap_voice INTEGER NOT NULL DEFAULT 0 CHECK (cap_voice IN (0, 1)),
        cap_fax INTEGER NOT NULL DEFAULT 0 CHECK (cap_fax IN (0, 1)),
        cap_sms INTEGER NOT NULL DEFAULT 0 CHECK (cap_sms IN (0, 1)),
        routing TEXT,
        golden INTEGER NOT NULL DEFAULT 0 CHECK (golden IN (0, 1)),
        ported_in INTEGER NOT NULL DEFAULT 0 CHECK (ported_in IN (0, 1)),
        state TEXT NOT NULL CHECK (state IN ('available', 'reserved', 'locked', 'assigned', 'deleted')),
        owner_uuid TEXT,
        subscription_uuid TEXT,
        reservation_kind TEXT CHECK (reservation_kind IN ('free', 'charged')),
        reservation_origin TEXT CHECK (reservation_origin IN ('manual', 'subscription-expired', 'subscription-terminated', 'swapped-out')),
        reservation_org_uuid TEXT,
        did_reservation_uuid TEXT,
        -- The reservation's or the lock's deadline (UTC ISO 8601); NULL on a locked number is a permanent lock.
        expires_at TEXT,
        deleted_reason TEXT CHECK (deleted_reason IN ('ported-out', 'returned-to-vendor', 'faulty')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        -- What each state must carry, so no code path can store a half-made number.
        CHECK (state <> 'reserved' OR (reservation_kind IS NOT NULL AND reservation_origin IS NOT NULL
                                      AND reservation_org_uuid IS NOT NULL AND expires_at IS NOT NULL)),
        CHECK (state = 'reserved' OR (reservation_kind IS NULL AND reservation_org_uuid IS NULL AND did_reservation_uuid IS NULL)),
        CHECK (state IN ('reserved', 'locked') OR expires_at IS NULL),
        CHECK (state <> 'assigned' OR (subscription_uuid IS NOT NULL AND owner_uuid IS NOT NULL)),
        CHECK (state = 'assigned' OR (subscription_uuid IS NULL AND owner_uuid IS NULL)),
        CHECK ((state = 'deleted') = (deleted_reason IS NOT NULL))
      );
      CREATE INDEX numbers_state_number ON numbers (state, number);
      CREATE INDEX numbers_due ON numbers (expires_at) WHERE expires_at IS NOT NULL;

      CREATE TABLE number_visibility (
        number_id INTEGER NOT NULL REFERENCES numbers (id) ON DELETE CASCADE,
        domain TEXT NOT NULL,
        PRIMARY KEY (domain, number_id)
      ) WITHOUT ROWID;
      CREATE INDEX number_visibility_number ON number_visibility (number_id);

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        number_id INTEGER NOT NULL REFERENCES numbers (id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        remark TEXT,
        details TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX events_number ON events (number_id, id);

      CREATE TABLE organizations (
        uuid TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (name <> ''),
        type TEXT NOT NULL CHECK (type IN ('customer', 'partner')),
        billing_email TEXT,
        owner_email TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
};
