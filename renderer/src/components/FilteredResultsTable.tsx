// The per-row results of a dry run (an import's rows, a bulk action's numbers): a compact grid,
// filtered by result with the counts on the filter buttons.
import { useMemo, useState } from 'react';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { DataGrid, type GridColDef, type GridValidRowModel } from '@mui/x-data-grid';

const count = (n: number) => n.toLocaleString('en-US');

export function FilteredResultsTable<Row extends GridValidRowModel, Result extends string>(props: {
  /** The grid's accessible name. */
  label: string;
  rows: readonly Row[];
  /** Every row's count, complete even when `rows` lists only the first. */
  total: number;
  columns: GridColDef<Row>[];
  rowId: (row: Row) => string | number;
  resultOf: (row: Row) => Result;
  /** Each result a filter button offers, with its label and complete count. */
  results: { value: Result; label: string; count: number }[];
}) {
  const { label, rows, total, columns, rowId, resultOf, results } = props;
  const [shown, setShown] = useState<'all' | Result>('all');
  const shownRows = useMemo(() => (shown === 'all' ? rows : rows.filter((r) => resultOf(r) === shown)), [rows, shown, resultOf]);
  return (
    <Stack spacing={1}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={shown}
        onChange={(_e, value: 'all' | Result | null) => value && setShown(value)}
        aria-label="Show"
      >
        <ToggleButton value="all">All ({count(total)})</ToggleButton>
        {results.map((r) => (
          <ToggleButton key={r.value} value={r.value}>
            {r.label} ({count(r.count)})
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <div style={{ height: 300 }}>
        <DataGrid
          aria-label={label}
          rows={shownRows}
          getRowId={rowId}
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
