// The home screen: what an ops lead reads in ten seconds. Numbers per state, low stock, the
// releases ahead and the stock by country, SKU or vendor; every figure and bar opens the inventory
// filtered to the numbers it counts.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { NUMBER_STATES } from '../../../../shared/domain';
import { STATE_LABELS, formatInstant } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNavigation } from '../notifications/navigation';
import { LowStockPanel } from './LowStockPanel';
import { stateNavigation } from './navigation';
import { ReleaseForecast } from './ReleaseForecast';
import { STATE_CHART_COLORS } from './state-colors';
import { StockPanel } from './StockPanel';
import { useDashboard } from './use-dashboard';

export function DashboardScreen() {
  const { summary, error } = useDashboard();
  const { navigateTo } = useNavigation();
  if (!summary) return <ErrorAlert error={error} />;
  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0, overflowY: 'auto', pb: 2 }}>
      <ErrorAlert error={error} />
      <Stack direction="row" spacing={1.5} useFlexGap role="group" aria-label="Numbers per state" sx={{ flexWrap: 'wrap' }}>
        {NUMBER_STATES.map((state) => (
          <Paper key={state} variant="outlined" sx={{ borderLeft: 4, borderLeftColor: STATE_CHART_COLORS[state] }}>
            <Button
              onClick={() => navigateTo(stateNavigation(state))}
              aria-label={`${STATE_LABELS[state]}: ${summary.totals[state].toLocaleString()}`}
              sx={{ display: 'block', textAlign: 'left', px: 2, py: 1, color: 'text.primary', textTransform: 'none' }}
            >
              <Typography variant="overline" component="span" sx={{ display: 'block', lineHeight: 1.5 }}>
                {STATE_LABELS[state]}
              </Typography>
              <Typography variant="h5" component="span" sx={{ display: 'block', fontWeight: 700 }}>
                {summary.totals[state].toLocaleString()}
              </Typography>
            </Button>
          </Paper>
        ))}
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'flex-end' }}>
          As of {formatInstant(summary.at)}
        </Typography>
      </Stack>
      <LowStockPanel summary={summary} onNavigate={navigateTo} />
      {/* Side by side on a desktop window, so both charts read without scrolling. */}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, alignItems: 'start' }}>
        <ReleaseForecast summary={summary} onNavigate={navigateTo} />
        <StockPanel stock={summary.stock} onNavigate={navigateTo} />
      </Box>
    </Stack>
  );
}
