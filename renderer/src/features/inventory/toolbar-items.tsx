// Extension point: extra controls on the inventory toolbar of every tab (advanced search, export...).
// A feature plugs in by adding one entry to INVENTORY_TOOLBAR_ITEMS; each item is rendered with the
// tab's state and the filter the grid is showing, and may narrow the grid through setExtraFilter.
import type { ReactElement } from 'react';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';
import { exportToolbarItem } from '../export/toolbar-item';
import { notificationFilterToolbarItem } from '../notifications/inventory-navigation';
import { advancedSearchToolbarItem } from '../search/toolbar-item';

export interface InventoryToolbarContext {
  /** The state of the tab on screen. */
  state: NumberState;
  /** The complete filter of the grid on screen (state, basic search and any extra filter). */
  filter: SearchFilter;
  /** The extra filter combined (AND) with the basic search box; {} clears it. */
  extraFilter: SearchFilter;
  setExtraFilter: (filter: SearchFilter) => void;
}

export interface InventoryToolbarItem {
  id: string;
  render: (context: InventoryToolbarContext) => ReactElement;
}

export const INVENTORY_TOOLBAR_ITEMS: InventoryToolbarItem[] = [
  advancedSearchToolbarItem,
  exportToolbarItem,
  notificationFilterToolbarItem,
];
