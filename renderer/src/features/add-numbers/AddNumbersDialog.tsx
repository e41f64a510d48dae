// Add new numbers: up to 50 numbers at once with their vendor, country, SKU and optional
// attributes; validated with the shared schema before submit; the per-number result shown after.
// The numbers added leave the box (what is left is what still needs fixing), a new attempt clears
// the last one's results, and vendor, SKU and routing offer the values already in the inventory.
import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { MAX_NUMBERS_PER_ADD, addNumbersSchema, splitNumberList } from '../../../../shared/add-numbers';
import { CAPABILITIES, type AddResult, type Capability } from '../../../../shared/domain';
import { call } from '../../api/client';
import { useChanges } from '../../app/changes';
import { useFieldValues } from '../../app/field-values';
import { CAPABILITY_LABELS } from '../../app/format';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import { SuggestField } from '../../components/SuggestField';
import { fieldErrors } from '../../components/zod-errors';
import { AddResults } from './AddResults';

interface Draft {
  numbers: string;
  vendor: string;
  country: string;
  sku: string;
  capabilities: Capability[];
  routing: string;
  golden: boolean;
  portedIn: boolean;
  visibleTo: string;
}

const EMPTY: Draft = {
  numbers: '',
  vendor: '',
  country: '',
  sku: '',
  capabilities: [],
  routing: '',
  golden: false,
  portedIn: false,
  visibleTo: '',
};
const TEXT_FIELDS = ['numbers', 'vendor', 'country', 'sku', 'routing', 'visibleTo'] as const;

function numbersProblem(text: string): string | null {
  const entries = splitNumberList(text);
  if (entries.length === 0) return 'Numbers are required';
  if (entries.length > MAX_NUMBERS_PER_ADD) return `Numbers: at most ${MAX_NUMBERS_PER_ADD} at once (${entries.length} given)`;
  return null;
}

export function AddNumbersDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { bump } = useChanges();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [results, setResults] = useState<AddResult[] | null>(null);
  const [busy, setBusy] = useState(false);
  const known = useFieldValues(open);
  const entered = splitNumberList(draft.numbers).length;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _fixed, ...rest }) => rest);
  };
  const close = () => {
    setDraft(EMPTY);
    setErrors({});
    setFailure(null);
    setResults(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // The last attempt's results say nothing about this one.
    setResults(null);
    const request = {
      numbers: draft.numbers,
      vendor: draft.vendor,
      country: draft.country,
      sku: draft.sku,
      capabilities: draft.capabilities,
      routing: draft.routing.trim() || null,
      golden: draft.golden,
      portedIn: draft.portedIn,
      visibleTo: draft.visibleTo.split(/[,\s]+/).filter(Boolean),
    };
    const parsed = addNumbersSchema.safeParse(request);
    const found = parsed.success ? { byField: {}, other: [] } : fieldErrors(parsed.error, TEXT_FIELDS);
    const numbers = numbersProblem(draft.numbers);
    const byField: Record<string, string> = numbers ? { numbers, ...found.byField } : found.byField;
    setErrors(byField);
    if (Object.keys(byField).length > 0 || found.other.length > 0) {
      setFailure(found.other.length ? { message: found.other.join('; ') } : null);
      return;
    }
    setFailure(null);
    setBusy(true);
    try {
      const added = await call('numbers:add', request);
      setResults(added);
      // What is in the inventory now (added, or already there) leaves the box; the invalid entries
      // stay, to be fixed and added again.
      const left = added.filter((result) => result.status === 'invalid').map((result) => result.input);
      setDraft((current) => ({ ...current, numbers: left.join(', ') }));
      bump('numbers');
    } catch (error) {
      setFailure(toShownError(error));
    } finally {
      setBusy(false);
    }
  };

  const text = (
    key: (typeof TEXT_FIELDS)[number],
    label: string,
    extra: { required?: boolean; helper?: string; multiline?: boolean } = {},
  ) => (
    <TextField
      label={label}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      required={extra.required}
      multiline={extra.multiline}
      minRows={extra.multiline ? 3 : undefined}
      error={Boolean(errors[key])}
      helperText={errors[key] ?? extra.helper}
      slotProps={key === 'numbers' ? { formHelperText: { 'aria-live': 'polite' } } : undefined}
      autoFocus={key === 'numbers'}
      sx={{ flex: 1, minWidth: 0 }}
    />
  );

  const suggest = (
    key: 'vendor' | 'sku' | 'routing',
    label: string,
    options: readonly string[],
    extra: { required?: boolean; helper: string; noun: string },
  ) => (
    <SuggestField
      label={label}
      value={draft[key]}
      onChange={(value) => set(key, value)}
      options={options}
      required={extra.required}
      error={errors[key]}
      helper={extra.helper}
      noun={extra.noun}
    />
  );

  return (
    <Dialog open={open} onClose={busy ? undefined : close} aria-labelledby="add-numbers-title" maxWidth="md">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="add-numbers-title">Add new numbers</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {text('numbers', 'Numbers', {
              required: true,
              multiline: true,
              helper: `${entered} / ${MAX_NUMBERS_PER_ADD} · in international form, separated by commas or new lines, e.g. +6561234567, +6561234568`,
            })}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {suggest('vendor', 'Vendor', known.vendors, { required: true, helper: 'Vendor of the numbers', noun: 'vendor' })}
              {text('country', 'Country', { required: true, helper: 'Country code, e.g. SG' })}
              {suggest('sku', 'SKU', known.skus, { required: true, helper: 'Number SKU', noun: 'SKU' })}
            </Stack>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={4}>
              <FormGroup aria-labelledby="add-capabilities-label" row>
                <FormLabel id="add-capabilities-label" component="span" sx={{ alignSelf: 'center', mr: 1.5 }}>
                  Capabilities
                </FormLabel>
                {CAPABILITIES.map((capability) => (
                  <FormControlLabel
                    key={capability}
                    label={CAPABILITY_LABELS[capability]}
                    control={
                      <Checkbox
                        checked={draft.capabilities.includes(capability)}
                        onChange={(event) =>
                          set(
                            'capabilities',
                            event.target.checked ? [...draft.capabilities, capability] : draft.capabilities.filter((c) => c !== capability),
                          )
                        }
                      />
                    }
                  />
                ))}
              </FormGroup>
              <FormGroup row aria-labelledby="add-properties-label">
                <FormLabel id="add-properties-label" component="span" sx={{ alignSelf: 'center', mr: 1.5 }}>
                  Special properties
                </FormLabel>
                <FormControlLabel
                  label="Golden"
                  control={<Checkbox checked={draft.golden} onChange={(event) => set('golden', event.target.checked)} />}
                />
                <FormControlLabel
                  label="Ported-In"
                  control={<Checkbox checked={draft.portedIn} onChange={(event) => set('portedIn', event.target.checked)} />}
                />
              </FormGroup>
            </Stack>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {suggest('routing', 'Routing', known.routings, { helper: 'Optional', noun: 'routing' })}
              {text('visibleTo', 'Visible to', { helper: 'Optional: domains, comma separated, e.g. example.com' })}
            </Stack>
            <ErrorAlert error={failure} />
            {results && <AddResults results={results} />}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close} disabled={busy}>
            {results ? 'Close' : 'Cancel'}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Add
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
