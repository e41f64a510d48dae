// Change tracking: a revision counter per scope that grows whenever the core reports a change
// (from this window, another window, the CLI or the expiry timer) or this window knows it changed
// something. Views put the revision in their effect dependencies and refetch when it moves.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
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
  const bump = useCallback((scope: Scope) => setRevisions((current) => ({ ...current, [scope]: (current[scope] ?? 0) + 1 })), []);
  useEffect(() => api.onChange((event) => bump(event.scope)), [bump]);
  const value = useMemo(() => ({ revisions, bump }), [revisions, bump]);
  return <ChangesContext.Provider value={value}>{children}</ChangesContext.Provider>;
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
