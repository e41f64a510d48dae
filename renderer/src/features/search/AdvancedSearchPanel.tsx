// The advanced search panel: every search field of the life-cycle document plus expiry bounds,
// multi-value fields taking several values, the pattern rules as help, the number of matching
// numbers as you type, and saved searches. Applying it (the button, or Enter in a field) narrows the
// grid, the counts and the export. The count is what Apply will show: the numbers of the tab that
// will be on screen (shared/tab-filter.ts), the basic search box's text included.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { call } from '../../api/client';
import { CAPABILITIES, NUMBER_STATES, type Capability, type NumberState } from '../../../../shared/domain';
import { compactFilter, PATTERN_HELP, searchFilterSchema, type SearchFilter } from '../../../../shared/search';
import { tabCounts, tabView, type TabView } from '../../../../shared/tab-filter';
import { useFieldValues } from '../../app/field-values';
import { CAPABILITY_LABELS, STATE_LABELS } from '../../app/format';
import { FIELD_LABELS, fromLocalInput, toLocalInput, withTypedValues, type MultiValueKey } from './filter-fields';
import { MultiValueField } from './MultiValueField';
import { SavedSearches } from './SavedSearches';

type TriState = 'any' | 'yes' | 'no';
const triOf = (v: boolean | undefined): TriState => (v === undefined ? 'any' : v ? 'yes' : 'no');
const boolOf = (v: TriState): boolean | undefined => (v === 'any' ? undefined : v === 'yes');

function toggle<T>(list: T[] | undefined, value: T): T[] {
  const set = new Set(list ?? []);
  if (set.has(value)) set.delete(value);
  else set.add(value);
  return [...set];
}

/** "12 matching numbers on the Reserved tab; 5 more on other tabs" */
function countText(view: TabView, counts: Record<NumberState, number>): string {
  const shown = counts[view.tab];
  const elsewhere = view.openTabs.reduce((sum, state) => (state === view.tab ? sum : sum + counts[state]), 0);
  const main = `${shown.toLocaleString()} matching number${shown === 1 ? '' : 's'} on the ${STATE_LABELS[view.tab]} tab`;
  return elsewhere > 0 ? `${main}; ${elsewhere.toLocaleString()} more on other tabs` : main;
}

export function AdvancedSearchPanel(props: {
  open: boolean;
  initial: SearchFilter;
  /** The tab on screen. */
  tabState: NumberState;
  /** The basic search box's text, which applies with the panel's conditions. */
  query: string | undefined;
  onApply: (filter: SearchFilter) => void;
  onClose: () => void;
}) {
  const { open, initial, tabState, query, onApply, onClose } = props;
  const [draft, setDraft] = useState<SearchFilter>(initial);
  // Text typed in a multi-value field but not confirmed with Enter: it counts, applies and saves too.
  const [typed, setTyped] = useState<Partial<Record<MultiValueKey, string>>>({});
  const [counted, setCounted] = useState<{ key: string; perState: Record<NumberState, number> | null }>({ key: '', perState: null });
  const [message, setMessage] = useState<string | null>(null);
  const known = useFieldValues(open);
  // Clear all also forgets the saved search picked: a new key starts the saved searches afresh.
  const [savedSearchesKey, setSavedSearchesKey] = useState(0);

  const set = <K extends keyof SearchFilter>(key: K, value: SearchFilter[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const conditions = useMemo(() => compactFilter(withTypedValues(draft, typed)), [draft, typed]);
  const parsed = useMemo(() => searchFilterSchema.safeParse(conditions), [conditions]);
  const problem = parsed.success
    ? null
    : parsed.error.issues.map((i) => `${FIELD_LABELS[i.path[0] as keyof SearchFilter] ?? String(i.path[0])}: ${i.message}`).join('; ');
  // What Apply will show, with the search box's text as the grid has it.
  const view = useMemo(() => tabView(tabState, { ...conditions, ...(query ? { query } : {}) }), [tabState, conditions, query]);
  const countKey = JSON.stringify(view.countFilter);

  // The per-state counts of the conditions, refreshed as they change (ticking a state needs none).
  useEffect(() => {
    if (!open || !parsed.success) return;
    let current = true;
    const handle = setTimeout(() => {
      call('numbers:counts', { filter: JSON.parse(countKey) as SearchFilter })
        .then((perState) => current && setCounted({ key: countKey, perState }))
        .catch(() => current && setCounted({ key: countKey, perState: null }));
    }, 250);
    return () => {
      current = false;
      clearTimeout(handle);
    };
  }, [open, countKey, parsed.success]);

  const typedField = (field: MultiValueKey) => ({
    field,
    values: draft[field],
    onChange: (values: string[]) => set(field, values),
    typed: typed[field] ?? '',
    onTypedChange: (text: string) => setTyped((t) => ({ ...t, [field]: text })),
  });
  const apply = () => {
    if (problem) return;
    onApply(conditions);
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="advanced-search-title"
      // A form, so Enter in a field applies (in a multi-value field holding text, Enter confirms the
      // value first). The browser's own check stays on: a half-typed expiry date is pointed out
      // instead of being dropped.
      slotProps={{
        paper: {
          component: 'form',
          onSubmit: (event: FormEvent) => {
            event.preventDefault();
            apply();
          },
        },
      }}
    >
      <DialogTitle id="advanced-search-title">Advanced search</DialogTitle>
      <DialogContent dividers>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              fullWidth
              size="small"
              label="Number pattern"
              // The first field: the panel opens with the cursor in it.
              autoFocus
              value={draft.pattern ?? ''}
              onChange={(event) => set('pattern', event.target.value || undefined)}
              helperText="e.g. +65*, *888, +65??88*, +65, 888"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            {/* Help, not news: a plain note (an Alert would be announced as an alert on every opening). */}
            <Box id="pattern-help" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 0.5 }}>
              <Typography variant="caption" component="div" color="text.secondary">
                {PATTERN_HELP.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </Typography>
            </Box>
          </Grid>
          <Grid size={12}>
            <FormControl component="fieldset">
              <FormLabel component="legend">State (only the ticked states' tabs; none ticked: every tab)</FormLabel>
              <FormGroup row>
                {NUMBER_STATES.map((s) => (
                  <FormControlLabel
                    key={s}
                    label={STATE_LABELS[s]}
                    control={
                      <Checkbox checked={draft.states?.includes(s) ?? false} onChange={() => set('states', toggle(draft.states, s))} />
                    }
                  />
                ))}
              </FormGroup>
            </FormControl>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <MultiValueField label="SKU" {...typedField('skus')} options={known.skus} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <MultiValueField label="Vendor" {...typedField('vendors')} options={known.vendors} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <MultiValueField
              label="Country"
              {...typedField('countries')}
              options={known.countries}
              helperText="ISO codes such as SG; any of them matches"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <MultiValueField label="Routing" {...typedField('routings')} options={known.routings} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <FormControl component="fieldset">
              <FormLabel component="legend">Capability (any ticked)</FormLabel>
              <FormGroup row>
                {CAPABILITIES.map((c: Capability) => (
                  <FormControlLabel
                    key={c}
                    label={CAPABILITY_LABELS[c]}
                    control={
                      <Checkbox
                        checked={draft.capabilities?.includes(c) ?? false}
                        onChange={() => set('capabilities', toggle(draft.capabilities, c))}
                      />
                    }
                  />
                ))}
              </FormGroup>
            </FormControl>
          </Grid>
          <Grid size={{ xs: 6, sm: 3 }}>
            <TextField
              select
              fullWidth
              size="small"
              label="Golden"
              value={triOf(draft.golden)}
              onChange={(e) => set('golden', boolOf(e.target.value as TriState))}
            >
              <MenuItem value="any">Any</MenuItem>
              <MenuItem value="yes">Golden</MenuItem>
              <MenuItem value="no">Not golden</MenuItem>
            </TextField>
          </Grid>
          <Grid size={{ xs: 6, sm: 3 }}>
            <TextField
              select
              fullWidth
              size="small"
              label="Ported-in"
              value={triOf(draft.portedIn)}
              onChange={(e) => set('portedIn', boolOf(e.target.value as TriState))}
            >
              <MenuItem value="any">Any</MenuItem>
              <MenuItem value="yes">Ported-in</MenuItem>
              <MenuItem value="no">Not ported-in</MenuItem>
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <MultiValueField label="Visible to domain" {...typedField('visibleTo')} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              fullWidth
              size="small"
              label="Subscription UUID"
              value={draft.subscriptionUuid ?? ''}
              onChange={(e) => set('subscriptionUuid', e.target.value.trim() || undefined)}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              fullWidth
              size="small"
              label="DID Reservation UUID"
              helperText="Charged reservations held under it"
              value={draft.didReservationUuid ?? ''}
              onChange={(e) => set('didReservationUuid', e.target.value.trim() || undefined)}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              fullWidth
              size="small"
              label="Owner UUID"
              helperText="The assignee, or the org a number is reserved for"
              value={draft.ownerUuid ?? ''}
              onChange={(e) => set('ownerUuid', e.target.value.trim() || undefined)}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              fullWidth
              size="small"
              type="datetime-local"
              label="Expires after (UTC)"
              slotProps={{ inputLabel: { shrink: true } }}
              value={toLocalInput(draft.expiresAfter)}
              onChange={(e) => set('expiresAfter', fromLocalInput(e.target.value))}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              fullWidth
              size="small"
              type="datetime-local"
              label="Expires before (UTC)"
              slotProps={{ inputLabel: { shrink: true } }}
              value={toLocalInput(draft.expiresBefore)}
              onChange={(e) => set('expiresBefore', fromLocalInput(e.target.value))}
            />
          </Grid>
        </Grid>
        <Divider sx={{ my: 2 }} />
        <SavedSearches
          key={savedSearchesKey}
          filter={conditions}
          onPick={(filter) => {
            setDraft(filter);
            setTyped({});
          }}
          onMessage={setMessage}
        />
        {message && (
          <Alert severity="info" onClose={() => setMessage(null)} sx={{ mt: 1 }}>
            {message}
          </Alert>
        )}
        {problem && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Typography role="status" aria-live="polite" sx={{ mr: 'auto', pl: 2 }}>
          {problem
            ? 'Fix the conditions to see the count'
            : counted.key !== countKey
              ? 'Counting…'
              : counted.perState
                ? countText(view, tabCounts(view, counted.perState))
                : 'The count is not available'}
        </Typography>
        <Button
          onClick={() => {
            setDraft({});
            setTyped({});
            setMessage(null);
            setSavedSearchesKey((key) => key + 1);
          }}
        >
          Clear all
        </Button>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={Boolean(problem)}>
          Apply
        </Button>
      </DialogActions>
    </Dialog>
  );
}
