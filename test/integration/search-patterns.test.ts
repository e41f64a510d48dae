// Number-pattern search against a plain reference of the pattern rules (issue 2 §6): with * or ? a
// wildcard over the E.164 number, starting with + a prefix, digits alone anywhere. Random inventories,
// random patterns (many cut from the inventory's own numbers), alone and with a state filter, through
// both the advanced pattern field and the basic search box.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { Inventory } from '../../electron/core/inventory';
import type { NumberState } from '../../shared/domain';
import { MAX_PAGE_SIZE } from '../../shared/search';
import { ORG_A, T0 } from '../helpers/inventory';

function matchesPattern(number: string, pattern: string): boolean {
  if (/[*?]/.test(pattern)) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${source}$`).test(number);
  }
  if (pattern.startsWith('+')) return number.startsWith(pattern);
  return number.includes(pattern);
}

const subscriberArb = fc.tuple(fc.constantFrom('6', '8', '9'), fc.stringMatching(/^[0-9]{7}$/)).map(([first, rest]) => `+65${first}${rest}`);

/** Patterns: random ones over the pattern alphabet, and pieces of numbers with wildcards around them. */
function patternArb(numbers: string[]): fc.Arbitrary<string> {
  const piece = fc
    .tuple(fc.constantFrom(...numbers), fc.nat(), fc.nat())
    .map(([n, a, b]) => {
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
            fc.array(fc.constantFrom<NumberState>('available', 'reserved', 'locked'), { minLength: numbers.length, maxLength: numbers.length }),
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
              expect({ pattern, total: byPattern.total, rows: byPattern.rows.map((r) => r.number) }).toEqual({ pattern, total: expected.length, rows: expected });
              const byQuery = await inventory.search({ filter: { query: pattern }, pageSize: MAX_PAGE_SIZE });
              expect({ query: pattern, rows: byQuery.rows.map((r) => r.number) }).toEqual({ query: pattern, rows: expected });
              const reserved = await inventory.search({ filter: { pattern, states: ['reserved'] }, pageSize: MAX_PAGE_SIZE });
              expect({ pattern, reserved: reserved.rows.map((r) => r.number) }).toEqual({ pattern, reserved: expected.filter((n) => stateOf.get(n) === 'reserved') });
            }
          } finally {
            inventory.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);
});
