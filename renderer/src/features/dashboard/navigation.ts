// Where a click on a dashboard figure leads: the inventory tab of its state, filtered to exactly
// the numbers the figure counts.
import type { NumberState } from '../../../../shared/domain';
import { dayRange, type StockDimension } from '../../../../shared/dashboard';
import type { NavigationRequest } from '../../../../shared/notifications';
import type { SearchFilter } from '../../../../shared/search';

const FILTER_OF_DIMENSION: Record<StockDimension, (key: string) => SearchFilter> = {
  country: (key) => ({ countries: [key] }),
  sku: (key) => ({ skus: [key] }),
  vendor: (key) => ({ vendors: [key] }),
};

const toNumbers = (state: NumberState, filter: SearchFilter): NavigationRequest => ({
  view: 'numbers',
  state,
  filter: { states: [state], ...filter },
  origin: 'dashboard',
});

export const stateNavigation = (state: NumberState) => toNumbers(state, {});

export const stockNavigation = (dimension: StockDimension, key: string, state: NumberState) =>
  toNumbers(state, FILTER_OF_DIMENSION[dimension](key));

export const lowStockNavigation = (country: string, sku: string) => toNumbers('available', { countries: [country], skus: [sku] });

// expiresAfter is exclusive: one millisecond before the start includes a deadline at midnight.
const justBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();

/** The numbers of a held state whose deadline falls on the UTC day. */
export function releaseDayNavigation(state: 'reserved' | 'locked', day: string): NavigationRequest {
  const { start, end } = dayRange(day);
  return toNumbers(state, { expiresAfter: justBefore(start), expiresBefore: end });
}

/** The numbers of a held state whose deadline falls between now and the horizon. */
export function releaseWithinNavigation(state: 'reserved' | 'locked', now: string, until: string): NavigationRequest {
  return toNumbers(state, { expiresAfter: justBefore(now), expiresBefore: until });
}
