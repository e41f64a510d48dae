// Live count of numbers in each state, refetched whenever numbers change.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import type { NumberState } from '../../../../shared/domain';
import { useRevision } from '../../app/changes';

export function useCounts(): Record<NumberState, number> | null {
  const revision = useRevision('numbers');
  const [counts, setCounts] = useState<Record<NumberState, number> | null>(null);
  useEffect(() => {
    let current = true;
    call('numbers:counts', { filter: {} })
      .then((value) => current && setCounts(value))
      .catch(() => current && setCounts(null));
    return () => {
      current = false;
    };
  }, [revision]);
  return counts;
}
