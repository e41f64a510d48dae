// Live count of numbers in each state, refetched whenever numbers change.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';
import { useRevision } from '../../app/changes';

/** Counts under the grid's filter (its own state choice ignored: every tab shows its count). */
export function useCounts(filter: SearchFilter = {}): Record<NumberState, number> | null {
  const key = JSON.stringify(filter);
  const revision = useRevision('numbers');
  const [counts, setCounts] = useState<Record<NumberState, number> | null>(null);
  useEffect(() => {
    let current = true;
    call('numbers:counts', { filter: JSON.parse(key) as SearchFilter })
      .then((value) => current && setCounts(value))
      .catch(() => current && setCounts(null));
    return () => {
      current = false;
    };
  }, [revision, key]);
  return counts;
}
