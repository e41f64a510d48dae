// Number-pattern search against a plain reference of the pattern rules (issue 2 §6): with * or ? a
// wildcard over the E.164 number, starting with + a prefix, digits alone anywhere. Random inventories,
// random patterns (many cut from the inventory's own numbers), alone and with a state filter, through
// both the advanced pattern field and the basic search box.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { Inventory } from '../../electron/core/inventory';
import type { NumberState } from '../../shared/domain';
import { MAX_PAGE_SIZE, searchFilterSchema } from '../../shared/search';
import { pageQuery, TRIGRAM_COUNT_LIMIT, TRIGRAM_PROBE_LIMIT, trigramPlan } from '../../electron/core/search/search';
import { ORG_A, T0 } from '../helpers/inventory';

function matchesPattern(number: string, pattern: string): boolean {
  if (/[*?]/.test(pattern)) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    return new RegExp(`^${source}$`).test(number);
  }
  if (pattern.startsWith('+')) return number.startsWith(pattern);
  return number.includes(pattern);
}

const subscriberArb = fc
  .tuple(fc.constantFrom('6', '8', '9'), fc.stringMatching(/^[0-9]{7}$/))
  .map(([first, rest]) => `+65${first}${rest}`);

/** Patterns: random ones over the pattern alphabet, and pieces of numbers with wildcards around them. */
function patternArb(numbers: string[]): fc.Arbitrary<string> {
  const piece = fc.tuple(fc.constantFrom(...numbers), fc.nat(), fc.nat()).map(([n, a, b]) => {
    const start = a % n.length;
    return n.slice(start, start + 1 + (b % (n.length - start)));
  });
  return fc.oneof(
    fc.stringMatching(/^[+0-9*?]{1,8}$/),
    piece,
    piece.map((p) => `*${p}`),
    piece.map((p) => `${p}*`),
    piece.map((p) => `*${p}*`),
    fc.tuple(piece, fc.nat()).map(([p, i]) => {
      const at = i % p.length;
      return `${p.slice(0, at)}?${p.slice(at + 1)}*`;
    }),
  );
}

describe('number pattern search', () => {
  it('matches the reference pattern rules on random inventories', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(subscriberArb, { minLength: 5, maxLength: 40 }).chain((numbers) =>
          fc.tuple(
            fc.constant(numbers),
            fc.array(fc.constantFrom<NumberState>('available', 'reserved', 'locked'), {
              minLength: numbers.length,
              maxLength: numbers.length,
            }),
            fc.array(patternArb(numbers), { minLength: 1, maxLength: 12 }),
          ),
        ),
        async ([candidates, states, patterns]) => {
          const inventory = Inventory.open(':memory:', { clock: new ManualClock(T0), actor: 'search' });
          try {
            const results = await inventory.add({ numbers: candidates.join(','), vendor: 'Singtel', country: 'SG', sku: 'SG-DID' });
            // Some random subscriber numbers are not valid Singapore numbers; the inventory is what was added.
            const stateOf = new Map<string, NumberState>();
            for (const [i, r] of results.entries()) {
              if (r.status !== 'added' || !r.number) continue;
              stateOf.set(r.number, states[i]);
              if (states[i] === 'reserved') await inventory.act('reserve', { number: r.number, orgUuid: ORG_A, remark: 's' });
              if (states[i] === 'locked') await inventory.act('lock', { number: r.number, remark: 's' });
            }
            const all = [...stateOf.keys()];
            for (const pattern of patterns) {
              const expected = all.filter((n) => matchesPattern(n, pattern)).sort();
              const byPattern = await inventory.search({ filter: { pattern }, pageSize: MAX_PAGE_SIZE });
              expect({ pattern, total: byPattern.total, rows: byPattern.rows.map((r) => r.number) }).toEqual({
                pattern,
                total: expected.length,
                rows: expected,
              });
              const byQuery = await inventory.search({ filter: { query: pattern }, pageSize: MAX_PAGE_SIZE });
              expect({ query: pattern, rows: byQuery.rows.map((r) => r.number) }).toEqual({ query: pattern, rows: expected });
              const reserved = await inventory.search({ filter: { pattern, states: ['reserved'] }, pageSize: MAX_PAGE_SIZE });
              expect({ pattern, reserved: reserved.rows.map((r) => r.number) }).toEqual({
                pattern,
                reserved: expected.filter((n) => stateOf.get(n) === 'reserved'),
              });
              // Every way the search may use the trigram index (leading, skipped, left to SQLite)
              // finds the same numbers.
              const held = searchFilterSchema.parse({ pattern, states: ['reserved', 'locked'] });
              for (const trigrams of ['lead', 'skip', undefined] as const) {
                const query = pageQuery(held, { field: 'number', direction: 'asc' }, MAX_PAGE_SIZE, 0, false, trigrams);
                const rows = (inventory.db.prepare(query.sql).all(...query.params) as { number: string }[]).map((r) => r.number);
                expect({ pattern, trigrams, rows }).toEqual({
                  pattern,
                  trigrams,
                  rows: expected.filter((n) => stateOf.get(n) !== 'available'),
                });
              }
            }
          } finally {
            inventory.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);

  it('lets a pattern with few trigram matches lead, and walks the sort order for one with many', async () => {
    const inventory = Inventory.open(':memory:', { clock: new ManualClock(T0), actor: 'search' });
    try {
      // TRIGRAM_PROBE_LIMIT numbers containing 777, and one containing 9876.
      inventory.db
        .prepare(
          `WITH RECURSIVE i(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM i WHERE x < ? - 1)
           INSERT INTO numbers (number, state, country, vendor, sku, created_at, updated_at)
           SELECT printf('+65777%05d', x), 'available', 'SG', 'Singtel', 'SG-DID', ?, ? FROM i`,
        )
        .run(TRIGRAM_PROBE_LIMIT, T0, T0);
      await inventory.add({ numbers: '+6561239876', vendor: 'Singtel', country: 'SG', sku: 'SG-DID' });
      const plan = (raw: object) => trigramPlan(inventory.db, searchFilterSchema.parse(raw));
      expect([plan({ pattern: '777' }), plan({ pattern: '9876' }), plan({ query: '*777*' }), plan({ pattern: '+65777' })]).toEqual([
        'skip',
        'lead',
        'skip',
        undefined,
      ]);
      // The tab counts see every match anyway: they read the index for more of them.
      expect(trigramPlan(inventory.db, searchFilterSchema.parse({ pattern: '777' }), TRIGRAM_COUNT_LIMIT)).toBe('lead');
      // Both shapes answer exactly, and the grid's page without a total still pages through all.
      const dense = await inventory.search({ filter: { pattern: '777', states: ['available'] }, pageSize: 100, page: 3, withTotal: false });
      expect({ total: dense.total, first: dense.rows[0]?.number, size: dense.rows.length }).toEqual({
        total: null,
        first: '+6577700300',
        size: 100,
      });
      const withTotal = await inventory.search({ filter: { pattern: '777', states: ['available'] }, pageSize: 100, page: 3 });
      expect({ total: withTotal.total, rows: withTotal.rows }).toEqual({ total: TRIGRAM_PROBE_LIMIT, rows: dense.rows });
      const sparse = await inventory.search({ filter: { pattern: '9876', states: ['available'] }, withTotal: false });
      expect({ total: sparse.total, rows: sparse.rows.map((r) => r.number) }).toEqual({ total: null, rows: ['+6561239876'] });
      expect(await inventory.counts({ pattern: '777' })).toMatchObject({ available: TRIGRAM_PROBE_LIMIT, reserved: 0 });
    } finally {
      inventory.close();
    }
  });
});
