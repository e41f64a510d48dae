// The activity log: every audit event across the inventory, newest first, filtered by operator,
// action, time range and number pattern, paged from a cursor with a bounded count, on both stores
// (the batch column, the count's bound and the export on an inventory file).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportToFile } from '../../electron/core/export/run-export';
import { Inventory } from '../../electron/core/inventory';
import { isInventoryError } from '../../shared/errors';
import type { ActivityEvent, ActivityRequest } from '../../shared/activity';
import { addSgNumbers, freshInventory, ORG_A, type TestInventory } from '../helpers/inventory';
import { STORES, type StoreUnderTest } from '../helpers/stores';
import type { InventoryPort } from '../../electron/core/inventory-port';

const HOUR = 3_600_000;
const brief = (e: ActivityEvent) => `${e.at.slice(11, 16)} ${e.actor} ${e.action} ${e.number} ${e.from ?? '-'}>${e.to}`;

/** 09:00 tester adds three numbers; 10:00 Alice reserves the first; 11:00 tester locks the second; 12:00 Alice releases the first. */
async function workday(inventory: InventoryPort, alice: InventoryPort, clock: { advance(ms: number): void }): Promise<void> {
  await addSgNumbers(inventory, 3);
  clock.advance(HOUR);
  await alice.act('reserve', { number: '+6561230000', orgUuid: ORG_A, remark: 'for the pilot' });
  clock.advance(HOUR);
  await inventory.act('lock', { number: '+6561230001', remark: 'faulty line' });
  clock.advance(HOUR);
  await alice.act('release', { number: '+6561230000', remark: 'pilot ended' });
}

describe.each(STORES)('activity log on the $name', (store) => {
  let t: StoreUnderTest;
  beforeEach(async () => {
    t = await store.open();
    await workday(t.inventory, t.anotherClient('Alice'), t.clock);
  });
  afterEach(() => t.close());
  const list = async (request: ActivityRequest) => (await t.inventory.activity(request)).rows.map(brief);

  it('lists every event across the inventory, newest first, with its remark', async () => {
    const page = await t.inventory.activity({});
    expect(page.rows.map(brief)).toEqual([
      '12:00 Alice release +6561230000 reserved>available',
      '11:00 tester lock +6561230001 available>locked',
      '10:00 Alice reserve +6561230000 available>reserved',
      '09:00 tester add +6561230002 ->available',
      '09:00 tester add +6561230001 ->available',
      '09:00 tester add +6561230000 ->available',
    ]);
    expect(page.rows[2].remark).toBe('for the pilot');
    expect(page).toMatchObject({ total: 6, next: null });
  });

  it('filters by operator (any case), action, time range and number pattern', async () => {
    expect(await list({ filter: { actors: ['alice'] } })).toEqual([
      '12:00 Alice release +6561230000 reserved>available',
      '10:00 Alice reserve +6561230000 available>reserved',
    ]);
    expect(await list({ filter: { actions: ['lock', 'release'] } })).toEqual([
      '12:00 Alice release +6561230000 reserved>available',
      '11:00 tester lock +6561230001 available>locked',
    ]);
    expect(await list({ filter: { since: '2026-01-05T10:00:00Z', until: '2026-01-05T12:00:00Z' } })).toEqual([
      '11:00 tester lock +6561230001 available>locked',
      '10:00 Alice reserve +6561230000 available>reserved',
    ]);
    expect(await list({ filter: { pattern: '*0001' } })).toEqual([
      '11:00 tester lock +6561230001 available>locked',
      '09:00 tester add +6561230001 ->available',
    ]);
    expect(await list({ filter: { pattern: '+656123000', actions: ['add'], actors: ['TESTER'] } })).toHaveLength(3);
  });

  it('pages from a cursor: the pages together are the whole log, each event once', async () => {
    const seen: string[] = [];
    let after: ActivityEvent | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await t.inventory.activity({ pageSize: 4, ...(after ? { after: { at: after.at, id: after.id } } : {}) });
      seen.push(...page.rows.map((r) => `${r.id}`));
      expect(page.total).toBe(6);
      if (!page.next) break;
      after = page.rows[page.rows.length - 1];
      expect(page.next).toEqual({ at: after.at, id: after.id });
    }
    expect(seen).toEqual(['6', '5', '4', '3', '2', '1']);
  });

  it('a pattern matching many numbers walks the log in time order and finds the same events', async () => {
    // +65 matches every number: the same rows as no pattern, newest first.
    expect(await list({ filter: { pattern: '+65' } })).toEqual(await list({}));
  });
});

describe('activity log on an inventory file', () => {
  let t: TestInventory;
  let alice: Inventory;
  beforeEach(async () => {
    t = freshInventory('2026-01-05T09:00:00.000Z');
    alice = Inventory.open(t.file, { clock: t.clock, actor: 'Alice' });
    await workday(t.inventory, alice, t.clock);
  });
  afterEach(() => {
    alice.close();
    t.close();
  });

  it('shows the batch of a bulk action from the event details', async () => {
    t.inventory.db.prepare(`UPDATE events SET details = json_set(details, '$.batchId', 'b-42') WHERE action = 'add'`).run();
    const rows = (await t.inventory.activity({})).rows;
    expect(rows.map((r) => r.batchId)).toEqual([null, null, null, 'b-42', 'b-42', 'b-42']);
  });

  it('counts at most 1,000 matches and says "more" beyond', async () => {
    const insert = t.inventory.db.prepare(
      `INSERT INTO events (number_id, at, actor, action, from_state, to_state) VALUES (1, '2026-01-04T00:00:00.000Z', 'bulk', 'lock', 'available', 'locked')`,
    );
    t.inventory.db.transaction(() => {
      for (let i = 0; i < 1_000; i++) insert.run();
    })();
    const page = await t.inventory.activity({ pageSize: 10 });
    expect(page).toMatchObject({ total: null });
    expect(page.next).not.toBeNull();
    expect((await t.inventory.activity({ filter: { actors: ['bulk'] } })).total).toBe(1_000);
  });

  it.each([
    [{ filter: { pattern: '+65x' } }, 'Number pattern'],
    [{ filter: { since: 'yesterday' } }, '"From" must be a date and time'],
    [{ filter: { since: '2026-01-06T00:00:00Z', until: '2026-01-05T00:00:00Z' } }, '"From" must be before "Until"'],
    [{ filter: { actions: ['explode'] } }, 'Actions'],
  ])('refuses bad filters with a clear error: %j', async (request, words) => {
    const refusal = await t.inventory.activity(request as ActivityRequest).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isInventoryError(refusal) && refusal.code).toBe('INVALID_INPUT');
    expect((refusal as Error).message).toContain(words);
  });

  it('exports the filtered log to CSV and XLSX with the export writers, newest first', async () => {
    t.inventory.db.prepare(`UPDATE events SET details = json_set(details, '$.batchId', 'b-7') WHERE action = 'lock'`).run();
    const csv = path.join(t.dir, 'activity.csv');
    const summary = await exportToFile(t.inventory.db, { format: 'csv', out: csv, activity: { actions: ['lock', 'release'] } });
    expect(summary.rows).toBe(2);
    expect(fs.readFileSync(csv, 'utf8').trim().split(/\r?\n/)).toEqual([
      'at,actor,action,number,from_state,to_state,remark,batch,details',
      // The CSV writer keeps a leading + from being read as a formula, as in the inventory's export.
      `2026-01-05T12:00:00.000Z,Alice,release,'+6561230000,reserved,available,pilot ended,,"{""orgUuid"":""11111111-1111-4111-8111-111111111111"",""previousExpiresAt"":""2026-02-02T10:00:00.000Z""}"`,
      `2026-01-05T11:00:00.000Z,tester,lock,'+6561230001,available,locked,faulty line,b-7,"{""expiresAt"":""2026-02-02T11:00:00.000Z"",""periodDays"":28,""batchId"":""b-7""}"`,
    ]);
    const xlsx = path.join(t.dir, 'activity.xlsx');
    await exportToFile(t.inventory.db, { format: 'xlsx', out: xlsx, activity: { actors: ['alice'] } });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as string[]).slice(1, 5)));
    expect(rows).toEqual([
      ['at', 'actor', 'action', 'number'],
      ['2026-01-05T12:00:00.000Z', 'Alice', 'release', '+6561230000'],
      ['2026-01-05T10:00:00.000Z', 'Alice', 'reserve', '+6561230000'],
    ]);
  });
});
