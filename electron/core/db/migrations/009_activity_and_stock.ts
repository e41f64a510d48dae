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
import type { Migration } from './types';

const STOCK_KEY = 'state, country, vendor, sku';

const add = (row: 'new' | 'old') =>
  `INSERT INTO number_stock_counts (${STOCK_KEY}, count) VALUES (${row}.state, ${row}.country, ${row}.vendor, ${row}.sku, 1)
          ON CONFLICT (${STOCK_KEY}) DO UPDATE SET count = count + 1;`;
const remove = (row: 'new' | 'old') =>
  `UPDATE number_stock_counts SET count = count - 1
          WHERE state = ${row}.state AND country = ${row}.country AND vendor = ${row}.vendor AND sku = ${row}.sku;`;

export const migration009: Migration = {
  version: 9,
  name: 'activity log indexes, stock counts',
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
      INSERT INTO number_stock_counts (${STOCK_KEY}, count)
        SELECT ${STOCK_KEY}, count(*) FROM numbers GROUP BY ${STOCK_KEY};
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
    `,
};
