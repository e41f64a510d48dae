// How billing events and their results are named on screen.
import { actionLabel } from '../../../../shared/activity';
import {
  DID_RESERVATION_EVENT_ACTIONS,
  type BillingOutcome,
  type BillingRowStatus,
  type DidReservationEventName,
  type SubscriptionEventName,
} from '../../../../shared/billing';

export const SUBSCRIPTION_EVENT_LABELS: Record<SubscriptionEventName, string> = {
  expired: 'Subscription expired',
  terminated: 'Subscription terminated',
  'swapped-out': 'Swapped out',
};

const DID_RESERVATION_EVENT_LABELS: Record<DidReservationEventName, string> = {
  renewed: actionLabel(DID_RESERVATION_EVENT_ACTIONS.renewed),
  ended: actionLabel(DID_RESERVATION_EVENT_ACTIONS.ended),
};

/** Every event by its name (the two kinds' names differ). */
export const EVENT_LABELS: Record<SubscriptionEventName | DidReservationEventName, string> = {
  ...SUBSCRIPTION_EVENT_LABELS,
  ...DID_RESERVATION_EVENT_LABELS,
};

export const OUTCOME_LABELS: Record<BillingOutcome, string> = {
  changed: 'Changed',
  'already-applied': 'Already applied',
  stale: 'Stale, not applied',
  refused: 'Refused',
};

export const ROW_STATUS_LABELS: Record<BillingRowStatus, string> = {
  applied: 'Applied',
  unchanged: 'Nothing to change',
  unmatched: 'No such subscription here',
  invalid: 'Invalid',
};

export const OUTCOME_COLORS: Record<BillingOutcome, string> = {
  changed: 'success.main',
  'already-applied': 'text.secondary',
  stale: 'warning.main',
  refused: 'error.main',
};
