// Reading the records of a CSV file as text cells (csv-parse), streaming. scanCsv (csv-scan.ts) has
// checked the file first: UTF-8, cells per record, record count.
import { parse } from 'csv-parse';
import fs from 'node:fs';
import { isInventoryError } from '../../../shared/errors';
import { restoreFormulaEscape } from '../export/csv-cell';
import { IMPORT_LIMITS } from './limits';
import type { RawRow } from './read-rows';
import { refuseImport } from './refusal';

export async function* csvRows(file: string): AsyncGenerator<RawRow> {
  const parser = fs.createReadStream(file).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      // Every line break ends a record, as scanCsv counts them (left to itself, the parser takes the
      // first kind it meets and reads the other kinds as cell text).
      record_delimiter: ['\r\n', '\n', '\r'],
      // Bounds the memory one malformed record (an unclosed quote) can take.
      max_record_size: IMPORT_LIMITS.maxRowChars * 2,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines, cells: record.map(restoreFormulaEscape) };
    }
  } catch (error) {
    if (isInventoryError(error)) throw error;
    throw refuseImport(file, `it is not a readable CSV file (${(error as Error).message})`);
  } finally {
    parser.destroy();
  }
}
