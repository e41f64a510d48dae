// Search semantics at the core: every filter field, OR within a multi-value field, AND across
// fields, the pattern rules (short patterns too), sorting and paging (deep pages are read backwards:
// the concatenated pages must equal one plain ORDER BY), and the tab counts. The oracle is a plain
// JavaScript filter over every record.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { NumberRecord, NumberState } from '../../shared/domain';
import { NUMBER_STATES } from '../../shared/domain';
import { SORT_FIELDS, type SearchFilter } from '../../shared/search';
import { NUMBER_COLUMNS, toRecord, type NumberRow } from '../../electron/core/numbers/rows';
import { orderBy } from '../../electron/core/search/search';
import { freshInventory, type TestInventory } from '../helpers/inventory';
import { loadGenerated } from './transfer-fixtures';

let t: TestInventory;
let all: NumberRecord[];

beforeAll(async () => {
  t = freshInventory();
  await loadGenerated(t.inventory, t.dir, 600);
  all = (t.inventory.db.prepare(`SELECT ${NUMBER_COLUMNS} FROM numbers n`).all() as NumberRow[]).map(toRecord);
}, 120_000);
afterAll(() => t?.close());

/** The pattern rules, written independently of the SQL. */
function matchesPattern(number: string, pattern: string): boolean {
  if (/[*?]/.test(pattern)) {
    const regex = new RegExp(`^${pattern.replace(/[+]/g, '\\+').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    return regex.test(number);
  }
  if (pattern.startsWith('+')) return number.startsWith(pattern);
  return number.includes(pattern);
}

function oracle(filter: SearchFilter, ignoreStates = false): string[] {
  const any = <T>(values: T[] | undefined, test: (v: T) => boolean) => !values?.length || values.some(test);
  return all
    .filter(
      (r) =>
        (ignoreStates || any(filter.states, (s) => r.state === s)) &&
        (!filter.pattern || matchesPattern(r.number, filter.pattern)) &&
        any(filter.skus, (s) => r.sku === s) &&
        any(filter.vendors, (v) => r.vendor === v) &&
        any(filter.countries, (c) => r.country === c) &&
        any(filter.capabilities, (c) => r.capabilities.includes(c)) &&
        any(filter.routings, (x) => r.routing === x) &&
        (filter.golden === undefined || r.golden === filter.golden) &&
        (filter.portedIn === undefined || r.portedIn === filter.portedIn) &&
        any(filter.visibleTo, (d) => r.visibleTo.includes(d)) &&
        (!filter.subscriptionUuid || r.subscriptionUuid === filter.subscriptionUuid) &&
        (!filter.didReservationUuid || r.reservation?.didReservationUuid === filter.didReservationUuid) &&
        (!filter.ownerUuid || r.ownerUuid === filter.ownerUuid || r.reservation?.orgUuid === filter.ownerUuid) &&
        (!filter.expiresBefore || (r.expiresAt !== null && r.expiresAt < filter.expiresBefore)) &&
        (!filter.expiresAfter || (r.expiresAt !== null && r.expiresAt > filter.expiresAfter)),
    )
    .map((r) => r.number)
    .sort();
}

async function searchAll(filter: SearchFilter): Promise<{ total: number | null; numbers: string[] }> {
  const numbers: string[] = [];
  let total: number | null;
  for (let page = 0; ; page++) {
    const result = await t.inventory.search({ filter, page, pageSize: 100 });
    total = result.total;
    numbers.push(...result.rows.map((r) => r.number));
    if (result.rows.length < 100) break;
  }
  return { total, numbers };
}

describe('search filters', () => {
  it('has data for every field (the fixture is not degenerate)', () => {
    const states = new Set(all.map((r) => r.state));
    expect([...states].sort()).toEqual([...NUMBER_STATES].sort());
    expect(all.some((r) => r.golden)).toBe(true);
    expect(all.some((r) => r.portedIn)).toBe(true);
    expect(all.some((r) => r.visibleTo.length > 0)).toBe(true);
    expect(all.some((r) => r.capabilities.includes('fax'))).toBe(true);
  });

  it('answers each field alone, OR within a multi-value field and AND across fields, like the oracle', async () => {
    const assigned = all.find((r) => r.state === 'assigned') as NumberRecord;
    const reserved = all.find((r) => r.state === 'reserved') as NumberRecord;
    const charged = all.find((r) => r.reservation?.didReservationUuid) as NumberRecord;
    const filters: SearchFilter[] = [
      {},
      { states: ['available'] },
      { states: ['reserved', 'locked'] },
      { skus: ['SG-DID'] },
      { skus: ['SG-DID', 'JP-GEO'] },
      { vendors: ['Colt'] },
      { vendors: ['Colt', 'BT'] },
      { countries: ['GB'] },
      { countries: ['GB', 'AU'] },
      { capabilities: ['fax'] },
      { capabilities: ['fax', 'sms'] },
      { routings: ['sip-trunk-a'] },
      { routings: ['sip-trunk-a', 'teams-direct'] },
      { golden: true },
      { golden: false, states: ['available'] },
      { portedIn: true },
      { visibleTo: ['acme.example'] },
      { visibleTo: ['acme.example', 'globex.example'] },
      { subscriptionUuid: assigned.subscriptionUuid as string },
      { ownerUuid: assigned.ownerUuid as string },
      { didReservationUuid: charged.reservation?.didReservationUuid as string },
      { didReservationUuid: charged.reservation?.didReservationUuid as string, states: ['reserved'] },
      { ownerUuid: reserved.reservation?.orgUuid as string },
      { expiresBefore: '2026-06-01T00:00:00.000Z' },
      { expiresAfter: '2026-06-15T00:00:00.000Z' },
      { expiresAfter: '2026-06-05T00:00:00.000Z', expiresBefore: '2026-07-01T00:00:00.000Z', states: ['reserved'] },
      { states: ['available'], countries: ['SG'], vendors: ['Singtel'], capabilities: ['sms'] },
      { states: ['assigned', 'deleted'], countries: ['US', 'DE'], golden: false, routings: ['sip-trunk-b'] },
    ];
    for (const filter of filters) {
      const expected = oracle(filter);
      const got = await searchAll(filter);
      expect({ filter, total: got.total, numbers: got.numbers }).toEqual({ filter, total: expected.length, numbers: expected });
    }
    // The fixture makes most of these non-empty; an all-empty run would prove nothing.
    expect(filters.filter((f) => oracle(f).length > 0).length).toBeGreaterThan(20);
  });

  it('applies the pattern rules: wildcards, + prefix, digits anywhere, and patterns shorter than a trigram', async () => {
    const sample = all[17].number;
    const patterns = [
      sample.slice(4, 8), // digits anywhere, indexed
      sample.slice(-3),
      sample.slice(3, 5), // two digits: shorter than a trigram
      sample.slice(-1), // one digit
      '+44',
      '+65',
      '+',
      '+65*',
      `*${sample.slice(-4)}`,
      `*${sample.slice(-2)}`, // wildcard with no 3-character run
      '+65??0*',
      `${sample.slice(0, 4)}*${sample.slice(-2)}`,
      '+1212?????0?',
      '*0*0*',
      '?',
      '99999999999',
    ];
    for (const pattern of patterns) {
      const expected = oracle({ pattern });
      const got = await searchAll({ pattern });
      expect({ pattern, numbers: got.numbers, total: got.total }).toEqual({ pattern, numbers: expected, total: expected.length });
    }
  });
});

describe('sorting and paging', () => {
  it('every page of every sort, asc and desc, is a slice of one plain ORDER BY, deep pages included', async () => {
    const filter: SearchFilter = { states: ['available'] };
    const plain = (field: (typeof SORT_FIELDS)[number], direction: 'ASC' | 'DESC') =>
      t.inventory.db
        .prepare(`SELECT n.number FROM numbers n WHERE n.state = 'available' ORDER BY ${orderBy(field, direction)}`)
        .pluck()
        .all() as string[];
    for (const field of SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        const expected = plain(field, direction === 'asc' ? 'ASC' : 'DESC');
        const got: string[] = [];
        for (let page = 0; page * 37 < expected.length + 37; page++) {
          const result = await t.inventory.search({ filter, page, pageSize: 37, sort: { field, direction } });
          got.push(...result.rows.map((r) => r.number));
        }
        expect({ field, direction, got }).toEqual({ field, direction, got: expected });
      }
    }
  });

  it('sorting by country, vendor or SKU breaks ties by the other two, then the number', async () => {
    // Ties each tie-breaker order would settle differently: Colt in GB and DE with SKUs that sort
    // the other way round from their countries, and BT beside Colt in GB.
    const own = freshInventory();
    onTestFinished(() => own.close());
    const adds = [
      { numbers: '+442079460001,+442079460002', vendor: 'Colt', country: 'GB', sku: 'A-GEO' },
      { numbers: '+442079460003', vendor: 'BT', country: 'GB', sku: 'Z-GEO' },
      { numbers: '+493012345671,+493012345672', vendor: 'Colt', country: 'DE', sku: 'Z-GEO' },
      { numbers: '+493012345673', vendor: 'Colt', country: 'DE', sku: 'A-GEO' },
    ];
    for (const add of adds) await own.inventory.add(add);
    const rows = own.inventory.db.prepare(`SELECT number, country, vendor, sku FROM numbers WHERE state = 'available'`).all() as Record<
      'number' | 'country' | 'vendor' | 'sku',
      string
    >[];
    expect(rows).toHaveLength(6);
    const keys = {
      country: ['country', 'vendor', 'sku'],
      vendor: ['vendor', 'country', 'sku'],
      sku: ['sku', 'country', 'vendor'],
    } as const;
    const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const [field, columns] of Object.entries(keys) as [keyof typeof keys, readonly ('country' | 'vendor' | 'sku')[]][]) {
      const expected = [...rows]
        .sort((a, b) => columns.reduce((order, c) => order || byCodePoint(a[c], b[c]), 0) || byCodePoint(a.number, b.number))
        .map((r) => r.number);
      const got: string[] = [];
      for (let page = 0; got.length < expected.length; page++) {
        const result = await own.inventory.search({
          filter: { states: ['available'] },
          page,
          pageSize: 2,
          sort: { field, direction: 'asc' },
        });
        if (result.rows.length === 0) break;
        got.push(...result.rows.map((r) => r.number));
      }
      expect({ field, got }).toEqual({ field, got: expected });
    }
  });

  it('a page past the end is empty, with the right total', async () => {
    const result = await t.inventory.search({ filter: { states: ['locked'] }, page: 10_000, pageSize: 50 });
    expect(result.rows).toEqual([]);
    expect(result.total).toBe(oracle({ states: ['locked'] }).length);
  });
});

describe('tab counts', () => {
  it('count every state under a filter, ignoring its state choice, like the oracle', async () => {
    const filters: SearchFilter[] = [
      {},
      { states: ['deleted'] },
      { countries: ['SG'] },
      { pattern: all[3].number.slice(5, 8) },
      { pattern: '12' },
      { golden: true, vendors: ['Colt', 'NTT'] },
      { visibleTo: ['initech.example'] },
      { capabilities: ['fax'] },
    ];
    for (const filter of filters) {
      const expected = Object.fromEntries(NUMBER_STATES.map((s) => [s, oracle({ ...filter, states: [s] }, false).length])) as Record<
        NumberState,
        number
      >;
      expect({ filter, counts: await t.inventory.counts(filter) }).toEqual({ filter, counts: expected });
    }
  });

  it('the maintained per-state totals follow every life-cycle change', async () => {
    const number = all.find((r) => r.state === 'available')?.number as string;
    const before = await t.inventory.counts({});
    await t.inventory.act('lock', { number, remark: 'count check' });
    const after = await t.inventory.counts({});
    expect(after.available).toBe(before.available - 1);
    expect(after.locked).toBe(before.locked + 1);
    const actual = t.inventory.db.prepare('SELECT state, count(*) AS c FROM numbers GROUP BY state').all() as {
      state: NumberState;
      c: number;
    }[];
    expect(after).toEqual({
      ...Object.fromEntries(NUMBER_STATES.map((s) => [s, 0])),
      ...Object.fromEntries(actual.map((r) => [r.state, r.c])),
    });
    await t.inventory.act('unlock', { number, remark: 'back' });
    all = (t.inventory.db.prepare(`SELECT ${NUMBER_COLUMNS} FROM numbers n`).all() as NumberRow[]).map(toRecord);
  });
});
