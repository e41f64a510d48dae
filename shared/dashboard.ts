// The dashboard: what an ops lead reads in ten seconds. Stock per state by country, SKU and
// vendor; the reservations and locks released in the coming days; the country and SKU pairs whose
// available numbers fell below the low-stock threshold.
import type { NumberState } from './domain';
import { DAY_MS } from './settings';

/** The breakdowns of the stock, each a column of the numbers table. */
export const STOCK_DIMENSIONS = ['country', 'sku', 'vendor'] as const;
export type StockDimension = (typeof STOCK_DIMENSIONS)[number];

export const STOCK_DIMENSION_LABELS: Record<StockDimension, string> = { country: 'Country', sku: 'SKU', vendor: 'Vendor' };

/** One bar: a country (SKU, vendor) and its numbers in each state. */
export interface StockGroup {
  key: string;
  counts: Record<NumberState, number>;
}

/** The horizons of the release forecast, in days from now. */
export const FORECAST_HORIZONS = [7, 30, 90] as const;
export type ForecastHorizon = (typeof FORECAST_HORIZONS)[number];
export const FORECAST_DAYS = FORECAST_HORIZONS[FORECAST_HORIZONS.length - 1];

/** The reservations and locks whose deadline falls on one UTC day. */
export interface ReleaseDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  reserved: number;
  locked: number;
}

export interface LowStock {
  country: string;
  sku: string;
  available: number;
}

export interface DashboardSummary {
  /** The instant the figures are as of. */
  at: string;
  totals: Record<NumberState, number>;
  stock: Record<StockDimension, StockGroup[]>;
  /** Every day of the next FORECAST_DAYS with a release, in order. */
  releases: ReleaseDay[];
  /** Releases within each horizon. */
  releaseTotals: Record<ForecastHorizon, { reserved: number; locked: number }>;
  /** The low-stock threshold (0: off) and the pairs below it, fewest available first. */
  lowStockThreshold: number;
  lowStock: LowStock[];
}

/** The UTC day [start, end) of a YYYY-MM-DD, as ISO instants. */
export function dayRange(day: string): { start: string; end: string } {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  return { start: new Date(start).toISOString(), end: new Date(start + DAY_MS).toISOString() };
}
