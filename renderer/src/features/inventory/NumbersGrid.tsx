// One tab's grid: a server-side paginated and sorted page of numbers matching the tab's filter
// (shared/tab-filter.ts: the same filter as the tab's count and the export).
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { DataGrid, type GridPaginationModel, type GridRowSelectionModel, type GridSortModel } from '@mui/x-data-grid';
import { call } from '../../api/client';
import type { NumberRecord, NumberState } from '../../../../shared/domain';
import { MAX_PAGE_SIZE, type SearchFilter } from '../../../../shared/search';
import { useRevision } from '../../app/changes';
import { STATE_LABELS } from '../../app/format';
import { useOrgDirectory } from '../../app/org-directory';
import type { OperatorAction } from '../../../../shared/lifecycle';
import { BulkActionDialog } from '../bulk/BulkActionDialog';
import { BulkBar } from '../bulk/BulkBar';
import { NOTHING_SELECTED, type BulkSelection } from '../bulk/selection';
import { columnsFor, isSortField } from './columns';

const PAGE_SIZES = [25, 50, MAX_PAGE_SIZE];

/** The page last answered, for the request it answered. */
interface LoadedPage {
  key: string;
  rows: NumberRecord[];
  total: number | null;
  error: string | null;
  fetchedAt: number;
}

interface Props {
  /** The tab on screen: its columns and labels. */
  state: NumberState;
  /** The tab's filter (TabView.filter), states included. */
  filter: SearchFilter;
  /**
   * The tab's count under this filter, null while it loads. Pages are asked for without a total
   * (counting every match of a broad filter costs more than reading the page), so this is the
   * grid's row count unless the page came with a total of its own.
   */
  total: number | null;
  onView: (number: string) => void;
}

export function NumbersGrid({ state, filter, total: tabTotal, onView }: Props) {
  const revision = useRevision('numbers');
  const { byUuid } = useOrgDirectory();
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [sortModel, setSortModel] = useState<GridSortModel>([{ field: 'number', sort: 'asc' }]);
  const filterKey = JSON.stringify(filter);

  // A different filter or tab starts again from the first page (adjusted while rendering, as
  // React recommends for state that follows a prop, rather than in an effect).
  const viewKey = `${state}|${filterKey}`;
  const [pagedView, setPagedView] = useState(viewKey);
  // The checked numbers belong to the tab and filter they were checked in.
  const [selection, setSelection] = useState<BulkSelection>(NOTHING_SELECTED);
  const [bulkAction, setBulkAction] = useState<OperatorAction | null>(null);
  if (pagedView !== viewKey) {
    setPagedView(viewKey);
    if (pagination.page !== 0) setPagination({ ...pagination, page: 0 });
    setSelection(NOTHING_SELECTED);
  }

  const requestKey = JSON.stringify([viewKey, pagination, sortModel, revision]);
  const [loaded, setLoaded] = useState<LoadedPage>({ key: '', rows: [], total: 0, error: null, fetchedAt: 0 });
  useEffect(() => {
    let current = true;
    const sort = sortModel[0];
    call('numbers:search', {
      filter: JSON.parse(filterKey) as SearchFilter,
      page: pagination.page,
      pageSize: pagination.pageSize,
      sort: sort && isSortField(sort.field) ? { field: sort.field, direction: sort.sort === 'desc' ? 'desc' : 'asc' } : undefined,
      withTotal: false,
    })
      .then(
        (result) => current && setLoaded({ key: requestKey, rows: result.rows, total: result.total, error: null, fetchedAt: Date.now() }),
      )
      .catch(
        (reason: Error) => current && setLoaded({ key: requestKey, rows: [], total: 0, error: reason.message, fetchedAt: Date.now() }),
      );
    return () => {
      current = false;
    };
  }, [filterKey, pagination, sortModel, requestKey]);

  const { rows, total: pageTotal, error, fetchedAt } = loaded;
  const loading = loaded.key !== requestKey;
  // Days left is counted from when the page was fetched.
  const columns = useMemo(() => columnsFor(state, onView, byUuid, fetchedAt), [state, onView, byUuid, fetchedAt]);
  const label = `${STATE_LABELS[state]} numbers`;
  // Until a total is known, the rows so far: the grid then offers no page beyond this one.
  const rowCount = pageTotal ?? tabTotal ?? pagination.page * pagination.pageSize + rows.length;
  const matching = pageTotal ?? tabTotal;
  // Every number matching shows as every row checked; otherwise the numbers checked, on any page.
  const rowSelectionModel = useMemo<GridRowSelectionModel>(
    () => (selection.kind === 'matching' ? { type: 'exclude', ids: new Set() } : { type: 'include', ids: new Set(selection.numbers) }),
    [selection],
  );
  const onRowSelectionModelChange = (model: GridRowSelectionModel) => {
    // An 'exclude' model means the page's rows checked but those listed.
    const numbers =
      model.type === 'include'
        ? [...model.ids].map(String)
        : [
            ...(selection.kind === 'numbers' ? selection.numbers.filter((n) => !rows.some((r) => r.number === n)) : []),
            ...rows.filter((r) => !model.ids.has(r.number)).map((r) => r.number),
          ];
    setSelection({ kind: 'numbers', numbers });
  };

  return (
    // minWidth 0 down the flex chain: a wide grid scrolls inside itself instead of widening the page.
    <Box sx={{ flex: 1, minHeight: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <BulkBar
        state={state}
        selection={selection}
        matching={matching}
        onSelectAllMatching={() => matching !== null && setSelection({ kind: 'matching', filter, count: matching })}
        onClear={() => setSelection(NOTHING_SELECTED)}
        onAction={setBulkAction}
      />
      {bulkAction && (
        <BulkActionDialog
          action={bulkAction}
          state={state}
          selection={selection}
          onClose={(applied) => {
            setBulkAction(null);
            if (applied) setSelection(NOTHING_SELECTED);
          }}
        />
      )}
      <Box sx={{ flex: 1, minHeight: 0, minWidth: 0 }}>
        <DataGrid
          aria-label={label}
          rows={rows}
          getRowId={(row) => row.number}
          columns={columns}
          rowCount={rowCount}
          loading={loading}
          paginationMode="server"
          sortingMode="server"
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          sortModel={sortModel}
          onSortModelChange={setSortModel}
          disableColumnFilter
          disableRowSelectionOnClick
          checkboxSelection
          keepNonExistentRowsSelected
          // The bar above says how many are selected, across pages too.
          hideFooterSelectedRowCount
          rowSelectionModel={rowSelectionModel}
          onRowSelectionModelChange={onRowSelectionModelChange}
          onRowDoubleClick={({ row }) => onView(row.number)}
          localeText={{ noRowsLabel: `No ${STATE_LABELS[state].toLowerCase()} numbers match` }}
          sx={{ bgcolor: 'background.paper' }}
        />
      </Box>
    </Box>
  );
}
