// The dry run of an import, one row per file row: to add, invalid and why, duplicate, conflicting
// and which fields.
import type { GridColDef } from '@mui/x-data-grid';
import type { ImportReport, ImportRowResult, ImportRowStatus } from '../../../../shared/transfer';
import { FilteredResultsTable } from '../../components/FilteredResultsTable';
import { IMPORT_RESULT_LABELS } from './labels';

const columns: GridColDef<ImportRowResult>[] = [
  { field: 'line', headerName: 'Line', width: 80, type: 'number' },
  { field: 'number', headerName: 'Number', width: 150 },
  { field: 'status', headerName: 'Result', width: 120, valueGetter: (value: ImportRowStatus) => IMPORT_RESULT_LABELS[value] },
  { field: 'reason', headerName: 'Why', flex: 1, minWidth: 260 },
];

const lineOf = (row: ImportRowResult) => row.line;
const statusOf = (row: ImportRowResult) => row.status;

export function ImportResultsTable({ report }: { report: ImportReport }) {
  return (
    <FilteredResultsTable
      label="Rows of the file"
      rows={report.results}
      total={report.rows}
      columns={columns}
      rowId={lineOf}
      resultOf={statusOf}
      results={(Object.keys(IMPORT_RESULT_LABELS) as ImportRowStatus[]).map((status) => ({
        value: status,
        label: IMPORT_RESULT_LABELS[status],
        count: report.counts[status],
      }))}
    />
  );
}
