// Hostile and damaged import files are refused by the limits while they are read, with memory
// flat and nothing written: a zip whose directory lies about a gigabyte sheet, a text that never
// ends, a CSV line of 100,000,000 commas, a file that is not UTF-8, control characters, and files
// over the row limit (refused before a single row is read).
//
// Memory is proven by running the real CLI with a 200 MB JavaScript heap: the readers of before
// ran out of memory there (and past 600 MB without the cap).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { csvLine } from '../../electron/core/export/csv-cell';
import { IMPORT_LIMITS } from '../../electron/core/import/limits';
import { type TestInventory } from '../helpers/inventory';
import { repeatDeflated, WORKBOOK_PARTS, writeCraftedZip } from './crafted-zip';
import { freshInventories, numberCount, refusalOf, ROOT } from './transfer-fixtures';

const fresh = freshInventories();

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHEET_HEAD = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

const refusal = async (work: Promise<unknown>) => (await refusalOf(work)).message;

/** The refusal of a dry run and of a committed import, each before a single row was read (no progress reported). */
async function refusalsBeforeAnyRow(t: TestInventory, file: string): Promise<string[]> {
  const onProgress = () => {
    throw new Error('rows were read before the file was refused');
  };
  return [
    await refusal(t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: true }, { onProgress })),
    await refusal(t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false }, { onProgress })),
  ];
}

/** Runs `import FILE` in the real CLI with a 200 MB heap; its JSON answer and exit code. */
async function cliImport(
  t: TestInventory,
  file: string,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=200', path.join(ROOT, 'electron', 'cli', 'bin.cjs'), '--db', t.file, '--json', 'import', file],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  return { code, signal, stdout, stderr: stderr.slice(0, 2000) };
}

function expectCliRefusal(result: Awaited<ReturnType<typeof cliImport>>, message: RegExp): void {
  expect({ code: result.code, signal: result.signal, stderr: result.code === 1 ? '' : result.stderr }).toEqual({
    code: 1,
    signal: null,
    stderr: '',
  });
  const answer = JSON.parse(result.stdout) as { error: { code: string; message: string } };
  expect(answer.error.code).toBe('INVALID_INPUT');
  expect(answer.error.message).toMatch(message);
}

describe('XLSX whose zip lies or never ends', () => {
  it('a sheet the directory declares at 100 KB that inflates to 1 GB is refused at the first bytes past 100 KB', async () => {
    const t = fresh();
    const file = path.join(t.dir, 'lying.xlsx');
    const sheet = repeatDeflated(
      `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`,
      Buffer.alloc(1 << 20, 'a'),
      1024,
      `</t></is></c></row>${SHEET_TAIL}`,
    );
    expect(sheet.size).toBeGreaterThan(1 << 30);
    // About 1 MB as stored, 100 KB declared: a ratio the directory check lets through.
    writeCraftedZip(file, [...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', deflated: sheet, declaredSize: 100_000 }]);
    expect(fs.statSync(file).size).toBeLessThan(2 << 20);

    expectCliRefusal(
      await cliImport(t, file),
      /its part xl\/worksheets\/sheet1.xml inflates to more than the size its zip directory declares \(a damaged file or a zip bomb\)/,
    );
    expect(numberCount(t)).toBe(0);
  }, 60_000);

  it('a text that never ends is refused before the parser gathers it', async () => {
    const t = fresh();
    const file = path.join(t.dir, 'endless-text.xlsx');
    // Random letters compress about as real data does, so the ratio is honest and the directory true.
    const letters = Buffer.from(Array.from({ length: 3_000_000 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(''));
    writeCraftedZip(file, [
      ...WORKBOOK_PARTS,
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.concat([
          Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`),
          letters,
          Buffer.from(`</t></is></c></row>${SHEET_TAIL}`),
        ]),
      },
    ]);
    for (const dryRun of [true, false]) {
      expect(await refusal(t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun }))).toMatch(
        new RegExp(`its part xl/worksheets/sheet1.xml holds a text or tag of more than ${IMPORT_LIMITS.maxXmlTokenBytes} bytes`),
      );
    }
    expect(numberCount(t)).toBe(0);
  });
});

describe('CSV records of too many cells', () => {
  it('one line of 100,000,000 commas is refused at the 101st cell, in a 200 MB heap', async () => {
    const t = fresh();
    const file = path.join(t.dir, 'commas.csv');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, csvLine(TRANSFER_COLUMNS));
    fs.writeSync(fd, '+6561230000,available,SG,Singtel,SG-DID');
    const commas = Buffer.alloc(10_000_000, ',');
    for (let i = 0; i < 10; i++) fs.writeSync(fd, commas);
    fs.writeSync(fd, '\r\n');
    fs.closeSync(fd);
    expectCliRefusal(await cliImport(t, file), /row 2 has more than 100 cells \(at most 100\)/);
    expect(numberCount(t)).toBe(0);
  }, 60_000);

  it('every kind of line break ends a record, for the count and the parser alike', async () => {
    const t = fresh();
    // CRLF first, then bare LF and CR: 60 cells per line, 180 if a reader took only CRLF as the end.
    const line = (n: number) => `+65612300${String(n).padStart(2, '0')},available,SG,Singtel,SG-DID${','.repeat(55)}`;
    const file = path.join(t.dir, 'mixed-breaks.csv');
    fs.writeFileSync(file, `${TRANSFER_COLUMNS.join(',')}\r\n${line(1)}\n${line(2)}\r${line(3)}\r\n`);
    const report = await t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: true });
    expect(report.results.map((r) => [r.line, r.number, r.status])).toEqual([
      [2, '+6561230001', 'add'],
      [3, '+6561230002', 'add'],
      [4, '+6561230003', 'add'],
    ]);
  });
});

describe('text that would change on the way in', () => {
  it('a Latin-1 file is refused as not UTF-8, naming the first line that is not', async () => {
    const t = fresh();
    const file = path.join(t.dir, 'latin1.csv');
    const text = `${TRANSFER_COLUMNS.join(',')}\r\n+6561230001,available,SG,Singtel,SG-DID\r\n+6561230002,available,SG,T\u00e9l\u00e9com,SG-DID\r\n`;
    fs.writeFileSync(file, Buffer.from(text, 'latin1'));
    for (const dryRun of [true, false]) {
      expect(await refusal(t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun }))).toBe(
        `Import: ${file} is refused: the file is not UTF-8 text (save it as CSV UTF-8); line 3 is the first that is not`,
      );
    }
    expect(numberCount(t)).toBe(0);
    // The same text in UTF-8 (with the byte-order mark spreadsheet programs write) imports as written.
    fs.writeFileSync(file, `\uFEFF${text}`);
    expect((await t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false })).imported).toBe(2);
    expect((await t.inventory.show('+6561230002')).vendor).toBe('T\u00e9l\u00e9com');
  });

  it.each([
    ['NUL in routing', { routing: 'sip\u0000a' }, 'row 2, column G (routing) holds NUL (U+0000)'],
    ['a tab in vendor', { vendor: 'Sing\ttel' }, 'row 2, column D (vendor) holds a tab (U+0009)'],
    ['a line break in a quoted cell', { sku: 'SG\nDID' }, /row 3, column E \(sku\) holds a line break \(U\+000A\)/],
    ['the C1 control NEL', { vendor: 'Sing\u0085tel' }, 'row 2, column D (vendor) holds the control character U+0085'],
    ['escape in an unknown column', { extra: '\u001b[31m' }, 'row 2, column U (Extra) holds the control character U+001B'],
  ])('a CSV cell with %s is refused, naming its row and column', async (_what, cells: Record<string, string>, message: string | RegExp) => {
    const t = fresh();
    const file = path.join(t.dir, 'control.csv');
    const values: Record<string, string> = {
      number: '+6561230001',
      state: 'available',
      country: 'SG',
      vendor: 'Singtel',
      sku: 'SG-DID',
      ...cells,
    };
    fs.writeFileSync(file, csvLine([...TRANSFER_COLUMNS, 'Extra']) + csvLine([...TRANSFER_COLUMNS, 'extra'].map((c) => values[c] ?? '')));
    for (const dryRun of [true, false]) {
      const refused = await refusal(t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun }));
      if (typeof message === 'string') expect(refused).toContain(message);
      else expect(refused).toMatch(message);
    }
    expect(numberCount(t)).toBe(0);
  });

  it('an XLSX cell with a control character, written raw or as an _xHHHH_ escape, is refused', async () => {
    const t = fresh();
    const header = `<row r="1">${TRANSFER_COLUMNS.slice(0, 5)
      .map((c, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${c}</t></is></c>`)
      .join('')}</row>`;
    const row = (vendor: string) =>
      `<row r="2"><c r="A2" t="inlineStr"><is><t>+6561230001</t></is></c><c r="B2" t="inlineStr"><is><t>available</t></is></c>` +
      `<c r="C2" t="inlineStr"><is><t>SG</t></is></c><c r="D2" t="inlineStr"><is><t>${vendor}</t></is></c><c r="E2" t="inlineStr"><is><t>SG-DID</t></is></c></row>`;
    for (const [vendor, shown] of [
      ['Sing&#9;tel', 'a tab (U+0009)'],
      ['Sing_x0007_tel', 'the control character U+0007'],
    ]) {
      const file = path.join(t.dir, 'control.xlsx');
      writeCraftedZip(file, [
        ...WORKBOOK_PARTS,
        { name: 'xl/worksheets/sheet1.xml', data: `${SHEET_HEAD}${header}${row(vendor)}${SHEET_TAIL}` },
      ]);
      expect(await refusal(t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false }))).toContain(
        `row 2, column D (vendor) holds ${shown}`,
      );
    }
    expect(numberCount(t)).toBe(0);
  });
});

describe('more rows than the limit', () => {
  const over = IMPORT_LIMITS.maxRows + 1;

  it('a CSV file is refused before a single row is read', async () => {
    const t = fresh();
    const file = path.join(t.dir, 'too-many.csv');
    // Valid rows, so an import that read them would report progress after its first batch.
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, csvLine(TRANSFER_COLUMNS));
    for (let first = 0; first < over; first += 100_000) {
      let chunk = '';
      for (let i = first; i < Math.min(over, first + 100_000); i++) chunk += `+65${61_000_000 + i},available,SG,Singtel,SG-DID\r\n`;
      fs.writeSync(fd, chunk);
    }
    fs.closeSync(fd);
    const refused = `Import: ${file} is refused: it has more than ${IMPORT_LIMITS.maxRows} rows`;
    expect(await refusalsBeforeAnyRow(t, file)).toEqual([refused, refused]);
    expect(numberCount(t)).toBe(0);
  }, 60_000);

  it('an XLSX file is refused before a single row is read', async () => {
    const t = fresh();
    const file = path.join(t.dir, 'too-many.xlsx');
    const rows = 10_000;
    const block = Buffer.from('<row><c t="inlineStr"><is><t>+6561230001</t></is></c></row>'.repeat(rows));
    const times = Math.ceil(over / rows) + 1;
    // Letters in a comment keep the compression ratio within the limit (they compress as real data).
    const padding = Array.from({ length: 1_500_000 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
    const sheet = repeatDeflated(`${SHEET_HEAD}<!--${padding}-->`, block, times, SHEET_TAIL);
    writeCraftedZip(file, [...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', deflated: sheet }]);
    const refused = `Import: ${file} is refused: it has more than ${IMPORT_LIMITS.maxRows} rows`;
    expect(await refusalsBeforeAnyRow(t, file)).toEqual([refused, refused]);
    expect(numberCount(t)).toBe(0);
  }, 60_000);
});
