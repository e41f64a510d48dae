// One billing event entered by an operator (the CLI's subscription-event and did-reservation, the
// app's "Record subscription event"): validated, dated, applied or dry-run.
import { recordBillingEventSchema, type BillingEventReport, type NumberBilling } from '../../../shared/billing';
import type { CoreContext } from '../context';
import { warningInstant } from '../expiry/warnings';
import { numberKey, requireRow } from '../numbers/repository';
import { appSettings } from '../settings-store';
import { parseOrThrow } from '../validation';
import { applyBillingEvent } from './apply';
import { appliedToNumber, latestDidReservationEvent, type DatedBillingEvent } from './records';

export function recordBillingEvent(ctx: CoreContext, raw: unknown): BillingEventReport {
  const request = parseOrThrow(recordBillingEventSchema, raw, 'Billing event');
  const event: DatedBillingEvent = { ...request.event, at: request.event.at ?? ctx.clock.now().toISOString() };
  return applyBillingEvent(ctx, event, { file: null, actor: ctx.actor }, request.dryRun);
}

/** A number's billing side: what holds it, the events applied to it, and its next warning and release. */
export function numberBilling(ctx: CoreContext, number: string): NumberBilling {
  const row = requireRow(ctx.db, numberKey(number));
  // Reservations only: a lock is no billing matter.
  const deadline = row.state === 'reserved' ? row.expires_at : null;
  const warningAt = deadline ? warningInstant(deadline, appSettings(ctx.db).warningLeadDays) : null;
  return {
    number: row.number,
    subscriptionUuid: row.subscription_uuid,
    didReservationUuid: row.did_reservation_uuid,
    didReservationEnded: row.did_reservation_uuid !== null && latestDidReservationEvent(ctx.db, row.did_reservation_uuid, 'ended') !== null,
    events: appliedToNumber(ctx.db, row.id),
    // A warning already past was sent (or is due at the next sweep): the release is what comes next.
    warningAt: warningAt !== null && Date.parse(warningAt) > ctx.clock.now().getTime() ? warningAt : null,
    releaseAt: deadline,
  };
}
