// The detail of one number, refetched whenever numbers change; an action's answer replaces it at once.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import type { NumberDetail } from '../../../../shared/domain';
import { useRevision } from '../../app/changes';

export function useNumberDetail(number: string) {
  const revision = useRevision('numbers');
  const [detail, setDetail] = useState<NumberDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    call('numbers:show', { number })
      .then((value) => {
        if (!current) return;
        // An answer older than the one on screen (an action's result) must not replace it.
        setDetail((shown) => (shown && shown.number === value.number && shown.version > value.version ? shown : value));
        setError(null);
      })
      .catch((reason: Error) => current && setError(reason.message));
    return () => {
      current = false;
    };
  }, [number, revision]);
  return { detail, setDetail, error };
}
