// Reservations and locks released in the coming days: the totals within 7, 30 and 90 days, and a
// bar per day. A click on a total or a bar opens the held tab filtered to those deadlines.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { FORECAST_DAYS, FORECAST_HORIZONS, type DashboardSummary } from '../../../../shared/dashboard';
import type { NavigationRequest } from '../../../../shared/notifications';
import { addDays } from '../../../../shared/settings';
import { STATE_LABELS } from '../../app/format';
import { releaseDayNavigation, releaseWithinNavigation } from './navigation';
import { FigureLink } from './StockPanel';
import { STATE_CHART_COLORS } from './state-colors';

const HELD = ['reserved', 'locked'] as const;
const NOUN = { reserved: 'Reservations', locked: 'Locks' } as const;

interface Props {
  summary: Pick<DashboardSummary, 'at' | 'releases' | 'releaseTotals'>;
  onNavigate: (request: NavigationRequest) => void;
}

/** Every UTC day of the forecast, from today, with its releases (0 on a day without). */
function everyDay(summary: Props['summary']) {
  const byDay = new Map(summary.releases.map((r) => [r.day, r]));
  return Array.from({ length: FORECAST_DAYS + 1 }, (_, i) => addDays(summary.at, i).slice(0, 10)).map(
    (day) => byDay.get(day) ?? { day, reserved: 0, locked: 0 },
  );
}

export function ReleaseForecast({ summary, onNavigate }: Props) {
  const days = everyDay(summary);
  return (
    <Paper variant="outlined" component="section" aria-label="Releases ahead" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        Releases ahead
      </Typography>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
        {FORECAST_HORIZONS.map((horizon) => (
          <Box key={horizon} role="group" aria-label={`Next ${horizon} days`}>
            <Typography variant="overline" component="p">
              Next {horizon} days
            </Typography>
            {HELD.map((state) => (
              <Typography key={state} variant="body2">
                {NOUN[state]}:{' '}
                <FigureLink
                  count={summary.releaseTotals[horizon][state]}
                  name={`${NOUN[state]} released in the next ${horizon} days`}
                  onClick={() => onNavigate(releaseWithinNavigation(state, summary.at, addDays(summary.at, horizon)))}
                />
              </Typography>
            ))}
          </Box>
        ))}
      </Stack>
      <BarChart
        height={220}
        // Counts are whole numbers: no tick at 0.5.
        yAxis={[{ tickMinStep: 1 }]}
        xAxis={[{ scaleType: 'band', data: days.map((d) => d.day.slice(5)), tickLabelInterval: (_, i) => i % 14 === 0 }]}
        series={HELD.map((state) => ({
          id: state,
          label: STATE_LABELS[state],
          data: days.map((d) => d[state]),
          stack: 'released',
          color: STATE_CHART_COLORS[state],
        }))}
        onItemClick={(_, item) => {
          const day = days[item.dataIndex];
          const state = HELD.find((s) => s === item.seriesId);
          if (day && state) onNavigate(releaseDayNavigation(state, day.day));
        }}
      />
    </Paper>
  );
}
