// The dashboard and the expiry timer's next instant on a team database: the same figures as
// dashboard/summary.ts and expiry/sweep.ts's nextDueInstant, read with PostgreSQL's SQL (the
// dashboard in one snapshot). The stock comes from number_stock (migration 2): the folded counts
// plus the changes appended since, a few hundred rows at any inventory size.
import type pg from 'pg';
import { FORECAST_DAYS, FORECAST_HORIZONS, type DashboardSummary, type ForecastHorizon } from '../../../../shared/dashboard';
import { addDays, type AppSettings } from '../../../../shared/settings';
import { FORECAST_STATES } from '../../dashboard/queries';
import { horizonLastDay, releaseDaysOf, releaseTotalsOf, stockBy, type StockRow } from '../../dashboard/summary';
import { nextDueOf } from '../../expiry/sweep';
import { warningHorizon } from '../../expiry/warnings';
import { lowStockPairs } from './notices';
import { countByState } from './search';
import { HELD, WARNING_PENDING } from './sweep';

type Client = Pick<pg.ClientBase, 'query'>;

const RELEASES_BY_DAY_SQL = `SELECT to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS count FROM numbers
  WHERE state = $1 AND expires_at >= $2 AND expires_at < $3 GROUP BY day`;
const RELEASES_WITHIN_SQL = 'SELECT count(*)::int AS count FROM numbers WHERE state = $1 AND expires_at >= $2 AND expires_at < $3';

export async function dashboardSummary(client: Client, now: string, settings: AppSettings): Promise<DashboardSummary> {
  const stockRows = (
    await client.query<StockRow>('SELECT state, country, vendor, sku, count::int AS count FROM number_stock WHERE count > 0')
  ).rows;
  const until = addDays(now, FORECAST_DAYS);
  const perState = [];
  for (const state of FORECAST_STATES) {
    perState.push({ state, days: (await client.query<{ day: string; count: number }>(RELEASES_BY_DAY_SQL, [state, now, until])).rows });
  }
  const releases = releaseDaysOf(perState);
  const lastDays = new Map<string, number>();
  for (const days of FORECAST_HORIZONS) {
    const { from, until: end } = horizonLastDay(now, days);
    for (const state of ['reserved', 'locked'] as const) {
      const [{ count }] = (await client.query<{ count: number }>(RELEASES_WITHIN_SQL, [state, from, end])).rows;
      lastDays.set(`${state}|${days}`, count);
    }
  }
  const threshold = settings.lowStockThreshold;
  return {
    at: now,
    totals: await countByState(client, {}),
    stock: stockBy(stockRows),
    releases,
    releaseTotals: releaseTotalsOf(releases, now, (state, days: ForecastHorizon) => lastDays.get(`${state}|${days}`) ?? 0),
    lowStockThreshold: threshold,
    lowStock: await lowStockPairs(client, threshold),
  };
}

/** The next instant a sweep has work (a deadline or a warning), or null (see expiry/sweep.ts). */
export async function nextDueInstant(client: Client, now: string, settings: AppSettings): Promise<string | null> {
  const lead = settings.warningLeadDays;
  const horizon = warningHorizon(now, lead);
  const [{ at: earliestDeadline }] = (
    await client.query<{ at: string | null }>(`SELECT min(n.expires_at) AS at FROM numbers n WHERE ${HELD}`)
  ).rows;
  const nextWarningDeadline =
    lead > 0
      ? (
          await client.query<{ at: string | null }>(`SELECT min(n.expires_at) AS at FROM numbers n WHERE ${HELD} AND n.expires_at > $1`, [
            horizon,
          ])
        ).rows[0].at
      : null;
  const warningOverdue =
    lead > 0 && (await client.query(`SELECT 1 FROM numbers n WHERE ${WARNING_PENDING} LIMIT 1`, [now, horizon])).rows.length > 0;
  return nextDueOf(now, lead, { earliestDeadline, nextWarningDeadline, warningOverdue });
}
