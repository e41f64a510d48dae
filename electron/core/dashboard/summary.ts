// The dashboard's figures as of now, read in one snapshot.
import { NUMBER_STATES, type NumberState } from '../../../shared/domain';
import {
  FORECAST_DAYS,
  FORECAST_HORIZONS,
  STOCK_DIMENSIONS,
  type DashboardSummary,
  type ForecastHorizon,
  type LowStock,
  type ReleaseDay,
  type StockDimension,
  type StockGroup,
} from '../../../shared/dashboard';
import { addDays } from '../../../shared/settings';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { countByState } from '../search/search';
import { appSettings } from '../settings-store';
import { FORECAST_STATES, LOW_STOCK_SQL, RELEASES_WITHIN_SQL, STOCK_SQL } from './queries';

export interface StockRow {
  state: NumberState;
  country: string;
  vendor: string;
  sku: string;
  count: number;
}

const noCounts = () => Object.fromEntries(NUMBER_STATES.map((s) => [s, 0])) as Record<NumberState, number>;

/** Each dimension's groups, largest first. */
export function stockBy(rows: StockRow[]): Record<StockDimension, StockGroup[]> {
  const by = (dimension: StockDimension): StockGroup[] => {
    const groups = new Map<string, Record<NumberState, number>>();
    for (const row of rows) {
      const counts = groups.get(row[dimension]) ?? noCounts();
      counts[row.state] += row.count;
      groups.set(row[dimension], counts);
    }
    const size = (c: Record<NumberState, number>) => NUMBER_STATES.reduce((sum, s) => sum + c[s], 0);
    return [...groups.entries()]
      .map(([key, counts]) => ({ key, counts }))
      .sort((a, b) => size(b.counts) - size(a.counts) || a.key.localeCompare(b.key));
  };
  return Object.fromEntries(STOCK_DIMENSIONS.map((d) => [d, by(d)])) as Record<StockDimension, StockGroup[]>;
}

function releasesFrom(db: Db, now: string): ReleaseDay[] {
  const until = addDays(now, FORECAST_DAYS);
  const within = prepared(db, RELEASES_WITHIN_SQL).pluck();
  const days: ReleaseDay[] = [];
  // One range per UTC day: from now to the next midnight, whole days, then up to the horizon.
  for (let start = now; start < until;) {
    const midnight = addDays(`${start.slice(0, 10)}T00:00:00.000Z`, 1);
    const end = midnight < until ? midnight : until;
    const counts = Object.fromEntries(FORECAST_STATES.map((state) => [state, within.get(state, start, end) as number]));
    const entry = { day: start.slice(0, 10), reserved: counts.reserved ?? 0, locked: counts.locked ?? 0 };
    if (entry.reserved > 0 || entry.locked > 0) days.push(entry);
    start = end;
  }
  return days;
}

/** The forecast's days, from each held state's releases per day. */
export function releaseDaysOf(perState: readonly { state: NumberState; days: readonly { day: string; count: number }[] }[]): ReleaseDay[] {
  const days = new Map<string, ReleaseDay>();
  for (const { state, days: counts } of perState) {
    const key = state === 'reserved' ? 'reserved' : 'locked';
    for (const { day, count } of counts) {
      const entry = days.get(day) ?? { day, reserved: 0, locked: 0 };
      entry[key] += count;
      days.set(day, entry);
    }
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** The partial last day of a horizon: releases from its start (or now) until the horizon's end. */
export function horizonLastDay(now: string, days: ForecastHorizon): { from: string; until: string } {
  const end = addDays(now, days);
  const lastDay = `${end.slice(0, 10)}T00:00:00.000Z`;
  return { from: lastDay < now ? now : lastDay, until: end };
}

/**
 * Each horizon's releases per held state: whole days from the daily series, and the horizon's
 * last, partial day counted on its own (`lastDayCount`), one day's range instead of a count of
 * every deadline within 90 days.
 */
export function releaseTotalsOf(
  releases: readonly ReleaseDay[],
  now: string,
  lastDayCount: (state: 'reserved' | 'locked', days: ForecastHorizon) => number,
): Record<ForecastHorizon, { reserved: number; locked: number }> {
  const releasing = (state: 'reserved' | 'locked', days: ForecastHorizon) => {
    const endDay = addDays(now, days).slice(0, 10);
    return releases.filter((r) => r.day < endDay).reduce((sum, r) => sum + r[state], 0) + lastDayCount(state, days);
  };
  return Object.fromEntries(
    FORECAST_HORIZONS.map((days) => [days, { reserved: releasing('reserved', days), locked: releasing('locked', days) }]),
  ) as Record<ForecastHorizon, { reserved: number; locked: number }>;
}

/** Low-stock pairs under a threshold; none when the threshold is 0 (off). */
export function lowStockPairs(db: Db, threshold: number): LowStock[] {
  return threshold > 0 ? (prepared(db, LOW_STOCK_SQL).all(threshold) as LowStock[]) : [];
}

export function dashboardSummary(db: Db, now: string): DashboardSummary {
  return db.transaction(() => {
    const stockRows = prepared(db, STOCK_SQL).all() as StockRow[];
    const releases = releasesFrom(db, now);
    const releaseTotals = releaseTotalsOf(releases, now, (state, days) => {
      const { from, until } = horizonLastDay(now, days);
      return prepared(db, RELEASES_WITHIN_SQL).pluck().get(state, from, until) as number;
    });
    const threshold = appSettings(db).lowStockThreshold;
    return {
      at: now,
      totals: countByState(db, {}),
      stock: stockBy(stockRows),
      releases,
      releaseTotals,
      lowStockThreshold: threshold,
      lowStock: lowStockPairs(db, threshold),
    };
  })();
}
