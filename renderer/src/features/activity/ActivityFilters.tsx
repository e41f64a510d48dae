// The activity log's filters: operator, action, time range (UTC) and number pattern. Typed values
// apply with Apply or Enter, so a half-typed name does not send a query per keystroke.
import { useState, type FormEvent } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { ACTION_LABELS, ACTIVITY_ACTIONS, type ActivityAction, type ActivityFilter } from '../../../../shared/activity';
import { fromLocalInput, toLocalInput } from '../search/filter-fields';

const names = (text: string) =>
  text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);

export function ActivityFilters({ filter, onApply }: { filter: ActivityFilter; onApply: (filter: ActivityFilter) => void }) {
  const [operators, setOperators] = useState((filter.actors ?? []).join(', '));
  const [actions, setActions] = useState<ActivityAction[]>(filter.actions ?? []);
  const [since, setSince] = useState(filter.since);
  const [until, setUntil] = useState(filter.until);
  const [pattern, setPattern] = useState(filter.pattern ?? '');

  const apply = (event?: FormEvent) => {
    event?.preventDefault();
    const actors = names(operators);
    // Only what narrows the log, so the filter reads (and exports) as what was chosen.
    onApply({
      ...(actors.length ? { actors } : {}),
      ...(actions.length ? { actions } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(pattern.trim() ? { pattern: pattern.trim() } : {}),
    });
  };
  const clear = () => {
    setOperators('');
    setActions([]);
    setSince(undefined);
    setUntil(undefined);
    setPattern('');
    onApply({});
  };

  return (
    <Box
      component="form"
      role="search"
      aria-label="Activity filters"
      onSubmit={apply}
      sx={{ display: 'flex', flexDirection: 'row', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}
    >
      <TextField
        size="small"
        label="Operator"
        value={operators}
        onChange={(e) => setOperators(e.target.value)}
        helperText="Names, comma separated"
        sx={{ width: 200 }}
      />
      <Autocomplete
        multiple
        size="small"
        options={ACTIVITY_ACTIONS}
        getOptionLabel={(action) => ACTION_LABELS[action]}
        value={actions}
        onChange={(_, value) => setActions(value)}
        sx={{ minWidth: 240 }}
        renderInput={(params) => <TextField {...params} label="Action" />}
      />
      <TextField
        size="small"
        type="datetime-local"
        label="From (UTC)"
        slotProps={{ inputLabel: { shrink: true } }}
        value={toLocalInput(since)}
        onChange={(e) => setSince(fromLocalInput(e.target.value))}
      />
      <TextField
        size="small"
        type="datetime-local"
        label="Until (UTC)"
        slotProps={{ inputLabel: { shrink: true } }}
        value={toLocalInput(until)}
        onChange={(e) => setUntil(fromLocalInput(e.target.value))}
      />
      <TextField
        size="small"
        label="Number pattern"
        value={pattern}
        onChange={(e) => setPattern(e.target.value)}
        helperText="+65*, +65 or 888"
        sx={{ width: 180 }}
      />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', pt: 0.25 }}>
        <Button type="submit" variant="contained">
          Apply
        </Button>
        <Button onClick={clear}>Clear</Button>
      </Stack>
    </Box>
  );
}
