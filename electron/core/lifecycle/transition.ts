// What each operator action does to a number: a pure function of the number as it is, the
// validated input, the time and the settings. The transition table in shared/ says where each
// action is allowed; this says what it writes.
import type { DeleteReason } from '../../../shared/domain';
import { InventoryError } from '../../../shared/errors';
import { ACTION_RULES, SUBSCRIPTION_EVENTS, allowedActions, type OperatorAction } from '../../../shared/lifecycle';
import type { ParsedActionInput } from '../../../shared/actions';
import { addDays, DAY_MS, type LifecycleSettings } from '../../../shared/settings';
import type { NumberRow } from '../numbers/rows';
import { NO_STATE_FIELDS, type StateFields } from '../numbers/repository';

export interface TransitionResult {
  fields: StateFields;
  remark: string | null;
  details: Record<string, unknown>;
}

function refuseIllegal(row: Pick<NumberRow, 'number' | 'state'>, action: string): InventoryError {
  const allowed = allowedActions(row.state);
  return new InventoryError(
    'ILLEGAL_TRANSITION',
    `Cannot ${action} ${row.number}: it is ${row.state}. Allowed while ${row.state}: ${allowed.join(', ') || 'none'}.`,
  );
}

export function transition<A extends OperatorAction>(
  row: NumberRow,
  action: A,
  input: ParsedActionInput<A>,
  now: string,
  settings: LifecycleSettings,
): TransitionResult {
  if (!ACTION_RULES[action].from.includes(row.state)) throw refuseIllegal(row, action);
  const to = ACTION_RULES[action].to;
  // Each action's input type is chosen by `action`; TypeScript cannot narrow a generic here.
  const given = input as Record<string, unknown>;
  const remark = typeof given.remark === 'string' && given.remark !== '' ? given.remark : null;

  switch (action) {
    case 'reserve': {
      const { orgUuid } = input as ParsedActionInput<'reserve'>;
      const expiresAt = addDays(now, settings.reservationDays);
      return {
        fields: {
          ...NO_STATE_FIELDS,
          state: to,
          reservation_kind: 'free',
          reservation_origin: 'manual',
          reservation_org_uuid: orgUuid,
          expires_at: expiresAt,
        },
        remark,
        details: { orgUuid, kind: 'free', expiresAt, periodDays: settings.reservationDays },
      };
    }
    case 'extend': {
      const { didReservationUuid, paidUntil } = input as ParsedActionInput<'extend'>;
      // A date alone means paid through that whole UTC day.
      const expiresAt = paidUntil.dateOnly ? new Date(Date.parse(paidUntil.iso) + DAY_MS).toISOString() : paidUntil.iso;
      if (expiresAt <= now) {
        throw new InventoryError('INVALID_INPUT', `Cannot extend ${row.number}: the paid-until date ${expiresAt} is not in the future.`);
      }
      if (row.expires_at !== null && expiresAt <= row.expires_at) {
        throw new InventoryError(
          'INVALID_INPUT',
          `Cannot extend ${row.number}: the paid-until date ${expiresAt} is not after the current expiry ${row.expires_at}.`,
        );
      }
      return {
        fields: {
          ...NO_STATE_FIELDS,
          state: to,
          reservation_kind: 'charged',
          reservation_origin: row.reservation_origin,
          reservation_org_uuid: row.reservation_org_uuid,
          did_reservation_uuid: didReservationUuid,
          expires_at: expiresAt,
        },
        remark,
        details: { didReservationUuid, kind: 'charged', expiresAt, previousExpiresAt: row.expires_at },
      };
    }
    case 'lock': {
      const expiresAt = addDays(now, settings.lockPeriodDays);
      return {
        fields: { ...NO_STATE_FIELDS, state: to, expires_at: expiresAt },
        remark,
        details: { expiresAt, periodDays: settings.lockPeriodDays },
      };
    }
    case 'delete': {
      const { reason } = input as ParsedActionInput<'delete'>;
      return { fields: { ...NO_STATE_FIELDS, state: to, deleted_reason: reason as DeleteReason }, remark, details: { reason } };
    }
    case 'release':
    case 'unlock':
    case 'recover':
      return { fields: { ...NO_STATE_FIELDS, state: to }, remark, details: previousHolding(row) };
    case 'assign': {
      const { subscriptionUuid, ownerUuid } = input as ParsedActionInput<'assign'>;
      if (row.state === 'reserved' && row.reservation_org_uuid !== ownerUuid) {
        throw new InventoryError(
          'ORG_MISMATCH',
          `Cannot assign ${row.number} to ${ownerUuid}: it is reserved for ${row.reservation_org_uuid}. Release it first or assign it to the reserver.`,
        );
      }
      return {
        fields: { ...NO_STATE_FIELDS, state: to, owner_uuid: ownerUuid, subscription_uuid: subscriptionUuid },
        remark,
        details: { subscriptionUuid, ownerUuid, ...(row.state === 'reserved' ? previousHolding(row) : {}) },
      };
    }
    case 'subscription-expired':
    case 'subscription-terminated':
    case 'swapped-out': {
      const event = SUBSCRIPTION_EVENTS[action as keyof typeof SUBSCRIPTION_EVENTS];
      const { at } = input as ParsedActionInput<'subscription-expired'>;
      const effectiveAt = at?.iso ?? now;
      if (effectiveAt > now) {
        throw new InventoryError(
          'INVALID_INPUT',
          `Cannot record ${action} for ${row.number} at ${effectiveAt}: that time is in the future.`,
        );
      }
      const periodDays = settings[event.periodSetting];
      const expiresAt = addDays(effectiveAt, periodDays);
      return {
        fields: {
          ...NO_STATE_FIELDS,
          state: to,
          reservation_kind: 'free',
          reservation_origin: event.origin,
          reservation_org_uuid: row.owner_uuid,
          expires_at: expiresAt,
        },
        remark,
        details: { effectiveAt, expiresAt, periodDays, orgUuid: row.owner_uuid, subscriptionUuid: row.subscription_uuid },
      };
    }
  }
  throw new InventoryError('INTERNAL', `Unknown action ${String(action)}`);
}

/** What the number was held under before it went back to the pool, kept in the audit trail. */
function previousHolding(row: NumberRow): Record<string, unknown> {
  const held: Record<string, unknown> = {};
  if (row.reservation_org_uuid) held.orgUuid = row.reservation_org_uuid;
  if (row.did_reservation_uuid) held.didReservationUuid = row.did_reservation_uuid;
  if (row.expires_at) held.previousExpiresAt = row.expires_at;
  if (row.deleted_reason) held.previousReason = row.deleted_reason;
  return held;
}
