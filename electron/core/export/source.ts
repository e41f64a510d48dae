// What an export writes, whatever it exports (the numbers a search matches, the activity log's
// events): a header, the count for progress and the XLSX limit, and the rows as cells.
import { withStoredCase } from '../search/stored-values';
import type { Db } from '../db/connection';
import { whereClause } from '../search/where';
import type { ParsedSearchFilter } from '../../../shared/search';
import { EXPORT_SELECT, exportRowToCells, FEW_VALUED_COLUMNS, TRANSFER_COLUMNS, type ExportRawRow } from './columns';

export interface ExportSource {
  header: readonly string[];
  /** The XLSX workbook's first sheet; further sheets are "NAME (2)", ... */
  sheetName: string;
  total: number;
  /** Read lazily, in one pass over one read snapshot; leaving the loop early closes the statement. */
  rows: Iterable<string[]> | AsyncIterable<string[]>;
  /** Releases what the reading holds (a team database's connection), however the export ended. */
  close?: () => Promise<void>;
  /** Columns whose XLSX cells refer to the shared-strings table (see FEW_VALUED_COLUMNS). */
  sharedColumns: number[];
}

/** The sheet an inventory export's numbers are written to (and continue on as "numbers (2)", ...). */
export const NUMBERS_SHEET = 'numbers';

/** Every number the filter matches, in number order, as an inventory file's rows. */
export function numbersExportSource(db: Db, filter: ParsedSearchFilter): ExportSource {
  const where = whereClause(withStoredCase(db, filter));
  const total = db
    .prepare(`SELECT count(*) FROM numbers n WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  const raw = db
    .prepare(`SELECT ${EXPORT_SELECT} FROM numbers n WHERE ${where.sql} ORDER BY n.number`)
    .raw()
    .iterate(...where.params) as IterableIterator<ExportRawRow>;
  function* cells(): Generator<string[]> {
    for (const row of raw) yield exportRowToCells(row);
  }
  return {
    header: TRANSFER_COLUMNS,
    sheetName: NUMBERS_SHEET,
    total,
    rows: cells(),
    sharedColumns: FEW_VALUED_COLUMNS.map((c) => TRANSFER_COLUMNS.indexOf(c)),
  };
}
