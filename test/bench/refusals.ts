// The benchmark's refusals phase: how long the import takes to refuse hostile files, which must be
// at once, before the rows are read (issue 9: a file over the row limit took 97 s to refuse, 179 s
// in a dry run; a zip whose directory lied about a 1 GB sheet was read for 11 s).
import fs from 'node:fs';
import path from 'node:path';
import { csvLine } from '../../electron/core/export/csv-cell';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { IMPORT_LIMITS } from '../../electron/core/import/limits';
import type { Inventory } from '../../electron/core/inventory';
import { repeatDeflated, WORKBOOK_PARTS, writeCraftedZip } from '../integration/crafted-zip';
import type { Measurement } from './stats';
import { timeAsync } from './stats';

/** How long `work` takes to be refused; throws if it is not. */
async function refusalMs(work: () => Promise<unknown>): Promise<number> {
  const { ms, value } = await timeAsync(() =>
    work().then(
      () => 'accepted',
      (error: Error) => error.message,
    ),
  );
  if (value === 'accepted' || !value.includes('is refused')) throw new Error(`expected a refusal, got: ${value}`);
  return ms;
}

const within = (targetMs: number, ms: number) => ({
  unit: 'ms',
  value: ms,
  baseline: null,
  target: `< ${targetMs / 1000} s`,
  met: ms < targetMs,
});

export async function measureRefusals(inventory: Inventory, dir: string, add: (m: Omit<Measurement, 'ratio'>) => void): Promise<void> {
  const overCsv = path.join(dir, 'over-limit.csv');
  const fd = fs.openSync(overCsv, 'w');
  fs.writeSync(fd, csvLine(TRANSFER_COLUMNS));
  for (let first = 0; first <= IMPORT_LIMITS.maxRows; first += 100_000) {
    let chunk = '';
    for (let i = first; i < Math.min(IMPORT_LIMITS.maxRows + 1, first + 100_000); i++)
      chunk += `+65${61_000_000 + i},available,SG,Singtel,SG-DID,voice,sip-trunk-a,no,no,,,,,,,,,,2026-01-01T00:00:00.000Z,2026-01-01T00:00:00.000Z\r\n`;
    fs.writeSync(fd, chunk);
  }
  fs.closeSync(fd);
  for (const dryRun of [true, false]) {
    add({
      name: `refuse a CSV of ${IMPORT_LIMITS.maxRows + 1} rows (${Math.round(fs.statSync(overCsv).size / 1e6)} MB)${dryRun ? ', dry run' : ''}`,
      ...within(5000, await refusalMs(() => inventory.importFile({ source: { kind: 'path', path: overCsv }, dryRun }))),
    });
  }

  const commas = path.join(dir, 'commas.csv');
  fs.writeFileSync(commas, `${TRANSFER_COLUMNS.join(',')}\r\n+6561230000,available,SG,Singtel,SG-DID${','.repeat(100_000_000)}\r\n`);
  add({
    name: 'refuse a CSV line of 100,000,000 commas',
    ...within(5000, await refusalMs(() => inventory.importFile({ source: { kind: 'path', path: commas }, dryRun: false }))),
  });

  const lying = path.join(dir, 'lying.xlsx');
  const sheet = repeatDeflated(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
    Buffer.alloc(1 << 20, 'a'),
    1024,
    '</t></is></c></row></sheetData></worksheet>',
  );
  writeCraftedZip(lying, [...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', deflated: sheet, declaredSize: 100_000 }]);
  add({
    name: 'refuse an XLSX whose directory declares 100 KB for a 1 GB sheet',
    ...within(2000, await refusalMs(() => inventory.importFile({ source: { kind: 'path', path: lying }, dryRun: false }))),
  });
  for (const file of [overCsv, commas, lying]) fs.rmSync(file);
}
