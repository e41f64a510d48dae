// The advanced search panel: every search field of the life-cycle document plus expiry bounds,
// multi-value fields taking several values, the pattern rules as help, the number of matching
// numbers as you type, and saved searches. Applying it narrows the grid, the counts and the export.
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
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
import { CAPABILITY_LABELS, STATE_LABELS } from '../../app/format';
import { FIELD_LABELS, fromLocalInput, toLocalInput } from './filter-fields';
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

export function AdvancedSearchPanel(props: {
  open: boolean;
  initial: SearchFilter;
  tabState: NumberState;
  onApply: (filter: SearchFilter) => void;
  onClose: () => void;
}) {
  const { open, initial, tabState, onApply, onClose } = props;
  const [draft, setDraft] = useState<SearchFilter>(initial);
  const [matching, setMatching] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const set = <K extends keyof SearchFilter>(key: K, value: SearchFilter[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const parsed = useMemo(() => searchFilterSchema.safeParse(compactFilter(draft)), [draft]);
  const problem = parsed.success
    ? null
    : parsed.error.issues.map((i) => `${FIELD_LABELS[i.path[0] as keyof SearchFilter] ?? String(i.path[0])}: ${i.message}`).join('; ');

  // The count of matching numbers, in the chosen states (else the tab's), refreshed as the draft changes.
  useEffect(() => {
    if (!open || !parsed.success) return;
    let current = true;
    const handle = setTimeout(() => {
      call('numbers:counts', { filter: compactFilter(draft) })
        .then((counts) => {
          const states = draft.states?.length ? draft.states : [tabState];
          if (current) setMatching(states.reduce((sum, s) => sum + counts[s], 0));
        })
        .catch(() => current && setMatching(null));
    }, 250);
    return () => {
      current = false;
      clearTimeout(handle);
    };
  }, [open, draft, parsed.success, tabState]);

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="advanced-search-title">
      <DialogTitle id="advanced-search-title">Advanced search</DialogTitle>
      <DialogContent dividers>
        <Grid container spacing={2}>
          <Grid size={12}>
            <FormControl component="fieldset">
              <FormLabel component="legend">State (none ticked: the tab on screen)</FormLabel>
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
            <TextField
              fullWidth
              size="small"
              label="Number pattern"
              value={draft.pattern ?? ''}
              onChange={(event) => set('pattern', event.target.value || undefined)}
              helperText="e.g. +65*, *888, +65??88*, +65, 888"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
              <Typography variant="caption" component="div">
                {PATTERN_HELP.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </Typography>
            </Alert>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <MultiValueField label="SKU" values={draft.skus} onChange={(v) => set('skus', v)} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <MultiValueField label="Vendor" values={draft.vendors} onChange={(v) => set('vendors', v)} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <MultiValueField
              label="Country"
              values={draft.countries}
              onChange={(v) => set('countries', v)}
              transform={(v) => v.trim().toUpperCase()}
              helperText="ISO codes such as SG; any of them matches"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <MultiValueField label="Routing" values={draft.routings} onChange={(v) => set('routings', v)} />
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
            <MultiValueField
              label="Visible to domain"
              values={draft.visibleTo}
              onChange={(v) => set('visibleTo', v)}
              transform={(v) => v.trim().toLowerCase()}
            />
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
        <SavedSearches filter={compactFilter(draft)} onPick={(filter) => setDraft(filter)} onMessage={setMessage} />
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
            : matching === null
              ? 'Counting…'
              : `${matching.toLocaleString()} matching number${matching === 1 ? '' : 's'}`}
        </Typography>
        <Button onClick={() => setDraft({})}>Clear all</Button>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={Boolean(problem)}
          onClick={() => {
            onApply(compactFilter(draft));
            onClose();
          }}
        >
          Apply
        </Button>
      </DialogActions>
    </Dialog>
  );
}
