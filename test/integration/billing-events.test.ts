// Billing events (issue 10): by subscription and by DID Reservation, for every number at once,
// recorded once, out-of-order events reported and not applied, and the seed's instants exactly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BillingEventReport } from '../../shared/billing';
import { dumpDatabase } from '../helpers/dump';
import { addSgNumbers, DID_1, freshInventory, ORG_A, ORG_B, SUB_1, SUB_2, T0, type TestInventory } from '../helpers/inventory';

const DAY = 24 * 60 * 60 * 1000;
const plus = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();
const DID_2 = '77777777-7777-4777-8777-777777777777';

let t: TestInventory;
beforeEach(() => {
  t = freshInventory();
});
afterEach(() => t.close());

async function assignAll(numbers: string[], subscriptionUuid = SUB_1, ownerUuid = ORG_A): Promise<void> {
  for (const number of numbers) await t.inventory.act('assign', { number, subscriptionUuid, ownerUuid });
}

const outcomes = (report: BillingEventReport) => report.results.map((r) => [r.number, r.outcome]);

describe('a subscription event applies to every number of the subscription', () => {
  it('expired at T: every number reserved for the owner until T+56d, warned at T+49d, released at T+56d (the seed)', async () => {
    const numbers = await addSgNumbers(t.inventory, 3);
    await assignAll(numbers);
    const other = (await addSgNumbers(t.inventory, 1, 6561239000))[0];
    await t.inventory.act('assign', { number: other, subscriptionUuid: SUB_2, ownerUuid: ORG_B });
    const T = '2026-02-01T10:00:00.000Z';
    t.clock.set(plus(T, 1));
    const report = await t.inventory.recordBillingEvent({
      event: { kind: 'subscription', subscriptionUuid: SUB_1, event: 'expired', at: T },
      dryRun: false,
    });
    expect(report.unmatched).toBeNull();
    expect(report.results).toEqual(
      numbers.map((number) => ({ number, outcome: 'changed', from: 'assigned', to: 'reserved', expiresAt: '2026-03-29T10:00:00.000Z' })),
    );
    for (const number of numbers) {
      const detail = await t.inventory.show(number);
      expect(detail.state).toBe('reserved');
      expect(detail.reservation).toMatchObject({ orgUuid: ORG_A, origin: 'subscription-expired', kind: 'free' });
      const last = detail.history[detail.history.length - 1];
      expect(last.action).toBe('subscription-expired');
      expect(last.details).toMatchObject({
        effectiveAt: T,
        billing: { kind: 'subscription', uuid: SUB_1, event: 'expired', effectiveAt: T, enteredBy: 'tester' },
      });
    }
    expect((await t.inventory.show(other)).state).toBe('assigned');

    // Warned at T+49d (seven days before), not a minute earlier.
    t.clock.set('2026-03-22T09:59:00.000Z');
    expect((await t.inventory.sweepReport()).notified.filter((n) => n.kind === 'reservation-warning')).toEqual([]);
    t.clock.set('2026-03-22T10:00:00.000Z');
    const warned = (await t.inventory.sweepReport()).notified.filter((n) => n.kind === 'reservation-warning');
    expect(warned.map((n) => n.number).sort()).toEqual(numbers);
    // Released at T+56d, not a minute earlier.
    t.clock.set('2026-03-29T09:59:00.000Z');
    expect(await t.inventory.sweep()).toEqual([]);
    t.clock.set('2026-03-29T10:00:00.000Z');
    expect((await t.inventory.sweep()).map((r) => r.number).sort()).toEqual(numbers);
  });

  it('the same event again changes nothing and says "already applied"', async () => {
    const numbers = await addSgNumbers(t.inventory, 2);
    await assignAll(numbers);
    t.clock.set(plus(T0, 3));
    const event = { kind: 'subscription', subscriptionUuid: SUB_1, event: 'terminated', at: plus(T0, 2) } as const;
    await t.inventory.recordBillingEvent({ event, dryRun: false });
    const before = dumpDatabase(t.inventory.db);
    const again = await t.inventory.recordBillingEvent({ event, dryRun: false });
    expect(outcomes(again)).toEqual(numbers.map((n) => [n, 'already-applied']));
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  });

  it('an expired for a subscription a number has since left is reported as stale, not applied', async () => {
    const [moved, stays] = await addSgNumbers(t.inventory, 2);
    await assignAll([moved, stays]);
    t.clock.set(plus(T0, 1));
    await t.inventory.act('swapped-out', { number: moved });
    t.clock.set(plus(T0, 5));
    const report = await t.inventory.recordBillingEvent({
      event: { kind: 'subscription', subscriptionUuid: SUB_1, event: 'expired', at: plus(T0, 4) },
      dryRun: false,
    });
    expect(outcomes(report)).toEqual([
      [moved, 'stale'],
      [stays, 'changed'],
    ]);
    expect(report.results[0].reason).toContain('no longer assigned to subscription');
    expect((await t.inventory.show(moved)).reservation?.origin).toBe('swapped-out');
  });

  it('an event effective before the number was assigned to the subscription is stale', async () => {
    const [number] = await addSgNumbers(t.inventory, 1);
    t.clock.set(plus(T0, 10));
    await assignAll([number]);
    t.clock.set(plus(T0, 11));
    const before = dumpDatabase(t.inventory.db);
    const report = await t.inventory.recordBillingEvent({
      event: { kind: 'subscription', subscriptionUuid: SUB_1, event: 'expired', at: plus(T0, 9) },
      dryRun: false,
    });
    expect(outcomes(report)).toEqual([[number, 'stale']]);
    expect(report.results[0].reason).toContain("older than the number's assignment");
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  });

  it('swapped-out takes only the number named; one not assigned to the subscription is refused', async () => {
    const [a, b] = await addSgNumbers(t.inventory, 2);
    await assignAll([a, b]);
    const [c] = await addSgNumbers(t.inventory, 1, 6561238000);
    t.clock.set(plus(T0, 1));
    const report = await t.inventory.recordBillingEvent({
      event: { kind: 'subscription', subscriptionUuid: SUB_1, event: 'swapped-out', number: b },
      dryRun: false,
    });
    expect(report.results).toEqual([{ number: b, outcome: 'changed', from: 'assigned', to: 'reserved', expiresAt: plus(plus(T0, 1), 1) }]);
    expect((await t.inventory.show(a)).state).toBe('assigned');
    const refused = await t.inventory.recordBillingEvent({
      event: { kind: 'subscription', subscriptionUuid: SUB_1, event: 'swapped-out', number: c },
      dryRun: false,
    });
    expect(outcomes(refused)).toEqual([[c, 'refused']]);
    expect(refused.results[0].reason).toContain('is not assigned to subscription');
  });

  it('a subscription no number is assigned to is reported, and so is an unknown DID Reservation', async () => {
    const sub = await t.inventory.recordBillingEvent({
      event: { kind: 'subscription', subscriptionUuid: SUB_2, event: 'expired' },
      dryRun: false,
    });
    expect(sub.unmatched).toBe(`no number is assigned to subscription ${SUB_2}`);
    expect(sub.results).toEqual([]);
    const did = await t.inventory.recordBillingEvent({
      event: { kind: 'did-reservation', didReservationUuid: DID_2, event: 'ended' },
      dryRun: false,
    });
    expect(did.unmatched).toBe(`no number is held under DID Reservation ${DID_2}`);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const numbers = await addSgNumbers(t.inventory, 2);
    await assignAll(numbers);
    const before = dumpDatabase(t.inventory.db);
    const report = await t.inventory.recordBillingEvent({
      event: { kind: 'subscription', subscriptionUuid: SUB_1, event: 'expired' },
      dryRun: true,
    });
    expect(report.dryRun).toBe(true);
    expect(outcomes(report)).toEqual(numbers.map((n) => [n, 'changed']));
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const before = dumpDatabase(t.inventory.db);
    await expect(
      t.inventory.recordBillingEvent({ event: { kind: 'subscription', subscriptionUuid: 'nope', event: 'expired' }, dryRun: false }),
    ).rejects.toThrow(/Subscription UUID must be a UUID/);
    await expect(
      t.inventory.recordBillingEvent({ event: { kind: 'subscription', subscriptionUuid: SUB_1, event: 'swapped-out' }, dryRun: false }),
    ).rejects.toThrow(/needs the number/);
    await expect(
      t.inventory.recordBillingEvent({ event: { kind: 'did-reservation', didReservationUuid: DID_1, event: 'renewed' }, dryRun: false }),
    ).rejects.toThrow(/needs the paid-until date/);
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  });
});

describe('DID Reservation events', () => {
  async function chargedReservations(count: number, paidUntil: string): Promise<string[]> {
    const numbers = await addSgNumbers(t.inventory, count);
    for (const number of numbers) {
      await t.inventory.act('reserve', { number, orgUuid: ORG_A, remark: 'for the customer' });
      await t.inventory.act('extend', { number, didReservationUuid: DID_1, paidUntil });
    }
    return numbers;
  }
  const renew = (until: string, at?: string) =>
    t.inventory.recordBillingEvent({
      event: { kind: 'did-reservation', didReservationUuid: DID_1, event: 'renewed', until, at },
      dryRun: false,
    });

  it('a renewal chain: renewed three times, then ended; a later renewal is refused; released at the end of the period paid', async () => {
    const numbers = await chargedReservations(2, '2026-02-28');
    t.clock.set('2026-02-20T00:00:00.000Z');
    for (const until of ['2026-03-31', '2026-04-30', '2026-05-31']) {
      const report = await renew(until);
      expect(outcomes(report)).toEqual(numbers.map((n) => [n, 'changed']));
    }
    expect((await t.inventory.show(numbers[0])).expiresAt).toBe('2026-06-01T00:00:00.000Z');
    t.clock.set('2026-03-10T00:00:00.000Z');
    const ended = await t.inventory.recordBillingEvent({
      event: { kind: 'did-reservation', didReservationUuid: DID_1, event: 'ended' },
      dryRun: false,
    });
    expect(ended.results.map((r) => [r.outcome, r.to, r.expiresAt])).toEqual(
      numbers.map(() => ['changed', 'reserved', '2026-06-01T00:00:00.000Z']),
    );
    const billing = await t.inventory.numberBilling(numbers[0]);
    expect(billing.didReservationEnded).toBe(true);
    expect(billing.events.map((e) => e.event)).toEqual(['renewed', 'renewed', 'renewed', 'ended']);
    expect(billing.releaseAt).toBe('2026-06-01T00:00:00.000Z');
    expect(billing.warningAt).toBe('2026-05-25T00:00:00.000Z');

    const late = await renew('2026-06-30');
    expect(outcomes(late)).toEqual(numbers.map((n) => [n, 'refused']));
    expect(late.results[0].reason).toContain('cannot be renewed');
    // A renewal from before the end, arriving after it, is stale rather than refused.
    const older = await renew('2026-06-30', '2026-03-01T00:00:00.000Z');
    expect(outcomes(older)).toEqual(numbers.map((n) => [n, 'stale']));

    t.clock.set('2026-05-25T00:00:00.000Z');
    const warned = (await t.inventory.sweepReport()).notified.filter((n) => n.kind === 'reservation-warning');
    expect(warned.map((n) => n.number).sort()).toEqual(numbers);
    t.clock.set('2026-05-31T23:59:00.000Z');
    expect(await t.inventory.sweep()).toEqual([]);
    t.clock.set('2026-06-01T00:00:00.000Z');
    expect((await t.inventory.sweep()).map((r) => r.number).sort()).toEqual(numbers);
  });

  it('the end starts no new hold: a number warned before its DID Reservation ended is not warned again', async () => {
    const [number] = await chargedReservations(1, '2026-02-28');
    t.clock.set('2026-02-22T00:00:00.000Z');
    expect((await t.inventory.sweepReport()).notified.map((n) => n.kind)).toEqual(['reservation-warning']);
    await t.inventory.recordBillingEvent({ event: { kind: 'did-reservation', didReservationUuid: DID_1, event: 'ended' }, dryRun: false });
    t.clock.set('2026-02-23T00:00:00.000Z');
    expect((await t.inventory.sweepReport()).notified).toEqual([]);
    expect((await t.inventory.show(number)).state).toBe('reserved');
  });

  it('a renewal older than the current paid-until is stale; the same renewal again is already applied', async () => {
    const [number] = await chargedReservations(1, '2026-03-31');
    const before = dumpDatabase(t.inventory.db);
    const older = await renew('2026-02-28');
    expect(outcomes(older)).toEqual([[number, 'stale']]);
    expect(older.results[0].reason).toContain('already paid until 2026-04-01 00:00 UTC');
    expect(dumpDatabase(t.inventory.db)).toBe(before);
    const at = plus(T0, 0);
    await renew('2026-04-30', at);
    const after = dumpDatabase(t.inventory.db);
    expect(outcomes(await renew('2026-04-30', at))).toEqual([[number, 'already-applied']]);
    expect(dumpDatabase(t.inventory.db)).toBe(after);
  });

  it('a number released since it was held under the DID Reservation is reported as stale', async () => {
    const [number] = await chargedReservations(1, '2026-03-31');
    await t.inventory.act('release', { number, remark: 'customer left' });
    const report = await renew('2026-04-30');
    expect(outcomes(report)).toEqual([[number, 'stale']]);
    expect(report.results[0].reason).toContain('no longer held under DID Reservation');
  });
});
