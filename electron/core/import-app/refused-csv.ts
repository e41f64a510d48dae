// The rows an import did not add, with their reasons, as a CSV the operator can fix and import
// again: written by the export's own CSV cells (formula-safe, RFC 4180).
import type { ImportRowResult } from '../../../shared/transfer';
import { csvLine } from '../export/csv-cell';

const HEADER = ['line', 'number', 'result', 'reason'];

export function refusedRowsCsv(rows: readonly ImportRowResult[]): string {
  return [HEADER, ...rows.filter((r) => r.status !== 'add').map((r) => [String(r.line), r.number ?? '', r.status, r.reason ?? ''])]
    .map((cells) => csvLine(cells))
    .join('');
}
