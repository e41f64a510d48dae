// Events from billing: a subscription's (expired, terminated, a number swapped out) and a DID
// Reservation subscription's (renewed to a new paid-until, ended). The shapes the CLI, the IPC
// contract, the feed reader and the renderer share, and what applying one answers per number.
import { z } from 'zod';
import { instantSchema } from './actions';
import type { NumberState } from './domain';
import { textSchema, uuidSchema } from './fields';
import { phoneNumberSchema } from './phone';

export const SUBSCRIPTION_EVENT_NAMES = ['expired', 'terminated', 'swapped-out'] as const;
export type SubscriptionEventName = (typeof SUBSCRIPTION_EVENT_NAMES)[number];
export const DID_RESERVATION_EVENT_NAMES = ['renewed', 'ended'] as const;
export type DidReservationEventName = (typeof DID_RESERVATION_EVENT_NAMES)[number];

/** The audit action a subscription event records (the same as the single-number command's). */
export const SUBSCRIPTION_EVENT_ACTIONS = {
  expired: 'subscription-expired',
  terminated: 'subscription-terminated',
  'swapped-out': 'swapped-out',
} as const satisfies Record<SubscriptionEventName, string>;

/** The audit actions of DID Reservation events. */
export const DID_RESERVATION_EVENT_ACTIONS = {
  renewed: 'did-reservation-renewed',
  ended: 'did-reservation-ended',
} as const satisfies Record<DidReservationEventName, string>;

const optionalRemark = textSchema('Remark').trim().max(2000, { error: 'Remark is longer than 2000 characters' }).optional();

const subscriptionEventSchema = z
  .object({
    kind: z.literal('subscription'),
    subscriptionUuid: uuidSchema('Subscription UUID'),
    event: z.enum(SUBSCRIPTION_EVENT_NAMES, { error: `Event must be one of: ${SUBSCRIPTION_EVENT_NAMES.join(', ')}` }),
    /** When it took effect in billing; absent means now. */
    at: instantSchema('Effective time').optional(),
    /** Swapped-out: the number that leaves the subscription. Expired or terminated: only this number of it. */
    number: phoneNumberSchema.optional(),
    remark: optionalRemark,
  })
  .refine((e) => e.event !== 'swapped-out' || e.number !== undefined, {
    error: 'A swapped-out event needs the number that leaves the subscription',
    path: ['number'],
  });

const didReservationEventSchema = z
  .object({
    kind: z.literal('did-reservation'),
    didReservationUuid: uuidSchema('DID Reservation UUID'),
    event: z.enum(DID_RESERVATION_EVENT_NAMES, { error: `Event must be one of: ${DID_RESERVATION_EVENT_NAMES.join(', ')}` }),
    at: instantSchema('Effective time').optional(),
    /** Renewed: the end of the newly paid period; a date alone means paid through the end of that UTC day. */
    until: instantSchema('Paid-until date', 'through').optional(),
    remark: optionalRemark,
  })
  .refine((e) => e.event !== 'renewed' || e.until !== undefined, {
    error: 'A renewed event needs the paid-until date of the new period',
    path: ['until'],
  });

export const billingEventSchema = z.discriminatedUnion('kind', [subscriptionEventSchema, didReservationEventSchema], {
  error: 'An event is for a subscription or a DID Reservation',
});
export type ParsedBillingEvent = z.output<typeof billingEventSchema>;

export const recordBillingEventSchema = z.object({ event: billingEventSchema, dryRun: z.boolean().default(true) });

/**
 * What one event did (or, in a dry run, would do) to one number:
 * - changed: applied, with the states and the new deadline;
 * - already-applied: this same event was applied to the number before; nothing changes;
 * - stale: older than the number's current state (it has left the subscription since, or a later
 *   event already took effect); reported, not applied;
 * - refused: the event cannot apply to the number as it is (why says so).
 */
export const BILLING_OUTCOMES = ['changed', 'already-applied', 'stale', 'refused'] as const;
export type BillingOutcome = (typeof BILLING_OUTCOMES)[number];

export interface BillingNumberResult {
  number: string;
  outcome: BillingOutcome;
  from: NumberState;
  to: NumberState;
  /** The number's deadline after the event (unchanged unless changed). */
  expiresAt: string | null;
  /** Why it was not applied, or what was done. */
  reason?: string;
}

export interface BillingEventReport {
  /** The event as read (UUIDs lower case, instants ISO UTC, the effective time filled in). */
  event: ParsedBillingEvent & { at: string };
  dryRun: boolean;
  /** No number is (or was) assigned to the subscription, or held under the DID Reservation. */
  unmatched: string | null;
  results: BillingNumberResult[];
}

/** Row statuses of a feed: `invalid` rows could not be read as an event; the others carry their event's report. */
export type BillingRowStatus = 'applied' | 'unchanged' | 'unmatched' | 'invalid';

export interface BillingFeedRow {
  /** Line in the file, header = 1 for CSV. */
  line: number;
  status: BillingRowStatus;
  reason?: string;
  report?: BillingEventReport;
}

export interface BillingFeedReport {
  file: string;
  dryRun: boolean;
  rows: number;
  /** Rows by status, and numbers by outcome, over the whole file. */
  counts: Record<BillingRowStatus, number>;
  outcomes: Record<BillingOutcome, number>;
  results: BillingFeedRow[];
  resultsTruncated: boolean;
}

/** A billing event recorded against a number, as the number's detail lists them. */
export interface AppliedBillingEvent {
  kind: 'subscription' | 'did-reservation';
  uuid: string;
  event: SubscriptionEventName | DidReservationEventName;
  effectiveAt: string;
  until: string | null;
  /** The feed's file name, or null when entered by an operator. */
  file: string | null;
  actor: string;
  recordedAt: string;
}

/** The billing side of a number: what it is held under, the events applied, and the deadlines that follow. */
export interface NumberBilling {
  number: string;
  subscriptionUuid: string | null;
  didReservationUuid: string | null;
  /** The DID Reservation was ended in billing: the number is held only to the end of the paid period. */
  didReservationEnded: boolean;
  events: AppliedBillingEvent[];
  /** The next warning and the release the current deadline brings, when there is one. */
  warningAt: string | null;
  releaseAt: string | null;
}
