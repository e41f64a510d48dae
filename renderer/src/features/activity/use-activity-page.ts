// Paging the activity log as the core pages it: from a cursor. The cursor of each page reached is
// kept, so Back returns to a page already seen and Next continues from the last one; a new filter
// or page size starts again from the newest page.
import { useEffect, useMemo, useState } from 'react';
import type { GridPaginationModel } from '@mui/x-data-grid';
import type { ActivityCursor, ActivityEvent, ActivityFilter } from '../../../../shared/activity';
import { call } from '../../api/client';
import { toShownError, type ShownError } from '../../components/ErrorAlert';

interface Loaded {
  request: object | null;
  rows: ActivityEvent[];
  total: number | null;
  hasNext: boolean;
  error: ShownError | null;
}

export interface ActivityPageState extends Omit<Loaded, 'request'> {
  loading: boolean;
  pagination: GridPaginationModel;
  setPagination: (model: GridPaginationModel) => void;
}

export function useActivityPage(filter: ActivityFilter, refreshKey: string): ActivityPageState {
  const [pagination, setPaginationModel] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  // cursors[k] starts page k; page 0 starts at the newest event.
  const [cursors, setCursors] = useState<(ActivityCursor | undefined)[]>([undefined]);
  // Adjusted while rendering, as React recommends for state that follows a prop, not in an effect.
  const [pagedFor, setPagedFor] = useState(filter);
  if (pagedFor !== filter) {
    setPagedFor(filter);
    setCursors([undefined]);
    if (pagination.page !== 0) setPaginationModel({ ...pagination, page: 0 });
  }
  const setPagination = (model: GridPaginationModel) => {
    if (model.pageSize !== pagination.pageSize) {
      setCursors([undefined]);
      setPaginationModel({ page: 0, pageSize: model.pageSize });
    } else setPaginationModel(model);
  };
  const after = cursors[pagination.page];
  const request = useMemo(
    () => ({ filter, pageSize: pagination.pageSize, page: pagination.page, after, refreshKey }),
    [filter, pagination.pageSize, pagination.page, after, refreshKey],
  );
  const [loaded, setLoaded] = useState<Loaded>({ request: null, rows: [], total: null, hasNext: false, error: null });
  useEffect(() => {
    let current = true;
    call('activity:list', { filter: request.filter, pageSize: request.pageSize, ...(request.after ? { after: request.after } : {}) })
      .then((page) => {
        if (!current) return;
        setLoaded({ request, rows: page.rows, total: page.total, hasNext: page.next !== null, error: null });
        setCursors((known) => {
          const next = [...known.slice(0, request.page + 1)];
          if (page.next) next[request.page + 1] = page.next;
          return next;
        });
      })
      .catch((reason: unknown) => current && setLoaded((before) => ({ ...before, request, error: toShownError(reason) })));
    return () => {
      current = false;
    };
  }, [request]);
  const { request: _request, ...shown } = loaded;
  return { ...shown, loading: loaded.request !== request, pagination, setPagination };
}
