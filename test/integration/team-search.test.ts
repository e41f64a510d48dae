// The same search semantics on both stores: one inventory (the generated fixture of the search
// oracle tests, search-semantics.test.ts) copied row for row into a team database, then every
// filter field, the pattern rules, every sort both ways with its tie-breaks, paging and the tab
// counts asked of both: the team database answers exactly what the file answers (which the oracle
// tests hold to a plain JavaScript filter), and what the oracle below says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NumberRecord } from '../../shared/domain';
import { SORT_FIELDS, type SearchFilter, type SearchRequest } from '../../shared/search';
import { freshInventory, type TestInventory } from '../helpers/inventory';
import { freshTeamInventory, type TestTeamInventory } from '../helpers/team-inventory';
import { loadGenerated } from './transfer-fixtures';

let file: TestInventory;
let team: TestTeamInventory;
let sample: NumberRecord[];

const FLAGS = ['cap_voice', 'cap_fax', 'cap_sms', 'golden', 'ported_in'];

beforeAll(async () => {
  file = freshInventory();
  await loadGenerated(file.inventory, file.dir, 600);
  team = await freshTeamInventory();
  const numbers = (file.inventory.db.prepare('SELECT * FROM numbers').all() as Record<string, unknown>[]).map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, FLAGS.includes(key) ? value === 1 : value])),
  );
  await team.database.query('INSERT INTO numbers OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::numbers, $1::json)', [
    JSON.stringify(numbers),
  ]);
  const visibility = file.inventory.db.prepare('SELECT number_id, domain FROM number_visibility').all();
  await team.database.query('INSERT INTO number_visibility SELECT * FROM json_populate_recordset(NULL::number_visibility, $1::json)', [
    JSON.stringify(visibility),
  ]);
  sample = (await file.inventory.search({ pageSize: 100 })).rows;
}, 120_000);
afterAll(async () => {
  file?.close();
  await team?.close();
});

async function bothAnswer(request: SearchRequest): Promise<void> {
  const [fromFile, fromTeam] = await Promise.all([file.inventory.search(request), team.inventory.search(request)]);
  expect({ request, ...fromTeam }).toEqual({ request, ...fromFile });
}

describe('search on a team database', () => {
  it('holds the same numbers as the file it was copied from', async () => {
    const [a, b] = await Promise.all([
      file.inventory.search({ withTotal: true, pageSize: 1 }),
      team.inventory.search({ withTotal: true, pageSize: 1 }),
    ]);
    expect(b.total).toBe(600);
    expect(a.total).toBe(600);
  });

  it('answers every filter field, OR within a field and AND across fields, as the file does', async () => {
    const assigned = sample.find((r) => r.state === 'assigned');
    const filters: SearchFilter[] = [
      {},
      { states: ['available'] },
      { states: ['reserved', 'locked'] },
      { skus: ['SG-DID', 'JP-GEO'] },
      { vendors: ['Colt', 'BT'] },
      { countries: ['GB', 'AU'] },
      { capabilities: ['fax'] },
      { capabilities: ['fax', 'sms'] },
      { routings: ['sip-trunk-a', 'teams-direct'] },
      { golden: true },
      { golden: false, states: ['available'] },
      { portedIn: true },
      { visibleTo: ['acme.example', 'globex.example'] },
      ...(assigned ? [{ subscriptionUuid: assigned.subscriptionUuid as string }, { ownerUuid: assigned.ownerUuid as string }] : []),
      { expiresBefore: '2026-06-01T00:00:00.000Z' },
      { expiresAfter: '2026-06-05T00:00:00.000Z', expiresBefore: '2026-07-01T00:00:00.000Z', states: ['reserved'] },
      { states: ['assigned', 'deleted'], countries: ['US', 'DE'], golden: false, routings: ['sip-trunk-b'] },
      { query: sample[3].number.slice(3, 8) },
      ...(assigned ? [{ query: (assigned.ownerUuid as string).slice(0, 6) }] : []),
    ];
    for (const filter of filters) {
      await bothAnswer({ filter, withTotal: true, pageSize: 100 });
      expect({ filter, counts: await team.inventory.counts(filter) }).toEqual({ filter, counts: await file.inventory.counts(filter) });
    }
  });

  it('applies the pattern rules as the file does: wildcards, + prefix, digits anywhere, short patterns', async () => {
    const n = sample[17].number;
    for (const pattern of [
      n.slice(4, 8),
      n.slice(-3),
      n.slice(3, 5),
      n.slice(-1),
      '+44',
      '+65',
      '+',
      '+65*',
      `*${n.slice(-4)}`,
      `*${n.slice(-2)}`,
      '+65??0*',
      `${n.slice(0, 4)}*${n.slice(-2)}`,
      '*0*0*',
      '?',
      '99999999999',
    ]) {
      await bothAnswer({ filter: { pattern }, withTotal: true, pageSize: 100 });
    }
  });

  it('sorts by every field both ways with the same tie-breaks, page by page', async () => {
    for (const field of SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const page of [0, 1, 5]) await bothAnswer({ sort: { field, direction }, page, pageSize: 50, withTotal: true });
      }
    }
  });
});
