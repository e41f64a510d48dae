// What each operator action does to a number: a pure function of the number as it is, the
// validated action, the time and the settings. The transition table in shared/ says where each
// action is allowed, the per-state field rules what the new state carries; this says what it writes.
import type { ActionRequest } from '../../../shared/actions';
import { InventoryError } from '../../../shared/errors';
import { STATE_LABELS } from '../../../shared/domain';
import { ACTION_RULES, SUBSCRIPTION_EVENTS, whatStateAllows, type OperatorAction } from '../../../shared/lifecycle';
import { addDays, LONGEST_PERIOD_DAYS, type LifecycleSettings } from '../../../shared/settings';
import { formatUtc } from '../../../shared/time';
import type { NumberRow } from '../numbers/rows';
import { fieldsFor, type StateFields } from '../numbers/repository';

export interface TransitionResult {
  fields: StateFields;
  remark: string | null;
  details: Record<string, unknown>;
}

function refuseIllegal(row: Pick<NumberRow, 'number' | 'state'>, action: OperatorAction): InventoryError {
  return new InventoryError(
    'ILLEGAL_TRANSITION',
    `"${ACTION_RULES[action].label}" is not possible for ${row.number}: it is ${STATE_LABELS[row.state]}. ${whatStateAllows(row.state)}`,
  );
}

/** How a message names an organization: its name from the directory when it is there, else its UUID. */
export type OrgNamer = (uuid: string) => string;

const byUuid: OrgNamer = (uuid) => uuid;

/** Reached only if an action is added to the union without a case here: the compiler refuses that. */
function unhandled(request: never): never {
  throw new InventoryError('INTERNAL', `No transition for ${JSON.stringify(request)}`);
}

export function transition(
  row: NumberRow,
  request: ActionRequest,
  now: string,
  settings: LifecycleSettings,
  orgName: OrgNamer = byUuid,
): TransitionResult {
  const { action, input } = request;
  const rule = ACTION_RULES[action];
  if (!rule.from.includes(row.state)) throw refuseIllegal(row, action);
  const remark = input.remark || null;
  const into = (given: Partial<Omit<StateFields, 'state'>>, details: Record<string, unknown>): TransitionResult => ({
    fields: fieldsFor(rule.to, given),
    remark,
    details,
  });

  switch (request.action) {
    case 'reserve': {
      const { orgUuid } = request.input;
      const expiresAt = addDays(now, settings.reservationDays);
      return into(
        { reservation_kind: 'free', reservation_origin: 'manual', reservation_org_uuid: orgUuid, expires_at: expiresAt },
        { orgUuid, kind: 'free', expiresAt, periodDays: settings.reservationDays },
      );
    }
    case 'extend': {
      const { didReservationUuid, paidUntil: expiresAt } = request.input;
      checkPaidUntil(row, expiresAt, now);
      return into(
        {
          reservation_kind: 'charged',
          reservation_origin: row.reservation_origin,
          reservation_org_uuid: row.reservation_org_uuid,
          did_reservation_uuid: didReservationUuid,
          expires_at: expiresAt,
        },
        { didReservationUuid, kind: 'charged', expiresAt, previousExpiresAt: row.expires_at },
      );
    }
    case 'lock': {
      const expiresAt = addDays(now, settings.lockPeriodDays);
      return into({ expires_at: expiresAt }, { expiresAt, periodDays: settings.lockPeriodDays });
    }
    case 'delete': {
      const { reason } = request.input;
      return into({ deleted_reason: reason }, { reason });
    }
    case 'release':
    case 'unlock':
    case 'recover':
      return into({}, previousHolding(row));
    case 'assign': {
      const { subscriptionUuid, ownerUuid } = request.input;
      if (row.state === 'reserved' && row.reservation_org_uuid !== ownerUuid) {
        const reserver = orgName(row.reservation_org_uuid ?? '');
        throw new InventoryError(
          'ORG_MISMATCH',
          `${row.number} is reserved for ${reserver} and can be assigned only to them. To assign it to ${orgName(ownerUuid)}, release it first.`,
        );
      }
      return into(
        { owner_uuid: ownerUuid, subscription_uuid: subscriptionUuid },
        { subscriptionUuid, ownerUuid, ...(row.state === 'reserved' ? previousHolding(row) : {}) },
      );
    }
    case 'subscription-expired':
    case 'subscription-terminated':
    case 'swapped-out': {
      const event = SUBSCRIPTION_EVENTS[request.action];
      const effectiveAt = request.input.at ?? now;
      // The effective time may come before the number was added or assigned here: those are when
      // they were recorded, not when the subscription began. The floor is 1970 (readInstant).
      if (Date.parse(effectiveAt) > Date.parse(now)) {
        throw new InventoryError(
          'INVALID_INPUT',
          `Cannot record "${rule.label}" for ${row.number} at ${formatUtc(effectiveAt)}: that time is in the future. Leave the time empty for now.`,
        );
      }
      const periodDays = settings[event.periodSetting];
      const expiresAt = addDays(effectiveAt, periodDays);
      return into(
        { reservation_kind: 'free', reservation_origin: event.origin, reservation_org_uuid: row.owner_uuid, expires_at: expiresAt },
        { effectiveAt, expiresAt, periodDays, orgUuid: row.owner_uuid, subscriptionUuid: row.subscription_uuid },
      );
    }
    default:
      return unhandled(request);
  }
}

/** A paid-until deadline must lie ahead, after the current one, and within the longest period the inventory sets. */
function checkPaidUntil(row: NumberRow, expiresAt: string, now: string): void {
  const ends = Date.parse(expiresAt);
  const refuse = (why: string) =>
    new InventoryError(
      'INVALID_INPUT',
      `Cannot extend ${row.number}: the reservation would end at ${formatUtc(expiresAt)}, ${why}. Check the paid-until date.`,
    );
  if (ends <= Date.parse(now)) throw refuse('which is not in the future');
  if (row.expires_at !== null && ends <= Date.parse(row.expires_at)) {
    throw refuse(`which is not after its current expiry ${formatUtc(row.expires_at)}`);
  }
  const latest = addDays(now, LONGEST_PERIOD_DAYS);
  if (ends > Date.parse(latest)) {
    throw refuse(`more than ${LONGEST_PERIOD_DAYS / 365} years from now (the latest is ${formatUtc(latest)})`);
  }
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
