// The advanced search on the inventory toolbar of every tab: a button opening the panel, and one
// removable chip per condition in force (shared/tab-filter.ts: a state ticked on every tab is none).
import { useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CancelIcon from '@mui/icons-material/Cancel';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import type { InventoryToolbarContext, InventoryToolbarItem } from '../inventory/toolbar-items';
import { AdvancedSearchPanel } from './AdvancedSearchPanel';
import { activeConditions, withoutField } from './filter-fields';

function AdvancedSearchTool({ state, filter, conditions, extraFilter, setExtraFilter }: InventoryToolbarContext) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" startIcon={<ManageSearchIcon />} onClick={() => setOpen(true)}>
        Advanced search
      </Button>
      {activeConditions(conditions).map((condition) => (
        <Chip
          key={condition.key}
          size="small"
          color="primary"
          label={condition.label}
          onDelete={() => setExtraFilter(withoutField(extraFilter, condition.key))}
          deleteIcon={<CancelIcon aria-label={`Remove ${condition.label}`} />}
        />
      ))}
      {/* Mounted while open, so each opening starts from the conditions in force. */}
      {open && (
        <AdvancedSearchPanel
          open
          initial={extraFilter}
          tabState={state}
          query={filter.query}
          onApply={setExtraFilter}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

export const advancedSearchToolbarItem: InventoryToolbarItem = {
  id: 'advanced-search',
  render: (context) => <AdvancedSearchTool {...context} />,
};
