// One tab's grid: a server-side paginated and sorted page of numbers matching the tab's filter
// (shared/tab-filter.ts: the same filter as the tab's count and the export), fetched through
// TanStack Query. The rows on screen stay while the next page arrives, the next page is fetched
// before it is asked for, and the grid is never remounted: a new tab changes its columns only.
import { useCallback, useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DataGrid,
  type GridColumnVisibilityModel,
  type GridPaginationModel,
  type GridRowParams,
  type GridRowSelectionModel,
  type GridSortModel,
  type GridColumnResizeParams,
} from '@mui/x-data-grid';
import { appClockQuery, numbersPageQuery } from '../../api/queries';
import type { NumberRecord, NumberState } from '../../../../shared/domain';
import type { SearchFilter, SearchResult } from '../../../../shared/search';
import { STATE_LABELS } from '../../app/format';
import { useOrgDirectory } from '../../app/org-directory';
import type { OperatorAction } from '../../../../shared/lifecycle';
import { BulkActionDialog } from '../bulk/BulkActionDialog';
import { BulkBar } from '../bulk/BulkBar';
import { NOTHING_SELECTED, type BulkSelection } from '../bulk/selection';
import { HIDDEN_BY_DEFAULT, NUMBER_CELL_SX, PINNED_COLUMNS, columnsFor, gridRows, type GridRow } from './columns';
import { PAGE_SIZES, sortOf, type GridPreferences, type TabSort } from './grid-preferences';
import { fetchPage, pageRequest, useApplyWithPage } from './page-request';

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
  preferences: GridPreferences;
  updatePreferences: (change: (current: GridPreferences) => GridPreferences) => void;
}

const rowId = (row: GridRow) => row.number;

// Pinned columns stick to the left edge while the grid scrolls sideways; every column is rendered
// (a wide buffer) so a pinned one is never virtualized away.
const PINNED_SX = Object.fromEntries(
  PINNED_COLUMNS.map(({ field, left }) => [
    `& .MuiDataGrid-cell[data-field="${field}"], & .MuiDataGrid-columnHeader[data-field="${field}"]`,
    { position: 'sticky', left, zIndex: 2, bgcolor: 'background.paper' },
  ]),
);
const GRID_SX = { bgcolor: 'background.paper', ...PINNED_SX, ...NUMBER_CELL_SX };
const COLUMN_BUFFER_PX = 4000;
// The rows on screen stay visible under a thin progress bar while the next ones load.
const SLOT_PROPS = { loadingOverlay: { variant: 'linear-progress', noRowsVariant: 'skeleton' } } as const;

export function NumbersGrid({ state, filter, total: tabTotal, onView, preferences, updatePreferences }: Props) {
  const client = useQueryClient();
  const { byUuid } = useOrgDirectory();
  const sort = sortOf(preferences, state);
  const pageSize = preferences.pageSize;
  const [page, setPage] = useState(0);
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
    setPage(0);
    setSelection(NOTHING_SELECTED);
  }

  const request = useMemo(() => pageRequest(filter, page, pageSize, sort), [filter, page, pageSize, sort]);
  const clock = useQuery(appClockQuery);
  const offsetMs = clock.data?.offsetMs;
  // Days left counts from the app's clock (the core's now, not the page's), once it is known.
  const select = useCallback(
    (result: SearchResult<NumberRecord>) => ({
      ...result,
      rows: gridRows(result.rows, offsetMs === undefined ? null : Date.now() + offsetMs),
    }),
    [offsetMs],
  );
  const query = useQuery({ ...numbersPageQuery(request), select, placeholderData: keepPreviousData });
  const rows = useMemo(() => query.data?.rows ?? [], [query.data]);
  const pageTotal = query.data?.total ?? null;
  const matching = pageTotal ?? tabTotal;
  // Until a total is known, the rows so far: the grid then offers no page beyond this one.
  const rowCount = matching ?? page * pageSize + rows.length;

  // The next page, fetched while the operator reads this one.
  const answered = query.isSuccess && !query.isPlaceholderData;
  const hasNext = rows.length === pageSize && (matching === null || (page + 1) * pageSize < matching);
  useEffect(() => {
    if (answered && hasNext) void fetchPage(client, { ...request, page: page + 1 });
  }, [answered, hasNext, client, request, page]);

  const columns = useMemo(() => columnsFor(state, onView, byUuid, preferences.widths[state]), [state, onView, byUuid, preferences.widths]);
  const columnVisibilityModel = useMemo<GridColumnVisibilityModel>(
    () => ({ ...HIDDEN_BY_DEFAULT, ...preferences.visibility[state] }),
    [preferences.visibility, state],
  );
  const paginationModel = useMemo(() => ({ page, pageSize }), [page, pageSize]);
  const localeText = useMemo(() => ({ noRowsLabel: `No ${STATE_LABELS[state].toLowerCase()} numbers match` }), [state]);

  // A new page or sort shows once its rows are at hand (see useApplyWithPage).
  const applyPage = useApplyWithPage(client);
  const applySort = useApplyWithPage(client);
  const onPaginationModelChange = useCallback(
    (model: GridPaginationModel) =>
      applyPage(pageRequest(filter, model.page, model.pageSize, sort), () => {
        setPage(model.page);
        if (model.pageSize !== pageSize) updatePreferences((current) => ({ ...current, pageSize: model.pageSize }));
      }),
    [applyPage, filter, sort, pageSize, updatePreferences],
  );
  const onSortModelChange = useCallback(
    (model: GridSortModel) => {
      // The grid's own model holds only field and asc/desc here (sorting is server-side).
      const next: TabSort = model.flatMap((item) => (item.sort ? [{ field: item.field, sort: item.sort }] : []));
      applySort(pageRequest(filter, 0, pageSize, next), () => {
        setPage(0);
        updatePreferences((current) => ({ ...current, sort: { ...current.sort, [state]: next } }));
      });
    },
    [applySort, filter, pageSize, state, updatePreferences],
  );
  const onColumnVisibilityModelChange = useCallback(
    (model: GridColumnVisibilityModel) =>
      updatePreferences((current) => ({ ...current, visibility: { ...current.visibility, [state]: model } })),
    [state, updatePreferences],
  );
  const onColumnWidthChange = useCallback(
    ({ colDef, width }: GridColumnResizeParams) =>
      updatePreferences((current) => ({
        ...current,
        widths: { ...current.widths, [state]: { ...current.widths[state], [colDef.field]: width } },
      })),
    [state, updatePreferences],
  );
  const onRowDoubleClick = useCallback(({ row }: GridRowParams<GridRow>) => onView(row.number), [onView]);

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
      {query.error && (
        <Alert severity="error" role="alert">
          {query.error.message}
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
          aria-label={`${STATE_LABELS[state]} numbers`}
          rows={rows}
          getRowId={rowId}
          columns={columns}
          rowCount={rowCount}
          loading={query.isPlaceholderData || query.isPending}
          paginationMode="server"
          sortingMode="server"
          paginationModel={paginationModel}
          onPaginationModelChange={onPaginationModelChange}
          pageSizeOptions={PAGE_SIZES}
          sortModel={sort}
          onSortModelChange={onSortModelChange}
          columnVisibilityModel={columnVisibilityModel}
          onColumnVisibilityModelChange={onColumnVisibilityModelChange}
          onColumnWidthChange={onColumnWidthChange}
          columnBufferPx={COLUMN_BUFFER_PX}
          disableColumnFilter
          disableRowSelectionOnClick
          checkboxSelection
          keepNonExistentRowsSelected
          // The bar above says how many are selected, across pages too.
          hideFooterSelectedRowCount
          rowSelectionModel={rowSelectionModel}
          onRowSelectionModelChange={onRowSelectionModelChange}
          onRowDoubleClick={onRowDoubleClick}
          localeText={localeText}
          slotProps={SLOT_PROPS}
          sx={GRID_SX}
        />
      </Box>
    </Box>
  );
}
