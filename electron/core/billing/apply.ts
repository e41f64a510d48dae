// Applying one billing event: to every number it concerns, one result each (changed, already
// applied, stale, refused), all in one IMMEDIATE transaction with an audit event per changed
// number. State changes go through the life cycle's own transitions (writeTransition); a dry run
// does exactly the same and rolls it back, so it answers what the commit would do.
import {
  DID_RESERVATION_EVENT_ACTIONS,
  SUBSCRIPTION_EVENT_ACTIONS,
  type BillingEventReport,
  type BillingNumberResult,
} from '../../../shared/billing';
import { InventoryError, isInventoryError } from '../../../shared/errors';
import { formatUtc } from '../../../shared/time';
import type { CoreContext } from '../context';
import { writeTransition } from '../lifecycle/perform';
import { fieldsFor, findRow, insertEvent, updateState } from '../numbers/repository';
import type { NumberRow } from '../numbers/rows';
import {
  billingEventKey,
  latestDidReservationEvent,
  recordApplied,
  wasApplied,
  type BillingSource,
  type DatedBillingEvent,
} from './records';
import { assignedAt, didReservationNumbers, subscriptionNumbers, wasAssignedTo } from './targets';

type SubscriptionEvent = Extract<DatedBillingEvent, { kind: 'subscription' }>;
type DidReservationEvent = Extract<DatedBillingEvent, { kind: 'did-reservation' }>;

/** Thrown inside a dry run's transaction to roll it back, carrying what it would have done. */
class DryRun {
  constructor(readonly report: BillingEventReport) {}
}

/** The billing event as the audit trail names it. */
function auditDetails(event: DatedBillingEvent, source: BillingSource): Record<string, unknown> {
  return {
    billing: {
      kind: event.kind,
      uuid: event.kind === 'subscription' ? event.subscriptionUuid : event.didReservationUuid,
      event: event.event,
      effectiveAt: event.at,
      ...(event.kind === 'did-reservation' && event.until ? { until: event.until } : {}),
      ...(source.file ? { file: source.file } : { enteredBy: source.actor }),
    },
  };
}

const unchanged = (row: NumberRow, outcome: BillingNumberResult['outcome'], reason: string): BillingNumberResult => ({
  number: row.number,
  outcome,
  from: row.state,
  to: row.state,
  expiresAt: row.expires_at,
  reason,
});

/** A refusal by the life cycle (the event cannot apply to the number as it is) becomes that number's result. */
function attempt(row: NumberRow, write: () => BillingNumberResult): BillingNumberResult {
  try {
    return write();
  } catch (error) {
    if (!isInventoryError(error) || error.code === 'INTERNAL' || error.code === 'STALE_VERSION') throw error;
    return unchanged(row, 'refused', error.message);
  }
}

export function applyBillingEvent(ctx: CoreContext, event: DatedBillingEvent, source: BillingSource, dryRun: boolean): BillingEventReport {
  const { db } = ctx;
  const run = () => {
    const report =
      event.kind === 'subscription' ? applySubscriptionEvent(ctx, event, source) : applyDidReservationEvent(ctx, event, source);
    const full = { ...report, event, dryRun };
    if (dryRun) throw new DryRun(full);
    return full;
  };
  try {
    return db.transaction(run).immediate();
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
}

type Applied = Pick<BillingEventReport, 'unmatched' | 'results'>;

function recordOn(ctx: CoreContext, event: DatedBillingEvent, source: BillingSource, row: NumberRow, auditEventId: number): void {
  recordApplied(ctx.db, event, source, row.id, auditEventId, ctx.clock.now().toISOString());
}

function applySubscriptionEvent(ctx: CoreContext, event: SubscriptionEvent, source: BillingSource): Applied {
  const { db } = ctx;
  const uuid = event.subscriptionUuid;
  const key = billingEventKey(event);
  let rows: NumberRow[];
  if (event.number !== undefined) {
    const row = findRow(db, event.number);
    if (!row) return { unmatched: `${event.number} is not in the inventory`, results: [] };
    rows = [row];
  } else {
    rows = subscriptionNumbers(db, uuid);
    if (rows.length === 0) return { unmatched: `no number is assigned to subscription ${uuid}`, results: [] };
  }
  const results = rows.map((row): BillingNumberResult => {
    if (wasApplied(db, key, row.id))
      return unchanged(row, 'already-applied', `${event.event} at ${formatUtc(event.at)} was applied before`);
    if (row.subscription_uuid !== uuid) {
      if (event.number !== undefined && !wasAssignedTo(db, row.id, uuid))
        return unchanged(row, 'refused', `${row.number} is not assigned to subscription ${uuid} (it is ${row.state})`);
      return unchanged(row, 'stale', `${row.number} is no longer assigned to subscription ${uuid} (it is ${row.state} now)`);
    }
    const since = assignedAt(db, row.id, uuid);
    if (since !== null && event.at < since)
      return unchanged(
        row,
        'stale',
        `${event.event} at ${formatUtc(event.at)} is older than the number's assignment to this subscription (${formatUtc(since)})`,
      );
    return attempt(row, () => {
      const action = SUBSCRIPTION_EVENT_ACTIONS[event.event];
      const input = { number: row.number, at: event.at, remark: event.remark };
      const auditId = writeTransition(ctx, row, { action, input }, { details: auditDetails(event, source) });
      recordOn(ctx, event, source, row, auditId);
      const after = findRow(db, row.number) as NumberRow;
      return { number: row.number, outcome: 'changed', from: row.state, to: after.state, expiresAt: after.expires_at };
    });
  });
  return { unmatched: null, results };
}

function applyDidReservationEvent(ctx: CoreContext, event: DidReservationEvent, source: BillingSource): Applied {
  const { db } = ctx;
  const uuid = event.didReservationUuid;
  const key = billingEventKey(event);
  const rows = didReservationNumbers(db, uuid);
  if (rows.length === 0) return { unmatched: `no number is held under DID Reservation ${uuid}`, results: [] };
  const endedAt = latestDidReservationEvent(db, uuid, 'ended');
  const renewedAt = latestDidReservationEvent(db, uuid, 'renewed');
  const results = rows.map((row): BillingNumberResult => {
    if (wasApplied(db, key, row.id))
      return unchanged(row, 'already-applied', `${event.event} at ${formatUtc(event.at)} was applied before`);
    if (row.did_reservation_uuid !== uuid)
      return unchanged(row, 'stale', `${row.number} is no longer held under DID Reservation ${uuid} (it is ${row.state} now)`);
    if (event.event === 'renewed') {
      if (endedAt !== null && event.at < endedAt)
        return unchanged(
          row,
          'stale',
          `the renewal at ${formatUtc(event.at)} is older than the DID Reservation's end at ${formatUtc(endedAt)}`,
        );
      if (endedAt !== null)
        return unchanged(
          row,
          'refused',
          `DID Reservation ${uuid} ended at ${formatUtc(endedAt)}: it cannot be renewed (the number is held to the end of the period paid)`,
        );
      const until = event.until as string; // the schema requires it for a renewal
      if (row.expires_at !== null && until <= row.expires_at)
        return unchanged(row, 'stale', `already paid until ${formatUtc(row.expires_at)}, not before ${formatUtc(until)}`);
      return attempt(row, () => {
        const input = { number: row.number, didReservationUuid: uuid, paidUntil: until, remark: event.remark };
        const auditId = writeTransition(
          ctx,
          row,
          { action: 'extend', input },
          { action: DID_RESERVATION_EVENT_ACTIONS.renewed, details: auditDetails(event, source) },
        );
        recordOn(ctx, event, source, row, auditId);
        return { number: row.number, outcome: 'changed', from: row.state, to: row.state, expiresAt: until };
      });
    }
    if (endedAt !== null) return unchanged(row, 'stale', `DID Reservation ${uuid} already ended at ${formatUtc(endedAt)}`);
    if (renewedAt !== null && renewedAt > event.at)
      return unchanged(row, 'stale', `the end at ${formatUtc(event.at)} is older than the renewal at ${formatUtc(renewedAt)}`);
    return attempt(row, () => endDidReservation(ctx, row, event, source));
  });
  return { unmatched: null, results };
}

/**
 * A DID Reservation ended in billing: the customer paid through the current period, so the number
 * stays reserved (charged) to that deadline, and the sweep releases it then with the usual
 * notices. Nothing of the number's state changes; the end is recorded on it (the version moves on,
 * so a window showing it refreshes) and no renewal is accepted after it.
 */
function endDidReservation(ctx: CoreContext, row: NumberRow, event: DidReservationEvent, source: BillingSource): BillingNumberResult {
  const { db } = ctx;
  const now = ctx.clock.now().toISOString();
  if (Date.parse(event.at) > Date.parse(now))
    throw new InventoryError(
      'INVALID_INPUT',
      `Cannot end DID Reservation ${event.didReservationUuid} at ${formatUtc(event.at)}: that time is in the future.`,
    );
  const fields = fieldsFor(row.state, {
    reservation_kind: row.reservation_kind,
    reservation_origin: row.reservation_origin,
    reservation_org_uuid: row.reservation_org_uuid,
    did_reservation_uuid: row.did_reservation_uuid,
    expires_at: row.expires_at,
  });
  if (!updateState(db, row, fields, now))
    throw new InventoryError('STALE_VERSION', `${row.number} was changed by someone else. Try again.`);
  const auditId = insertEvent(db, {
    numberId: row.id,
    at: now,
    actor: ctx.actor,
    action: DID_RESERVATION_EVENT_ACTIONS.ended,
    from: row.state,
    to: row.state,
    remark: event.remark ?? null,
    details: { didReservationUuid: event.didReservationUuid, expiresAt: row.expires_at, ...auditDetails(event, source) },
  });
  recordApplied(db, event, source, row.id, auditId, now);
  return {
    number: row.number,
    outcome: 'changed',
    from: row.state,
    to: row.state,
    expiresAt: row.expires_at,
    reason: `held until ${formatUtc(row.expires_at as string)}, then released`,
  };
}
