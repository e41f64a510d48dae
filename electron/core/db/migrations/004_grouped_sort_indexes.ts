// Migration 4: the country, vendor and SKU indexes carry the other two columns before the number.
//
// Sorting by one of these columns now breaks ties by the other two, then the number (country, then
// vendor, then SKU: how an operator reads a stock), and a filter on any of them sorted by another
// is answered from one index in order: "Singapore, sorted by vendor" reads (state, country, vendor,
// sku, number) from the first Singapore entry, and counting "GB numbers from Colt" is one range of
// that index instead of a table lookup per Colt number. Same number of indexes as before, so the
// life cycle's writes cost what they did.
import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: 'country, vendor and SKU indexes carry each other',
  sql: `
      DROP INDEX numbers_state_country;
      DROP INDEX numbers_state_vendor;
      DROP INDEX numbers_state_sku;
      CREATE INDEX numbers_state_country ON numbers (state, country, vendor, sku, number);
      CREATE INDEX numbers_state_vendor ON numbers (state, vendor, country, sku, number);
      CREATE INDEX numbers_state_sku ON numbers (state, sku, country, vendor, number);
    `,
};
