// The vendors, SKUs, countries and routings the inventory holds, read when a form opens, so its
// fields can offer them (a typo no longer makes a new vendor). Without them (a team database does
// not list them yet) the fields simply offer nothing.
import { useEffect, useState } from 'react';
import type { FieldValues } from '../../../shared/search';
import { call } from '../api/client';

const NONE: FieldValues = { vendors: [], skus: [], countries: [], routings: [] };

export function useFieldValues(active = true): FieldValues {
  const [values, setValues] = useState<FieldValues>(NONE);
  useEffect(() => {
    if (!active) return;
    let current = true;
    call('numbers:values', {})
      .then((found) => current && setValues(found))
      .catch(() => current && setValues(NONE));
    return () => {
      current = false;
    };
  }, [active]);
  return values;
}

/** The stored spelling of a typed value, equal to it without regard to case; undefined when none is stored. */
export function storedSpelling(options: readonly string[], typed: string): string | undefined {
  const needle = typed.trim().toLowerCase();
  return needle ? options.find((option) => option.toLowerCase() === needle) : undefined;
}
