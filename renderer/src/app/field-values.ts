// The vendors, SKUs, countries and routings the inventory holds, read when a form opens, so its
// fields can offer them (a typo no longer makes a new vendor). Under the 'numbers' scope, so a
// change to the numbers reads them again. Without them (a team database does not list them yet)
// the fields simply offer nothing.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FieldValues } from '../../../shared/search';
import { call } from '../api/client';

const NONE: FieldValues = { vendors: [], skus: [], countries: [], routings: [] };

const fieldValuesQuery = queryOptions({
  queryKey: ['numbers', 'values'] as const,
  queryFn: () => call('numbers:values', {}),
  retry: false,
});

export function useFieldValues(active = true): FieldValues {
  return useQuery({ ...fieldValuesQuery, enabled: active }).data ?? NONE;
}

/** The stored spelling of a typed value, equal to it without regard to case; undefined when none is stored. */
export function storedSpelling(options: readonly string[], typed: string): string | undefined {
  const needle = typed.trim().toLowerCase();
  return needle ? options.find((option) => option.toLowerCase() === needle) : undefined;
}
