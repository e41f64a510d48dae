// Export: every matching row to CSV and XLSX with every column, numbers as text, CSV neutralised
// against formula injection; the XLSX opened by a real spreadsheet program (LibreOffice); the export
// in a worker thread with progress; cancel leaves no file; memory flat as rows grow.
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { rowToCells, TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { csvField, neutraliseFormula, restoreFormulaEscape } from '../../electron/core/export/csv-cell';
import { exportToFile } from '../../electron/core/export/run-export';
import { SharedStrings } from '../../electron/core/export/xlsx-shared-strings';
import { Inventory } from '../../electron/core/inventory';
import { NUMBER_COLUMNS, type NumberRow } from '../../electron/core/numbers/rows';
import { whereClause } from '../../electron/core/search/where';
import { searchFilterSchema, type SearchFilter } from '../../shared/search';
import { freshInventory, ORG_A, SUB_1, T0, tempDir, type TestInventory } from '../helpers/inventory';
import { buildExportWorker, loadGenerated } from './transfer-fixtures';

let t: TestInventory;
let worker: string;
const HOSTILE_ROUTING = [
  '=HYPERLINK("http://evil.example","x")',
  '+1+2',
  '-2+3',
  '@SUM(1)',
  '\tcmd',
  "'=already",
  'plain, with "quotes"',
  ' Zürich – 東京 🚀 <&> ',
];

beforeAll(async () => {
  t = freshInventory();
  worker = buildExportWorker();
  await loadGenerated(t.inventory, t.dir, 300);
  // Hand-made numbers with hostile free text, in several states.
  const numbers = ['+6562000001', '+6562000002', '+6562000003', '+6562000004', '+6562000005', '+6562000006', '+6562000007', '+6562000008'];
  for (const [i, number] of numbers.entries()) {
    await t.inventory.add({
      numbers: number,
      vendor: i === 0 ? '=cmd|calc' : 'Vendor, "quoted"',
      country: 'SG',
      sku: '@risky',
      routing: HOSTILE_ROUTING[i],
      capabilities: ['voice', 'fax'],
      visibleTo: ['b.example', 'a.example'],
    });
  }
  await t.inventory.act('reserve', { number: numbers[1], orgUuid: ORG_A, remark: 'r' });
  await t.inventory.act('assign', { number: numbers[2], subscriptionUuid: SUB_1, ownerUuid: ORG_A });
  await t.inventory.act('lock', { number: numbers[3], remark: 'l' });
  await t.inventory.act('delete', { number: numbers[4], reason: 'faulty', remark: 'd' });
}, 120_000);
afterAll(() => {
  t?.close();
  if (worker) fs.rmSync(worker, { force: true });
});

/** The rows the export must hold for a filter, read straight from the table. */
function expectedCells(filter: SearchFilter): string[][] {
  const where = whereClause(searchFilterSchema.parse(filter));
  const rows = t.inventory.db
    .prepare(`SELECT ${NUMBER_COLUMNS} FROM numbers n WHERE ${where.sql} ORDER BY n.number`)
    .all(...where.params) as NumberRow[];
  return [[...TRANSFER_COLUMNS], ...rows.map(rowToCells)];
}

async function exportInProcess(format: 'csv' | 'xlsx', filter: SearchFilter = {}): Promise<string> {
  const out = path.join(t.dir, `export-${format}-${Date.now()}.${format}`);
  const db = openDatabase(t.file, { readonly: true });
  try {
    await exportToFile(db, { format, out, filter });
  } finally {
    db.close();
  }
  return out;
}

describe('formula injection', () => {
  it('neutralises = + - @ tab and CR at the start of a cell, reversibly', () => {
    for (const value of ['=1+2', '+6561234567', '-1', '@x', '\tx', '\rx', "'=x", "''+x"]) {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
      expect(restoreFormulaEscape(neutraliseFormula(value))).toBe(value);
    }
    for (const value of ['6561234567', 'abc', "'abc", '', 'a=b']) {
      expect(neutraliseFormula(value)).toBe(value);
      expect(restoreFormulaEscape(neutraliseFormula(value))).toBe(value);
    }
    expect(csvField('a,"b"')).toBe('"a,""b"""');
  });
});

describe('CSV export', () => {
  it('writes every matching row and column; risky cells start with an apostrophe; read back they are exact', async () => {
    const out = await exportInProcess('csv');
    const text = fs.readFileSync(out, 'utf8');
    const records = parse(text, { bom: true }) as string[][];
    const expected = expectedCells({});
    expect(records.length).toBe(expected.length);
    expect(records.length).toBeGreaterThan(300);
    // Every cell a spreadsheet could take for a formula is neutralised...
    for (const record of records.slice(1)) {
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(record[0]).toMatch(/^'\+\d+$/);
    }
    // ...and restoring the apostrophe gives back exactly what the inventory holds.
    expect(records.map((r) => r.map(restoreFormulaEscape))).toEqual(expected);
    const hostile = records.find((r) => r[6] === `'${HOSTILE_ROUTING[0]}`);
    expect(hostile?.[3]).toBe("'=cmd|calc");
  });

  it('exports only what the filter matches', async () => {
    const filter: SearchFilter = { states: ['available'], countries: ['SG'] };
    const out = await exportInProcess('csv', filter);
    const records = (parse(fs.readFileSync(out, 'utf8'), { bom: true }) as string[][]).map((r) => r.map(restoreFormulaEscape));
    expect(records).toEqual(expectedCells(filter));
    expect(records.length).toBeLessThan(expectedCells({}).length);
    expect(records.slice(1).every((r) => r[1] === 'available' && r[2] === 'SG')).toBe(true);
  });
});

describe('XLSX export', () => {
  it('stores every cell as a string: numbers are text, never numbers or formulas', async () => {
    const out = await exportInProcess('xlsx');
    // Read the sheet through exceljs (a second, independent reader).
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    const expected = expectedCells({});
    expect(sheet.rowCount).toBe(expected.length);
    const first = sheet.getRow(2).getCell(1);
    expect(first.type).toBe(ExcelJS.ValueType.String);
    expect(String(first.value)).toMatch(/^\+\d+$/);
    sheet.eachRow((row) => row.eachCell((cell) => expect([ExcelJS.ValueType.String]).toContain(cell.type)));
    // Every value, shared or inline, read back as written (row.values is 1-based with holes).
    const values: string[][] = [];
    sheet.eachRow((row) => values.push(TRANSFER_COLUMNS.map((_, i) => String((row.values as unknown[])[i + 1] ?? ''))));
    expect(values).toEqual(expected);
  });

  it('refers the few-valued columns to the shared-strings table and writes the rest inline', async () => {
    const out = await exportInProcess('xlsx');
    // jszip is exceljs's own zip reader; the raw XML shows which kind of cell each one is.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const sharedXml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    expect(await zip.file('[Content_Types].xml')?.async('string')).toContain('/xl/sharedStrings.xml');
    expect(await zip.file('xl/_rels/workbook.xml.rels')?.async('string')).toContain('Target="sharedStrings.xml"');
    const cells = [...sheetXml.matchAll(/<c r="([A-Z]+)(\d+)"( t="[^"]*")?/g)].map(([, column, row, type]) => ({ column, row, type }));
    expect(cells.length).toBeGreaterThan(300 * 10);
    // Never a number or a formula: every cell is a shared or an inline string.
    expect(cells.filter((c) => c.type !== ' t="s"' && c.type !== ' t="inlineStr"')).toEqual([]);
    expect(sheetXml).not.toContain('<f>');
    const typeOf = (column: string) => new Set(cells.filter((c) => c.column === column && c.row !== '1').map((c) => c.type));
    for (const column of ['B', 'C', 'D', 'E', 'F', 'H', 'I']) expect(typeOf(column)).toEqual(new Set([' t="s"']));
    for (const column of ['A', 'J', 'S', 'T']) expect(typeOf(column)).toEqual(new Set([' t="inlineStr"']));
    // A table of a few distinct values, each once, the hostile ones escaped.
    const items = [...sharedXml.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
    expect(items.length).toBeLessThan(100);
    expect(new Set(items).size).toBe(items.length);
    expect(items).toContain('Vendor, &quot;quoted&quot;');
    expect(sharedXml).toMatch(/uniqueCount="\d+"/);
  });

  it('writes a value inline once the shared-strings table is full', () => {
    const table = new SharedStrings({ maxStrings: 2, maxChars: 1000 });
    expect(table.cellTail('a')).toBe('" t="s"><v>0</v></c>');
    expect(table.cellTail('b')).toBe('" t="s"><v>1</v></c>');
    expect(table.cellTail('c')).toBeUndefined();
    expect(table.cellTail('a')).toBe('" t="s"><v>0</v></c>');
    const short = new SharedStrings({ maxStrings: 100, maxChars: 5 });
    expect(short.cellTail('abc')).toBeDefined();
    expect(short.cellTail('def')).toBeUndefined();
    expect(short.toXml()).toContain('count="1" uniqueCount="1"><si><t>abc</t></si></sst>');
  });

  it('opens in LibreOffice with every row and column intact', async () => {
    const out = await exportInProcess('xlsx');
    const outDir = tempDir('ni-lo-');
    // Its own profile, so parallel runs do not fight over one; CSV in UTF-8 (character set 76), not
    // the system's 8-bit one, so the non-ASCII routing comes through.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${outDir}/profile`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        outDir,
        out,
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
    const converted = path.join(outDir, `${path.basename(out, '.xlsx')}.csv`);
    const records = parse(fs.readFileSync(converted, 'utf8'), { bom: true, relax_column_count: true }) as string[][];
    const expected = expectedCells({});
    // LibreOffice ends each row at its last non-empty cell; pad to compare every column.
    const padded = records.map((r) => [...r, ...Array(TRANSFER_COLUMNS.length - r.length).fill('')]);
    expect(padded.length).toBe(expected.length);
    expect(padded).toEqual(expected);
    fs.rmSync(outDir, { recursive: true, force: true });
  }, 180_000);
});

describe('export in a worker thread', () => {
  /** The test inventory's file, opened as a second service with the test worker bundle. */
  const service = (options: { maxHeapMb?: number } = {}) => Inventory.open(t.file, { exportWorker: { workerScript: worker, ...options } });

  it('reports progress and writes the file only when complete', async () => {
    const inventory = service();
    try {
      const out = path.join(t.dir, 'worker.csv');
      const progress: number[] = [];
      const started = await inventory.startExport({ format: 'csv', out, filter: {} }, (p) => progress.push(p.rows));
      const ended = await inventory.exportFinished(started.id);
      expect(ended.state).toBe('done');
      expect(progress.at(-1)).toBe(expectedCells({}).length - 1);
      expect(fs.existsSync(out)).toBe(true);
      expect(fs.existsSync(`${out}.partial`)).toBe(false);
    } finally {
      inventory.close();
    }
  });

  it('cancelled, it leaves neither the file nor a partial file', async () => {
    const inventory = service();
    try {
      for (const format of ['csv', 'xlsx'] as const) {
        const out = path.join(t.dir, `cancelled.${format}`);
        const started = await inventory.startExport({ format, out, filter: {} });
        await inventory.cancelExport(started.id);
        expect((await inventory.exportFinished(started.id)).state).toBe('cancelled');
        expect(fs.readdirSync(t.dir).filter((f) => f.startsWith('cancelled'))).toEqual([]);
      }
    } finally {
      inventory.close();
    }
  });

  it('refuses a file not named for its format (a page cannot overwrite ~/.bashrc), with nothing started', async () => {
    const inventory = service();
    try {
      await expect(inventory.startExport({ format: 'csv', out: path.join(t.dir, '.bashrc'), filter: {} })).rejects.toThrow(
        /must end in \.csv/,
      );
      expect(fs.existsSync(path.join(t.dir, '.bashrc'))).toBe(false);
      expect(fs.existsSync(path.join(t.dir, '.bashrc.partial'))).toBe(false);
    } finally {
      inventory.close();
    }
  });

  it('refuses a folder that does not exist, with nothing started', async () => {
    const inventory = service();
    try {
      await expect(inventory.startExport({ format: 'csv', out: path.join(t.dir, 'no', 'such', 'x.csv'), filter: {} })).rejects.toThrow(
        /does not exist/,
      );
    } finally {
      inventory.close();
    }
  });
});

describe('streaming', () => {
  it('exports far more data than the worker heap could hold (heap capped at 32 MB, ~75 MB of routing text alone)', async () => {
    const big = freshInventory();
    try {
      // 150,000 numbers, each with 500 characters of routing, written by SQL (fast); held in memory
      // the rows would need well over 75 MB, so only a streaming export fits under the cap.
      big.inventory.db.exec(`
        WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < 149999)
        INSERT INTO numbers (number, country, vendor, sku, cap_voice, routing, state, created_at, updated_at)
        SELECT '+6561' || printf('%06d', k), 'SG', 'Singtel', 'SG-DID', 1, printf('%.500c', 'r'), 'available', '${T0}', '${T0}' FROM i`);
      big.inventory.close();
      const inventory = Inventory.open(big.file, { exportWorker: { workerScript: worker, maxHeapMb: 32 } });
      try {
        for (const format of ['csv', 'xlsx'] as const) {
          const out = path.join(big.dir, `big.${format}`);
          const ended = await inventory.exportFinished((await inventory.startExport({ format, out, filter: {} })).id);
          expect({ format, state: ended.state, rows: ended.rows, file: ended.file, error: ended.error }).toEqual({
            format,
            state: 'done',
            rows: 150_000,
            file: out,
            error: undefined,
          });
          expect(fs.statSync(out).size).toBeGreaterThan(75_000_000 / (format === 'xlsx' ? 50 : 1));
        }
      } finally {
        inventory.close();
      }
    } finally {
      big.close();
    }
  }, 600_000);
});
