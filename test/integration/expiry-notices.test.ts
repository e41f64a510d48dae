// The seed's reservation and lock deadlines, warnings and expiry notices at exact instants, on both
// stores (a real SQLite file and a team database) with a manual clock: one sweep applies every due
// expiry and queues every due notice, each exactly once per hold (the reservation or lock, named by
// the event that started it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSgNumbers, DID_1, SUB_1, T0 } from '../helpers/inventory';
import { STORES, type StoreUnderTest } from '../helpers/stores';
import { CUSTOMER_ORG, noticeDump, outboxDump, PARTNER_ORG, plusDays, sweepAt, UNKNOWN_ORG } from '../helpers/expiry';

describe.each(STORES)('on the $name', (store) => {
  let t: StoreUnderTest;
  let n: string;
  beforeEach(async () => {
    t = await store.open();
    [n] = await addSgNumbers(t.inventory, 1);
    await t.inventory.saveOrganization({
      uuid: CUSTOMER_ORG,
      name: 'Acme Customer',
      type: 'customer',
      billingEmail: 'billing@acme.test',
      ownerEmail: 'owner@acme.test',
    });
    await t.inventory.saveOrganization({
      uuid: PARTNER_ORG,
      name: 'Pat Partner',
      type: 'partner',
      billingEmail: 'billing@pat.test',
      ownerEmail: 'owner@pat.test',
    });
  });
  afterEach(() => t.close());

  describe('subscription expired at T: reserved until T+56d, warned at T+49d, released at T+56d', () => {
    it('follows the exact instants and emails the customer billing address once', async () => {
      await t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: CUSTOMER_ORG });
      const detail = await t.inventory.act('subscription-expired', { number: n });
      expect(detail.expiresAt).toBe(plusDays(T0, 56));
      // The audit event that started the reservation names it.
      const hold = detail.history[detail.history.length - 1];
      expect(hold.action).toBe('subscription-expired');

      expect((await sweepAt(t, plusDays(T0, 49, -1))).notified).toEqual([]);
      const warned = await sweepAt(t, plusDays(T0, 49));
      expect(warned.released).toEqual([]);
      expect(warned.notified).toEqual([
        {
          key: `${n}|reservation-warning|${plusDays(T0, 56)}|hold ${hold.id}`,
          holdEventId: hold.id,
          number: n,
          kind: 'reservation-warning',
          deadline: plusDays(T0, 56),
          emails: [{ role: 'reserver', recipient: 'billing@acme.test', status: 'queued' }],
        },
      ]);
      expect((await sweepAt(t, plusDays(T0, 52))).notified).toEqual([]);
      expect((await sweepAt(t, plusDays(T0, 56, -1))).released).toEqual([]);
      expect((await t.inventory.show(n)).state).toBe('reserved');

      const released = await sweepAt(t, plusDays(T0, 56));
      expect(released.released).toEqual([{ number: n, from: 'reserved', expiredAt: plusDays(T0, 56) }]);
      // The expiry of a reservation is shown in the app; the seed emails the reserver only the warning.
      expect(released.notified.map((x) => [x.kind, x.emails.length])).toEqual([['reservation-expired', 0]]);
      expect((await t.inventory.show(n)).state).toBe('available');
      expect(await outboxDump(t)).toEqual([
        {
          number: n,
          kind: 'reservation-warning',
          deadline: plusDays(T0, 56),
          role: 'reserver',
          recipient: 'billing@acme.test',
          status: 'queued',
        },
      ]);
    });

    it('subscription terminated: 28 days; swapped out: 1 day, warned at once since it is inside the lead', async () => {
      const [m] = await addSgNumbers(t.inventory, 1, 6561239000);
      for (const x of [n, m]) await t.inventory.act('assign', { number: x, subscriptionUuid: SUB_1, ownerUuid: PARTNER_ORG });
      await t.inventory.act('subscription-terminated', { number: n });
      await t.inventory.act('swapped-out', { number: m });
      const first = await sweepAt(t, T0);
      expect(first.notified.map((x) => [x.number, x.kind, x.deadline])).toEqual([[m, 'reservation-warning', plusDays(T0, 1)]]);
      expect(first.notified[0].emails).toEqual([{ role: 'reserver', recipient: 'owner@pat.test', status: 'queued' }]);
      const meanwhile = await sweepAt(t, plusDays(T0, 21, -1));
      expect(meanwhile.released.map((x) => [x.number, x.expiredAt])).toEqual([[m, plusDays(T0, 1)]]);
      expect(meanwhile.notified.map((x) => [x.number, x.kind])).toEqual([[m, 'reservation-expired']]);
      expect((await sweepAt(t, plusDays(T0, 21))).notified.map((x) => [x.number, x.kind])).toEqual([[n, 'reservation-warning']]);
    });
  });

  describe('manual reservation: 28 days, warned at 21 days', () => {
    it('warns a partner reserver at its owner email exactly at T+21d', async () => {
      await t.inventory.act('reserve', { number: n, orgUuid: PARTNER_ORG, remark: 'hold' });
      expect((await sweepAt(t, plusDays(T0, 21, -1))).notified).toEqual([]);
      const r = await sweepAt(t, plusDays(T0, 21));
      expect(r.notified.map((x) => x.emails)).toEqual([[{ role: 'reserver', recipient: 'owner@pat.test', status: 'queued' }]]);
      const email = (await t.inventory.outbox()).rows[0];
      expect(email.subject).toBe(`Reservation of ${n} expires on 2026-02-02 09:00 UTC`);
      expect(email.body).toContain(
        `The phone number ${n} is reserved for Pat Partner (${PARTNER_ORG}) until 2026-02-02 09:00 UTC (in 7 days).`,
      );
      expect(email.body).toContain('State:    Reserved (free reservation)');
      expect(email.body).toContain(`Deadline: ${plusDays(T0, 28)}`);
      expect(email.body).toContain('Action to take: to keep this number, purchase a DID Reservation');
    });

    it('an unknown org, or an org without the address, is queued as "no recipient", not dropped', async () => {
      const [m] = await addSgNumbers(t.inventory, 1, 6561239000);
      await t.inventory.saveOrganization(
        { uuid: PARTNER_ORG, name: 'Pat Partner', type: 'partner', billingEmail: 'billing@pat.test', ownerEmail: null },
        'update',
      );
      await t.inventory.act('reserve', { number: n, orgUuid: UNKNOWN_ORG, remark: 'hold' });
      await t.inventory.act('reserve', { number: m, orgUuid: PARTNER_ORG, remark: 'hold' });
      await sweepAt(t, plusDays(T0, 21));
      expect((await outboxDump(t)).map((e) => [e.number, e.recipient, e.status])).toEqual([
        [n, null, 'no-recipient'],
        [m, null, 'no-recipient'],
      ]);
      expect((await t.inventory.outbox({ statuses: ['no-recipient'] })).rows.length).toBe(2);
    });

    it('extending the reservation warns again before the new deadline; the same deadline never twice', async () => {
      await t.inventory.act('reserve', { number: n, orgUuid: CUSTOMER_ORG, remark: 'hold' });
      await sweepAt(t, plusDays(T0, 22));
      await sweepAt(t, plusDays(T0, 23));
      await t.inventory.act('extend', { number: n, didReservationUuid: DID_1, paidUntil: '2026-03-31T00:00:00Z' });
      expect((await sweepAt(t, '2026-03-24T00:00:00.000Z')).notified.map((x) => x.deadline)).toEqual(['2026-03-31T00:00:00.000Z']);
      expect((await sweepAt(t, '2026-03-25T00:00:00.000Z')).notified).toEqual([]);
      expect(await noticeDump(t)).toEqual([
        { number: n, kind: 'reservation-warning', deadline: plusDays(T0, 28) },
        { number: n, kind: 'reservation-warning', deadline: '2026-03-31T00:00:00.000Z' },
      ]);
    });
  });

  describe('locks: support is told 7 days before and at expiry; permanent locks notify nothing', () => {
    it('emails partner support and operator support at T+21d and again at release at T+28d', async () => {
      await t.inventory.updateSettings({ partnerSupportEmail: 'support@partner.test', operatorSupportEmail: 'support@b3.test' });
      await t.inventory.act('lock', { number: n, remark: 'hold' });
      expect((await sweepAt(t, plusDays(T0, 21, -1))).notified).toEqual([]);
      await sweepAt(t, plusDays(T0, 21));
      expect((await sweepAt(t, plusDays(T0, 28, -1))).released).toEqual([]);
      const r = await sweepAt(t, plusDays(T0, 28));
      expect(r.released).toEqual([{ number: n, from: 'locked', expiredAt: plusDays(T0, 28) }]);
      const deadline = plusDays(T0, 28);
      expect(await outboxDump(t)).toEqual([
        { number: n, kind: 'lock-warning', deadline, role: 'partner-support', recipient: 'support@partner.test', status: 'queued' },
        { number: n, kind: 'lock-warning', deadline, role: 'operator-support', recipient: 'support@b3.test', status: 'queued' },
        { number: n, kind: 'lock-expired', deadline, role: 'partner-support', recipient: 'support@partner.test', status: 'queued' },
        { number: n, kind: 'lock-expired', deadline, role: 'operator-support', recipient: 'support@b3.test', status: 'queued' },
      ]);
      const expired = (await t.inventory.outbox()).rows.find((e) => e.subject.includes('expired'));
      expect(expired?.body).toContain('State:    Available (was Locked)');
    });

    it('support not configured: both notices queued as "no recipient"', async () => {
      await t.inventory.act('lock', { number: n, remark: 'hold' });
      await sweepAt(t, plusDays(T0, 28));
      // Released at the deadline with no earlier sweep: the expiry notice only, no late warning.
      expect((await outboxDump(t)).map((e) => [e.kind, e.role, e.status])).toEqual([
        ['lock-expired', 'partner-support', 'no-recipient'],
        ['lock-expired', 'operator-support', 'no-recipient'],
      ]);
    });

    it('a permanent (legacy) lock is never released and never notified', async () => {
      await t.inventory.act('lock', { number: n, remark: 'legacy' });
      await t.rows(`UPDATE numbers SET expires_at = NULL WHERE number = '${n}'`);
      const r = await sweepAt(t, plusDays(T0, 3650));
      expect(r).toMatchObject({ released: [], notified: [] });
      expect(await t.inventory.nextDueInstant()).toBeNull();
      expect((await t.inventory.show(n)).state).toBe('locked');
    });

    it('the lock period and lead are settings, applied to new deadlines only', async () => {
      await t.inventory.act('lock', { number: n, remark: 'old period' });
      await t.inventory.updateSettings({ lockPeriodDays: 10, warningLeadDays: 2 });
      const [m] = await addSgNumbers(t.inventory, 1, 6561239000);
      expect((await t.inventory.act('lock', { number: m, remark: 'new period' })).expiresAt).toBe(plusDays(T0, 10));
      expect((await t.inventory.show(n)).expiresAt).toBe(plusDays(T0, 28));
      expect(await t.inventory.nextDueInstant()).toBe(plusDays(T0, 8));
      expect((await sweepAt(t, plusDays(T0, 8))).notified.map((x) => x.number)).toEqual([m]);
    });
  });

  describe('catch-up and clock changes', () => {
    it('after 60 days closed: every expiry and notice exactly once, no late warnings for released numbers', async () => {
      const numbers = await addSgNumbers(t.inventory, 3, 6561239000);
      await t.inventory.act('lock', { number: numbers[0], remark: 'x' });
      await t.inventory.act('reserve', { number: numbers[1], orgUuid: CUSTOMER_ORG, remark: 'x' });
      await t.inventory.act('reserve', { number: numbers[2], orgUuid: CUSTOMER_ORG, remark: 'x' });
      await t.inventory.act('extend', { number: numbers[2], didReservationUuid: DID_1, paidUntil: plusDays(T0, 63) });
      const r = await sweepAt(t, plusDays(T0, 60));
      expect(r.released.map((x) => x.number).sort()).toEqual([numbers[0], numbers[1]].sort());
      expect(r.notified.map((x) => [x.number, x.kind]).sort()).toEqual(
        [
          [numbers[0], 'lock-expired'],
          [numbers[1], 'reservation-expired'],
          [numbers[2], 'reservation-warning'],
        ].sort(),
      );
      expect(await sweepAt(t, plusDays(T0, 60))).toMatchObject({ released: [], notified: [] });
      expect(await t.rows("SELECT CAST(count(*) AS integer) AS c FROM events WHERE action = 'expire'")).toEqual([{ c: 2 }]);
    });

    it('clock set back then forward: no double release or notice, none missed', async () => {
      await t.inventory.act('lock', { number: n, remark: 'x' });
      await sweepAt(t, plusDays(T0, 22));
      await sweepAt(t, plusDays(T0, 5)); // set back
      const forward = await sweepAt(t, plusDays(T0, 29));
      expect(forward.released.map((x) => x.number)).toEqual([n]);
      await sweepAt(t, plusDays(T0, 20)); // back again, before the old warning instant
      await sweepAt(t, plusDays(T0, 40));
      expect((await noticeDump(t)).map((x) => x.kind)).toEqual(['lock-warning', 'lock-expired']);
      const history = (await t.inventory.show(n)).history.map((e) => e.action);
      expect(history).toEqual(['add', 'lock', 'expire']);
    });

    it('the release and its queued email are one transaction: if queueing fails nothing is released', async () => {
      await t.inventory.act('lock', { number: n, remark: 'x' });
      await t.rows(
        t.engine === 'sqlite'
          ? "CREATE TRIGGER boom BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END"
          : "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$",
      );
      if (t.engine === 'postgres') await t.rows('CREATE TRIGGER boom BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION boom()');
      t.clock.set(plusDays(T0, 28));
      await expect(t.inventory.sweepReport()).rejects.toThrow('outbox unavailable');
      expect((await t.inventory.show(n)).state).toBe('locked');
      expect(await noticeDump(t)).toEqual([]);
      await t.rows(t.engine === 'sqlite' ? 'DROP TRIGGER boom' : 'DROP TRIGGER boom ON outbox');
      expect((await t.inventory.sweepReport()).released.map((x) => x.number)).toEqual([n]);
    });
  });
});
