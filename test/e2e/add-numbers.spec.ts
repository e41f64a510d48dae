// Add new numbers: the dialog's own validation, the 50-number limit, and the per-number result
// (added, invalid and why, already present with its state, repeated).
import { test, expect, screenshot } from './fixtures';
import { addNumbers, lock } from './seed';
import { expectCounts, grid } from './ui';

test('Add new numbers: required fields and the 50-number limit are checked before anything is sent', async ({ page, app }) => {
  await app.open();
  await page.getByRole('button', { name: 'Add new numbers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add new numbers' });
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('Numbers are required')).toBeVisible();
  await expect(dialog.getByText('Vendor is required')).toBeVisible();
  await expect(dialog.getByText('Country must be an ISO 3166 alpha-2 code such as SG')).toBeVisible();
  await expect(dialog.getByText('SKU is required')).toBeVisible();
  await screenshot(page, 'dialog-add-numbers-validation');

  const fiftyOne = Array.from({ length: 51 }, (_, i) => `+65620000${String(i).padStart(2, '0')}`).join(', ');
  await dialog.getByLabel('Numbers').fill(fiftyOne);
  await dialog.getByLabel('Vendor').fill('StarHub');
  await dialog.getByLabel('Country').fill('SG');
  await dialog.getByLabel('SKU').fill('SG-DID-GOLD');
  await dialog.getByLabel('Visible to').fill('not a domain!');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('Numbers: at most 50 at once (51 given)')).toBeVisible();
  await expect(dialog.getByText('Visible to must list domain names such as example.com')).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Add results' })).toHaveCount(0);
  await expectCounts(page, { Available: 0 });
});

test('Add new numbers: each entry gets its result, and the added ones appear with their attributes', async ({ page, app }) => {
  await addNumbers(app, ['+6561230000']);
  await lock(app, '+6561230000');
  await app.open();
  await expectCounts(page, { Available: 0, Locked: 1 });
  await page.getByRole('button', { name: 'Add new numbers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add new numbers' });
  await dialog.getByLabel('Numbers').fill('+65 6123 4567, +6561234599, +65 1234, +6561234599, +6561230000, +442071838750');
  await dialog.getByLabel('Vendor').fill('StarHub');
  await dialog.getByLabel('Country').fill('sg');
  await dialog.getByLabel('SKU').fill('SG-DID-GOLD');
  await dialog.getByRole('checkbox', { name: 'Voice' }).check();
  await dialog.getByRole('checkbox', { name: 'Fax' }).check();
  await dialog.getByRole('checkbox', { name: 'Golden' }).check();
  await dialog.getByLabel('Routing').fill('route-sg-1');
  await dialog.getByLabel('Visible to').fill('acme.example, globex.example');
  await screenshot(page, 'dialog-add-numbers');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();

  const results = dialog.getByRole('table', { name: 'Add results' });
  await expect(dialog.getByRole('status')).toHaveText('2 added, 2 invalid, 1 already present, 1 repeated');
  const row = (entry: string) => results.getByRole('row').filter({ has: page.getByRole('cell', { name: entry, exact: true }) });
  await expect(row('+65 6123 4567')).toContainText('Added');
  await expect(row('+65 6123 4567')).toContainText('+6561234567');
  await expect(row('+65 1234')).toContainText('Invalid:');
  await expect(row('+6561230000')).toContainText('Already present (Locked)');
  await expect(row('+442071838750')).toContainText('Invalid:');
  await expect(results.getByRole('row').filter({ hasText: 'Repeated in this list' })).toHaveCount(1);
  await screenshot(page, 'dialog-add-numbers-results');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await expectCounts(page, { Available: 2, Locked: 1 });
  const added = grid(page, 'Available').getByRole('row').filter({ hasText: '+6561234567' });
  await expect(added).toContainText('StarHub');
  await expect(added).toContainText('SG-DID-GOLD');
  await expect(added).toContainText('Voice, Fax');
  await expect(added).toContainText('Golden');
  await expect(added).toContainText('route-sg-1');
});
