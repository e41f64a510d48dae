// No grid page or tab count scans the numbers table: EXPLAIN QUERY PLAN shows an index (or the
// trigram index) for every realistic filter and sort. Without ANALYZE statistics SQLite plans the
// same at any size, so a small database shows the plan a million-number one gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchFilterSchema, SORT_FIELDS, type SearchFilter } from '../../shared/search';
import { countQueries, pageQuery, type Query } from '../../electron/core/search/search';
import { whereClause } from '../../electron/core/search/where';
import { DUE_LIST_SQL } from '../../electron/core/lifecycle/sweep';
import { freshInventory, ORG_A, SUB_1, type TestInventory } from '../helpers/inventory';

let t: TestInventory;
beforeAll(() => {
  t = freshInventory();
});
afterAll(() => t?.close());

function plan(query: Query): string[] {
  return (t.inventory.db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[]).map((r) => r.detail);
}

/** A full scan of numbers reads "SCAN n" with no index; a "SCAN n USING INDEX" walks an index in order and stops after the page. */
const fullScans = (details: string[]) => details.filter((d) => /^SCAN (n|numbers)\b(?!.*USING)/.test(d));

const FILTERS: [string, SearchFilter][] = [
  ['state tab', { states: ['available'] }],
  ['country', { states: ['available'], countries: ['SG'] }],
  ['vendor', { states: ['reserved'], vendors: ['Colt'] }],
  ['sku', { states: ['assigned'], skus: ['SG-DID'] }],
  ['routing', { states: ['available'], routings: ['r1'] }],
  ['golden', { states: ['available'], golden: true }],
  ['ported-in', { states: ['available'], portedIn: true }],
  ['capability', { states: ['available'], capabilities: ['fax'] }],
  ['digits anywhere', { states: ['available'], pattern: '888' }],
  ['prefix', { states: ['available'], pattern: '+65' }],
  ['wildcard suffix', { states: ['available'], pattern: '*4567' }],
  ['wildcard with prefix', { states: ['available'], pattern: '+65??88*' }],
  ['visible to', { states: ['available'], visibleTo: ['acme.example'] }],
  ['subscription', { states: ['assigned'], subscriptionUuid: SUB_1 }],
  ['DID Reservation', { states: ['reserved'], didReservationUuid: SUB_1 }],
  ['owner', { states: ['assigned'], ownerUuid: ORG_A }],
  ['expiry window', { states: ['reserved'], expiresBefore: '2026-02-01T00:00:00.000Z', expiresAfter: '2026-01-01T00:00:00.000Z' }],
  ['basic search box UUID', { states: ['reserved'], query: '1111' }],
];

describe('query plans', () => {
  it('every page query, for every filter and sort column, uses an index', () => {
    const offenders: string[] = [];
    for (const [name, raw] of FILTERS) {
      const filter = searchFilterSchema.parse(raw);
      for (const field of SORT_FIELDS) {
        for (const backwards of [false, true]) {
          for (const trigrams of [undefined, 'lead', 'skip'] as const) {
            const details = plan(pageQuery(filter, { field, direction: 'asc' }, 50, 1000, backwards, trigrams));
            if (fullScans(details).length)
              offenders.push(`${name} by ${field}${backwards ? ' (backwards)' : ''} trigrams ${trigrams}: ${details.join(' | ')}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every page total and tab count uses an index', () => {
    const offenders: string[] = [];
    for (const [name, raw] of FILTERS) {
      const filter = searchFilterSchema.parse(raw);
      const where = whereClause(filter);
      const queries = [
        { sql: `SELECT count(*) FROM numbers n WHERE ${where.sql}`, params: where.params },
        ...countQueries(filter),
        ...countQueries(filter, 'skip'),
      ];
      for (const query of queries) {
        const details = plan(query);
        if (fullScans(details).length) offenders.push(`${name}: ${details.join(' | ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the sweep's list of due numbers reads an index, not the table", () => {
    const details = plan({ sql: DUE_LIST_SQL, params: ['2026-06-01T00:00:00.000Z', 50] });
    expect({ details, scans: fullScans(details) }).toMatchObject({ scans: [] });
    expect(details.join(' | ')).toMatch(/USING (COVERING )?INDEX/);
  });

  it('a substring search reads the trigram index', () => {
    const filter = searchFilterSchema.parse({ pattern: '888' });
    expect(plan(pageQuery(filter, { field: 'number', direction: 'asc' }, 50, 0)).join(' | ')).toMatch(/numbers_fts VIRTUAL TABLE INDEX/);
  });

  it('detects a full scan when there is one (the check can fail)', () => {
    // No index leads with cap_sms = 0: without a state this is a plain scan.
    expect(fullScans(plan({ sql: 'SELECT count(*) FROM numbers n WHERE n.cap_sms = 0', params: [] }))).not.toEqual([]);
  });
});
