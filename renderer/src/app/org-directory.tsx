// The organizations the inventory knows, by UUID, so grids and the detail can show a reserver's or
// owner's name beside its UUID. Refetched whenever organizations change.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { call } from '../api/client';
import type { Organization } from '../../../shared/domain';
import { useRevision } from './changes';

interface OrgDirectory {
  organizations: Organization[];
  byUuid: Map<string, Organization>;
  error: string | null;
}

const OrgDirectoryContext = createContext<OrgDirectory>({ organizations: [], byUuid: new Map(), error: null });

export function OrgDirectoryProvider({ children }: { children: ReactNode }) {
  const revision = useRevision('organizations');
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    call('orgs:list', {})
      .then((list) => {
        if (!current) return;
        setOrganizations(list);
        setError(null);
      })
      .catch((reason: Error) => current && setError(reason.message));
    return () => {
      current = false;
    };
  }, [revision]);
  const value = useMemo(
    () => ({ organizations, byUuid: new Map(organizations.map((org) => [org.uuid.toLowerCase(), org])), error }),
    [organizations, error],
  );
  return <OrgDirectoryContext.Provider value={value}>{children}</OrgDirectoryContext.Provider>;
}

export function useOrgDirectory(): OrgDirectory {
  return useContext(OrgDirectoryContext);
}
