// Migration 2: search at inventory scale (issue 4). Never edit once landed.
//
// - One index per sortable column, led by state: the grid always shows one state tab, so
//   "WHERE state = ? ORDER BY <column>, number LIMIT ?" walks an index in order and stops after a page.
// - Indexes for the UUID filters and the basic search box's UUID prefix search.
// - Partial indexes for the special properties (golden, ported-in) and each capability, usable
//   because the search writes `golden = 1` / `cap_fax = 1` as literals: a capability page or count
//   walks only the numbers that have it.
// - An FTS5 trigram index over the number (external content: the text lives once, in numbers) for
//   digits-anywhere and wildcard patterns; triggers keep it in step. Numbers never change after
//   insert, so the update trigger only fires on an update OF number (the life cycle never pays for it).
// - number_state_counts: the per-state totals kept by triggers, so the tab counts of an unfiltered
//   inventory are five rows read instead of a million counted.
// - saved_searches: named filters the operators keep.
import type { Migration } from './types';

const SORTED_BY_STATE = ['country', 'vendor', 'sku', 'routing', 'expires_at', 'created_at', 'updated_at'];

export const migration002: Migration = {
  version: 2,
  name: 'search indexes, trigram index, state counts, saved searches',
  sql: `
      ${SORTED_BY_STATE.map((column) => `CREATE INDEX numbers_state_${column} ON numbers (state, ${column}, number);`).join('\n      ')}
      CREATE INDEX numbers_owner ON numbers (owner_uuid) WHERE owner_uuid IS NOT NULL;
      CREATE INDEX numbers_subscription ON numbers (subscription_uuid) WHERE subscription_uuid IS NOT NULL;
      CREATE INDEX numbers_reservation_org ON numbers (reservation_org_uuid) WHERE reservation_org_uuid IS NOT NULL;
      CREATE INDEX numbers_did_reservation ON numbers (did_reservation_uuid) WHERE did_reservation_uuid IS NOT NULL;
      CREATE INDEX numbers_golden ON numbers (state, number) WHERE golden = 1;
      CREATE INDEX numbers_ported_in ON numbers (state, number) WHERE ported_in = 1;
      CREATE INDEX numbers_cap_voice ON numbers (state, number) WHERE cap_voice = 1;
      CREATE INDEX numbers_cap_fax ON numbers (state, number) WHERE cap_fax = 1;
      CREATE INDEX numbers_cap_sms ON numbers (state, number) WHERE cap_sms = 1;

      CREATE VIRTUAL TABLE numbers_fts USING fts5(number, content='numbers', content_rowid='id', tokenize='trigram', detail='none');
      INSERT INTO numbers_fts (rowid, number) SELECT id, number FROM numbers;
      CREATE TRIGGER numbers_fts_insert AFTER INSERT ON numbers BEGIN
        INSERT INTO numbers_fts (rowid, number) VALUES (new.id, new.number);
      END;
      CREATE TRIGGER numbers_fts_delete AFTER DELETE ON numbers BEGIN
        INSERT INTO numbers_fts (numbers_fts, rowid, number) VALUES ('delete', old.id, old.number);
      END;
      CREATE TRIGGER numbers_fts_update AFTER UPDATE OF number ON numbers BEGIN
        INSERT INTO numbers_fts (numbers_fts, rowid, number) VALUES ('delete', old.id, old.number);
        INSERT INTO numbers_fts (rowid, number) VALUES (new.id, new.number);
      END;

      CREATE TABLE number_state_counts (
        state TEXT PRIMARY KEY,
        count INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO number_state_counts (state, count)
        SELECT s.state, (SELECT count(*) FROM numbers WHERE numbers.state = s.state)
        FROM (SELECT 'available' AS state UNION ALL SELECT 'reserved' UNION ALL SELECT 'locked'
              UNION ALL SELECT 'assigned' UNION ALL SELECT 'deleted') s;
      CREATE TRIGGER number_state_counts_insert AFTER INSERT ON numbers BEGIN
        UPDATE number_state_counts SET count = count + 1 WHERE state = new.state;
      END;
      CREATE TRIGGER number_state_counts_delete AFTER DELETE ON numbers BEGIN
        UPDATE number_state_counts SET count = count - 1 WHERE state = old.state;
      END;
      CREATE TRIGGER number_state_counts_update AFTER UPDATE OF state ON numbers WHEN old.state <> new.state BEGIN
        UPDATE number_state_counts SET count = count - 1 WHERE state = old.state;
        UPDATE number_state_counts SET count = count + 1 WHERE state = new.state;
      END;

      CREATE TABLE saved_searches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100),
        filter TEXT NOT NULL CHECK (json_valid(filter)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
};
