// The detail of one number, through TanStack Query: refetched whenever numbers change; an action's
// answer replaces it at once.
import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { numberDetailQuery } from '../../api/queries';
import type { NumberDetail } from '../../../../shared/domain';

export function useNumberDetail(number: string) {
  const client = useQueryClient();
  const query = useQuery(numberDetailQuery(number));
  const setDetail = useCallback(
    (updated: NumberDetail) => client.setQueryData(numberDetailQuery(updated.number).queryKey, updated),
    [client],
  );
  return { detail: query.data ?? null, setDetail, error: query.error?.message ?? null };
}
