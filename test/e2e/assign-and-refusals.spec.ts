// Assign, from Available and from Reserved, and the refusals the core gives: a number reserved for
// another org (ORG_MISMATCH) and a stale view and says so in words, shown in the dialog with the input kept.
import { test, expect, screenshot } from './fixtures';
import { ACME, GLOBEX, SUBSCRIPTION, addNumbers, addOrganizations, reserve } from './seed';
import { actionButtons, chooseAction, closeDetail, confirm, expectCounts, field, grid, history, openDetail, search, selectTab } from './ui';

const NUMBER = '+6561234567';

test('Assign: Available to Assigned, after refusing malformed Subscription and Owner UUIDs', async ({ page, app }) => {
  await addOrganizations(app);
  await addNumbers(app, [NUMBER]);
  await app.open();
  await selectTab(page, 'Available');
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Assign');
  await dialog.getByLabel('Subscription UUID').fill('sub-1');
  await dialog.getByLabel('Owner UUID').fill('acme');
  await confirm(dialog, 'Assign');
  await expect(dialog.getByText(/^Subscription UUID must be a UUID/)).toBeVisible();
  await expect(dialog.getByText(/^Owner UUID must be a UUID/)).toBeVisible();
  await screenshot(page, 'dialog-assign-validation');
  await expect(field(detail, 'State')).toHaveText('Available');

  await dialog.getByLabel('Subscription UUID').fill(SUBSCRIPTION);
  await dialog.getByLabel('Owner UUID').fill(ACME.uuid);
  await screenshot(page, 'dialog-assign');
  await confirm(dialog, 'Assign');
  await expect(dialog).toBeHidden();
  await expect(field(detail, 'State')).toHaveText('Assigned');
  await expect(field(detail, 'Subscription UUID')).toHaveText(SUBSCRIPTION);
  await expect(field(detail, 'Owner')).toHaveText(`${ACME.name} (${ACME.uuid})`);
  await expect(history(detail).first()).toContainText('Assign: Available → Assigned');
  await expect(actionButtons(detail)).toHaveText(['Subscription expired', 'Subscription terminated', 'Swapped out']);
  await expectCounts(page, { Available: 0, Assigned: 1 });
  await closeDetail(page, detail);
  await selectTab(page, 'Assigned');
  const row = grid(page, 'Assigned').getByRole('row').filter({ hasText: NUMBER });
  await expect(row).toContainText(SUBSCRIPTION);
  await expect(row).toContainText(ACME.name);
});

test('Assign a reserved number to its reserver: the owner starts as the reserver', async ({ page, app }) => {
  await addOrganizations(app);
  await addNumbers(app, [NUMBER]);
  await reserve(app, NUMBER, ACME.uuid);
  await app.open();
  await selectTab(page, 'Reserved');
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Assign');
  await expect(dialog.getByLabel('Owner UUID')).toHaveValue(ACME.uuid);
  await dialog.getByLabel('Subscription UUID').fill(SUBSCRIPTION);
  await confirm(dialog, 'Assign');
  await expect(dialog).toBeHidden();
  await expect(field(detail, 'State')).toHaveText('Assigned');
  await expect(history(detail).first()).toContainText('Assign: Reserved → Assigned');
  await expectCounts(page, { Reserved: 0, Assigned: 1 });
});

test('Assign refused: a number reserved for another org says who holds it, in the dialog, and keeps the input', async ({ page, app }) => {
  await addOrganizations(app);
  await addNumbers(app, [NUMBER]);
  await reserve(app, NUMBER, GLOBEX.uuid);
  await app.open();
  await selectTab(page, 'Reserved');
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Assign');
  await dialog.getByLabel('Subscription UUID').fill(SUBSCRIPTION);
  await dialog.getByLabel('Owner UUID').fill(ACME.uuid);
  await confirm(dialog, 'Assign');
  const alert = dialog.getByRole('alert');
  // In words, with the organizations' names from the directory; no code, no UUIDs.
  await expect(alert).toHaveText(
    `${NUMBER} is reserved for ${GLOBEX.name} and can be assigned only to them. To assign it to ${ACME.name}, release it first.`,
  );
  await expect(dialog.getByLabel('Subscription UUID')).toHaveValue(SUBSCRIPTION);
  await expect(dialog.getByLabel('Owner UUID')).toHaveValue(ACME.uuid);
  await screenshot(page, 'dialog-assign-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(field(detail, 'State')).toHaveText('Reserved');
  await expect(history(detail)).toHaveCount(2);
  await expectCounts(page, { Reserved: 1, Assigned: 0 });
});

test('A stale view is refused: the number changed after its detail was shown and says so in words', async ({ page, cli, app }) => {
  await addOrganizations(app);
  await addNumbers(app, [NUMBER]);
  await app.open();
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Lock');
  await dialog.getByLabel('Remark').fill('Hold it');
  // Another operator reserves it meanwhile, from the command line (another process on the same file).
  cli('reserve', NUMBER, '--org', ACME.uuid, '--remark', 'Taken meanwhile');
  await confirm(dialog, 'Lock');
  await expect(dialog.getByRole('alert')).toHaveText(
    `${NUMBER} was changed by someone else after you opened it; it is now Reserved. Nothing was changed: look at the number again, then retry.`,
  );
  await expect(dialog.getByLabel('Remark')).toHaveValue('Hold it');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(field(detail, 'State')).toHaveText('Reserved');
  await expect(actionButtons(detail)).toHaveText(['Extend Reservation', 'Release', 'Assign']);
});
