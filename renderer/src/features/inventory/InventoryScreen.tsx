// The inventory: one tab per state with its live count, a basic search box, the toolbar extension
// slot, Add new numbers, the grid of the tab on screen, and the detail of the number being viewed.
import { useCallback, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Tabs from '@mui/material/Tabs';
import AddIcon from '@mui/icons-material/Add';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import ClearAllIcon from '@mui/icons-material/ClearAll';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';
import { tabCounts, tabView } from '../../../../shared/tab-filter';
import { AddNumbersDialog } from '../add-numbers/AddNumbersDialog';
import { ImportDialog } from '../import/ImportDialog';
import { NumberDetailDrawer } from '../detail/NumberDetailDrawer';
import { CountedTab } from './CountedTab';
import { NumbersGrid } from './NumbersGrid';
import { SearchBox } from './SearchBox';
import { INVENTORY_TABS } from './tabs';
import { activeConditions } from '../search/filter-fields';
import { INVENTORY_TOOLBAR_ITEMS } from './toolbar-items';
import { useCounts } from './useCounts';
import { sortOf, useGridPreferences } from './grid-preferences';
import { pageRequest, useApplyWithPage } from './page-request';
import { numberDetailQuery } from '../../api/queries';
import { useInventoryNavigation } from '../notifications/inventory-navigation';
import { useNavigationRequests } from '../notifications/navigation';

export function InventoryScreen() {
  const client = useQueryClient();
  const [preferences, updatePreferences] = useGridPreferences();
  // The tab the operator chose (remembered); the tab on screen is view.tab (the conditions may leave it out).
  const chosen = preferences.tab;
  const setChosen = useCallback(
    (tab: NumberState) => updatePreferences((current) => (current.tab === tab ? current : { ...current, tab })),
    [updatePreferences],
  );
  const [query, setQuery] = useState('');
  const [extraFilter, setExtraFilter] = useState<SearchFilter>({});
  // A click on a notification opens the tab it is about, with its filter.
  useInventoryNavigation(setChosen, setExtraFilter);
  const [viewing, setViewing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  // The desktop's File menu: Import numbers.
  useNavigationRequests(
    'import',
    useCallback(() => setImporting(true), []),
  );
  const [notice, setNotice] = useState<string | null>(null);

  const conditions = useMemo<SearchFilter>(() => ({ ...extraFilter, ...(query ? { query } : {}) }), [extraFilter, query]);
  const view = useMemo(() => tabView(chosen, conditions), [chosen, conditions]);
  // A state condition leaving the chosen tab out moves the operator to the first ticked tab, and
  // they stay there when the condition is removed (adjusted while rendering, as React recommends).
  if (view.tab !== chosen) setChosen(view.tab);
  // The tab counts, the grid, the export and the chips all follow the same view.
  const { counts: perState, current: countsCurrent } = useCounts(view.countFilter);
  const counts = perState && tabCounts(view, perState);
  // The detail is fetched from the click itself, while its drawer opens.
  const onView = useCallback(
    (number: string) => {
      void client.prefetchQuery(numberDetailQuery(number));
      setViewing(number);
    },
    [client],
  );
  // A new tab or search fetches its first page from the event itself, and shows once it is at hand.
  const firstPage = useCallback(
    (tab: NumberState, nextConditions: SearchFilter) => {
      const next = tabView(tab, nextConditions);
      return pageRequest(next.filter, 0, preferences.pageSize, sortOf(preferences, next.tab));
    },
    [preferences],
  );
  const applyTab = useApplyWithPage(client);
  const applySearch = useApplyWithPage(client);
  const onSearch = useCallback(
    (text: string) => applySearch(firstPage(chosen, { ...extraFilter, ...(text ? { query: text } : {}) }), () => setQuery(text)),
    [applySearch, firstPage, chosen, extraFilter],
  );
  const tabId = (s: NumberState) => `inventory-tab-${s}`;
  const chips = activeConditions(view.conditions).length;

  return (
    <Stack spacing={1.5} sx={{ flex: 1, minHeight: 0, minWidth: 0 }}>
      <Paper variant="outlined">
        <Tabs
          value={view.tab}
          selectionFollowsFocus
          onChange={(_event, value: NumberState) => applyTab(firstPage(value, conditions), () => setChosen(value))}
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
              disabled={!view.openTabs.includes(tab.state)}
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
              {item.render({ state: view.tab, filter: view.filter, conditions: view.conditions, extraFilter, setExtraFilter })}
            </Box>
          ))}
          {chips > 1 && (
            <Button size="small" startIcon={<ClearAllIcon />} onClick={() => setExtraFilter({})}>
              Clear all conditions
            </Button>
          )}
          <Box sx={{ flex: 1 }} />
          <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => setImporting(true)}>
            Import numbers
          </Button>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            Add new numbers
          </Button>
        </Box>
      </Paper>
      <Box
        id="inventory-tabpanel"
        role="tabpanel"
        aria-labelledby={tabId(view.tab)}
        sx={{ flex: 1, minHeight: 0, minWidth: 0, display: 'flex' }}
      >
        <NumbersGrid
          state={view.tab}
          filter={view.filter}
          total={countsCurrent ? (counts?.[view.tab] ?? null) : null}
          onView={onView}
          preferences={preferences}
          updatePreferences={updatePreferences}
        />
      </Box>
      {viewing && <NumberDetailDrawer number={viewing} onClose={() => setViewing(null)} onNotice={setNotice} />}
      <AddNumbersDialog open={adding} onClose={() => setAdding(false)} />
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
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
