// The preview of a bulk action, one row per number: will apply, or refused and why.
import type { GridColDef } from '@mui/x-data-grid';
import type { BulkPreview, BulkPreviewRow } from '../../../../shared/bulk';
import { STATE_LABELS } from '../../app/format';
import { FilteredResultsTable } from '../../components/FilteredResultsTable';

const columns: GridColDef<BulkPreviewRow>[] = [
  { field: 'number', headerName: 'Number', width: 150 },
  { field: 'state', headerName: 'State', width: 110, valueGetter: (value: BulkPreviewRow['state']) => (value ? STATE_LABELS[value] : '') },
  {
    field: 'outcome',
    headerName: 'Outcome',
    flex: 1,
    minWidth: 260,
    valueGetter: (_value, row) => (row.outcome === 'apply' ? 'Will apply' : `Refused: ${row.refusal?.message ?? ''}`),
  },
];

const numberOf = (row: BulkPreviewRow) => row.number;
const outcomeOf = (row: BulkPreviewRow) => row.outcome;

export function BulkPreviewTable({ preview }: { preview: BulkPreview }) {
  return (
    <FilteredResultsTable
      label="Preview per number"
      rows={preview.rows}
      total={preview.rows.length}
      columns={columns}
      rowId={numberOf}
      resultOf={outcomeOf}
      results={[
        { value: 'apply', label: 'Will apply', count: preview.willApply },
        { value: 'refused', label: 'Refused', count: preview.refused },
      ]}
    />
  );
}
