// The billing side of a number in its detail: the subscription or DID Reservation it is held
// under, the billing events applied to it, and the deadlines that follow from them.
import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AppliedBillingEvent, NumberBilling } from '../../../../shared/billing';
import { call } from '../../api/client';
import { useRevision } from '../../app/changes';
import { formatInstant } from '../../app/format';
import { EVENT_LABELS } from './labels';

function eventLabel(e: AppliedBillingEvent): string {
  const name = EVENT_LABELS[e.event];
  const until = e.until ? `, paid until ${formatInstant(e.until)}` : '';
  const source = e.file ? `from ${e.file}` : `entered by ${e.actor}`;
  return `${name} at ${formatInstant(e.effectiveAt)}${until} (${source})`;
}

export function BillingSection({ number, version }: { number: string; version: number }) {
  const revision = useRevision('numbers');
  const [billing, setBilling] = useState<NumberBilling | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    call('billing:of-number', { number })
      .then((value) => current && (setBilling(value), setError(null)))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [number, version, revision]);

  if (error) return <Typography color="error">{error}</Typography>;
  if (!billing) return null;
  const holder = billing.subscriptionUuid
    ? `Subscription ${billing.subscriptionUuid}`
    : billing.didReservationUuid
      ? `DID Reservation ${billing.didReservationUuid}${billing.didReservationEnded ? ' (ended in billing)' : ''}`
      : 'No subscription or DID Reservation';
  const next = [
    billing.warningAt ? `warning on ${formatInstant(billing.warningAt)}` : null,
    billing.releaseAt ? `released on ${formatInstant(billing.releaseAt)}` : null,
  ].filter(Boolean);
  return (
    <Box>
      <Typography variant="body2">{holder}</Typography>
      {next.length > 0 && <Typography variant="body2">Next: {next.join(', then ')}</Typography>}
      {billing.events.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No billing events applied.
        </Typography>
      ) : (
        <Box component="ul" aria-label="Billing events applied" sx={{ m: 0, pl: 2.5 }}>
          {billing.events.map((e, i) => (
            <Typography component="li" variant="body2" key={i}>
              {eventLabel(e)}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
