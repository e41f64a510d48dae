// The dashboard's SQL. The breakdowns and the low-stock check read number_stock_counts (kept by
// triggers, migration 009): a few hundred rows at any inventory size. The forecast reads the
// (state, expires_at, number) index of each held state, one range per state, without the table.
import { EXPIRING_STATES } from '../../../shared/lifecycle';

export const STOCK_SQL = 'SELECT state, country, vendor, sku, count FROM number_stock_counts WHERE count > 0';

/** Releases per UTC day of one held state (parameters: state, from, until). */
export const RELEASES_BY_DAY_SQL = `SELECT substr(expires_at, 1, 10) AS day, count(*) AS count FROM numbers
  WHERE state = ? AND expires_at >= ? AND expires_at < ? GROUP BY day`;

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
