// Opening the inventory tab a notification or a dashboard figure is about, with its filter: the
// Locked tab with the locks expiring by the warned deadline, or Available with the released number.
// The filter shows as the search's own conditions, one chip each, so the operator sees why the grid
// is narrowed and can remove any of them (a chip of its own for the notification would say it twice).
import { useCallback } from 'react';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';
import { useNavigationRequests } from './navigation';

export function useInventoryNavigation(setState: (state: NumberState) => void, setExtraFilter: (filter: SearchFilter) => void): void {
  useNavigationRequests(
    'numbers',
    useCallback(
      (request) => {
        // The tab supplies the state; the rest narrows the grid.
        const { states: _states, ...rest } = request.filter;
        setState(request.state);
        setExtraFilter(rest);
      },
      [setState, setExtraFilter],
    ),
  );
}
