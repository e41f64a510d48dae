// Low-stock notices: recorded once when a country and SKU's available numbers fall below the
// threshold, again only after the pair rose back and fell again; each queues an email to operator
// support, shows in the notification list and as one desktop notification.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeDesktopBatches } from '../../electron/core/notifications/desktop';
import { addSgNumbers, freshInventory, ORG_A, type TestInventory } from '../helpers/inventory';

let t: TestInventory;
beforeEach(async () => {
  t = freshInventory('2026-01-05T09:00:00.000Z');
  await t.inventory.updateSettings({ operatorSupportEmail: 'noc@b3.example', lowStockThreshold: 3 });
  await addSgNumbers(t.inventory, 4);
});
afterEach(() => t.close());

const lowStockNotices = async () =>
  (await t.inventory.notifications({ kinds: ['low-stock'] })).rows.map((n) => ({
    stock: n.stock,
    emails: n.emails.map((e) => e.recipient),
  }));

describe('low-stock notices', () => {
  it('are recorded once when a pair falls below the threshold, and again after it recovered and fell again', async () => {
    expect(await lowStockNotices()).toEqual([]);
    await t.inventory.act('lock', { number: '+6561230000', remark: 'faulty' }); // 3 available: not below 3
    expect(await lowStockNotices()).toEqual([]);
    await t.inventory.act('reserve', { number: '+6561230001', orgUuid: ORG_A, remark: 'pilot' }); // 2: below
    await t.inventory.act('lock', { number: '+6561230002', remark: 'faulty' }); // 1: still below, no second notice
    expect(await lowStockNotices()).toEqual([{ stock: { country: 'SG', sku: 'SG-DID', available: 2 }, emails: ['noc@b3.example'] }]);

    await t.inventory.act('unlock', { number: '+6561230000', remark: 'fixed' });
    await t.inventory.act('unlock', { number: '+6561230002', remark: 'fixed' }); // 3 available: recovered
    await t.inventory.act('lock', { number: '+6561230003', remark: 'faulty' }); // 2: a new fall
    expect(await lowStockNotices()).toEqual([
      { stock: { country: 'SG', sku: 'SG-DID', available: 2 }, emails: ['noc@b3.example'] },
      { stock: { country: 'SG', sku: 'SG-DID', available: 2 }, emails: ['noc@b3.example'] },
    ]);
    const email = (await t.inventory.outbox({})).rows[0];
    expect(email.subject).toBe('Low stock: SG SG-DID has 2 available numbers');
    expect(email.body).toContain('fell below the low-stock threshold of 3: 2 left');
  });

  it('are off with a threshold of 0, and a raised threshold tells at once', async () => {
    await t.inventory.updateSettings({ lowStockThreshold: 0 });
    await t.inventory.act('lock', { number: '+6561230000', remark: 'faulty' });
    await t.inventory.act('lock', { number: '+6561230001', remark: 'faulty' });
    expect(await lowStockNotices()).toEqual([]);
    await t.inventory.updateSettings({ lowStockThreshold: 10 });
    expect(await lowStockNotices()).toEqual([{ stock: { country: 'SG', sku: 'SG-DID', available: 2 }, emails: ['noc@b3.example'] }]);
  });

  it('show as one desktop notification that opens the pair', async () => {
    await t.inventory.act('lock', { number: '+6561230000', remark: 'faulty' });
    await t.inventory.act('lock', { number: '+6561230001', remark: 'faulty' });
    const batches = takeDesktopBatches(t.inventory.db, '2026-01-05T10:00:00.000Z');
    expect(batches.map(({ title, body, navigate }) => ({ title, body, navigate }))).toEqual([
      {
        title: 'Low stock: 1 country and SKU below the threshold',
        body: 'SG SG-DID (2 available)',
        navigate: { view: 'numbers', state: 'available', filter: { states: ['available'], countries: ['SG'], skus: ['SG-DID'] } },
      },
    ]);
  });

  it('a dry-run import writes no notice; the import itself does', async () => {
    // The threshold raised behind the inventory's back (another process): 4 available, below 10, not yet told.
    t.inventory.db.prepare(`UPDATE settings SET value = '10' WHERE key = 'lowStockThreshold'`).run();
    const file = path.join(t.dir, 'more.csv');
    fs.writeFileSync(file, 'number,state,country,vendor,sku\n+6561239999,available,SG,Singtel,SG-DID\n');
    const dryRun = await t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: true });
    expect(dryRun.counts.add).toBe(1);
    expect(await lowStockNotices()).toEqual([]);
    await t.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
    expect(await lowStockNotices()).toEqual([{ stock: { country: 'SG', sku: 'SG-DID', available: 5 }, emails: ['noc@b3.example'] }]);
  });
});
