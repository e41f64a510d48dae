// A tab whose accessible name is exactly the state's name, with its live count beside it as the
// tab's description ("1,050 numbers"). The count's badge keeps one width for counts up to tens of
// millions, so the tabs never shift when a count changes.
import Box from '@mui/material/Box';
import Tab, { type TabProps } from '@mui/material/Tab';

interface Props extends TabProps {
  label: string;
  count: number | null;
}

const formatCount = (count: number) => count.toLocaleString('en-US');

export function CountedTab({ label, count, value, ...rest }: Props) {
  const countId = `tab-count-${String(value)}`;
  return (
    <Tab
      {...rest}
      value={value}
      aria-label={label}
      aria-describedby={countId}
      label={
        <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
          {label}
          <Box
            component="span"
            id={countId}
            sx={{
              px: 1,
              py: 0.1,
              borderRadius: 10,
              fontSize: 12,
              fontWeight: 700,
              bgcolor: 'action.selected',
              color: 'text.primary',
              // "99,999,999" in tabular figures: wide enough that a changing count never moves the tabs.
              minWidth: '10ch',
              textAlign: 'center',
              fontVariantNumeric: 'tabular-nums',
            }}
          >
            <span>{count === null ? '–' : formatCount(count)}</span>
            <Box component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
              {count === 1 ? ' number' : ' numbers'}
            </Box>
          </Box>
        </Box>
      }
    />
  );
}
