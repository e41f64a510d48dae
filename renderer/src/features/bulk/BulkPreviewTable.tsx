// The preview of a bulk action, one row per number: will apply, or refused and why, filterable.
import { useMemo, useState } from 'react';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { BulkPreview, BulkPreviewRow } from '../../../../shared/bulk';
import { STATE_LABELS } from '../../app/format';

type Shown = 'all' | 'apply' | 'refused';

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

export function BulkPreviewTable({ preview }: { preview: BulkPreview }) {
  const [shown, setShown] = useState<Shown>('all');
  const rows = useMemo(() => (shown === 'all' ? preview.rows : preview.rows.filter((r) => r.outcome === shown)), [preview, shown]);
  return (
    <Stack spacing={1}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={shown}
        onChange={(_e, value: Shown | null) => value && setShown(value)}
        aria-label="Show"
      >
        <ToggleButton value="all">All ({preview.rows.length})</ToggleButton>
        <ToggleButton value="apply">Will apply ({preview.willApply})</ToggleButton>
        <ToggleButton value="refused">Refused ({preview.refused})</ToggleButton>
      </ToggleButtonGroup>
      <div style={{ height: 300 }}>
        <DataGrid
          aria-label="Preview per number"
          rows={rows}
          getRowId={(row) => row.number}
          columns={columns}
          density="compact"
          disableRowSelectionOnClick
          pageSizeOptions={[100]}
          initialState={{ pagination: { paginationModel: { pageSize: 100 } } }}
        />
      </div>
    </Stack>
  );
}
