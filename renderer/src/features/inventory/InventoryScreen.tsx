// The inventory: one tab per state with its live count, a basic search box, the toolbar extension
// slot, Add new numbers, the grid of the tab on screen, and the detail of the number being viewed.
import { useCallback, useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Tabs from '@mui/material/Tabs';
import AddIcon from '@mui/icons-material/Add';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';
import { AddNumbersDialog } from '../add-numbers/AddNumbersDialog';
import { NumberDetailDrawer } from '../detail/NumberDetailDrawer';
import { CountedTab } from './CountedTab';
import { NumbersGrid } from './NumbersGrid';
import { SearchBox } from './SearchBox';
import { INVENTORY_TABS } from './tabs';
import { INVENTORY_TOOLBAR_ITEMS } from './toolbar-items';
import { useCounts } from './useCounts';
import { useInventoryNavigation } from '../notifications/inventory-navigation';

export function InventoryScreen() {
  const [state, setState] = useState<NumberState>('available');
  const [query, setQuery] = useState('');
  const [extraFilter, setExtraFilter] = useState<SearchFilter>({});
  // A click on a notification opens the tab it is about, with its filter.
  useInventoryNavigation(setState, setExtraFilter);
  const [viewing, setViewing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const filter = useMemo<SearchFilter>(() => ({ ...extraFilter, ...(query ? { query } : {}) }), [extraFilter, query]);
  // The tab counts follow the same conditions as the grid and the export.
  const { counts, current: countsCurrent } = useCounts(filter);
  const onView = useCallback((number: string) => setViewing(number), []);
  const onSearch = useCallback((text: string) => setQuery(text), []);
  const tabId = (s: NumberState) => `inventory-tab-${s}`;
  const extraConditions = Object.keys(extraFilter).length;

  return (
    <Stack spacing={1.5} sx={{ flex: 1, minHeight: 0, minWidth: 0 }}>
      <Paper variant="outlined">
        <Tabs
          value={state}
          selectionFollowsFocus
          onChange={(_event, value: NumberState) => setState(value)}
          aria-label="Number states"
          variant="scrollable"
          scrollButtons="auto"
          sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}
        >
          {INVENTORY_TABS.map((tab) => (
            <CountedTab
              key={tab.state}
              value={tab.state}
              label={tab.label}
              count={counts?.[tab.state] ?? null}
              id={tabId(tab.state)}
              aria-controls="inventory-tabpanel"
            />
          ))}
        </Tabs>
        <Box
          role="toolbar"
          aria-label="Inventory tools"
          sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap', px: 1.5, py: 1.25 }}
        >
          <SearchBox onSearch={onSearch} />
          {INVENTORY_TOOLBAR_ITEMS.map((item) => (
            <Box key={item.id} sx={{ display: 'contents' }}>
              {item.render({ state, filter: { ...filter, states: [state] }, extraFilter, setExtraFilter })}
            </Box>
          ))}
          {extraConditions > 0 && (
            <Chip
              color="primary"
              variant="outlined"
              label={`${extraConditions} more condition${extraConditions === 1 ? '' : 's'}`}
              onDelete={() => setExtraFilter({})}
            />
          )}
          <Box sx={{ flex: 1 }} />
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            Add new numbers
          </Button>
        </Box>
      </Paper>
      <Box
        id="inventory-tabpanel"
        role="tabpanel"
        aria-labelledby={tabId(state)}
        sx={{ flex: 1, minHeight: 0, minWidth: 0, display: 'flex' }}
      >
        <NumbersGrid state={state} filter={filter} total={countsCurrent ? (counts?.[state] ?? null) : null} onView={onView} />
      </Box>
      {viewing && <NumberDetailDrawer number={viewing} onClose={() => setViewing(null)} onNotice={setNotice} />}
      <AddNumbersDialog open={adding} onClose={() => setAdding(false)} />
      <Snackbar
        open={notice !== null}
        autoHideDuration={5000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      />
    </Stack>
  );
}
