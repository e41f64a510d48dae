// The grid of a server-paged list (notifications, outbox): the page `useListPage` loaded, the total
// in the footer ("1–50 of 2,372"), a click on a row handed to the screen.
import { DataGrid, type GridColDef, type GridValidRowModel } from '@mui/x-data-grid';
import { MAX_PAGE_SIZE } from '../../../../shared/search';
import type { ListPageState } from './use-list-page';

/** The page sizes the lists offer, as the inventory grid does. */
const LIST_PAGE_SIZES = [25, 50, MAX_PAGE_SIZE];

interface Props<Row extends GridValidRowModel & { id: number }> {
  label: string;
  list: ListPageState<Row>;
  columns: GridColDef<Row>[];
  noRowsLabel: string;
  onRowClick: (row: Row) => void;
  /** The row shown as selected (the outbox's previewed email); none when absent. */
  selectedId?: number | null;
  /** Rows grow to fit cells that wrap (a notice's email chips on a narrow window) rather than clip them. */
  autoRowHeight?: boolean;
}

export function PagedListGrid<Row extends GridValidRowModel & { id: number }>(props: Props<Row>) {
  const { list, selectedId = null, autoRowHeight = false } = props;
  return (
    <DataGrid
      aria-label={props.label}
      rows={list.rows}
      columns={props.columns}
      rowCount={list.total}
      loading={list.loading}
      paginationMode="server"
      paginationModel={list.pagination}
      onPaginationModelChange={list.setPagination}
      pageSizeOptions={LIST_PAGE_SIZES}
      disableColumnFilter
      rowSelectionModel={{ type: 'include', ids: new Set(selectedId === null ? [] : [selectedId]) }}
      onRowClick={({ row }) => props.onRowClick(row)}
      {...(autoRowHeight ? { getRowHeight: () => 'auto' as const } : {})}
      localeText={{ noRowsLabel: props.noRowsLabel }}
      sx={{
        bgcolor: 'background.paper',
        '& .MuiDataGrid-row': { cursor: 'pointer' },
        // Grown rows keep their cells' content centred; fixed rows keep the grid's own cells (with their ellipsis).
        ...(autoRowHeight ? { '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center', minHeight: 52, py: 0.5 } } : {}),
        '& .monospace': { fontFamily: 'monospace' },
      }}
    />
  );
}
