// The operator actions of the life-cycle document, each as the document's steps: select the tab,
// search for the number, click the eye icon, choose the action, fill in the required information
// (first wrongly, which the dialog refuses before anything reaches the core), confirm; then the
// new state, the tab counts and the history.
import { test, expect, screenshot } from './fixtures';
import { ACME, DID_RESERVATION, addNumbers, addOrganizations, lock, remove, reserve } from './seed';
import { actionButtons, chooseAction, closeDetail, confirm, expectCounts, field, grid, history, openDetail, search, selectTab } from './ui';

const NUMBER = '+6561234567';
const OTHER = '+6561234568';

test('Reserve: Available to Reserved for an org, after refusing a missing and a malformed Org UUID and an empty remark', async ({
  page,
  app,
}) => {
  await addOrganizations(app);
  await addNumbers(app, [NUMBER, OTHER]);
  await app.open();
  await expectCounts(page, { Available: 2, Reserved: 0 });

  await selectTab(page, 'Available');
  await search(page, NUMBER);
  await expect(page.getByRole('button', { name: `View ${OTHER}` })).toHaveCount(0);
  const detail = await openDetail(page, NUMBER);
  await expect(actionButtons(detail)).toHaveText(['Reserve', 'Lock', 'Delete', 'Assign']);

  const dialog = await chooseAction(page, detail, 'Reserve');
  await confirm(dialog, 'Reserve');
  await expect(dialog.getByText('Org UUID is required')).toBeVisible();
  await expect(dialog.getByText('Remark is required')).toBeVisible();
  await dialog.getByLabel('Org UUID').fill('acme');
  await dialog.getByLabel('Remark').fill('   ');
  await confirm(dialog, 'Reserve');
  await expect(dialog.getByText(/^Org UUID must be a UUID/)).toBeVisible();
  await expect(dialog.getByText('Remark is required')).toBeVisible();
  await screenshot(page, 'dialog-reserve-validation');
  await expect(field(detail, 'State')).toHaveText('Available');

  await dialog.getByLabel('Org UUID').fill(ACME.uuid);
  await dialog.getByLabel('Remark').fill('Customer pays next week');
  await screenshot(page, 'dialog-reserve');
  await confirm(dialog, 'Reserve');
  await expect(dialog).toBeHidden();

  await expect(field(detail, 'State')).toHaveText('Reserved');
  await expect(field(detail, 'Reserver org')).toHaveText(`${ACME.name} (${ACME.uuid})`);
  await expect(field(detail, 'Reservation kind')).toHaveText('Free');
  await expect(field(detail, 'Expires')).toHaveText('2026-03-30 09:00 UTC');
  await expect(field(detail, 'Days left')).toHaveText('28');
  await expect(history(detail).first()).toContainText('Reserve: Available → Reserved');
  await expect(history(detail).first()).toContainText('Remark: Customer pays next week');
  await expect(history(detail)).toHaveCount(2);
  await expect(actionButtons(detail)).toHaveText(['Extend Reservation', 'Release', 'Assign']);
  await screenshot(page, 'detail-reserved');
  // The tab counts follow the search: the one number searched for is now reserved.
  await expectCounts(page, { Available: 0, Reserved: 1 });

  await closeDetail(page, detail);
  await expect(page.getByRole('button', { name: `View ${NUMBER}` })).toHaveCount(0);
  await search(page, '');
  await expect(page.getByRole('button', { name: `View ${OTHER}` })).toBeVisible();
  await expectCounts(page, { Available: 1, Reserved: 1 });
  await selectTab(page, 'Reserved');
  const row = grid(page, 'Reserved').getByRole('row').filter({ hasText: NUMBER });
  await expect(row).toContainText(ACME.name);
  await expect(row).toContainText('Free');
  await expect(row).toContainText('28');
});

test('Extend Reservation: a free reservation becomes charged until the paid-until date, after refusing a bad DID Reservation UUID', async ({
  page,
  app,
}) => {
  await addOrganizations(app);
  await addNumbers(app, [NUMBER]);
  await reserve(app, NUMBER);
  await app.open();
  await selectTab(page, 'Reserved');
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Extend Reservation');

  await confirm(dialog, 'Extend');
  await expect(dialog.getByText('DID Reservation UUID is required')).toBeVisible();
  await expect(dialog.getByText('Paid until is required')).toBeVisible();
  await dialog.getByLabel('DID Reservation UUID').fill('22222222-3333');
  await dialog.getByLabel('Paid until').fill('2026-06-30');
  await confirm(dialog, 'Extend');
  await expect(dialog.getByText(/^DID Reservation UUID must be a UUID/)).toBeVisible();
  await screenshot(page, 'dialog-extend-validation');

  await dialog.getByLabel('DID Reservation UUID').fill(DID_RESERVATION);
  await screenshot(page, 'dialog-extend');
  await confirm(dialog, 'Extend');
  await expect(dialog).toBeHidden();
  await expect(field(detail, 'State')).toHaveText('Reserved');
  await expect(field(detail, 'Reservation kind')).toHaveText('Charged');
  await expect(field(detail, 'DID Reservation UUID')).toHaveText(DID_RESERVATION);
  await expect(field(detail, 'Expires')).toHaveText('2026-07-01 00:00 UTC');
  await expect(history(detail).first()).toContainText('Extend Reservation: Reserved → Reserved');
  await expectCounts(page, { Available: 0, Reserved: 1 });
  await closeDetail(page, detail);
  await expect(grid(page, 'Reserved').getByRole('row').filter({ hasText: NUMBER })).toContainText('Charged');
});

test('Release: Reserved back to Available, after refusing an empty remark', async ({ page, app }) => {
  await addOrganizations(app);
  await addNumbers(app, [NUMBER]);
  await reserve(app, NUMBER);
  await app.open();
  await expectCounts(page, { Available: 0, Reserved: 1 });
  await selectTab(page, 'Reserved');
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Release');
  await confirm(dialog, 'Release');
  await expect(dialog.getByText('Remark is required')).toBeVisible();
  await screenshot(page, 'dialog-release-validation');
  await dialog.getByLabel('Remark').fill('Customer chose another number');
  await screenshot(page, 'dialog-release');
  await confirm(dialog, 'Release');
  await expect(dialog).toBeHidden();
  await expect(field(detail, 'State')).toHaveText('Available');
  await expect(field(detail, 'Reserver org')).toHaveCount(0);
  await expect(history(detail).first()).toContainText('Release: Reserved → Available');
  await expect(history(detail).first()).toContainText('Remark: Customer chose another number');
  await expectCounts(page, { Available: 1, Reserved: 0 });
  await closeDetail(page, detail);
  await expect(grid(page, 'Reserved').getByRole('row').filter({ hasText: NUMBER })).toHaveCount(0);
});

test('Lock: Available to Locked for the lock period, after refusing an empty remark', async ({ page, app }) => {
  await addNumbers(app, [NUMBER]);
  await app.open();
  await selectTab(page, 'Available');
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Lock');
  await confirm(dialog, 'Lock');
  await expect(dialog.getByText('Remark is required')).toBeVisible();
  await screenshot(page, 'dialog-lock-validation');
  await dialog.getByLabel('Remark').fill('Suspected fraud, hold');
  await screenshot(page, 'dialog-lock');
  await confirm(dialog, 'Lock');
  await expect(dialog).toBeHidden();
  await expect(field(detail, 'State')).toHaveText('Locked');
  await expect(field(detail, 'Lock')).toHaveText('Until 2026-03-30 09:00 UTC');
  await expect(history(detail).first()).toContainText('Lock: Available → Locked');
  await expect(actionButtons(detail)).toHaveText(['Unlock', 'Delete']);
  await expectCounts(page, { Available: 0, Locked: 1 });
  await closeDetail(page, detail);
  await selectTab(page, 'Locked');
  await expect(grid(page, 'Locked').getByRole('row').filter({ hasText: NUMBER })).toContainText('2026-03-30 09:00 UTC');
});

test('Unlock: Locked back to Available, after refusing an empty remark', async ({ page, app }) => {
  await addNumbers(app, [NUMBER]);
  await lock(app, NUMBER);
  await app.open();
  await selectTab(page, 'Locked');
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Unlock');
  await confirm(dialog, 'Unlock');
  await expect(dialog.getByText('Remark is required')).toBeVisible();
  await screenshot(page, 'dialog-unlock-validation');
  await dialog.getByLabel('Remark').fill('Cleared by security');
  await confirm(dialog, 'Unlock');
  await expect(dialog).toBeHidden();
  await expect(field(detail, 'State')).toHaveText('Available');
  await expect(history(detail).first()).toContainText('Unlock: Locked → Available');
  await expectCounts(page, { Available: 1, Locked: 0 });
});

test('Delete from Available with a reason, after refusing a missing reason', async ({ page, app }) => {
  await addNumbers(app, [NUMBER]);
  await app.open();
  await selectTab(page, 'Available');
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Delete');
  await dialog.getByLabel('Remark').fill('Vendor recalled the range');
  await confirm(dialog, 'Delete');
  await expect(dialog.getByText('Reason is required')).toBeVisible();
  await screenshot(page, 'dialog-delete-validation');
  await dialog.getByLabel('Reason').selectOption({ label: 'Returned to vendor' });
  await screenshot(page, 'dialog-delete');
  await confirm(dialog, 'Delete');
  await expect(dialog).toBeHidden();
  await expect(field(detail, 'State')).toHaveText('Deleted');
  await expect(field(detail, 'Delete reason')).toHaveText('Returned to vendor');
  await expect(history(detail).first()).toContainText('Delete: Available → Deleted');
  await expect(actionButtons(detail)).toHaveText(['Recover']);
  await expectCounts(page, { Available: 0, Deleted: 1 });
  await closeDetail(page, detail);
  await selectTab(page, 'Deleted');
  await expect(grid(page, 'Deleted').getByRole('row').filter({ hasText: NUMBER })).toContainText('Returned to vendor');
});

test('Delete from Locked', async ({ page, app }) => {
  await addNumbers(app, [NUMBER]);
  await lock(app, NUMBER);
  await app.open();
  await selectTab(page, 'Locked');
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Delete');
  await dialog.getByLabel('Reason').selectOption({ label: 'Ported out' });
  await confirm(dialog, 'Delete');
  await expect(dialog.getByText('Remark is required')).toBeVisible();
  await dialog.getByLabel('Remark').fill('Ported out to another carrier');
  await confirm(dialog, 'Delete');
  await expect(dialog).toBeHidden();
  await expect(field(detail, 'State')).toHaveText('Deleted');
  await expect(field(detail, 'Delete reason')).toHaveText('Ported out');
  await expect(history(detail).first()).toContainText('Delete: Locked → Deleted');
  await expectCounts(page, { Locked: 0, Deleted: 1 });
});

test('Recover: Deleted back to Available, after refusing an empty remark', async ({ page, app }) => {
  await addNumbers(app, [NUMBER]);
  await remove(app, NUMBER);
  await app.open();
  await expectCounts(page, { Available: 0, Deleted: 1 });
  await selectTab(page, 'Deleted');
  await search(page, NUMBER);
  const detail = await openDetail(page, NUMBER);
  const dialog = await chooseAction(page, detail, 'Recover');
  await confirm(dialog, 'Recover');
  await expect(dialog.getByText('Remark is required')).toBeVisible();
  await screenshot(page, 'dialog-recover-validation');
  await dialog.getByLabel('Remark').fill('Vendor fixed the fault');
  await confirm(dialog, 'Recover');
  await expect(dialog).toBeHidden();
  await expect(field(detail, 'State')).toHaveText('Available');
  await expect(history(detail).first()).toContainText('Recover: Deleted → Available');
  await expect(history(detail)).toHaveCount(3);
  await expectCounts(page, { Available: 1, Deleted: 0 });
});
