// The vendors, SKUs and routings the inventory holds, as stored. People type "singtel" for
// "Singtel": a search matches these fields without regard to case by turning each typed value into
// the stored spellings it stands for, before the query is built. The query then compares exact
// values, so every (state, column, number) index serves it as before (search-plan tests), and no
// index on lower(column) is needed. The same lists are offered as suggestions in search and Add.
import type { FieldValues, ParsedSearchFilter } from '../../../shared/search';
import { NUMBER_STATES } from '../../../shared/domain';
import type { Db } from '../db/connection';

/**
 * Distinct routings per state by skipping through the (state, routing, number) index: one seek per
 * distinct value, however many numbers share it (a million numbers, a handful of routings).
 */
const DISTINCT_ROUTINGS_SQL = `
  WITH RECURSIVE r(v) AS (
    SELECT (SELECT min(routing) FROM numbers WHERE state = :state)
    UNION ALL
    SELECT (SELECT min(routing) FROM numbers WHERE state = :state AND routing > r.v) FROM r WHERE r.v IS NOT NULL
  )
  SELECT v FROM r WHERE v IS NOT NULL`;

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));

/** Vendors, SKUs and countries, from the stock counts of migration 008 (a few hundred rows). */
function stockValues(db: Db): Omit<FieldValues, 'routings'> {
  const stock = db.prepare('SELECT DISTINCT vendor, sku, country FROM number_stock_counts WHERE count > 0').all() as {
    vendor: string;
    sku: string;
    country: string;
  }[];
  return {
    vendors: sorted(stock.map((s) => s.vendor)),
    skus: sorted(stock.map((s) => s.sku)),
    countries: sorted(stock.map((s) => s.country)),
  };
}

function storedRoutings(db: Db): string[] {
  const routing = db.prepare(DISTINCT_ROUTINGS_SQL).pluck();
  return sorted(NUMBER_STATES.flatMap((state) => routing.all({ state }) as string[]));
}

/** Every stored vendor, SKU, country and routing. */
export function storedValues(db: Db): FieldValues {
  return { ...stockValues(db), routings: storedRoutings(db) };
}

/** Each typed value as the stored spellings equal to it without regard to case (itself when none is stored: it matches nothing). */
function storedSpellings(typed: readonly string[], stored: readonly string[]): string[] {
  const byLower = new Map<string, string[]>();
  for (const value of stored) byLower.set(value.toLowerCase(), [...(byLower.get(value.toLowerCase()) ?? []), value]);
  return [...new Set(typed.flatMap((value) => byLower.get(value.toLowerCase()) ?? [value]))];
}

/** The filter with its vendors, SKUs and routings matched without regard to case. */
export function withStoredCase(db: Db, filter: ParsedSearchFilter): ParsedSearchFilter {
  if (!filter.vendors?.length && !filter.skus?.length && !filter.routings?.length) return filter;
  const stock = filter.vendors?.length || filter.skus?.length ? stockValues(db) : null;
  return {
    ...filter,
    ...(filter.vendors?.length && stock ? { vendors: storedSpellings(filter.vendors, stock.vendors) } : {}),
    ...(filter.skus?.length && stock ? { skus: storedSpellings(filter.skus, stock.skus) } : {}),
    ...(filter.routings?.length ? { routings: storedSpellings(filter.routings, storedRoutings(db)) } : {}),
  };
}
