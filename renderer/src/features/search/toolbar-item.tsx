// The advanced search on the inventory toolbar of every tab: a button opening the panel, and one
// removable chip per condition in force (shared/tab-filter.ts: a state ticked on every tab is none).
// The chips sit in a row of their own under the tools (last in the wrapping toolbar, full width),
// so however many there are, they never push the toolbar's buttons onto another line.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CancelIcon from '@mui/icons-material/Cancel';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import type { InventoryToolbarContext, InventoryToolbarItem } from '../inventory/toolbar-items';
import { AdvancedSearchPanel } from './AdvancedSearchPanel';
import { activeConditions, withoutField } from './filter-fields';

function AdvancedSearchTool({ state, filter, conditions, extraFilter, setExtraFilter }: InventoryToolbarContext) {
  const [open, setOpen] = useState(false);
  const active = activeConditions(conditions);
  return (
    <>
      <Button variant="outlined" startIcon={<ManageSearchIcon />} onClick={() => setOpen(true)}>
        Advanced search
      </Button>
      {active.length > 0 && (
        <Box
          role="group"
          aria-label="Search conditions"
          sx={{ order: 1, flexBasis: '100%', display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}
        >
          {active.map((condition) => (
            <Chip
              key={condition.key}
              size="small"
              color="primary"
              label={condition.label}
              onDelete={() => setExtraFilter(withoutField(extraFilter, condition.key))}
              deleteIcon={<CancelIcon aria-label={`Remove ${condition.label}`} />}
            />
          ))}
        </Box>
      )}
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
