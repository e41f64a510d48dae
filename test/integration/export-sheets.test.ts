// XLSX exports of more rows than a sheet holds continue on further sheets, each with the header row,
// and the import reads every sheet back. A small sheet limit (3 or 4 rows a sheet) checks the
// mechanism; LibreOffice reads such a file sheet by sheet. What spreadsheet users expect of each
// sheet: a frozen header row, an autofilter over the rows, columns as wide as their values.
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { exportToFile } from '../../electron/core/export/run-export';
import { XlsxStreamWriter } from '../../electron/core/export/xlsx-writer';
import { addSgNumbers, freshInventory, tempDir, type TestInventory } from '../helpers/inventory';
import { refusalOf } from './transfer-fixtures';

let t: TestInventory;
let numbers: string[];
beforeEach(async () => {
  t = freshInventory();
  numbers = await addSgNumbers(t.inventory, 10);
});
afterEach(() => t.close());

/** The ten numbers exported to XLSX with `rowsPerSheet` rows a sheet, header included. */
async function exportSheets(rowsPerSheet: number): Promise<string> {
  const out = path.join(t.dir, `sheets-${rowsPerSheet}.xlsx`);
  await exportToFile(t.inventory.db, { format: 'xlsx', out, filter: {} }, { rowsPerSheet });
  return out;
}

async function readWorkbook(file: string) {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The raw XML of one part, to see what exceljs does not report (the autofilter). */
async function part(file: string, name: string): Promise<string> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const entry = zip.file(name);
  if (!entry) throw new Error(`no ${name} in ${file}`);
  return entry.async('string');
}

describe('an XLSX export of more rows than a sheet holds', () => {
  it('continues on further sheets, "numbers", "numbers (2)", ..., each starting with the header row', async () => {
    const workbook = await readWorkbook(await exportSheets(4));
    // 10 rows at 3 a sheet (4 with the header): 3 + 3 + 3 + 1.
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['numbers', 'numbers (2)', 'numbers (3)', 'numbers (4)']);
    const perSheet = workbook.worksheets.map((sheet) => {
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as string[]).slice(1)));
      return rows;
    });
    for (const rows of perSheet) expect(rows[0]).toEqual([...TRANSFER_COLUMNS]);
    expect(perSheet.map((rows) => rows.length)).toEqual([4, 4, 4, 2]);
    expect(perSheet.flatMap((rows) => rows.slice(1).map((cells) => cells[0]))).toEqual(numbers);
  });

  it('gives every sheet a frozen header row, an autofilter over its rows and columns that fit the values', async () => {
    const file = await exportSheets(4);
    const workbook = await readWorkbook(file);
    for (const sheet of workbook.worksheets) expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    // 20 columns, A to T; the last sheet holds its header and one row.
    expect(await part(file, 'xl/worksheets/sheet1.xml')).toContain('<autoFilter ref="A1:T4"/>');
    expect(await part(file, 'xl/worksheets/sheet4.xml')).toContain('<autoFilter ref="A1:T2"/>');
    expect(await part(file, 'xl/workbook.xml')).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="3" hidden="1">'numbers (4)'!$A$1:$T$2</definedName>`,
    );
    const widths = Object.fromEntries(workbook.worksheets[0].columns.map((column, i) => [TRANSFER_COLUMNS[i], column.width]));
    // "+6561230000" is 11 characters, "created_at" values 24 ("2026-01-05T09:00:00.000Z"), the
    // header "reservation_org_uuid" 20 with an empty column below it; 2 characters of margin.
    expect(widths).toMatchObject({ number: 13, created_at: 26, reservation_org_uuid: 22, state: 11 });
    // The header is bold, the values are not.
    const header = workbook.worksheets[0].getRow(1).getCell(1);
    expect(header.font?.bold).toBe(true);
    expect(workbook.worksheets[0].getRow(2).getCell(1).font?.bold).not.toBe(true);
  });

  it('imports back from every sheet, its rows numbered as the lines of the same export in CSV', async () => {
    const file = await exportSheets(4);
    const fresh = freshInventory();
    try {
      const dry = await fresh.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: true });
      expect(dry.counts).toEqual({ add: 10, invalid: 0, duplicate: 0, conflicting: 0 });
      const done = await fresh.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
      expect(done.imported).toBe(10);
      expect(fresh.inventory.db.prepare('SELECT number FROM numbers ORDER BY number').pluck().all()).toEqual(numbers);
      // Into the inventory it came from, every row is a duplicate, on lines 2 to 11 (the header is line 1).
      const again = await t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: true });
      expect(again.results.map((r) => [r.line, r.number, r.status])).toEqual(numbers.map((n, i) => [i + 2, n, 'duplicate']));
    } finally {
      fresh.close();
    }
  });

  it('is refused at import when a further sheet does not start with the first sheet header, nothing written', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('numbers').addRows([
      ['number', 'state', 'country', 'vendor', 'sku'],
      ['+6569990001', 'available', 'SG', 'Singtel', 'SG-DID'],
    ]);
    book.addWorksheet('notes').addRows([
      ['written by', 'ops'],
      ['+6569990002', 'available'],
    ]);
    const file = path.join(t.dir, 'two-sheets.xlsx');
    await book.xlsx.writeFile(file);
    const refusal = await refusalOf(t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false }));
    expect(refusal.message).toMatch(/sheet 2 does not start with the first sheet's header row \(number, state, country, \.\.\.\)/);
    expect(t.inventory.db.prepare("SELECT count(*) FROM numbers WHERE number LIKE '+656999%'").pluck().get()).toBe(0);
  });

  it('opens in LibreOffice with every sheet, each with the header and its rows', () => {
    const dir = tempDir('ni-lo-sheets-');
    const file = path.join(dir, 'sheets.xlsx');
    return (async () => {
      const writer = new XlsxStreamWriter(fs.openSync(file, 'w'), { header: ['number', 'state'], sharedColumns: [1], rowsPerSheet: 3 });
      await writer.writeRows([
        ['+6561230000', 'available'],
        ['+6561230001', 'locked'],
        ['+6561230002', 'available'],
        ['+6561230003', 'reserved'],
        ['+6561230004', 'available'],
      ]);
      await writer.finish();
      // Its own profile, so parallel runs do not fight over one; the last option, -1, writes every
      // sheet to its own file, NAME-SHEET.csv.
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
          '--outdir',
          dir,
          file,
        ],
        { timeout: 120_000, stdio: 'pipe' },
      );
      const sheet = (name: string) => parse(fs.readFileSync(path.join(dir, `sheets-${name}.csv`), 'utf8'), { bom: true }) as string[][];
      expect(sheet('numbers')).toEqual([
        ['number', 'state'],
        ['+6561230000', 'available'],
        ['+6561230001', 'locked'],
      ]);
      expect(sheet('numbers (2)')).toEqual([
        ['number', 'state'],
        ['+6561230002', 'available'],
        ['+6561230003', 'reserved'],
      ]);
      expect(sheet('numbers (3)')).toEqual([
        ['number', 'state'],
        ['+6561230004', 'available'],
      ]);
      fs.rmSync(dir, { recursive: true, force: true });
    })();
  }, 180_000);
});
