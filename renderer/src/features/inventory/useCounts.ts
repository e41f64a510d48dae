// Live count of numbers in each state, refetched whenever numbers change.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';
import { useRevision } from '../../app/changes';

export interface FilterCounts {
  counts: Record<NumberState, number> | null;
  /** False while the counts shown are still those of an earlier filter or an earlier change. */
  current: boolean;
}

/** Counts under the grid's filter (its own state choice ignored: every tab shows its count). */
export function useCounts(filter: SearchFilter = {}): FilterCounts {
  const key = JSON.stringify(filter);
  const revision = useRevision('numbers');
  const [loaded, setLoaded] = useState<{ key: string; revision: number; counts: Record<NumberState, number> | null }>({
    key: '',
    revision: -1,
    counts: null,
  });
  useEffect(() => {
    let current = true;
    call('numbers:counts', { filter: JSON.parse(key) as SearchFilter })
      .then((counts) => current && setLoaded({ key, revision, counts }))
      .catch(() => current && setLoaded({ key, revision, counts: null }));
    return () => {
      current = false;
    };
  }, [revision, key]);
  // The tabs keep showing the earlier counts while new ones load, rather than flickering empty.
  return { counts: loaded.counts, current: loaded.key === key && loaded.revision === revision };
}
