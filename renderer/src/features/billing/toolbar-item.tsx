// "Import billing events" on the inventory toolbar.
import { useState } from 'react';
import Button from '@mui/material/Button';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { useChanges } from '../../app/changes';
import type { InventoryToolbarItem } from '../inventory/toolbar-items';
import { ImportBillingEventsDialog } from './ImportBillingEventsDialog';

function ImportBillingEventsTool() {
  const [open, setOpen] = useState(false);
  const { bump } = useChanges();
  return (
    <>
      <Button variant="outlined" startIcon={<ReceiptLongIcon />} onClick={() => setOpen(true)}>
        Import billing events
      </Button>
      {/* Mounted while open, so every opening starts afresh. */}
      {open && <ImportBillingEventsDialog onClose={() => setOpen(false)} onApplied={() => bump('numbers')} />}
    </>
  );
}

export const importBillingEventsToolbarItem: InventoryToolbarItem = {
  id: 'import-billing-events',
  render: () => <ImportBillingEventsTool />,
};
