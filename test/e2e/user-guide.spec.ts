// The user guide's screenshots (README, "User guide"): each flow of the life-cycle document, import,
// bulk actions, the dashboard and settings, taken in the real renderer on a small realistic
// inventory. `npm run guide` retakes them into docs/guide/ (committed); in an ordinary test run
// they go to test-results/guide/, so running the tests never changes the committed pictures.
// Each step also checks what the guide says happens, so a screenshot never shows a broken screen.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ACME, addOrganizations, DID_RESERVATION, GLOBEX, SUBSCRIPTION } from './seed';
import { chooseAction, confirm, expectCounts, field, grid, openDetail, search, selectTab } from './ui';

const GUIDE = path.resolve(
  __dirname,
  '..',
  '..',
  ...(process.env.NUMBER_INVENTORY_GUIDE === 'retake' ? ['docs'] : ['test-results']),
  'guide',
);

/** Writes one screenshot of the guide (the viewport, as the operator sees it). */
async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(GUIDE, { recursive: true });
  await page.screenshot({ path: path.join(GUIDE, `${name}.png`) });
}

const SG = Array.from({ length: 24 }, (_, i) => `+656123${String(4500 + i)}`);
const GB = Array.from({ length: 8 }, (_, i) => `+4420718${String(38700 + i)}`);

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeEach(async ({ app }) => {
  await addOrganizations(app);
  await app.call('numbers:add', {
    numbers: SG.slice(0, 16).join(','),
    vendor: 'Singtel',
    country: 'SG',
    sku: 'SG-DID-STD',
    capabilities: ['voice', 'sms'],
  });
  await app.call('numbers:add', {
    numbers: SG.slice(16).join(','),
    vendor: 'StarHub',
    country: 'SG',
    sku: 'SG-DID-GOLD',
    capabilities: ['voice'],
    golden: true,
  });
  await app.call('numbers:add', {
    numbers: GB.join(','),
    vendor: 'Colt',
    country: 'GB',
    sku: 'GB-GEO',
    capabilities: ['voice', 'fax'],
    routing: 'lon-1',
  });
  for (const number of SG.slice(0, 3)) await app.call('numbers:reserve', { number, orgUuid: ACME.uuid, remark: 'Trial for Acme' });
  await app.call('numbers:lock', { number: SG[3], remark: 'Held for an unnamed reseller' });
  await app.call('numbers:assign', { number: SG[4], subscriptionUuid: SUBSCRIPTION, ownerUuid: GLOBEX.uuid });
  await app.call('numbers:delete', { number: GB[7], reason: 'faulty', remark: 'No dial tone' });
});

test('Guide: the dashboard and the inventory with a search', async ({ page, app }) => {
  await app.openHome();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await shot(page, 'dashboard');

  await page.getByRole('link', { name: 'Inventory' }).click();
  await expectCounts(page, { Available: 26, Reserved: 3, Locked: 1, Assigned: 1, Deleted: 1 });
  await page.getByRole('button', { name: 'Advanced search' }).click();
  const panel = page.getByRole('dialog', { name: 'Advanced search' });
  await panel.getByRole('textbox', { name: 'Number pattern' }).fill('+65*');
  await panel.getByRole('combobox', { name: 'Vendor' }).fill('singtel');
  await expect(panel.getByRole('status')).toHaveText('11 matching numbers on the Available tab; 5 more on other tabs');
  await shot(page, 'advanced-search');
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(grid(page, 'Available').getByRole('row')).toHaveCount(1 + 11);
  await shot(page, 'inventory-search');
});

test('Guide: reserve, extend and release a number; its history', async ({ page, app }) => {
  const number = SG[10];
  await app.open();
  await search(page, number);
  let detail = await openDetail(page, number);
  let dialog = await chooseAction(page, detail, 'Reserve');
  await dialog.getByLabel('Org UUID').fill('acme');
  await page.getByRole('option', { name: new RegExp(ACME.name) }).click();
  await dialog.getByLabel('Remark').fill('Customer trial, 4 weeks');
  await shot(page, 'reserve');
  await confirm(dialog, 'Reserve');
  await expect(field(detail, 'State')).toHaveText('Reserved');

  dialog = await chooseAction(page, detail, 'Extend Reservation');
  await dialog.getByLabel('DID Reservation UUID').fill(DID_RESERVATION);
  await dialog.getByLabel('Paid until').fill('2026-06-30');
  await shot(page, 'extend');
  await confirm(dialog, 'Extend');
  await expect(field(detail, 'State')).toHaveText('Reserved');
  await shot(page, 'detail-history');

  dialog = await chooseAction(page, detail, 'Release');
  await dialog.getByLabel('Remark').fill('Customer declined');
  await confirm(dialog, 'Release');
  await expect(field(detail, 'State')).toHaveText('Available');
  await detail.getByRole('button', { name: 'Close detail' }).click();

  // Assign: a reserved number goes to its reserver only.
  await selectTab(page, 'Reserved');
  await search(page, SG[0]);
  detail = await openDetail(page, SG[0]);
  dialog = await chooseAction(page, detail, 'Assign');
  await dialog.getByLabel('Subscription UUID').fill(SUBSCRIPTION);
  await shot(page, 'assign');
  await confirm(dialog, 'Assign');
  await expect(field(detail, 'State')).toHaveText('Assigned');
});

test('Guide: lock and unlock, delete and recover, subscription events', async ({ page, app }) => {
  await app.open();
  await search(page, SG[12]);
  let detail = await openDetail(page, SG[12]);
  let dialog = await chooseAction(page, detail, 'Lock');
  await dialog.getByLabel('Remark').fill('Held for a reseller, name to follow');
  await shot(page, 'lock');
  await confirm(dialog, 'Lock');
  await expect(field(detail, 'State')).toHaveText('Locked');
  dialog = await chooseAction(page, detail, 'Delete');
  await dialog.getByLabel('Reason').selectOption({ label: 'Ported out' });
  await dialog.getByLabel('Remark').fill('Ported to another carrier');
  await shot(page, 'delete');
  await confirm(dialog, 'Delete');
  await expect(field(detail, 'State')).toHaveText('Deleted');
  dialog = await chooseAction(page, detail, 'Recover');
  await dialog.getByLabel('Remark').fill('Ported back');
  await shot(page, 'recover');
  await confirm(dialog, 'Recover');
  await expect(field(detail, 'State')).toHaveText('Available');
  await detail.getByRole('button', { name: 'Close detail' }).click();

  await selectTab(page, 'Assigned');
  await search(page, SG[4]);
  detail = await openDetail(page, SG[4]);
  dialog = await chooseAction(page, detail, 'Subscription expired');
  await shot(page, 'subscription-expired');
  await confirm(dialog, 'Reserve');
  await expect(field(detail, 'State')).toHaveText('Reserved');
});

test('Guide: import numbers and act on many at once', async ({ page, app }, testInfo) => {
  const file = testInfo.outputPath('new-numbers.csv');
  const rows = [
    'number,state,country,vendor,sku',
    '+6561239001,available,SG,Singtel,SG-DID-STD',
    '+6561239002,available,SG,Singtel,SG-DID-STD',
  ];
  rows.push('+65 12,available,SG,Singtel,SG-DID-STD', `${SG[5]},available,SG,StarHub,SG-DID-STD`);
  fs.writeFileSync(file, `${rows.join('\r\n')}\r\n`);
  await app.open();
  await page.getByRole('toolbar', { name: 'Inventory tools' }).getByRole('button', { name: 'Import numbers' }).click();
  const importing = page.getByRole('dialog', { name: 'Import numbers' });
  await importing.getByLabel('Inventory file').setInputFiles(file);
  await expect(importing.getByRole('status')).toContainText('new-numbers.csv: 2 to add, 1 invalid');
  await shot(page, 'import');
  await importing.getByRole('button', { name: 'Import 2 numbers' }).click();
  await expect(importing.getByRole('status')).toHaveText('Done: 2 numbers added.');
  await importing.getByRole('button', { name: 'Close' }).click();

  const available = grid(page, 'Available');
  await available.getByRole('checkbox', { name: 'Select all rows' }).check();
  const bar = page.getByRole('toolbar', { name: 'Selected numbers' });
  await expect(bar.getByRole('status')).toHaveText('28 selected');
  await bar.getByRole('button', { name: 'Lock', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lock 28 numbers' });
  await dialog.getByLabel('Remark').fill('Quarantine before the audit');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('status')).toHaveText('28 will change, 0 refused. Nothing has been changed yet.');
  await shot(page, 'bulk-preview');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('Guide: notifications, activity and settings', async ({ page, app }) => {
  await app.call('settings:set', { changes: { operatorName: 'Dana Ops', partnerSupportEmail: 'partners@example.net' } });
  await app.openHome();
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'No dial tone' })).toBeVisible();
  await shot(page, 'activity');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Operator name')).toHaveValue('Dana Ops');
  await shot(page, 'settings');
});
