// The XLSX reader: every kind of cell a spreadsheet program writes reads as the text it shows;
// workbooks made by exceljs and re-saved by LibreOffice import; the shared strings are found
// wherever they are in the zip; nothing is copied to the temporary folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRows, type RawRow } from '../../electron/core/import/read-rows';
import { tempDir, type TestInventory } from '../helpers/inventory';
import { WORKBOOK_PARTS, writeCraftedZip } from './crafted-zip';
import { exportInventory, freshInventories, inventorySnapshot, loadGenerated, numberCount, refusalOf } from './transfer-fixtures';

const fresh = freshInventories();

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A workbook of one sheet; the shared strings come after the sheet, as the app's export writes them. */
function workbook(t: TestInventory, name: string, sheetData: string, sharedStrings?: string[]): string {
  const file = path.join(t.dir, name);
  const sheet = sheetData.startsWith('<?xml')
    ? sheetData
    : `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`;
  writeCraftedZip(file, [
    ...WORKBOOK_PARTS,
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: `<sst xmlns="${MAIN}">${sharedStrings.join('')}</sst>` }] : []),
  ]);
  return file;
}

async function rowsOf(file: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of readRows(file, 'xlsx')) rows.push(row);
  return rows;
}

const refusal = async (work: Promise<unknown>) => (await refusalOf(work)).message;

describe('cells', () => {
  it('reads every kind of cell as the text a spreadsheet shows', async () => {
    const t = fresh();
    const file = workbook(
      t,
      'cells.xlsx',
      // Shared, inline (rich runs; the phonetic run is not text), formula result, boolean, error,
      // numbers in any notation, escaped characters, cells and rows without r=, gaps.
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><r><t>+6561</t></r><r><rPr><b/></rPr><t xml:space="preserve">23 0001</t></r><rPh><t>ignored</t></rPh></is></c>` +
        `<c r="B2" t="str"><f>"S"&amp;"G"</f><v>SG</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>` +
        `<row><c><v>6561230002</v></c><c t="n"><v>1.5E+3</v></c><c t="inlineStr"><is><t>Ven_x0041_dor &amp; &lt;Co&gt;</t></is></c><c t="s"><v>3</v></c></row>` +
        `<row r="5"><c r="A5" t="inlineStr"><is><t>a</t></is></c><c r="C5" t="s"><v>4</v></c><c r="E5" t="b"><v>0</v></c></row>` +
        // Empty (styled) cells make an empty row, left out as a blank CSV line is.
        `<row r="6"><c r="A6" s="1"/><c r="B6" t="s"/></row>` +
        `<row r="7"><c r="B7" t="s"/><c r="C7" t="inlineStr"><is><t>c</t></is></c></row>`,
      [
        '<si><t>number</t></si>',
        '<si><t>state</t></si>',
        '<si><r><t>coun</t></r><r><t>try</t></r></si>',
        '<si><t>SG-DID</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si>',
        '<si><t/></si>',
      ],
    );
    expect(await rowsOf(file)).toEqual([
      { line: 1, cells: ['number', 'state', 'country'] },
      { line: 2, cells: ['+656123 0001', 'SG', 'true', '#N/A'] },
      { line: 3, cells: ['6561230002', '1500', 'VenAdor & <Co>', 'SG-DID'] },
      { line: 5, cells: ['a', '', '', '', 'false'] },
      { line: 7, cells: ['', '', 'c'] },
    ]);
  });

  it('reads a sheet whose elements carry a namespace prefix', async () => {
    const t = fresh();
    const file = workbook(
      t,
      'prefixed.xlsx',
      `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>number</x:t></x:is></x:c>` +
        `<x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      ['<si><t>state</t></si>'],
    );
    expect(await rowsOf(file)).toEqual([{ line: 1, cells: ['number', 'state'] }]);
  });

  it('refuses a reference to a shared string the workbook does not have, and a cell past the 100th column', async () => {
    const t = fresh();
    const missing = workbook(t, 'missing.xlsx', `<row r="1"><c r="A1" t="s"><v>7</v></c></row>`, ['<si><t>number</t></si>']);
    expect(await refusal(rowsOf(missing))).toMatch(/row 1 refers to shared string 7, which the workbook does not have/);
    const wide = workbook(t, 'wide.xlsx', `<row r="1"><c r="A1"><v>1</v></c><c r="CW1"><v>1</v></c></row>`);
    expect(await refusal(rowsOf(wide))).toMatch(/row 1 has a cell in column CW \(at most 100 columns\)/);
  });
});

describe('workbooks made elsewhere', () => {
  it('a workbook written by exceljs, typed the way spreadsheet users type, imports', async () => {
    const t = fresh();
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Numbers');
    sheet.addRow(['Number', 'State', 'Country', 'Vendor', 'SKU', 'Golden', 'Ported in', 'Capabilities']);
    sheet.addRow([
      '+6561230010',
      'available',
      'SG',
      { richText: [{ text: 'Sing' }, { font: { bold: true }, text: 'tel' }] },
      { formula: '"SG-"&"DID"', result: 'SG-DID' },
      true,
      'no',
      'voice,sms',
    ]);
    sheet.addRow(['+6561230011', 'available', 'SG', 'StarHub', 'SG-DID', false, false, '']);
    const file = path.join(t.dir, 'exceljs.xlsx');
    await book.xlsx.writeFile(file);

    const report = await t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
    expect(report.counts).toEqual({ add: 2, invalid: 0, duplicate: 0, conflicting: 0 });
    expect(await t.inventory.show('+6561230010')).toMatchObject({
      state: 'available',
      country: 'SG',
      vendor: 'Singtel',
      sku: 'SG-DID',
      golden: true,
      portedIn: false,
      capabilities: ['voice', 'sms'],
    });
    expect(await t.inventory.show('+6561230011')).toMatchObject({ vendor: 'StarHub', golden: false, capabilities: [] });
  });

  it('an export opened and saved again by LibreOffice imports with every field unchanged', async () => {
    const source = fresh();
    await loadGenerated(source.inventory, source.dir, 40);
    const exported = await exportInventory(source, 'xlsx');
    const outDir = tempDir('ni-lo-');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${outDir}/profile`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outDir,
        exported,
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
    const resaved = path.join(outDir, 'export.xlsx');
    // LibreOffice writes every string to the shared-strings table: none is inline any more.
    const target = fresh();
    const report = await target.inventory.importFile({ source: { kind: 'path', path: resaved }, dryRun: false });
    fs.rmSync(outDir, { recursive: true, force: true });
    expect(report.counts).toEqual({ add: 40, invalid: 0, duplicate: 0, conflicting: 0 });
    expect(inventorySnapshot(target)).toEqual(inventorySnapshot(source));
  }, 180_000);
});

describe('no temporary copy', () => {
  it('reads a sheet that comes before its shared strings without writing anything to the temporary folder', async () => {
    const source = fresh();
    await loadGenerated(source.inventory, source.dir, 300);
    const file = await exportInventory(source, 'xlsx');
    const target = fresh();
    const temporary = tempDir('ni-tmp-watch-');
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    const seenDuring: string[] = [];
    try {
      const report = await target.inventory.importFile(
        { source: { kind: 'path', path: file }, dryRun: false },
        // Looked at between batches, while the sheet is being read.
        { batchSize: 50, onProgress: () => seenDuring.push(...fs.readdirSync(temporary)) },
      );
      expect(report.imported).toBe(300);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(seenDuring).toEqual([]);
    expect(fs.readdirSync(temporary)).toEqual([]);
    fs.rmSync(temporary, { recursive: true, force: true });
    expect(numberCount(target)).toBe(300);
  });
});
