// Opening the inventory tab a notification is about, with its filter: the Locked tab with the
// locks expiring by the warned deadline, or Available with the released number. The filter shows
// as a chip on the inventory toolbar so the operator sees why the grid is narrowed and can clear it.
import { useCallback } from 'react';
import Chip from '@mui/material/Chip';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';
import { formatInstant } from '../../app/format';
import type { InventoryToolbarContext, InventoryToolbarItem } from '../inventory/toolbar-items';
import { useNavigationRequests } from './navigation';

/** The extra filter the last notification applied, to tell it apart from the operator's own. */
let applied: SearchFilter | null = null;

export function useInventoryNavigation(setState: (state: NumberState) => void, setExtraFilter: (filter: SearchFilter) => void): void {
  useNavigationRequests(
    'numbers',
    useCallback(
      (request) => {
        // The tab supplies the state; the rest narrows the grid.
        const { states: _states, ...rest } = request.filter;
        applied = rest;
        setState(request.state);
        setExtraFilter(rest);
      },
      [setState, setExtraFilter],
    ),
  );
}

function NotificationFilterChip({ extraFilter, setExtraFilter }: InventoryToolbarContext) {
  if (!applied || JSON.stringify(applied) !== JSON.stringify(extraFilter)) return <></>;
  const label = applied.pattern
    ? `From a notification: ${applied.pattern}`
    : `From a notification: expiring before ${formatInstant(applied.expiresBefore)}`;
  return (
    <Chip
      color="info"
      label={label}
      onDelete={() => {
        applied = null;
        setExtraFilter({});
      }}
    />
  );
}

export const notificationFilterToolbarItem: InventoryToolbarItem = {
  id: 'notification-filter',
  render: (context) => <NotificationFilterChip {...context} />,
};
