// The dashboard's SQL. The breakdowns and the low-stock check read number_stock_counts (kept by
// triggers, migration 008): a few hundred rows at any inventory size. The forecast counts one
// range of the (state, expires_at, number) index per held state and UTC day, without the table:
// a count of an index range is a walk of its entries, while grouping the same entries by day
// (substr of the deadline) sorted every one of them through a temporary tree, four times slower.
import { EXPIRING_STATES } from '../../../shared/lifecycle';

export const STOCK_SQL = 'SELECT state, country, vendor, sku, count FROM number_stock_counts WHERE count > 0';

/** Releases of one held state within [from, until) (parameters: state, from, until). */
export const RELEASES_WITHIN_SQL = 'SELECT count(*) FROM numbers WHERE state = ? AND expires_at >= ? AND expires_at < ?';

/** The held states the forecast covers: reserved and locked, as the sweep releases them. */
export const FORECAST_STATES = EXPIRING_STATES;

/**
 * Country and SKU pairs still stocked (some number not deleted) with fewer available numbers than
 * the threshold (parameter), fewest first.
 */
export const LOW_STOCK_SQL = `SELECT country, sku, sum(CASE WHEN state = 'available' THEN count ELSE 0 END) AS available
  FROM number_stock_counts GROUP BY country, sku
  HAVING sum(CASE WHEN state <> 'deleted' THEN count ELSE 0 END) > 0 AND available < ?
  ORDER BY available, country, sku`;
