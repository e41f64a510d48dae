// Opening the inventory tab a notification is about, with its filter: the Locked tab with the
// locks expiring by the warned deadline, or Available with the released number. The filter shows
// as a chip on the inventory toolbar so the operator sees why the grid is narrowed and can clear it.
import { useCallback } from 'react';
import Chip from '@mui/material/Chip';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';
import { formatInstant } from '../../app/format';
import type { InventoryToolbarContext, InventoryToolbarItem } from '../inventory/toolbar-items';
import { useNavigation, useNavigationRequests } from './navigation';

export function useInventoryNavigation(setState: (state: NumberState) => void, setExtraFilter: (filter: SearchFilter) => void): void {
  const { setNotificationFilter } = useNavigation();
  useNavigationRequests(
    'numbers',
    useCallback(
      (request) => {
        // The tab supplies the state; the rest narrows the grid.
        const { states: _states, ...rest } = request.filter;
        // A dashboard figure's filter reads as ordinary conditions; a notification's gets its own chip.
        setNotificationFilter(request.origin === 'dashboard' ? null : rest);
        setState(request.state);
        setExtraFilter(rest);
      },
      [setState, setExtraFilter, setNotificationFilter],
    ),
  );
}

function NotificationFilterChip({ extraFilter, setExtraFilter }: InventoryToolbarContext) {
  const { notificationFilter: applied, setNotificationFilter } = useNavigation();
  if (!applied || JSON.stringify(applied) !== JSON.stringify(extraFilter)) return <></>;
  const label = applied.pattern
    ? `From a notification: ${applied.pattern}`
    : `From a notification: expiring before ${formatInstant(applied.expiresBefore)}`;
  return (
    <Chip
      color="info"
      label={label}
      onDelete={() => {
        setNotificationFilter(null);
        setExtraFilter({});
      }}
    />
  );
}

export const notificationFilterToolbarItem: InventoryToolbarItem = {
  id: 'notification-filter',
  render: (context) => <NotificationFilterChip {...context} />,
};
