// The advanced search panel and the export dialog in the real renderer (browser mode): conditions
// narrow the grid and the tab counts, show as removable chips, can be saved and picked again; the
// export writes exactly the rows of the current search, with progress, to the chosen file.
import fs from 'node:fs';
import { test, expect, screenshot } from './fixtures';
import { addNumbers } from './seed';
import { expectCounts, grid, search } from './ui';

test('Advanced search narrows grid and counts, with chips and saved searches; export writes the current search', async ({
  page,
  app,
}, testInfo) => {
  await addNumbers(app, ['+6561234567', '+6561234568', '+6561234569']);
  await app.call('numbers:add', {
    numbers: '+12125550123,+12126550199',
    vendor: 'Lumen',
    country: 'US',
    sku: 'US-DID',
    capabilities: ['fax'],
  });
  await app.call('numbers:lock', { number: '+12125550123', remark: 'seed lock' });
  await app.open();
  await expectCounts(page, { Available: 4, Locked: 1 });

  await page.getByRole('button', { name: 'Advanced search' }).click();
  const panel = page.getByRole('dialog', { name: 'Advanced search' });
  await expect(panel.getByText(/With \* or \? the pattern is a wildcard/)).toBeVisible();
  await panel.getByRole('combobox', { name: 'Vendor' }).fill('Lumen');
  await panel.getByRole('combobox', { name: 'Vendor' }).press('Enter');
  await panel.getByRole('checkbox', { name: 'Fax' }).check();
  await expect(panel.getByRole('status')).toHaveText('1 matching number on the Available tab; 1 more on other tabs');
  await panel.getByRole('textbox', { name: 'Save as' }).fill('US fax');
  await panel.getByRole('button', { name: 'Save search' }).click();
  await expect(panel.getByText('Saved "US fax"')).toBeVisible();
  await screenshot(page, 'advanced-search');
  await panel.getByRole('button', { name: 'Apply' }).click();

  await expect(grid(page, 'Available').getByRole('row')).toHaveCount(1 + 1);
  await expect(grid(page, 'Available')).toContainText('+12126550199');
  await expectCounts(page, { Available: 1, Locked: 1 });
  await expect(page.getByLabel('Remove Vendor: Lumen')).toBeVisible();

  // Export exactly the current search.
  const out = testInfo.outputPath('us-fax.csv');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export numbers' });
  await dialog.getByRole('radio', { name: 'CSV' }).check();
  await dialog.getByRole('textbox', { name: 'Save to file' }).fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Exported 1 numbers to ${out}`);
  const lines = fs.readFileSync(out, 'utf8').trim().split(/\r\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^'\+12126550199,available,US,Lumen,US-DID,fax,/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Removing the chips widens the grid again; the saved search brings the conditions back.
  await page.getByLabel('Remove Vendor: Lumen').click();
  await page.getByLabel('Remove Capability: Fax').click();
  await expect(grid(page, 'Available').getByRole('row')).toHaveCount(1 + 4);
  await expectCounts(page, { Available: 4, Locked: 1 });
  await page.getByRole('button', { name: 'Advanced search' }).click();
  await panel.getByRole('combobox', { name: 'Saved searches' }).click();
  await page.getByRole('option', { name: 'US fax' }).click();
  await expect(panel.getByRole('status')).toHaveText('1 matching number on the Available tab; 1 more on other tabs');
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(grid(page, 'Available').getByRole('row')).toHaveCount(1 + 1);
});

test('The panel takes what is on screen: a value typed but not confirmed applies, Enter applies, and the search box counts', async ({
  page,
  app,
}) => {
  await addNumbers(app, ['+6561234567', '+6561234568']);
  await app.call('numbers:add', { numbers: '+12125550123,+12126550199', vendor: 'Lumen', country: 'US', sku: 'US-DID' });
  await app.open();
  await expectCounts(page, { Available: 4 });

  // Typed, not confirmed with Enter: the count and Apply take it as shown.
  await page.getByRole('button', { name: 'Advanced search' }).click();
  const panel = page.getByRole('dialog', { name: 'Advanced search' });
  await panel.getByRole('combobox', { name: 'Country' }).fill('us');
  await expect(panel.getByRole('status')).toHaveText('2 matching numbers on the Available tab');
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Country: US' })).toBeVisible();
  await expectCounts(page, { Available: 2 });
  await expect(grid(page, 'Available').getByRole('row')).toHaveCount(1 + 2);

  // Enter in a multi-value field with text confirms the value; Enter again applies the panel.
  await page.getByRole('button', { name: 'Advanced search' }).click();
  const vendor = panel.getByRole('combobox', { name: 'Vendor' });
  await vendor.fill('Singtel, Lumen');
  await vendor.press('Enter');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Singtel' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Lumen' })).toBeVisible();
  await vendor.press('Enter');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Vendor: Singtel or Lumen' })).toBeVisible();

  // Enter in a plain field applies at once; the basic search box's text is part of the count.
  await search(page, '*0199');
  await expectCounts(page, { Available: 1 });
  await page.getByRole('button', { name: 'Advanced search' }).click();
  await expect(panel.getByRole('status')).toHaveText('1 matching number on the Available tab');
  await panel.getByRole('textbox', { name: 'Number pattern' }).fill('+1212');
  await expect(panel.getByRole('status')).toHaveText('1 matching number on the Available tab');
  await panel.getByRole('textbox', { name: 'Number pattern' }).press('Enter');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Number pattern: +1212' })).toBeVisible();
  await expect(grid(page, 'Available').getByRole('row')).toHaveCount(1 + 1);
  await expect(grid(page, 'Available')).toContainText('+12126550199');

  // A half-typed expiry date is pointed out by Apply, not dropped.
  await page.getByRole('button', { name: 'Advanced search' }).click();
  const expiresAfter = panel.getByLabel('Expires after (UTC)');
  await expiresAfter.click();
  await page.keyboard.type('03');
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(panel).toBeVisible();
  expect(await expiresAfter.evaluate((input: HTMLInputElement) => input.validity.badInput)).toBe(true);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toBeHidden();

  await page.getByRole('button', { name: 'Clear all conditions' }).click();
  await expectCounts(page, { Available: 1 });
  await expect(page.getByRole('button', { name: /^(Country|Vendor|Number pattern):/ })).toHaveCount(0);
});
