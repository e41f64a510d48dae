// Extension point: extra controls on the inventory toolbar of every tab (advanced search, export...).
// A feature plugs in by adding one entry to INVENTORY_TOOLBAR_ITEMS; each item is rendered with the
// tab on screen and the filter the grid is showing (shared/tab-filter.ts), and may narrow the grid
// through setExtraFilter.
import type { ReactElement } from 'react';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';
import { importBillingEventsToolbarItem } from '../billing/toolbar-item';
import { exportToolbarItem } from '../export/toolbar-item';
import { advancedSearchToolbarItem } from '../search/toolbar-item';

export interface InventoryToolbarContext {
  /** The tab on screen. */
  state: NumberState;
  /** The complete filter of the grid on screen (its state, basic search and any extra filter): its count's and its export's too. */
  filter: SearchFilter;
  /** The conditions in force (TabView.conditions): one chip each. */
  conditions: SearchFilter;
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
  importBillingEventsToolbarItem,
];
