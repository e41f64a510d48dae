// Low stock: the country and SKU pairs with fewer available numbers than the threshold in
// Settings, highlighted; each opens the Available tab filtered to the pair.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { DashboardSummary } from '../../../../shared/dashboard';
import type { NavigationRequest } from '../../../../shared/notifications';
import { lowStockNavigation } from './navigation';

interface Props {
  summary: Pick<DashboardSummary, 'lowStock' | 'lowStockThreshold'>;
  onNavigate: (request: NavigationRequest) => void;
}

export function LowStockPanel({ summary, onNavigate }: Props) {
  const threshold = summary.lowStockThreshold.toLocaleString();
  if (summary.lowStockThreshold === 0)
    return (
      <Alert severity="info" component="section" role="region" aria-label="Low stock">
        The low-stock warning is off: set a threshold in Settings to be warned when a country and SKU runs short.
      </Alert>
    );
  if (summary.lowStock.length === 0)
    return (
      <Alert severity="success" component="section" role="region" aria-label="Low stock">
        Every country and SKU has at least {threshold} available numbers.
      </Alert>
    );
  return (
    <Alert severity="warning" component="section" role="region" aria-label="Low stock">
      <AlertTitle>
        Low stock: {summary.lowStock.length} {summary.lowStock.length === 1 ? 'country and SKU has' : 'country and SKU pairs have'} fewer
        than {threshold} available numbers
      </AlertTitle>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {summary.lowStock.map((pair) => (
          <Chip
            key={`${pair.country}|${pair.sku}`}
            color="warning"
            variant="outlined"
            label={`${pair.country} · ${pair.sku}: ${pair.available.toLocaleString()} available`}
            onClick={() => onNavigate(lowStockNavigation(pair.country, pair.sku))}
          />
        ))}
      </Stack>
    </Alert>
  );
}
