// Import: exported files load back into an empty inventory unchanged (CSV and XLSX); the dry run
// answers per row and writes nothing; files that are not inventory files, zip bombs, oversized
// rows and __proto__ headers are refused or harmless with nothing written; every imported number
// has its `import` audit event.
import archiver from 'archiver';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { csvLine } from '../../electron/core/export/csv-cell';
import { DID_1, ORG_A, ORG_B, SUB_1, type TestInventory } from '../helpers/inventory';
import { benchRows } from '../bench/dataset';
import {
  exportInventory,
  freshInventories,
  inventorySnapshot,
  loadGenerated,
  numberCount,
  refusalOf,
  ROOT,
  writeInventoryCsv,
} from './transfer-fixtures';

const fresh = freshInventories();

const row = (values: Partial<Record<(typeof TRANSFER_COLUMNS)[number], string>>) => TRANSFER_COLUMNS.map((c) => values[c] ?? '');
const AVAILABLE = { state: 'available', country: 'SG', vendor: 'Singtel', sku: 'SG-DID', golden: 'no', ported_in: 'no' };

function writeCsv(t: TestInventory, name: string, lines: string[][], header: string[] = [...TRANSFER_COLUMNS]): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, [header, ...lines].map((cells) => csvLine(cells)).join(''));
  return file;
}

describe('round trip', () => {
  it.each(['csv', 'xlsx'] as const)(
    'an exported %s imports into an empty inventory with every field unchanged',
    async (format) => {
      const source = fresh();
      await loadGenerated(source.inventory, source.dir, 250);
      // Plus numbers moved through the real life cycle, with every state's fields.
      await source.inventory.add({
        numbers: '+6562000001,+6562000002,+6562000003,+6562000004',
        vendor: 'V, "q"',
        country: 'SG',
        sku: '=SKU',
        routing: '-r',
        capabilities: ['fax'],
        golden: true,
        portedIn: true,
        visibleTo: ['z.example', 'a.example'],
      });
      await source.inventory.act('reserve', { number: '+6562000001', orgUuid: ORG_A, remark: 'r' });
      await source.inventory.act('extend', { number: '+6562000001', didReservationUuid: DID_1, paidUntil: '2026-09-30' });
      await source.inventory.act('assign', { number: '+6562000002', subscriptionUuid: SUB_1, ownerUuid: ORG_B });
      await source.inventory.act('delete', { number: '+6562000003', reason: 'ported-out', remark: 'gone' });
      const file = await exportInventory(source, format);

      const target = fresh();
      const dry = await target.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: true });
      expect(dry.counts).toEqual({ add: 254, invalid: 0, duplicate: 0, conflicting: 0 });
      expect(numberCount(target)).toBe(0);
      const report = await target.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
      expect(report.imported).toBe(254);
      expect(inventorySnapshot(target)).toEqual(inventorySnapshot(source));

      // Every imported number has exactly one audit event, an `import` into its state.
      const events = target.inventory.db
        .prepare(`SELECT e.action, e.from_state, e.to_state, n.state FROM events e JOIN numbers n ON n.id = e.number_id`)
        .all() as { action: string; from_state: null; to_state: string; state: string }[];
      expect(events.length).toBe(254);
      expect(events.every((e) => e.action === 'import' && e.from_state === null && e.to_state === e.state)).toBe(true);

      // Importing the same file again adds nothing: every row is a duplicate.
      const again = await target.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
      expect(again.counts).toEqual({ add: 0, invalid: 0, duplicate: 254, conflicting: 0 });
      expect(numberCount(target)).toBe(254);
    },
    120_000,
  );
});

describe('every exported file imports back, of any size', () => {
  // The XLSX export writes its shared strings after the sheet; files of 70 rows or fewer were once
  // read with every shared cell empty and refused as "not an inventory file".
  for (const format of ['xlsx', 'csv'] as const) {
    it.each([1, 2, 30, 60, 70, 71, 333])(`${format}, %i rows: every field unchanged`, async (n) => {
      const source = fresh();
      await loadGenerated(source.inventory, source.dir, n);
      const file = await exportInventory(source, format);
      const target = fresh();
      const report = await target.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
      expect(report.counts).toEqual({ add: n, invalid: 0, duplicate: 0, conflicting: 0 });
      expect(report.imported).toBe(n);
      const imported = inventorySnapshot(target);
      expect(imported).toHaveLength(n);
      expect(imported).toEqual(inventorySnapshot(source));
    });
  }
});

describe("the import is the service's", () => {
  it('import:file goes through Inventory.importFile', async () => {
    const t = fresh();
    const file = writeCsv(t, 'one.csv', [row({ ...AVAILABLE, number: '+6561230042' })]);
    const service = vi.spyOn(t.inventory, 'importFile');
    const outcome = await dispatch(t.inventory, 'import:file', { source: { kind: 'path', path: file }, dryRun: false });
    expect(outcome).toMatchObject({ ok: true, value: { imported: 1 } });
    expect(service).toHaveBeenCalledWith({ source: { kind: 'path', path: file }, dryRun: false });
  });

  it('the CLI commits batches of IMPORT_BATCH_SIZE (5,000) unless told otherwise', async () => {
    const t = fresh();
    const file = path.join(t.dir, 'six-thousand.csv');
    writeInventoryCsv(file, benchRows(6000, 0));
    const child = spawn(process.execPath, [path.join(ROOT, 'electron', 'cli', 'bin.cjs'), '--db', t.file, 'import', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    // The first batch is always reported: it is the size of a batch.
    expect(stderr.split('\n')[0]).toBe('imported 5000 rows of 6000');
    expect(numberCount(t)).toBe(6000);
  }, 120_000);
});

describe('dry run', () => {
  it('answers per row: to add, invalid and why, duplicate, conflicting; and writes nothing', async () => {
    const t = fresh();
    await t.inventory.add({ numbers: '+6561230000,+6561230001', vendor: 'Singtel', country: 'SG', sku: 'SG-DID' });
    const before = inventorySnapshot(t);
    const created = (await t.inventory.show('+6561230000')).createdAt;
    const file = writeCsv(t, 'mixed.csv', [
      row({ ...AVAILABLE, number: '+6561239999' }),
      row({ ...AVAILABLE, number: '+65 6123 9998' }),
      row({ ...AVAILABLE, number: 'not a number' }),
      row({ ...AVAILABLE, number: '+6561239997', state: 'reserved' }),
      row({ ...AVAILABLE, number: '+6561239996', state: 'sold' }),
      row({ ...AVAILABLE, number: '+6561239995', capabilities: 'voice,video' }),
      row({ ...AVAILABLE, number: '+12125550123' }),
      row({ ...AVAILABLE, number: '+6561239999' }),
      row({ ...AVAILABLE, number: '+6561230000', created_at: created, updated_at: created }),
      row({ ...AVAILABLE, number: '+6561230001', state: 'locked' }),
    ]);
    const report = await t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: true });
    expect(report.counts).toEqual({ add: 2, invalid: 5, duplicate: 2, conflicting: 1 });
    const byLine = Object.fromEntries(report.results.map((r) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ status: 'add', number: '+6561239999' });
    expect(byLine[3]).toMatchObject({ status: 'add', number: '+6561239998' });
    expect(byLine[4]).toMatchObject({ status: 'invalid' });
    expect(byLine[5].reason).toMatch(/reserved number needs reservation_kind/);
    expect(byLine[6].reason).toMatch(/state "sold"/);
    expect(byLine[7].reason).toMatch(/capability "video"/);
    expect(byLine[8].reason).toMatch(/not SG|belongs to/);
    expect(byLine[9]).toMatchObject({ status: 'duplicate', reason: 'repeats line 2 of the file' });
    expect(byLine[10]).toMatchObject({ status: 'duplicate', number: '+6561230000' });
    expect(byLine[11]).toMatchObject({ status: 'conflicting', number: '+6561230001' });
    expect(byLine[11].reason).toMatch(/available.*state/);
    expect(inventorySnapshot(t)).toEqual(before);

    // Committed, only the rows to add are written.
    const committed = await t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
    expect(committed.imported).toBe(2);
    expect(numberCount(t)).toBe(4);
  });
});

describe('refusals: nothing written', () => {
  it('a file that is not an inventory file', async () => {
    const t = fresh();
    const orgs = path.join(t.dir, 'orgs.csv');
    fs.writeFileSync(orgs, `uuid,name,type\n${ORG_A},Acme,customer\n`);
    const binary = path.join(t.dir, 'picture.png');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const empty = path.join(t.dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    const plainZip = path.join(t.dir, 'archive.xlsx');
    await zip(plainZip, [{ name: 'readme.txt', data: 'hello' }]);
    for (const [file, message] of [
      [orgs, /not an inventory file: its header row lacks the columns number, state, country, vendor, sku/],
      [binary, /the file is not UTF-8 text \(save it as CSV UTF-8\); line 1 is the first that is not/],
      [empty, /not an inventory file: it is empty/],
      [plainZip, /not an XLSX workbook/],
    ] as const) {
      for (const dryRun of [true, false]) {
        const refused = await refusalOf(t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun }));
        expect(refused.code).toBe('INVALID_INPUT');
        expect(refused.message).toMatch(message);
      }
    }
    expect(numberCount(t)).toBe(0);
  });

  it('a zip bomb, and a zip with too many entries, before inflating anything', async () => {
    const t = fresh();
    const bomb = path.join(t.dir, 'bomb.xlsx');
    // 64 MB of zeros deflate to about 64 KB: a 1000x ratio.
    await zip(bomb, [
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024) },
    ]);
    expect(fs.statSync(bomb).size).toBeLessThan(1024 * 1024);
    const refused = await refusalOf(t.inventory.importFile({ source: { kind: 'path', path: bomb }, dryRun: false }));
    expect(refused.message).toMatch(/xl\/worksheets\/sheet1.xml inflates \d+x \(a zip bomb/);

    const many = path.join(t.dir, 'many.xlsx');
    await zip(
      many,
      Array.from({ length: 250 }, (_, i) => ({ name: i === 0 ? 'xl/workbook.xml' : `x/${i}.xml`, data: 'x' })),
    );
    expect((await refusalOf(t.inventory.importFile({ source: { kind: 'path', path: many }, dryRun: true }))).message).toMatch(
      /250 zip entries/,
    );
    expect(numberCount(t)).toBe(0);
  });

  it('a row over the size limit, even after good rows', async () => {
    const t = fresh();
    const rows = Array.from({ length: 50 }, (_, i) => row({ ...AVAILABLE, number: `+656123${String(i).padStart(4, '0')}` }));
    rows.push(row({ ...AVAILABLE, number: '+6561239999', routing: 'x'.repeat(5000) }));
    const file = writeCsv(t, 'huge-cell.csv', rows);
    const refused = await refusalOf(t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false }));
    expect(refused.message).toMatch(/row 52 has a cell of 5000 characters/);
    expect(numberCount(t)).toBe(0);
    const wide = writeCsv(t, 'wide-row.csv', [row({ ...AVAILABLE, number: '+6561239998' }).concat(Array(20).fill('y'.repeat(1000)))]);
    expect((await refusalOf(t.inventory.importFile({ source: { kind: 'path', path: wide }, dryRun: false }))).message).toMatch(
      /row 2 holds \d+ characters/,
    );
    expect(numberCount(t)).toBe(0);
  });
});

describe('hostile headers', () => {
  it('__proto__, constructor and prototype header cells pollute nothing and are reported as ignored', async () => {
    const t = fresh();
    const header = [...TRANSFER_COLUMNS, '__proto__', 'constructor', 'prototype'];
    const file = writeCsv(t, 'proto.csv', [[...row({ ...AVAILABLE, number: '+6561230005' }), '{"polluted":"yes"}', 'x', 'y']], header);
    const report = await t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
    expect(report.imported).toBe(1);
    expect(report.ignoredColumns).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await t.inventory.show('+6561230005')).state).toBe('available');
  });

  it('a column named twice is refused', async () => {
    const t = fresh();
    const file = writeCsv(
      t,
      'twice.csv',
      [row({ ...AVAILABLE, number: '+6561230006' }).concat(['available'])],
      [...TRANSFER_COLUMNS, 'State'],
    );
    expect((await refusalOf(t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false }))).message).toMatch(
      /names the column "state" twice/,
    );
    expect(numberCount(t)).toBe(0);
  });
});

async function zip(file: string, entries: { name: string; data: string | Buffer }[]): Promise<void> {
  const archive = archiver('zip', { zlib: { level: 9 } });
  const out = fs.createWriteStream(file);
  archive.pipe(out);
  for (const e of entries) archive.append(e.data, { name: e.name });
  await archive.finalize();
  await new Promise<void>((resolve) => out.on('close', () => resolve()));
}
