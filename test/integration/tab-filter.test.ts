// For every tab and every set of ticked states (5 x 32), with and without another condition, the
// rows the grid shows (every page, asked as the grid asks: without a total), the count its tab shows
// and the rows exported are the same numbers: those the seeded inventory holds in the tab on screen.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { exportToFile } from '../../electron/core/export/run-export';
import { NUMBER_STATES, type NumberState } from '../../shared/domain';
import type { SearchFilter } from '../../shared/search';
import { tabCounts, tabView } from '../../shared/tab-filter';
import { freshInventory, ORG_A, SUB_1, type TestInventory } from '../helpers/inventory';

/** The seeded inventory, written out: each number's state and vendor. */
const SEED: { number: string; state: NumberState; vendor: 'Singtel' | 'Colt' }[] = [
  { number: '+6561230001', state: 'available', vendor: 'Singtel' },
  { number: '+6561230002', state: 'available', vendor: 'Singtel' },
  { number: '+6561230003', state: 'available', vendor: 'Colt' },
  { number: '+6561230004', state: 'available', vendor: 'Colt' },
  { number: '+6561230005', state: 'available', vendor: 'Colt' },
  { number: '+6561230006', state: 'reserved', vendor: 'Singtel' },
  { number: '+6561230007', state: 'reserved', vendor: 'Colt' },
  { number: '+6561230008', state: 'reserved', vendor: 'Colt' },
  { number: '+6561230009', state: 'locked', vendor: 'Singtel' },
  { number: '+6561230010', state: 'locked', vendor: 'Singtel' },
  { number: '+6561230011', state: 'assigned', vendor: 'Colt' },
  { number: '+6561230012', state: 'deleted', vendor: 'Singtel' },
  { number: '+6561230013', state: 'deleted', vendor: 'Colt' },
];
const SUBSETS: NumberState[][] = Array.from({ length: 32 }, (_, bits) => NUMBER_STATES.filter((_state, i) => bits & (1 << i)));
/** Small pages, so every tab with more than one match is read over several pages. */
const PAGE_SIZE = 2;

let t: TestInventory;
let readOnly: Db;
let exports = 0;

beforeAll(async () => {
  t = freshInventory();
  for (const { number, vendor } of SEED) {
    const [result] = await t.inventory.add({ numbers: number, vendor, country: 'SG', sku: 'SG-DID' });
    expect(result.status).toBe('added');
  }
  for (const { number, state } of SEED) {
    if (state === 'reserved') await t.inventory.act('reserve', { number, orgUuid: ORG_A, remark: 'seed' });
    if (state === 'locked') await t.inventory.act('lock', { number, remark: 'seed' });
    if (state === 'assigned') await t.inventory.act('assign', { number, subscriptionUuid: SUB_1, ownerUuid: ORG_A });
    if (state === 'deleted') await t.inventory.act('delete', { number, reason: 'faulty', remark: 'seed' });
  }
  // The export reads its own connection, as the export worker does.
  readOnly = openDatabase(t.file, { readonly: true });
});
afterAll(() => {
  readOnly?.close();
  t?.close();
});

/** Every row the grid shows, page by page, each page asked as the grid asks (withTotal: false). */
async function rowsShown(filter: SearchFilter, count: number): Promise<string[]> {
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const shown: string[] = [];
  // One page past the count: the grid would never ask it, but it must be empty.
  for (let page = 0; page <= pages; page++) {
    const result = await t.inventory.search({ filter, page, pageSize: PAGE_SIZE, withTotal: false });
    if (page === pages) expect(result.rows).toEqual([]);
    shown.push(...result.rows.map((row) => row.number));
  }
  return shown;
}

async function rowsExported(filter: SearchFilter): Promise<string[]> {
  const out = path.join(t.dir, `export-${++exports}.csv`);
  await exportToFile(readOnly, { format: 'csv', out, filter });
  // The file starts with a byte-order mark, for spreadsheet programs.
  const [header, ...rows] = parse(fs.readFileSync(out, 'utf8'), { bom: true }) as string[][];
  fs.rmSync(out);
  expect(header[0]).toBe('number');
  // The export guards cells against formulas: +656... is written '+656...
  return rows.map((row) => row[0].replace(/^'/, ''));
}

const OTHER_CONDITIONS: { name: string; conditions: SearchFilter; keeps: (vendor: string) => boolean }[] = [
  { name: 'no other condition', conditions: {}, keeps: () => true },
  { name: 'vendor Colt', conditions: { vendors: ['Colt'] }, keeps: (vendor) => vendor === 'Colt' },
];

describe.each(OTHER_CONDITIONS)('with $name', ({ conditions, keeps }) => {
  for (const chosen of NUMBER_STATES) {
    for (const ticked of SUBSETS) {
      it(`${chosen} tab, ticked [${ticked.join(', ')}]: grid, count and export are the same numbers`, async () => {
        const view = tabView(chosen, { ...conditions, states: ticked });
        const open = ticked.length ? ticked : NUMBER_STATES;
        const expectedTab = open.includes(chosen) ? chosen : open[0];
        const expected = SEED.filter((seed) => seed.state === expectedTab && keeps(seed.vendor)).map((seed) => seed.number);
        expect(view.tab).toBe(expectedTab);

        const counts = tabCounts(view, await t.inventory.counts(view.countFilter));
        for (const state of NUMBER_STATES) {
          const inState = SEED.filter((seed) => seed.state === state && keeps(seed.vendor)).length;
          expect(counts[state], `${state} tab's count`).toBe(open.includes(state) ? inState : 0);
        }
        expect(counts[view.tab]).toBe(expected.length);
        expect(await rowsShown(view.filter, counts[view.tab])).toEqual(expected);
        expect(await rowsExported(view.filter)).toEqual(expected);
      });
    }
  }
});
