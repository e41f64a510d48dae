// Change tracking. Whenever the core reports a change (from this window, another window, the CLI or
// the expiry timer) or this window knows it changed something, the queries of that scope are
// invalidated (TanStack Query refetches those on screen, keeping their data shown meanwhile), and a
// revision counter per scope grows for views that still refetch in their own effects.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryClient } from '../api/query-client';
import type { ChangeEvent } from '../../../shared/contract';

type Scope = ChangeEvent['scope'];
type Revisions = Partial<Record<Scope, number>>;

interface Changes {
  revisions: Revisions;
  /** Marks a scope as changed so every view of it refetches. */
  bump: (scope: Scope) => void;
}

const ChangesContext = createContext<Changes | null>(null);

export function ChangesProvider({ children }: { children: ReactNode }) {
  const [revisions, setRevisions] = useState<Revisions>({});
  const bump = useCallback((scope: Scope) => {
    void queryClient.invalidateQueries({ queryKey: [scope] });
    setRevisions((current) => ({ ...current, [scope]: (current[scope] ?? 0) + 1 }));
  }, []);
  useEffect(() => api.onChange((event) => bump(event.scope)), [bump]);
  const value = useMemo(() => ({ revisions, bump }), [revisions, bump]);
  return (
    <QueryClientProvider client={queryClient}>
      <ChangesContext.Provider value={value}>{children}</ChangesContext.Provider>
    </QueryClientProvider>
  );
}

export function useChanges(): Changes {
  const changes = useContext(ChangesContext);
  if (!changes) throw new Error('useChanges must be used inside <ChangesProvider>');
  return changes;
}

/** The revision of one scope: use it as an effect dependency to refetch on change. */
export function useRevision(scope: Scope): number {
  return useChanges().revisions[scope] ?? 0;
}
