// The dry run of an import, one row per file row: to add, invalid and why, duplicate, conflicting
// and which fields; filtered by result with the counts on the filter buttons.
import { useMemo, useState } from 'react';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { ImportReport, ImportRowResult, ImportRowStatus } from '../../../../shared/transfer';
import { IMPORT_RESULT_LABELS } from './labels';

type Shown = 'all' | ImportRowStatus;

const columns: GridColDef<ImportRowResult>[] = [
  { field: 'line', headerName: 'Line', width: 80, type: 'number' },
  { field: 'number', headerName: 'Number', width: 150 },
  { field: 'status', headerName: 'Result', width: 120, valueGetter: (value: ImportRowStatus) => IMPORT_RESULT_LABELS[value] },
  { field: 'reason', headerName: 'Why', flex: 1, minWidth: 260 },
];

const count = (n: number) => n.toLocaleString('en-US');

export function ImportResultsTable({ report }: { report: ImportReport }) {
  const [shown, setShown] = useState<Shown>('all');
  const rows = useMemo(() => (shown === 'all' ? report.results : report.results.filter((r) => r.status === shown)), [report, shown]);
  return (
    <Stack spacing={1}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={shown}
        onChange={(_e, value: Shown | null) => value && setShown(value)}
        aria-label="Show"
      >
        <ToggleButton value="all">All ({count(report.rows)})</ToggleButton>
        {(Object.keys(IMPORT_RESULT_LABELS) as ImportRowStatus[]).map((status) => (
          <ToggleButton key={status} value={status}>
            {IMPORT_RESULT_LABELS[status]} ({count(report.counts[status])})
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <div style={{ height: 300 }}>
        <DataGrid
          aria-label="Rows of the file"
          rows={rows}
          getRowId={(row) => row.line}
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
