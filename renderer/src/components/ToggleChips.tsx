// A row of chips, each switching one value of a multi-value filter on or off (the Notifications
// kinds, the Outbox statuses).
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';

interface Props<T extends string> {
  label: string;
  values: readonly T[];
  labels: Record<T, string>;
  selected: readonly T[];
  onChange: (selected: T[]) => void;
}

export function ToggleChips<T extends string>({ label, values, labels, selected, onChange }: Props<T>) {
  const toggle = (value: T) => onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <Box role="group" aria-label={label} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {values.map((value) => (
        <Chip
          key={value}
          label={labels[value]}
          color={selected.includes(value) ? 'primary' : 'default'}
          variant={selected.includes(value) ? 'filled' : 'outlined'}
          onClick={() => toggle(value)}
          aria-pressed={selected.includes(value)}
        />
      ))}
    </Box>
  );
}
