// The Organizations screen: add (with validation), edit, import a CSV (and a refused one), and the
// directory feeding the Org UUID suggestions and the reserver's name in the inventory.
import { test, expect, screenshot } from './fixtures';
import { ACME, addNumbers } from './seed';
import { chooseAction, confirm, field, grid, openDetail, search, selectTab } from './ui';

const INITECH = { uuid: 'c0ffee00-1234-4abc-8def-0123456789ab', name: 'Initech Pte Ltd' };

test('Organizations: add after validation, edit, import CSV, and use an imported org to reserve', async ({ page, app }) => {
  await addNumbers(app, ['+6561234567']);
  await app.open();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Organizations' }).click();
  await expect(page.getByRole('heading', { name: 'Organizations', level: 1 })).toBeVisible();
  const orgs = page.getByRole('grid', { name: 'Organizations' });
  await expect(orgs.getByText('No organizations yet')).toBeVisible();

  await page.getByRole('button', { name: 'Add organization' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add organization' });
  await dialog.getByLabel('Billing email').fill('billing-at-acme');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(/^UUID must be a UUID/)).toBeVisible();
  await expect(dialog.getByText('Name is required')).toBeVisible();
  await expect(dialog.getByText('Billing email must be an email address')).toBeVisible();
  await screenshot(page, 'dialog-organization-validation');
  await dialog.getByLabel('UUID').fill(ACME.uuid);
  await dialog.getByLabel('Name').fill('Acme');
  await dialog.getByLabel('Type').selectOption('customer');
  await dialog.getByLabel('Billing email').fill('billing@acme.example');
  await screenshot(page, 'dialog-organization');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(orgs.getByRole('row').filter({ hasText: ACME.uuid })).toContainText('billing@acme.example');

  await page.getByRole('button', { name: 'Edit Acme' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Acme' });
  await expect(dialog.getByLabel('UUID')).toBeDisabled();
  await dialog.getByLabel('Name').fill(ACME.name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(orgs.getByRole('row').filter({ hasText: ACME.uuid })).toContainText(ACME.name);

  const csvInput = page.getByLabel('Organizations CSV file');
  await csvInput.setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('uuid,name\nnot-a-uuid,Nobody\n') });
  // In words, with the line to fix; the error code is for the CLI's --json only.
  await expect(page.getByRole('alert')).toContainText('Organizations CSV needs a header row with uuid, name, type');
  await expect(page.getByRole('alert')).not.toContainText('INVALID_INPUT');
  // A Latin-1 file (é as the single byte 0xE9) is refused, not stored with replacement characters.
  const latin1 = Buffer.from(`uuid,name,type\n${INITECH.uuid},T\u00e9l\u00e9com,customer\n`, 'latin1');
  await csvInput.setInputFiles({ name: 'latin1.csv', mimeType: 'text/csv', buffer: latin1 });
  await expect(page.getByRole('alert')).toContainText(
    'Organizations CSV latin1.csv is refused: the file is not UTF-8 text (save it as CSV UTF-8)',
  );
  await expect(orgs.getByRole('row').filter({ hasText: INITECH.uuid })).toHaveCount(0);
  await csvInput.setInputFiles({
    name: 'orgs.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`uuid,name,type,billing_email,owner_email\n${INITECH.uuid},${INITECH.name},partner,,owner@initech.example\n`),
  });
  await expect(page.getByRole('status')).toHaveText('Imported 1 organization from orgs.csv');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(orgs.getByRole('row').filter({ hasText: INITECH.uuid })).toContainText('Partner');
  await screenshot(page, 'screen-organizations');

  // The directory suggests orgs by name in the Reserve dialog.
  await page.getByRole('link', { name: 'Inventory' }).click();
  await selectTab(page, 'Available');
  await search(page, '+6561234567');
  const detail = await openDetail(page, '+6561234567');
  const reserve = await chooseAction(page, detail, 'Reserve');
  await reserve.getByLabel('Org UUID').fill('initech');
  await page.getByRole('option', { name: new RegExp(INITECH.name) }).click();
  await expect(reserve.getByLabel('Org UUID')).toHaveValue(INITECH.uuid);
  await reserve.getByLabel('Remark').fill('Partner demo number');
  await confirm(reserve, 'Reserve');
  await expect(reserve).toBeHidden();
  await expect(field(detail, 'Reserver org')).toHaveText(`${INITECH.name} (${INITECH.uuid})`);
  await detail.getByRole('button', { name: 'Close detail' }).click();
  await selectTab(page, 'Reserved');
  await expect(grid(page, 'Reserved').getByRole('row').filter({ hasText: '+6561234567' })).toContainText(INITECH.name);
});
