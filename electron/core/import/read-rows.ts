// Reading the rows of an import file (CSV or XLSX) as text cells, streaming, within IMPORT_LIMITS.
// The caller maps cells to columns by the header row; nothing here builds objects keyed by file
// content, so a header such as "__proto__" can pollute nothing.
import fs from 'node:fs';
import { columnLetters } from '../export/xlsx-writer';
import { csvRows } from './csv-rows';
import { scanCsv } from './csv-scan';
import { IMPORT_LIMITS } from './limits';
import { refuseImport, tooManyRows } from './refusal';
import { countXlsxRows, xlsxRows } from './xlsx-rows';

export type ImportFormat = 'csv' | 'xlsx';

export interface RawRow {
  /** Line in the file (CSV) or sheet row number (XLSX); the header is 1. */
  line: number;
  cells: string[];
}

/** XLSX by its zip signature, whatever the file is called; CSV otherwise. */
export function detectFormat(file: string): ImportFormat {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    fs.readSync(fd, magic, 0, 4, 0);
    return magic.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
  } finally {
    fs.closeSync(fd);
  }
}

function checkSize(file: string, format: ImportFormat): void {
  const max = format === 'csv' ? IMPORT_LIMITS.maxCsvBytes : IMPORT_LIMITS.maxXlsxBytes;
  if (fs.statSync(file).size > max) throw refuseImport(file, `it is larger than ${max} bytes`);
}

/**
 * The checks that need no parsing, over the whole file, before any row is read: its size, and for
 * CSV its encoding, cells per record and records (csv-scan.ts), for XLSX its zip directory and rows.
 * A file over the row limit is refused in about a second instead of after reading two million rows.
 */
export async function precheck(file: string, format: ImportFormat): Promise<void> {
  checkSize(file, format);
  if (format === 'csv') return scanCsv(file);
  // The header row and the data rows.
  if ((await countXlsxRows(file, IMPORT_LIMITS.maxRows + 1)) > IMPORT_LIMITS.maxRows + 1) throw tooManyRows(file, IMPORT_LIMITS.maxRows);
}

// Characters no inventory value holds, which would be changed or lost on the way: C0 and C1 control
// characters (NUL, tab, line breaks, escape...) and the two non-characters U+FFFE and U+FFFF. XML
// cannot hold most of them, so the XLSX export would drop them.
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/;
const CHARACTER_NAMES: Record<number, string> = { 0: 'NUL', 9: 'a tab', 10: 'a line break', 13: 'a carriage return' };

function describeCharacter(character: string): string {
  const code = character.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return CHARACTER_NAMES[code] ? `${CHARACTER_NAMES[code]} (${hex})` : `the control character ${hex}`;
}

/** A row within the per-row limits, with no control character in any cell (named by row and column). */
export function checkRow(file: string, row: RawRow, header: readonly string[] | null): void {
  if (row.cells.length > IMPORT_LIMITS.maxColumns)
    throw refuseImport(file, `row ${row.line} has ${row.cells.length} cells (at most ${IMPORT_LIMITS.maxColumns})`);
  let chars = 0;
  row.cells.forEach((cell, i) => {
    if (cell.length > IMPORT_LIMITS.maxCellChars)
      throw refuseImport(file, `row ${row.line} has a cell of ${cell.length} characters (at most ${IMPORT_LIMITS.maxCellChars})`);
    const bad = NOT_TEXT.exec(cell);
    if (bad) {
      const name = header?.[i]?.trim();
      const column = `column ${columnLetters(i)}${name ? ` (${name.slice(0, 60)})` : ''}`;
      throw refuseImport(file, `row ${row.line}, ${column} holds ${describeCharacter(bad[0])}, which no inventory value may contain`);
    }
    chars += cell.length;
  });
  if (chars > IMPORT_LIMITS.maxRowChars)
    throw refuseImport(file, `row ${row.line} holds ${chars} characters (at most ${IMPORT_LIMITS.maxRowChars})`);
}

async function* checkedRows(file: string, rows: AsyncGenerator<RawRow>): AsyncGenerator<RawRow> {
  let header: readonly string[] | null = null;
  let dataRows = 0;
  for await (const row of rows) {
    checkRow(file, row, header);
    if (header === null) header = row.cells;
    else if (++dataRows > IMPORT_LIMITS.maxRows) throw tooManyRows(file, IMPORT_LIMITS.maxRows);
    yield row;
  }
}

/** The rows, checked against the limits; call `precheck` first. */
export function readRows(file: string, format: ImportFormat): AsyncGenerator<RawRow> {
  return checkedRows(file, format === 'csv' ? csvRows(file) : xlsxRows(file));
}
