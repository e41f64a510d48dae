// The advanced search's fields: labels, and the chip text of each active condition, so the
// toolbar can show (and remove) every condition the grid, the counts and the export are under.
import type { Capability, NumberState } from '../../../../shared/domain';
import { isEmptyFilterValue, type SearchFilter } from '../../../../shared/search';
import { CAPABILITY_LABELS, formatInstant, STATE_LABELS } from '../../app/format';

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
  didReservationUuid: 'DID Reservation UUID',
  ownerUuid: 'Owner UUID',
  expiresBefore: 'Expires before',
  expiresAfter: 'Expires after',
  query: 'Search',
};

function valueText(key: FilterKey, value: unknown): string {
  if (Array.isArray(value)) {
    if (key === 'states') return value.map((s: NumberState) => STATE_LABELS[s]).join(' or ');
    return key === 'capabilities' ? value.map((c: Capability) => CAPABILITY_LABELS[c]).join(' or ') : value.join(' or ');
  }
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

/** The fields taking several values, each typed as text. */
export type MultiValueKey = 'skus' | 'vendors' | 'countries' | 'routings' | 'visibleTo';

/** How each multi-value field tidies a typed value: as the core reads it, so the chip shows what is searched. */
const TIDY_VALUE: Record<MultiValueKey, (value: string) => string> = {
  skus: (v) => v.trim(),
  vendors: (v) => v.trim(),
  countries: (v) => v.trim().toUpperCase(),
  routings: (v) => v.trim(),
  visibleTo: (v) => v.trim().toLowerCase(),
};

/** The values of a field's text: people paste lists, so commas separate values. */
function typedValues(key: MultiValueKey, text: string): string[] {
  return text.split(',').map(TIDY_VALUE[key]).filter(Boolean);
}

/** A field's values with more added, each once. */
export function addValues(key: MultiValueKey, values: readonly string[] | undefined, texts: readonly string[]): string[] {
  return [...new Set([...(values ?? []), ...texts.flatMap((text) => typedValues(key, text))])];
}

/**
 * The filter with the text still in each multi-value field (typed, not yet confirmed with Enter):
 * Apply, the count and Save take it as the operator sees it on screen, instead of dropping it.
 */
export function withTypedValues(filter: SearchFilter, typed: Partial<Record<MultiValueKey, string>>): SearchFilter {
  const next = { ...filter };
  for (const key of Object.keys(typed) as MultiValueKey[]) {
    const text = typed[key] ?? '';
    if (typedValues(key, text).length) next[key] = addValues(key, filter[key], [text]);
  }
  return next;
}
