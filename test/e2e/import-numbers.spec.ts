// Import numbers in the app (issue 12 §1): choose a file, the dry run as a table of per-row results
// with counts and filters, the rows not imported downloaded with their reasons, then the import
// with its progress, and the new numbers in the grid.
import fs from 'node:fs';
import { test, expect, screenshot } from './fixtures';
import { addNumbers } from './seed';
import { expectCounts, grid, selectTab } from './ui';

const EXISTING = '+6561234567';

test('Import a CSV: the dry run per row with filters, the refused rows as CSV, then the import with progress', async ({
  page,
  app,
}, testInfo) => {
  await addNumbers(app, [EXISTING]);
  const csv = [
    'number,state,country,vendor,sku',
    '+6561230001,available,SG,Singtel,SG-DID-STD',
    '+6561230002,available,SG,Singtel,SG-DID-STD',
    'not-a-number,available,SG,Singtel,SG-DID-STD',
    '+6561230001,available,SG,Singtel,SG-DID-STD',
    `${EXISTING},available,SG,StarHub,SG-DID-STD`,
  ].join('\r\n');
  const file = testInfo.outputPath('new-numbers.csv');
  fs.writeFileSync(file, `${csv}\r\n`);

  await app.open();
  await expectCounts(page, { Available: 1 });
  await page.getByRole('toolbar', { name: 'Inventory tools' }).getByRole('button', { name: 'Import numbers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import numbers' });
  await dialog.getByLabel('Inventory file').setInputFiles(file);
  await expect(dialog.getByRole('status')).toHaveText(
    'new-numbers.csv: 2 to add, 1 invalid, 1 duplicate, 1 conflicting. Nothing has been imported yet.',
  );
  await expectCounts(page, { Available: 1 });
  const rows = dialog.getByRole('grid', { name: 'Rows of the file' });
  await dialog.getByRole('button', { name: 'Conflicting (1)' }).click();
  await expect(rows.getByRole('row').filter({ hasText: EXISTING })).toContainText('different vendor');
  await dialog.getByRole('button', { name: 'Invalid (1)' }).click();
  await expect(rows.getByRole('row').filter({ hasText: 'Invalid' })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'All (5)' }).click();
  await expect(rows.getByRole('row').filter({ hasText: 'repeats line 2 of the file' })).toBeVisible();
  await screenshot(page, 'import-dry-run');

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download rows not imported (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('new-numbers-not-imported.csv');
  const refused = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(refused[0]).toBe('line,number,result,reason');
  expect(refused.filter((line) => line !== '')).toHaveLength(4);
  expect(refused.some((line) => line.startsWith('6,') && line.includes('conflicting') && line.includes('vendor'))).toBe(true);

  await dialog.getByRole('button', { name: 'Import 2 numbers' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Done: 2 numbers added.');
  await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
  await screenshot(page, 'import-done');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expectCounts(page, { Available: 3 });
  await selectTab(page, 'Available');
  await expect(grid(page, 'Available').getByRole('row').filter({ hasText: '+6561230002' })).toBeVisible();
});

test('A file that is not an inventory file is refused in words, and another can be chosen', async ({ page, app }, testInfo) => {
  const notes = testInfo.outputPath('notes.txt');
  fs.writeFileSync(notes, 'hello');
  const wrong = testInfo.outputPath('wrong.csv');
  fs.writeFileSync(wrong, 'name,age\r\nalice,3\r\n');
  await app.open();
  await page.getByRole('button', { name: 'Import numbers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import numbers' });
  await dialog.getByLabel('Inventory file').setInputFiles(notes);
  await expect(dialog.getByRole('alert')).toContainText('notes.txt cannot be imported here: choose a file ending in .csv or .xlsx');
  await dialog.getByLabel('Inventory file').setInputFiles(wrong);
  await expect(dialog.getByRole('alert')).toContainText('Import: wrong.csv is not an inventory file');
  await screenshot(page, 'import-refused');
});
