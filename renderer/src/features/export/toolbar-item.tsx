// Export on the inventory toolbar of every tab: exports exactly what the grid shows (the tab's
// state, or the advanced search's states, with every other condition).
import { useState } from 'react';
import Button from '@mui/material/Button';
import DownloadIcon from '@mui/icons-material/Download';
import type { SearchFilter } from '../../../../shared/search';
import type { InventoryToolbarContext, InventoryToolbarItem } from '../inventory/toolbar-items';
import { ExportDialog } from './ExportDialog';

function ExportTool({ state, filter, extraFilter }: InventoryToolbarContext) {
  const [open, setOpen] = useState(false);
  const states = extraFilter.states?.length ? extraFilter.states : [state];
  const exportFilter: SearchFilter = { ...filter, states };
  return (
    <>
      <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => setOpen(true)}>
        Export
      </Button>
      {/* Mounted while open, so every opening starts from a fresh dialog. */}
      {open && (
        <ExportDialog
          open
          filter={exportFilter}
          description={`${states.join(', ')} numbers${Object.keys(extraFilter).length || filter.query ? ' matching the active conditions' : ''}`}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

export const exportToolbarItem: InventoryToolbarItem = {
  id: 'export',
  render: (context) => <ExportTool {...context} />,
};
