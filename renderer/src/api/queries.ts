// The queries the renderer reads through TanStack Query. Each key starts with the change scope it
// belongs to (ChangeEvent['scope']), so a change event invalidates exactly what it touches.
import { queryOptions } from '@tanstack/react-query';
import type { SearchFilter, SearchRequest } from '../../../shared/search';
import { call } from './client';

export const numbersPageQuery = (request: SearchRequest) =>
  queryOptions({
    queryKey: ['numbers', 'search', request] as const,
    queryFn: () => call('numbers:search', request),
  });

export const numberCountsQuery = (filter: SearchFilter) =>
  queryOptions({
    queryKey: ['numbers', 'counts', filter] as const,
    queryFn: () => call('numbers:counts', { filter }),
  });

export const numberDetailQuery = (number: string) =>
  queryOptions({
    queryKey: ['numbers', 'show', number] as const,
    queryFn: () => call('numbers:show', { number }),
  });

/**
 * The app's clock (the core's now, NUMBER_INVENTORY_NOW when fixed): `now` as last read (read
 * again every minute), and its offset from the page's clock for counting from any moment.
 */
export const appClockQuery = queryOptions({
  queryKey: ['clock'] as const,
  queryFn: async () => {
    const now = Date.parse((await call('clock:now', {})).now);
    return { now, offsetMs: now - Date.now() };
  },
  refetchInterval: 60_000,
});
