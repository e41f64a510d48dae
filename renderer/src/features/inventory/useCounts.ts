// Live count of numbers in each state under the grid's filter, refetched whenever numbers change.
// A new filter is counted once it has held for a moment: counting a broad prefix can take the core
// hundreds of milliseconds at a million numbers, and counting every keystroke of a pattern being
// typed would hold up the pages the operator is waiting for. The page itself is never delayed.
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { numberCountsQuery } from '../../api/queries';
import type { NumberState } from '../../../../shared/domain';
import type { SearchFilter } from '../../../../shared/search';

const COUNT_PAUSE_MS = 250;

export interface FilterCounts {
  counts: Record<NumberState, number> | null;
  /** False while the counts shown are still those of an earlier filter. */
  current: boolean;
}

/** Counts under the grid's filter (its own state choice ignored: every tab shows its count). */
export function useCounts(filter: SearchFilter = {}): FilterCounts {
  const key = JSON.stringify(filter);
  const [counted, setCounted] = useState(key);
  useEffect(() => {
    if (key === counted) return;
    const timer = window.setTimeout(() => setCounted(key), COUNT_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [key, counted]);
  const query = useQuery({ ...numberCountsQuery(JSON.parse(counted) as SearchFilter), placeholderData: keepPreviousData });
  // The tabs keep showing the earlier counts while new ones load, rather than flickering empty.
  return { counts: query.data ?? null, current: counted === key && query.data !== undefined && !query.isPlaceholderData };
}
