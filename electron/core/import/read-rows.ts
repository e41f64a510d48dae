// Reading the rows of an import file (CSV or XLSX) as text cells, streaming, within IMPORT_LIMITS.
// The caller maps cells to columns by the header row; nothing here builds objects keyed by file
// content, so a header such as "__proto__" can pollute nothing.
import { parse } from 'csv-parse';
import fs from 'node:fs';
import { InventoryError } from '../../../shared/errors';
import { restoreFormulaEscape } from '../export/csv-cell';
import { IMPORT_LIMITS } from './limits';
import { readZipDirectory } from './zip-guard';

export type ImportFormat = 'csv' | 'xlsx';

export interface RawRow {
  /** Line in the file (CSV) or sheet row number (XLSX); the header is 1. */
  line: number;
  cells: string[];
}

const refuse = (file: string, why: string) => new InventoryError('INVALID_INPUT', `Import: ${file} is refused: ${why}`);

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

function checkRow(file: string, row: RawRow): RawRow {
  if (row.cells.length > IMPORT_LIMITS.maxColumns)
    throw refuse(file, `row ${row.line} has ${row.cells.length} cells (at most ${IMPORT_LIMITS.maxColumns})`);
  let chars = 0;
  for (const cell of row.cells) {
    if (cell.length > IMPORT_LIMITS.maxCellChars)
      throw refuse(file, `row ${row.line} has a cell of ${cell.length} characters (at most ${IMPORT_LIMITS.maxCellChars})`);
    chars += cell.length;
  }
  if (chars > IMPORT_LIMITS.maxRowChars)
    throw refuse(file, `row ${row.line} holds ${chars} characters (at most ${IMPORT_LIMITS.maxRowChars})`);
  if (row.line - 1 > IMPORT_LIMITS.maxRows) throw refuse(file, `it has more than ${IMPORT_LIMITS.maxRows} rows`);
  return row;
}

async function* csvRows(file: string): AsyncGenerator<RawRow> {
  const parser = fs.createReadStream(file).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      // Bounds the memory one malformed record (an unclosed quote) can take.
      max_record_size: IMPORT_LIMITS.maxRowChars * 2,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield checkRow(file, { line: info.lines, cells: record.map(restoreFormulaEscape) });
    }
  } catch (error) {
    if (error instanceof InventoryError) throw error;
    throw refuse(file, `it is not a readable CSV file (${(error as Error).message})`);
  } finally {
    parser.destroy();
  }
}

/** A cell value as text: numbers typed into a spreadsheet, dates, rich text and formula results alike. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    // A formula is never evaluated: only the result the spreadsheet stored is read.
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return '';
}

async function* xlsxRows(file: string): AsyncGenerator<RawRow> {
  if (fs.statSync(file).size > IMPORT_LIMITS.maxXlsxBytes) throw refuse(file, `it is larger than ${IMPORT_LIMITS.maxXlsxBytes} bytes`);
  const entries = readZipDirectory(file);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw refuse(file, 'it is a zip file but not an XLSX workbook');
  // Loaded here, not at the top: exceljs takes most of a second to load, and every CLI call would pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    // The first sheet is the inventory; others are ignored.
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // row.values is 1-based with holes for empty cells.
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield checkRow(file, { line: row.number, cells });
      }
      break;
    }
  } catch (error) {
    if (error instanceof InventoryError) throw error;
    throw refuse(file, `it is not a readable XLSX file (${(error as Error).message})`);
  }
}

export function readRows(file: string, format: ImportFormat): AsyncGenerator<RawRow> {
  if (format === 'csv' && fs.statSync(file).size > IMPORT_LIMITS.maxCsvBytes)
    throw refuse(file, `it is larger than ${IMPORT_LIMITS.maxCsvBytes} bytes`);
  return format === 'csv' ? csvRows(file) : xlsxRows(file);
}
