// The dashboard's figures: stock per state by country, SKU and vendor (kept by triggers, so they
// follow every change), releases forecast by day and within 7/30/90 days, and low stock, on both
// stores.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RELEASES_WITHIN_SQL } from '../../electron/core/dashboard/queries';
import { addSgNumbers, freshInventory, ORG_A } from '../helpers/inventory';
import { FRESH_STOCK_SQL, STORES, type StoreUnderTest } from '../helpers/stores';

describe.each(STORES)('dashboard on the $name', (store) => {
  let t: StoreUnderTest;
  beforeEach(async () => {
    // 2026-01-05 09:00 (the stores' T0): five Singapore numbers, two British.
    t = await store.open();
    await addSgNumbers(t.inventory, 5);
    await t.inventory.add({ numbers: '+442071230000,+442071230001', vendor: 'BT', country: 'GB', sku: 'GB-GEO' });
  });
  afterEach(() => t.close());

  it('counts each state by country, SKU and vendor, following every change', async () => {
    await t.inventory.updateSettings({ reservationDays: 5 });
    await t.inventory.act('reserve', { number: '+6561230000', orgUuid: ORG_A, remark: 'pilot' });
    await t.inventory.act('lock', { number: '+6561230001', remark: 'faulty' });
    await t.inventory.act('delete', { number: '+442071230000', reason: 'faulty', remark: 'dead line' });
    const summary = await t.inventory.dashboard();
    expect(summary.stock.country).toEqual([
      { key: 'SG', counts: { available: 3, reserved: 1, locked: 1, assigned: 0, deleted: 0 } },
      { key: 'GB', counts: { available: 1, reserved: 0, locked: 0, assigned: 0, deleted: 1 } },
    ]);
    expect(summary.stock.sku.map((g) => g.key)).toEqual(['SG-DID', 'GB-GEO']);
    expect(summary.stock.vendor).toEqual([
      { key: 'Singtel', counts: { available: 3, reserved: 1, locked: 1, assigned: 0, deleted: 0 } },
      { key: 'BT', counts: { available: 1, reserved: 0, locked: 0, assigned: 0, deleted: 1 } },
    ]);
    expect(summary.totals).toEqual({ available: 4, reserved: 1, locked: 1, assigned: 0, deleted: 1 });
    // The maintained counts equal a count of the table itself.
    expect(await t.stockCounts()).toEqual(await t.rows(FRESH_STOCK_SQL));
  });

  it('forecasts the releases by day and within 7, 30 and 90 days', async () => {
    await t.inventory.updateSettings({ reservationDays: 5 });
    await t.inventory.act('reserve', { number: '+6561230000', orgUuid: ORG_A, remark: 'pilot' });
    await t.inventory.act('reserve', { number: '+6561230002', orgUuid: ORG_A, remark: 'pilot' });
    await t.inventory.act('lock', { number: '+6561230001', remark: 'faulty' }); // 28 days
    await t.inventory.updateSettings({ reservationDays: 60 });
    await t.inventory.act('reserve', { number: '+6561230003', orgUuid: ORG_A, remark: 'pilot' });
    await t.inventory.updateSettings({ reservationDays: 120 });
    await t.inventory.act('reserve', { number: '+6561230004', orgUuid: ORG_A, remark: 'pilot' }); // beyond 90 days
    const summary = await t.inventory.dashboard();
    expect(summary.releases).toEqual([
      { day: '2026-01-10', reserved: 2, locked: 0 },
      { day: '2026-02-02', reserved: 0, locked: 1 },
      { day: '2026-03-06', reserved: 1, locked: 0 },
    ]);
    expect(summary.releaseTotals).toEqual({
      7: { reserved: 2, locked: 0 },
      30: { reserved: 2, locked: 1 },
      90: { reserved: 3, locked: 1 },
    });
  });

  it('leaves out a release exactly at the horizon, from the days and the 90-day total alike', async () => {
    // Now is 09:00 on 5 Jan: a reservation of 90 days ends at 09:00 on 5 Apr, where the forecast ends.
    await t.inventory.updateSettings({ reservationDays: 90 });
    await t.inventory.act('reserve', { number: '+6561230000', orgUuid: ORG_A, remark: 'ends at the horizon' });
    const summary = await t.inventory.dashboard();
    // The horizon itself is excluded, as the 90-day total always excluded it.
    expect(summary.releases).toEqual([]);
    expect(summary.releaseTotals[90]).toEqual({ reserved: 0, locked: 0 });
  });

  it('lists the country and SKU pairs below the low-stock threshold, none when it is 0', async () => {
    await t.inventory.updateSettings({ lowStockThreshold: 3 });
    await t.inventory.act('lock', { number: '+6561230001', remark: 'faulty' });
    expect((await t.inventory.dashboard()).lowStock).toEqual([{ country: 'GB', sku: 'GB-GEO', available: 2 }]);
    await t.inventory.act('lock', { number: '+6561230002', remark: 'faulty' });
    await t.inventory.act('lock', { number: '+6561230003', remark: 'faulty' });
    await t.inventory.act('lock', { number: '+6561230004', remark: 'faulty' });
    // Fewest available first.
    expect((await t.inventory.dashboard()).lowStock).toEqual([
      { country: 'SG', sku: 'SG-DID', available: 1 },
      { country: 'GB', sku: 'GB-GEO', available: 2 },
    ]);
    await t.inventory.updateSettings({ lowStockThreshold: 0 });
    expect((await t.inventory.dashboard()).lowStock).toEqual([]);
  });
});

describe('the dashboard on the inventory file', () => {
  it('counts each day of the forecast on the deadline index alone: no table read, no sort', () => {
    const t = freshInventory('2026-01-05T09:00:00.000Z');
    try {
      const plan = t.inventory.db
        .prepare(`EXPLAIN QUERY PLAN ${RELEASES_WITHIN_SQL}`)
        .all('reserved', '2026-01-05T09:00:00.000Z', '2026-01-06T00:00:00.000Z') as { detail: string }[];
      expect(plan.map((step) => step.detail)).toEqual([
        expect.stringMatching(/^SEARCH numbers USING COVERING INDEX numbers_state_expires_at /),
      ]);
    } finally {
      t.close();
    }
  });
});
