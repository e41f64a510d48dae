// Stock per state by country, SKU or vendor: a stacked bar per group, and the same figures as a
// table of links. A click on a bar or a figure opens the inventory tab of that state filtered to
// the group.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { STOCK_DIMENSION_LABELS, STOCK_DIMENSIONS, type StockDimension, type StockGroup } from '../../../../shared/dashboard';
import { NUMBER_STATES } from '../../../../shared/domain';
import type { NavigationRequest } from '../../../../shared/notifications';
import { STATE_LABELS } from '../../app/format';
import { stockNavigation } from './navigation';
import { STATE_CHART_COLORS } from './state-colors';

interface Props {
  stock: Record<StockDimension, StockGroup[]>;
  onNavigate: (request: NavigationRequest) => void;
}

export function StockPanel({ stock, onNavigate }: Props) {
  const [dimension, setDimension] = useState<StockDimension>('country');
  const groups = stock[dimension];
  const label = STOCK_DIMENSION_LABELS[dimension];
  return (
    <Paper variant="outlined" component="section" aria-label="Stock by state" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h2">
          Stock by {label.toLowerCase()}
        </Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          aria-label="Break down by"
          value={dimension}
          onChange={(_, value: StockDimension | null) => value && setDimension(value)}
        >
          {STOCK_DIMENSIONS.map((d) => (
            <ToggleButton key={d} value={d}>
              {STOCK_DIMENSION_LABELS[d]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      {groups.length === 0 ? (
        <Typography color="text.secondary">No numbers yet: add or import numbers to see the stock.</Typography>
      ) : (
        <>
          <BarChart
            height={220}
            // Counts are whole numbers: no tick at 0.5.
            yAxis={[{ tickMinStep: 1 }]}
            xAxis={[{ scaleType: 'band', data: groups.map((g) => g.key) }]}
            series={NUMBER_STATES.map((state) => ({
              id: state,
              label: STATE_LABELS[state],
              data: groups.map((g) => g.counts[state]),
              stack: 'stock',
              color: STATE_CHART_COLORS[state],
            }))}
            onItemClick={(_, item) => {
              const group = groups[item.dataIndex];
              const state = NUMBER_STATES.find((s) => s === item.seriesId);
              if (group && state) onNavigate(stockNavigation(dimension, group.key, state));
            }}
          />
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={`Numbers per state by ${label.toLowerCase()}`}>
              <TableHead>
                <TableRow>
                  <TableCell>{label}</TableCell>
                  {NUMBER_STATES.map((state) => (
                    <TableCell key={state} align="right">
                      {STATE_LABELS[state]}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {groups.map((group) => (
                  <TableRow key={group.key}>
                    <TableCell component="th" scope="row">
                      {group.key}
                    </TableCell>
                    {NUMBER_STATES.map((state) => (
                      <TableCell key={state} align="right">
                        <FigureLink
                          count={group.counts[state]}
                          name={`${group.key} ${STATE_LABELS[state]}`}
                          onClick={() => onNavigate(stockNavigation(dimension, group.key, state))}
                        />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
    </Paper>
  );
}

/** A count that opens the numbers it counts; a zero opens nothing. */
export function FigureLink({ count, name, onClick }: { count: number; name: string; onClick: () => void }) {
  if (count === 0) return <span aria-label={`${name}: 0`}>0</span>;
  return (
    <Link component="button" type="button" underline="hover" onClick={onClick} aria-label={`${name}: ${count.toLocaleString()}`}>
      {count.toLocaleString()}
    </Link>
  );
}
