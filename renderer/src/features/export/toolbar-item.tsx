// Export on the inventory toolbar of every tab: exports exactly what the grid shows, the filter of
// the tab on screen (shared/tab-filter.ts).
import { useState } from 'react';
import Button from '@mui/material/Button';
import DownloadIcon from '@mui/icons-material/Download';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';
import { STATE_LABELS } from '../../app/format';
import { activeConditions, FIELD_LABELS, withoutField } from '../search/filter-fields';
import type { InventoryToolbarContext, InventoryToolbarItem } from '../inventory/toolbar-items';
import { ExportDialog } from './ExportDialog';

/** "Deleted numbers where Vendor: Colt; Search: +44*": the tab's state, then every other condition. */
function describe(state: NumberState, conditions: SearchFilter): string {
  const others = activeConditions(withoutField(conditions, 'states')).map((condition) => condition.label);
  if (conditions.query) others.push(`${FIELD_LABELS.query}: ${conditions.query}`);
  return `${STATE_LABELS[state]} numbers${others.length ? ` where ${others.join('; ')}` : ''}`;
}

function ExportTool({ state, filter, conditions }: InventoryToolbarContext) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => setOpen(true)}>
        Export
      </Button>
      {/* Mounted while open, so every opening starts from a fresh dialog. */}
      {open && <ExportDialog open filter={filter} description={describe(state, conditions)} onClose={() => setOpen(false)} />}
    </>
  );
}

export const exportToolbarItem: InventoryToolbarItem = {
  id: 'export',
  render: (context) => <ExportTool {...context} />,
};
