// The dashboard's figures, read again whenever numbers or settings change.
import { useEffect, useState } from 'react';
import type { DashboardSummary } from '../../../../shared/dashboard';
import { call } from '../../api/client';
import { useRevision } from '../../app/changes';
import { toShownError, type ShownError } from '../../components/ErrorAlert';

export function useDashboard(): { summary: DashboardSummary | null; error: ShownError | null } {
  const numbers = useRevision('numbers');
  const settings = useRevision('settings');
  const [state, setState] = useState<{ summary: DashboardSummary | null; error: ShownError | null }>({ summary: null, error: null });
  useEffect(() => {
    let current = true;
    call('dashboard:summary', {})
      .then((summary) => current && setState({ summary, error: null }))
      .catch((reason: unknown) => current && setState((before) => ({ ...before, error: toShownError(reason) })));
    return () => {
      current = false;
    };
  }, [numbers, settings]);
  return state;
}
