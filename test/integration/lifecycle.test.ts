// Every row of the life-cycle table (issue 2 §3) on both stores (a real SQLite file and a team
// database on PostgreSQL): the state reached, the deadline to the millisecond, what the number
// carries, and the one audit event each change writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEvent, NumberDetail } from '../../shared/domain';
import { DELETE_REASONS } from '../../shared/domain';
import { DAY_MS } from '../../shared/settings';
import { addSgNumbers, DID_1, ORG_A, ORG_B, SUB_1, T0 } from '../helpers/inventory';
import { expectStoreRefusal, STORES, type StoreUnderTest } from '../helpers/stores';

describe.each(STORES)('on the $name', (store) => {
  let t: StoreUnderTest;
  let n: string;
  beforeEach(async () => {
    t = await store.open();
    [n] = await addSgNumbers(t.inventory, 1);
  });
  afterEach(() => t.close());

  const at = (ms: number) => new Date(ms).toISOString();
  const T0_MS = Date.parse(T0);

  /** Performs a change and checks it wrote exactly one audit event, which it returns. */
  async function oneEvent(change: () => Promise<NumberDetail>): Promise<{ detail: NumberDetail; event: HistoryEvent }> {
    const before = await t.eventCount();
    const detail = await change();
    expect(await t.eventCount()).toBe(before + 1);
    const event = detail.history[detail.history.length - 1];
    // The answer shows the same history the database holds.
    expect((await t.inventory.show(detail.number)).history).toEqual(detail.history);
    return { detail, event };
  }

  describe('reserve: available -> reserved (free, manual), now + 28 days', () => {
    it('reserves for the org with the remark and a deadline 28 days out', async () => {
      const { detail, event } = await oneEvent(() => t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'VIP hold' }));
      expect(detail.state).toBe('reserved');
      expect(detail.expiresAt).toBe('2026-02-02T09:00:00.000Z');
      expect(detail.reservation).toEqual({
        kind: 'free',
        origin: 'manual',
        orgUuid: ORG_A,
        didReservationUuid: null,
        expiresAt: '2026-02-02T09:00:00.000Z',
      });
      expect(detail.lockExpiresAt).toBeNull();
      expect(detail.ownerUuid).toBeNull();
      expect(detail.version).toBe(2);
      expect(detail.updatedAt).toBe(T0);
      expect(event).toMatchObject({
        number: n,
        action: 'reserve',
        from: 'available',
        to: 'reserved',
        at: T0,
        actor: 'tester',
        remark: 'VIP hold',
        details: { orgUuid: ORG_A, kind: 'free', expiresAt: '2026-02-02T09:00:00.000Z', periodDays: 28 },
      });
    });

    it('stores an upper-case org UUID in lower case and trims the remark', async () => {
      const detail = await t.inventory.act('reserve', { number: n, orgUuid: ORG_A.toUpperCase(), remark: '  spaced  ' });
      expect(detail.reservation?.orgUuid).toBe(ORG_A);
      expect(detail.history.at(-1)?.remark).toBe('spaced');
    });
  });

  describe('extend reservation: reserved -> reserved (charged) until paid-until', () => {
    beforeEach(async () => {
      await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'hold' });
      t.clock.advance(DAY_MS);
    });

    it('a date alone means through the end of that UTC day', async () => {
      const { detail, event } = await oneEvent(() =>
        t.inventory.act('extend', { number: n, didReservationUuid: DID_1, paidUntil: '2026-03-31' }),
      );
      expect(detail.state).toBe('reserved');
      expect(detail.expiresAt).toBe('2026-04-01T00:00:00.000Z');
      expect(detail.reservation).toEqual({
        kind: 'charged',
        origin: 'manual',
        orgUuid: ORG_A,
        didReservationUuid: DID_1,
        expiresAt: '2026-04-01T00:00:00.000Z',
      });
      expect(event).toMatchObject({
        action: 'extend',
        from: 'reserved',
        to: 'reserved',
        at: at(T0_MS + DAY_MS),
        actor: 'tester',
        remark: null,
        details: {
          didReservationUuid: DID_1,
          kind: 'charged',
          expiresAt: '2026-04-01T00:00:00.000Z',
          previousExpiresAt: '2026-02-02T09:00:00.000Z',
        },
      });
    });

    it('an exact time (with or without a zone) is the deadline itself, in UTC', async () => {
      let detail = await t.inventory.act('extend', {
        number: n,
        didReservationUuid: DID_1,
        paidUntil: '2026-03-31T12:30:00+08:00',
        remark: 'paid',
      });
      expect(detail.expiresAt).toBe('2026-03-31T04:30:00.000Z');
      expect(detail.history.at(-1)?.remark).toBe('paid');
      detail = await t.inventory.act('extend', { number: n, didReservationUuid: DID_1, paidUntil: '2026-04-30T18:00' });
      expect(detail.expiresAt).toBe('2026-04-30T18:00:00.000Z');
    });

    it('keeps the reserver and origin of a reservation made by a subscription event', async () => {
      await t.inventory.act('release', { number: n, remark: 'r' });
      await t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_B });
      await t.inventory.act('subscription-terminated', { number: n });
      const detail = await t.inventory.act('extend', { number: n, didReservationUuid: DID_1, paidUntil: '2026-06-01' });
      expect(detail.reservation).toMatchObject({
        kind: 'charged',
        origin: 'subscription-terminated',
        orgUuid: ORG_B,
        didReservationUuid: DID_1,
      });
    });

    it('refuses a paid-until date in the past or not after the current deadline, changing nothing', async () => {
      const past = await expectStoreRefusal(t, 'INVALID_INPUT', () =>
        t.inventory.act('extend', { number: n, didReservationUuid: DID_1, paidUntil: '2026-01-01' }),
      );
      expect(past.message).toContain(n);
      expect(past.message).toContain('the reservation would end at 2026-01-02 00:00 UTC, which is not in the future');
      expect(past.message).not.toContain('allowed while');
      await expectStoreRefusal(t, 'INVALID_INPUT', () =>
        t.inventory.act('extend', { number: n, didReservationUuid: DID_1, paidUntil: '2026-02-02T09:00:00Z' }),
      );
    });
  });

  describe('release: reserved -> available', () => {
    it('clears the reservation and keeps who held it in the audit event', async () => {
      await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'hold' });
      t.clock.advance(5 * DAY_MS);
      const { detail, event } = await oneEvent(() => t.inventory.act('release', { number: n, remark: 'customer declined' }));
      expect(detail).toMatchObject({ state: 'available', reservation: null, expiresAt: null, ownerUuid: null, version: 3 });
      expect(event).toMatchObject({
        action: 'release',
        from: 'reserved',
        to: 'available',
        at: at(T0_MS + 5 * DAY_MS),
        remark: 'customer declined',
        details: { orgUuid: ORG_A, previousExpiresAt: '2026-02-02T09:00:00.000Z' },
      });
    });
  });

  describe('lock: available -> locked for the lock period; unlock: locked -> available', () => {
    it('locks for 28 days by default', async () => {
      const { detail, event } = await oneEvent(() => t.inventory.act('lock', { number: n, remark: 'fraud check' }));
      expect(detail).toMatchObject({
        state: 'locked',
        expiresAt: '2026-02-02T09:00:00.000Z',
        lockExpiresAt: '2026-02-02T09:00:00.000Z',
        reservation: null,
      });
      expect(event).toMatchObject({
        action: 'lock',
        from: 'available',
        to: 'locked',
        at: T0,
        remark: 'fraud check',
        details: { expiresAt: '2026-02-02T09:00:00.000Z', periodDays: 28 },
      });
    });

    it('uses the lock period setting', async () => {
      await t.setRawSetting('lockPeriodDays', '10');
      const detail = await t.inventory.act('lock', { number: n, remark: 'short lock' });
      expect(detail.expiresAt).toBe(at(T0_MS + 10 * DAY_MS));
    });

    it('unlocks back to available', async () => {
      await t.inventory.act('lock', { number: n, remark: 'l' });
      t.clock.advance(60_000);
      const { detail, event } = await oneEvent(() => t.inventory.act('unlock', { number: n, remark: 'cleared' }));
      expect(detail).toMatchObject({ state: 'available', expiresAt: null, lockExpiresAt: null });
      expect(event).toMatchObject({
        action: 'unlock',
        from: 'locked',
        to: 'available',
        at: at(T0_MS + 60_000),
        remark: 'cleared',
        details: { previousExpiresAt: '2026-02-02T09:00:00.000Z' },
      });
    });
  });

  describe('delete: available or locked -> deleted, with a reason; recover: deleted -> available', () => {
    for (const reason of DELETE_REASONS) {
      for (const from of ['available', 'locked'] as const) {
        it(`deletes a ${from} number as ${reason}`, async () => {
          if (from === 'locked') await t.inventory.act('lock', { number: n, remark: 'l' });
          const { detail, event } = await oneEvent(() => t.inventory.act('delete', { number: n, reason, remark: `gone: ${reason}` }));
          expect(detail).toMatchObject({ state: 'deleted', deletedReason: reason, expiresAt: null, lockExpiresAt: null });
          expect(event).toMatchObject({ action: 'delete', from, to: 'deleted', at: T0, remark: `gone: ${reason}`, details: { reason } });
        });
      }
    }

    it('recovers a deleted number, forgetting the reason on the number but not in the history', async () => {
      await t.inventory.act('delete', { number: n, reason: 'ported-out', remark: 'd' });
      const { detail, event } = await oneEvent(() => t.inventory.act('recover', { number: n, remark: 'ported back' }));
      expect(detail).toMatchObject({ state: 'available', deletedReason: null });
      expect(event).toMatchObject({
        action: 'recover',
        from: 'deleted',
        to: 'available',
        remark: 'ported back',
        details: { previousReason: 'ported-out' },
      });
    });
  });

  describe('assign: available, or reserved for the same org -> assigned', () => {
    it('assigns an available number to a subscription and owner', async () => {
      const { detail, event } = await oneEvent(() => t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_A }));
      expect(detail).toMatchObject({ state: 'assigned', subscriptionUuid: SUB_1, ownerUuid: ORG_A, reservation: null, expiresAt: null });
      expect(event).toMatchObject({
        action: 'assign',
        from: 'available',
        to: 'assigned',
        at: T0,
        remark: null,
        details: { subscriptionUuid: SUB_1, ownerUuid: ORG_A },
      });
    });

    it('assigns a number reserved for the same org', async () => {
      await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'hold' });
      const { detail, event } = await oneEvent(() =>
        t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_A, remark: 'bought' }),
      );
      expect(detail).toMatchObject({ state: 'assigned', ownerUuid: ORG_A, reservation: null, expiresAt: null });
      expect(event).toMatchObject({
        from: 'reserved',
        to: 'assigned',
        remark: 'bought',
        details: { orgUuid: ORG_A, subscriptionUuid: SUB_1 },
      });
    });

    it('refuses a number reserved for another org with ORG_MISMATCH, changing nothing', async () => {
      await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'hold' });
      const error = await expectStoreRefusal(t, 'ORG_MISMATCH', () =>
        t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_B }),
      );
      expect(error.message).toContain(n);
      expect(error.message).toContain(ORG_A);
    });
  });

  describe('subscription events: assigned -> reserved for the owner from the effective time', () => {
    const cases = [
      { action: 'subscription-expired', days: 56 },
      { action: 'subscription-terminated', days: 28 },
      { action: 'swapped-out', days: 1 },
    ] as const;
    for (const { action, days } of cases) {
      it(`${action}: effective time + ${days} days, reserved for the owner`, async () => {
        await t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_B });
        t.clock.advance(10 * DAY_MS);
        const effective = '2026-01-10T17:45:30.250Z';
        const { detail, event } = await oneEvent(() => t.inventory.act(action, { number: n, at: effective }));
        const due = at(Date.parse(effective) + days * DAY_MS);
        expect(detail).toMatchObject({ state: 'reserved', ownerUuid: null, subscriptionUuid: null, expiresAt: due });
        expect(detail.reservation).toEqual({ kind: 'free', origin: action, orgUuid: ORG_B, didReservationUuid: null, expiresAt: due });
        expect(event).toMatchObject({
          action,
          from: 'assigned',
          to: 'reserved',
          at: at(T0_MS + 10 * DAY_MS),
          details: { effectiveAt: effective, expiresAt: due, periodDays: days, orgUuid: ORG_B, subscriptionUuid: SUB_1 },
        });
      });

      it(`${action}: the effective time defaults to now; a future time is refused`, async () => {
        await t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_B });
        await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.act(action, { number: n, at: '2026-01-05T09:00:01Z' }));
        const detail = await t.inventory.act(action, { number: n });
        expect(detail.expiresAt).toBe(at(T0_MS + days * DAY_MS));
      });
    }
  });

  describe('settings: a duration change applies to new deadlines only', () => {
    it('keeps existing deadlines and uses the new durations for later actions', async () => {
      const [m, k, j] = await addSgNumbers(t.inventory, 3, 6561230200);
      await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'old period' });
      await t.inventory.act('lock', { number: m, remark: 'old period' });
      await t.setRawSetting('reservationDays', '14');
      await t.setRawSetting('lockPeriodDays', '3');
      await t.setRawSetting('subscriptionTerminatedDays', '7');
      expect((await t.inventory.show(n)).expiresAt).toBe('2026-02-02T09:00:00.000Z');
      expect((await t.inventory.show(m)).expiresAt).toBe('2026-02-02T09:00:00.000Z');
      expect((await t.inventory.act('reserve', { number: k, orgUuid: ORG_A, remark: 'new period' })).expiresAt).toBe(
        at(T0_MS + 14 * DAY_MS),
      );
      expect((await t.inventory.act('lock', { number: j, remark: 'new period' })).expiresAt).toBe(at(T0_MS + 3 * DAY_MS));
      await t.inventory.act('release', { number: k, remark: 'r' });
      await t.inventory.act('assign', { number: k, subscriptionUuid: SUB_1, ownerUuid: ORG_A });
      expect((await t.inventory.act('subscription-terminated', { number: k })).expiresAt).toBe(at(T0_MS + 7 * DAY_MS));
    });
  });

  describe('audit trail', () => {
    it('keeps a complete history, oldest first, whose from/to chain ends in the current state', async () => {
      await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'a' });
      await t.inventory.act('release', { number: n, remark: 'b' });
      await t.inventory.act('lock', { number: n, remark: 'c' });
      await t.inventory.act('delete', { number: n, reason: 'faulty', remark: 'd' });
      await t.inventory.act('recover', { number: n, remark: 'e' });
      const detail = await t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_A });
      expect(detail.history.map((e) => e.action)).toEqual(['add', 'reserve', 'release', 'lock', 'delete', 'recover', 'assign']);
      expect(detail.history[0]).toMatchObject({ from: null, to: 'available', actor: 'tester', at: T0 });
      for (let i = 1; i < detail.history.length; i++) expect(detail.history[i].from).toBe(detail.history[i - 1].to);
      expect(detail.history.at(-1)?.to).toBe(detail.state);
      expect(detail.version).toBe(detail.history.length);
    });

    it('records the operator name from settings when no actor is fixed', async () => {
      await t.setRawSetting('operatorName', '"Ops Alice"');
      const unnamed = t.withoutActor();
      const detail = await unnamed.act('lock', { number: n, remark: 'x' });
      expect(detail.history.at(-1)?.actor).toBe('Ops Alice');
    });
  });

  describe('expiry sweep: reserved or locked past the deadline -> available', () => {
    it('releases a reservation at its deadline, not a millisecond before, once', async () => {
      await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'hold' });
      t.clock.set('2026-02-02T08:59:59.999Z');
      expect(await t.inventory.sweep()).toEqual([]);
      expect((await t.inventory.show(n)).state).toBe('reserved');
      t.clock.set('2026-02-02T09:00:00.000Z');
      const before = await t.eventCount();
      expect(await t.inventory.sweep()).toEqual([{ number: n, from: 'reserved', expiredAt: '2026-02-02T09:00:00.000Z' }]);
      expect(await t.eventCount()).toBe(before + 1);
      const detail = await t.inventory.show(n);
      expect(detail).toMatchObject({ state: 'available', reservation: null, expiresAt: null });
      expect(detail.history.at(-1)).toMatchObject({
        action: 'expire',
        from: 'reserved',
        to: 'available',
        at: '2026-02-02T09:00:00.000Z',
        // The sweep's act, not the operator's (see sweep-actor.test.ts).
        actor: 'system (expiry sweep)',
        remark: null,
        details: { dueAt: '2026-02-02T09:00:00.000Z', orgUuid: ORG_A },
      });
      // Idempotent: nothing more is due, nothing more is written.
      t.clock.advance(DAY_MS);
      expect(await t.inventory.sweep()).toEqual([]);
      expect(await t.eventCount()).toBe(before + 1);
    });

    it('releases an expired lock and leaves what is not due', async () => {
      const [m, k] = await addSgNumbers(t.inventory, 2, 6561230100);
      await t.inventory.act('lock', { number: n, remark: 'l' });
      await t.inventory.act('assign', { number: k, subscriptionUuid: SUB_1, ownerUuid: ORG_A });
      t.clock.advance(DAY_MS);
      await t.inventory.act('reserve', { number: m, orgUuid: ORG_A, remark: 'later' });
      t.clock.set('2026-02-02T10:00:00.000Z');
      expect(await t.inventory.sweep()).toEqual([{ number: n, from: 'locked', expiredAt: '2026-02-02T09:00:00.000Z' }]);
      const locked = await t.inventory.show(n);
      expect(locked).toMatchObject({ state: 'available', lockExpiresAt: null });
      expect(locked.history.at(-1)).toMatchObject({
        action: 'expire',
        from: 'locked',
        to: 'available',
        details: { dueAt: '2026-02-02T09:00:00.000Z' },
      });
      expect((await t.inventory.show(m)).state).toBe('reserved');
      expect((await t.inventory.show(k)).state).toBe('assigned');
    });

    it('releases a charged reservation at its paid-until deadline', async () => {
      await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'hold' });
      await t.inventory.act('extend', { number: n, didReservationUuid: DID_1, paidUntil: '2026-03-31' });
      t.clock.set('2026-03-31T23:59:59.999Z');
      expect(await t.inventory.sweep()).toEqual([]);
      t.clock.set('2026-04-01T00:00:00.000Z');
      expect((await t.inventory.sweep()).map((r) => r.number)).toEqual([n]);
    });

    it('never expires a permanent (legacy) lock with no deadline, which an operator can still unlock', async () => {
      const legacy = '+6561239999';
      await t.insertLegacyLock(legacy, '2020-01-01T00:00:00.000Z');
      const shown = await t.inventory.show(legacy);
      expect(shown).toMatchObject({ state: 'locked', expiresAt: null, lockExpiresAt: null });
      t.clock.set('2046-01-01T00:00:00.000Z');
      expect(await t.inventory.sweep()).toEqual([]);
      expect((await t.inventory.show(legacy)).state).toBe('locked');
      const detail = await t.inventory.act('unlock', { number: legacy, remark: 'reviewed' });
      expect(detail.state).toBe('available');
      expect(detail.history.map((e) => [e.action, e.from, e.to])).toEqual([['unlock', 'locked', 'available']]);
    });
  });
});
