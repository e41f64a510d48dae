// Vendor, SKU and routing match without regard to case ("singtel" finds Singtel's numbers, as
// "sg" finds SG's), through the stored spellings, so the query compares exact values and the
// indexes serve it as before. The stored values are offered as suggestions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchFilterSchema } from '../../shared/search';
import { withStoredCase } from '../../electron/core/search/stored-values';
import { freshInventory, type TestInventory } from '../helpers/inventory';

let t: TestInventory;
beforeEach(async () => {
  t = freshInventory();
  await t.inventory.add({ numbers: '+6561230001,+6561230002', vendor: 'Singtel', country: 'SG', sku: 'SG-DID', routing: 'Route-A' });
  await t.inventory.add({ numbers: '+6561230003', vendor: 'StarHub', country: 'SG', sku: 'sg-did', routing: 'route-b' });
  await t.inventory.add({ numbers: '+442071230004', vendor: 'Colt', country: 'GB', sku: 'GB-GEO' });
  await t.inventory.act('lock', { number: '+6561230002', remark: 'hold' });
});
afterEach(() => t.close());

const numbersOf = async (filter: object) => (await t.inventory.search({ filter, pageSize: 100 })).rows.map((r) => r.number).sort();

describe('case-insensitive vendor, SKU and routing', () => {
  it('finds the stored spelling whatever the case typed, in every state', async () => {
    expect(await numbersOf({ vendors: ['singtel'] })).toEqual(['+6561230001', '+6561230002']);
    expect(await numbersOf({ vendors: ['SINGTEL', 'colt'] })).toEqual(['+442071230004', '+6561230001', '+6561230002']);
    // Two stored spellings of one SKU both match.
    expect(await numbersOf({ skus: ['Sg-Did'] })).toEqual(['+6561230001', '+6561230002', '+6561230003']);
    expect(await numbersOf({ routings: ['ROUTE-B'] })).toEqual(['+6561230003']);
    expect(await numbersOf({ vendors: ['nobody'] })).toEqual([]);
  });

  it('counts and "all matching" read the same', async () => {
    expect(await t.inventory.counts({ vendors: ['singtel'] })).toMatchObject({ available: 1, locked: 1, reserved: 0 });
  });

  it('turns typed values into stored spellings, so the query is the exact-case one the plan tests cover', () => {
    const filter = withStoredCase(
      t.inventory.db,
      searchFilterSchema.parse({ vendors: ['singtel'], skus: ['sg-did'], routings: ['route-a'] }),
    );
    expect(filter.vendors).toEqual(['Singtel']);
    expect(filter.skus?.sort()).toEqual(['SG-DID', 'sg-did']);
    expect(filter.routings).toEqual(['Route-A']);
  });

  it('offers the stored values, and reads distinct routings from the index, not the table', async () => {
    expect(await t.inventory.fieldValues()).toEqual({
      vendors: ['Colt', 'Singtel', 'StarHub'],
      skus: ['GB-GEO', 'SG-DID', 'sg-did'],
      countries: ['GB', 'SG'],
      routings: ['Route-A', 'route-b'],
    });
    const plan = (
      t.inventory.db
        .prepare(`EXPLAIN QUERY PLAN SELECT (SELECT min(routing) FROM numbers WHERE state = 'available' AND routing > 'a')`)
        .all() as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.join(' | ')).toMatch(/USING COVERING INDEX numbers_state_routing/);
  });
});
