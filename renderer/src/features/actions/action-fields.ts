// The fields of each action dialog, labelled as the life-cycle document labels them. Keys are the
// action input's field names, so validation messages from the shared zod schemas land on them.
import type { NumberDetail } from '../../../../shared/domain';
import type { OperatorAction } from '../../../../shared/lifecycle';

type FieldKind = 'org' | 'uuid' | 'remark' | 'date' | 'datetime' | 'reason';

export interface ActionField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  helper?: string;
  /** A starting value taken from the number as shown. */
  initial?: (detail: NumberDetail) => string;
}

const remark: ActionField = { key: 'remark', label: 'Remark', kind: 'remark', required: true };
const optionalRemark: ActionField = { ...remark, required: false, helper: 'Optional' };
const effectiveTime: ActionField = {
  key: 'at',
  label: 'Effective time',
  kind: 'datetime',
  required: false,
  helper: 'UTC. Leave empty for now; the reservation period counts from this time.',
};

export const ACTION_FIELDS: Record<OperatorAction, ActionField[]> = {
  reserve: [
    { key: 'orgUuid', label: 'Org UUID', kind: 'org', required: true, helper: 'The customer or partner the number is held for' },
    remark,
  ],
  extend: [
    {
      key: 'didReservationUuid',
      label: 'DID Reservation UUID',
      kind: 'uuid',
      required: true,
      helper: 'Search in Customer app – Subscriptions tab',
    },
    {
      key: 'paidUntil',
      label: 'Paid until',
      kind: 'date',
      required: true,
      helper: 'End of the DID Reservation plan period (through the end of that UTC day)',
    },
    optionalRemark,
  ],
  release: [remark],
  lock: [remark],
  unlock: [remark],
  delete: [{ key: 'reason', label: 'Reason', kind: 'reason', required: true }, remark],
  recover: [remark],
  assign: [
    { key: 'subscriptionUuid', label: 'Subscription UUID', kind: 'uuid', required: true },
    {
      key: 'ownerUuid',
      label: 'Owner UUID',
      kind: 'org',
      required: true,
      // A reserved number may only go to its reserver: start from that org.
      initial: (detail) => detail.reservation?.orgUuid ?? '',
    },
    optionalRemark,
  ],
  'subscription-expired': [effectiveTime, optionalRemark],
  'subscription-terminated': [effectiveTime, optionalRemark],
  'swapped-out': [effectiveTime, optionalRemark],
};

export const ACTION_HELP: Partial<Record<OperatorAction, string>> = {
  reserve: 'Holds the number for an organization for the free reservation period.',
  extend: 'Turns the reservation into a charged one that lasts as long as the DID Reservation subscription is paid.',
  release: 'Returns the number to the Available pool.',
  lock: 'Takes the number out of the pool for an unidentified reserver, for the lock period.',
  unlock: 'Returns the locked number to the Available pool.',
  delete: 'Removes the number from the inventory.',
  recover: 'Brings the deleted number back to the Available pool.',
  assign: 'Assigns the number to an active subscription.',
  'subscription-expired': 'The subscription expired: the number is reserved for its owner.',
  'subscription-terminated': 'The subscription was terminated: the number is reserved for its owner.',
  'swapped-out': 'The number was swapped out of its subscription: it is reserved for its owner.',
};
