// One colour per state in the dashboard's charts, the same in every chart.
import type { NumberState } from '../../../../shared/domain';

export const STATE_CHART_COLORS: Record<NumberState, string> = {
  available: '#2e7d32',
  reserved: '#1f5fae',
  locked: '#ed6c02',
  assigned: '#7b1fa2',
  deleted: '#9e9e9e',
};
