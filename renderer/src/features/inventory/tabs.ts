// The inventory tabs, one per life-cycle state, in the order of the life-cycle document.
import { NUMBER_STATES, type NumberState } from '../../../../shared/domain';
import { STATE_LABELS } from '../../app/format';

export interface InventoryTab {
  state: NumberState;
  /** The tab's accessible name, exactly the state's name. */
  label: string;
}

export const INVENTORY_TABS: InventoryTab[] = NUMBER_STATES.map((state) => ({ state, label: STATE_LABELS[state] }));
