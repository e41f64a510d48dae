// The advanced search's fields: labels, and the chip text of each active condition, so the
// toolbar can show (and remove) every condition the grid, the counts and the export are under.
import type { Capability } from '../../../../shared/domain';
import { isEmptyFilterValue, type SearchFilter } from '../../../../shared/search';
import { CAPABILITY_LABELS, formatInstant } from '../../app/format';

export type FilterKey = keyof SearchFilter;

export const FIELD_LABELS: Record<FilterKey, string> = {
  states: 'State',
  pattern: 'Number pattern',
  skus: 'SKU',
  vendors: 'Vendor',
  countries: 'Country',
  capabilities: 'Capability',
  routings: 'Routing',
  golden: 'Golden',
  portedIn: 'Ported-in',
  visibleTo: 'Visible to domain',
  subscriptionUuid: 'Subscription UUID',
  ownerUuid: 'Owner UUID',
  expiresBefore: 'Expires before',
  expiresAfter: 'Expires after',
  query: 'Search',
};

function valueText(key: FilterKey, value: unknown): string {
  if (Array.isArray(value))
    return key === 'capabilities' ? value.map((c: Capability) => CAPABILITY_LABELS[c]).join(' or ') : value.join(' or ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (key === 'expiresBefore' || key === 'expiresAfter') return formatInstant(String(value));
  return String(value);
}

export interface ActiveCondition {
  key: FilterKey;
  label: string;
}

/** One entry per field that narrows the filter (the basic search box's query excluded). */
export function activeConditions(filter: SearchFilter): ActiveCondition[] {
  return (Object.keys(FIELD_LABELS) as FilterKey[])
    .filter((key) => key !== 'query')
    .filter((key) => !isEmptyFilterValue(filter[key]))
    .map((key) => ({ key, label: `${FIELD_LABELS[key]}: ${valueText(key, filter[key])}` }));
}

export function withoutField(filter: SearchFilter, key: FilterKey): SearchFilter {
  const copy: SearchFilter = { ...filter };
  delete copy[key];
  return copy;
}

/** An ISO instant for a datetime-local input (read as UTC, as every deadline is), and back. */
export const toLocalInput = (iso: string | undefined) => (iso ? iso.slice(0, 16) : '');
export const fromLocalInput = (value: string) => (value ? new Date(`${value}:00Z`).toISOString() : undefined);
