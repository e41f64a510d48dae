// The header row of an import file: which cell holds which inventory column. A file without the
// required columns is not an inventory file and is refused before any row is read.
import { InventoryError } from '../../../shared/errors';
import { REQUIRED_COLUMNS, TRANSFER_COLUMNS, type TransferColumn } from '../export/columns';

export interface HeaderMap {
  /** Cell index of each inventory column present, -1 when absent. */
  index: Record<TransferColumn, number>;
  ignored: string[];
}

/** A header cell as a column name: trimmed, lower case, spaces and dashes as underscores. */
export const normalise = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const KNOWN = new Map<string, TransferColumn>(TRANSFER_COLUMNS.map((c) => [c, c]));

export function readHeader(file: string, cells: readonly string[]): HeaderMap {
  // Keys come only from TRANSFER_COLUMNS, never from the file.
  const index = Object.fromEntries(TRANSFER_COLUMNS.map((c) => [c, -1])) as Record<TransferColumn, number>;
  const ignored: string[] = [];
  cells.forEach((cell, i) => {
    const column = KNOWN.get(normalise(cell));
    if (!column) {
      if (cell.trim()) ignored.push(cell.trim().slice(0, 60));
      return;
    }
    if (index[column] !== -1)
      throw new InventoryError('INVALID_INPUT', `Import: ${file} is refused: the header names the column "${column}" twice`);
    index[column] = i;
  });
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === -1);
  if (missing.length) {
    throw new InventoryError(
      'INVALID_INPUT',
      `Import: ${file} is not an inventory file: its header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(an inventory file has a header row with ${TRANSFER_COLUMNS.join(', ')})`,
    );
  }
  return { index, ignored };
}

/** The row's cells by column; absent columns and missing cells read as ''. */
export function cellsByColumn(header: HeaderMap, cells: readonly string[]): Record<TransferColumn, string> {
  const out = Object.fromEntries(TRANSFER_COLUMNS.map((c) => [c, ''])) as Record<TransferColumn, string>;
  for (const column of TRANSFER_COLUMNS) {
    const i = header.index[column];
    if (i >= 0 && i < cells.length) out[column] = cells[i] ?? '';
  }
  return out;
}
