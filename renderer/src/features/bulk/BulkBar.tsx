// Above the grid while numbers are selected: how many, "select all N matching" across pages, and
// a button for each action allowed in the tab's state (the transition table decides which).
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { NumberState } from '../../../../shared/domain';
import { ACTION_RULES, allowedActions, type OperatorAction } from '../../../../shared/lifecycle';
import { MAX_BULK_NUMBERS } from '../../../../shared/bulk';
import { selectedCount, type BulkSelection } from './selection';

interface Props {
  state: NumberState;
  selection: BulkSelection;
  /** How many numbers the tab's search matches, when known. */
  matching: number | null;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onAction: (action: OperatorAction) => void;
}

const count = (n: number) => n.toLocaleString('en-US');

export function BulkBar({ state, selection, matching, onSelectAllMatching, onClear, onAction }: Props) {
  const selected = selectedCount(selection);
  if (selected === 0) return null;
  const tooMany = selected > MAX_BULK_NUMBERS;
  return (
    <Box
      role="toolbar"
      aria-label="Selected numbers"
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        flexWrap: 'wrap',
        px: 1.5,
        py: 0.75,
        bgcolor: 'action.selected',
        borderRadius: 1,
      }}
    >
      <Typography variant="body2" sx={{ fontWeight: 600 }} role="status">
        {count(selected)} selected
      </Typography>
      {selection.kind === 'numbers' && matching !== null && matching > selected && (
        <Button size="small" onClick={onSelectAllMatching}>
          Select all {count(matching)} matching
        </Button>
      )}
      <Button size="small" onClick={onClear}>
        Clear selection
      </Button>
      <Box sx={{ flex: 1 }} />
      {tooMany && (
        <Typography variant="body2" color="warning.main">
          A bulk action takes at most {count(MAX_BULK_NUMBERS)} numbers: narrow the search.
        </Typography>
      )}
      {allowedActions(state).map((action) => (
        <Button key={action} size="small" variant="outlined" disabled={tooMany} onClick={() => onAction(action)}>
          {ACTION_RULES[action].label}
        </Button>
      ))}
    </Box>
  );
}
