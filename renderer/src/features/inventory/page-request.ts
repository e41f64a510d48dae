// The request for one page of the grid, built in one place: the grid asks for it, and the
// controls that lead to it (a tab, the search box, the pager, a column header) fetch it from their
// event handler already, so the request leaves before anything re-renders.
import { useCallback, useRef } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { numbersPageQuery } from '../../api/queries';
import type { SearchFilter, SearchRequest } from '../../../../shared/search';
import { isSortField, sortFieldOf } from './columns';
import type { TabSort } from './grid-preferences';

/**
 * How long a control waits for its page before showing the change anyway (with the rows before
 * it kept on screen until the page arrives). Pages take the core a few milliseconds.
 */
const PAGE_WAIT_MS = 100;

export function pageRequest(filter: SearchFilter, page: number, pageSize: number, sort: TabSort): SearchRequest {
  const first = sort[0];
  const field = first && sortFieldOf(first.field);
  return {
    filter,
    page,
    pageSize,
    sort: field && isSortField(field) ? { field, direction: first.sort } : undefined,
    // The grid shows its tab's count instead: a page never waits for a count.
    withTotal: false,
  };
}

/** Starts fetching a page (nothing if it is cached or on its way). */
export function fetchPage(client: QueryClient, request: SearchRequest): Promise<void> {
  return client.prefetchQuery(numbersPageQuery(request));
}

/**
 * Applies a change once its page is at hand (or PAGE_WAIT_MS passed): the screen then renders
 * once, with the new rows, instead of once for the change and again for its rows. Of changes made
 * quickly one after the other (keystrokes), only the latest is applied.
 */
export function useApplyWithPage(client: QueryClient): (request: SearchRequest, apply: () => void) => void {
  const latest = useRef(0);
  return useCallback(
    (request: SearchRequest, apply: () => void) => {
      const ticket = ++latest.current;
      const waited = new Promise<void>((resolve) => window.setTimeout(resolve, PAGE_WAIT_MS));
      void Promise.race([fetchPage(client, request), waited]).then(() => {
        if (ticket === latest.current) apply();
      });
    },
    [client],
  );
}
