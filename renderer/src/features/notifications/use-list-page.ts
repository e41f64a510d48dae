// Server-side paging of a list (notifications, outbox) as the inventory grid pages numbers: the
// grid asks for the page it shows, filtered on the server, and the page comes with the total.
import { useEffect, useMemo, useState } from 'react';
import type { GridPaginationModel } from '@mui/x-data-grid';
import type { ListPage } from '../../../../shared/notifications';
import { toShownError, type ShownError } from '../../components/ErrorAlert';

export type FetchPage<Row> = (page: number, pageSize: number) => Promise<ListPage<Row>>;

interface Loaded<Row> {
  request: object | null;
  rows: Row[];
  total: number;
  error: ShownError | null;
}

export interface ListPageState<Row> {
  rows: Row[];
  total: number;
  loading: boolean;
  error: ShownError | null;
  pagination: GridPaginationModel;
  setPagination: (model: GridPaginationModel) => void;
}

/**
 * The page of `fetchPage` the grid shows. A new `fetchPage` (another filter) starts again from the
 * first page; a new `refreshKey` (something changed) asks for the same page again.
 */
export function useListPage<Row>(fetchPage: FetchPage<Row>, refreshKey: string): ListPageState<Row> {
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  // Adjusted while rendering, as React recommends for state that follows a prop, not in an effect.
  const [pagedFor, setPagedFor] = useState(() => fetchPage);
  if (pagedFor !== fetchPage) {
    setPagedFor(() => fetchPage);
    if (pagination.page !== 0) setPagination({ ...pagination, page: 0 });
  }
  const request = useMemo(() => ({ fetchPage, pagination, refreshKey }), [fetchPage, pagination, refreshKey]);
  const [loaded, setLoaded] = useState<Loaded<Row>>({ request: null, rows: [], total: 0, error: null });
  useEffect(() => {
    let current = true;
    request
      .fetchPage(request.pagination.page, request.pagination.pageSize)
      .then((page) => current && setLoaded({ request, rows: page.rows, total: page.total, error: null }))
      .catch((reason: unknown) => current && setLoaded((before) => ({ ...before, request, error: toShownError(reason) })));
    return () => {
      current = false;
    };
  }, [request]);
  return { ...loaded, loading: loaded.request !== request, pagination, setPagination };
}
