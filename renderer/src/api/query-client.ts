// The one TanStack Query client of the renderer. Data stays fresh until the core reports a change
// (app/changes.tsx invalidates the queries of the changed scope), so nothing refetches on focus,
// on remount or on a timer; refusals are shown to the operator, not retried.
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  },
});
