// A notice belongs to the hold it is about (the reservation or lock, started by its audit event),
// not to the number and deadline: a later hold that happens to end at the same instant as an
// earlier one is warned and released with notice like any other, and each hold exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSgNumbers, DID_1, freshInventory, SUB_1, T0, type TestInventory } from '../helpers/inventory';
import { CUSTOMER_ORG, noticeDump, outboxDump, PARTNER_ORG, plusDays, sweepAt } from '../helpers/expiry';

let t: TestInventory;
let n: string;
beforeEach(async () => {
  t = freshInventory();
  [n] = await addSgNumbers(t.inventory, 1);
  await t.inventory.saveOrganization({ uuid: CUSTOMER_ORG, name: 'Acme Customer', type: 'customer', billingEmail: 'billing@acme.test' });
  await t.inventory.saveOrganization({ uuid: PARTNER_ORG, name: 'Pat Partner', type: 'partner', ownerEmail: 'owner@pat.test' });
});
afterEach(() => t.close());

describe('a later hold ending at the same deadline as an earlier one', () => {
  it('release, assign, swap-out and an extension to the same date: the new reserver is warned, then released with notice', async () => {
    const deadline = plusDays(T0, 28);
    await t.inventory.act('reserve', { number: n, orgUuid: CUSTOMER_ORG, remark: 'first hold' });
    expect((await sweepAt(t, plusDays(T0, 21))).notified.map((x) => [x.kind, x.deadline])).toEqual([['reservation-warning', deadline]]);

    t.clock.set(plusDays(T0, 22));
    await t.inventory.act('release', { number: n, remark: 'customer walked away' });
    await t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: PARTNER_ORG });
    await t.inventory.act('swapped-out', { number: n });
    expect((await t.inventory.act('extend', { number: n, didReservationUuid: DID_1, paidUntil: deadline })).expiresAt).toBe(deadline);

    const warned = await sweepAt(t, plusDays(T0, 22));
    expect(warned.notified.map((x) => [x.number, x.kind, x.deadline, x.emails])).toEqual([
      [n, 'reservation-warning', deadline, [{ role: 'reserver', recipient: 'owner@pat.test', status: 'queued' }]],
    ]);
    // The same hold is never warned twice.
    expect((await sweepAt(t, plusDays(T0, 23))).notified).toEqual([]);

    const released = await sweepAt(t, deadline);
    expect(released.released).toEqual([{ number: n, from: 'reserved', expiredAt: deadline }]);
    expect(released.notified.map((x) => [x.kind, x.deadline])).toEqual([['reservation-expired', deadline]]);
    expect((await outboxDump(t.inventory.db)).map((e) => [e.kind, e.deadline, e.recipient])).toEqual([
      ['reservation-warning', deadline, 'billing@acme.test'],
      ['reservation-warning', deadline, 'owner@pat.test'],
    ]);
  });

  it('with a fixed clock: two holds released at the same instant each get their expiry notice, once', async () => {
    const now = plusDays(T0, 10);
    t.clock.set(now);
    // Swapped out a day ago: the one-day reservation ends exactly now, so the sweep releases it at once.
    const aDayAgo = plusDays(now, -1);
    for (let hold = 0; hold < 2; hold++) {
      await t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: CUSTOMER_ORG });
      expect((await t.inventory.act('swapped-out', { number: n, at: aDayAgo })).expiresAt).toBe(now);
      const swept = await t.inventory.sweepReport();
      expect(swept.released.map((x) => [x.number, x.expiredAt])).toEqual([[n, now]]);
      expect(swept.notified.map((x) => [x.number, x.kind, x.deadline])).toEqual([[n, 'reservation-expired', now]]);
    }
    expect(await t.inventory.sweepReport()).toMatchObject({ released: [], notified: [] });
    expect(await noticeDump(t.inventory.db)).toEqual([
      { number: n, kind: 'reservation-expired', deadline: now },
      { number: n, kind: 'reservation-expired', deadline: now },
    ]);
  });

  it('with a fixed clock: a lock released and locked again to the same deadline is warned again', async () => {
    await t.inventory.updateSettings({ partnerSupportEmail: 'support@partner.test', operatorSupportEmail: 'support@b3.test' });
    // A lead longer than the lock period: every new lock is inside it at once.
    await t.inventory.updateSettings({ warningLeadDays: 30 });
    for (let hold = 0; hold < 2; hold++) {
      await t.inventory.act('lock', { number: n, remark: `lock ${hold + 1}` });
      const swept = await t.inventory.sweepReport();
      expect(swept.notified.map((x) => [x.kind, x.deadline])).toEqual([['lock-warning', plusDays(T0, 28)]]);
      expect(await t.inventory.sweepReport()).toMatchObject({ notified: [] });
      await t.inventory.act('unlock', { number: n, remark: `unlock ${hold + 1}` });
    }
    expect((await noticeDump(t.inventory.db)).map((x) => x.kind)).toEqual(['lock-warning', 'lock-warning']);
  });
});
