// The inventory screen: a tab per state with its live count, the columns that matter in each state,
// server-side search, sorting and pagination, the OS light/dark theme, keyboard use, and refresh
// when another process changes the inventory.
import { test, expect, screenshot } from './fixtures';
import { ACME, GLOBEX, SUBSCRIPTION, addNumbers, addOrganizations, assign, lock, remove, reserve } from './seed';
import { STATE_LABELS, expectCounts, grid, openDetail, search, selectTab, tab } from './ui';

const AVAILABLE = '+6561234567';
const RESERVED = '+6561234568';
const LOCKED = '+6561234569';
const ASSIGNED = '+6561234570';
const DELETED = '+6561234571';
/** 30 more available numbers, +6562000000 to +6562000029, for paging. */
const MANY = Array.from({ length: 30 }, (_, i) => `+65620000${String(i).padStart(2, '0')}`);

test('Each tab shows its count and the columns of its state; search, sorting and paging are done by the core', async ({ page, app }) => {
  await addOrganizations(app);
  await addNumbers(app, [AVAILABLE], { golden: true, portedIn: true });
  await addNumbers(app, [RESERVED, LOCKED, ASSIGNED, DELETED, ...MANY]);
  await reserve(app, RESERVED, ACME.uuid);
  await lock(app, LOCKED);
  await assign(app, ASSIGNED, GLOBEX.uuid);
  await remove(app, DELETED);
  await app.open();

  await expect(page.getByRole('tablist', { name: 'Number states' }).getByRole('tab')).toHaveText(
    STATE_LABELS.map((label) => new RegExp(`^${label}`)),
  );
  await expectCounts(page, { Available: 31, Reserved: 1, Locked: 1, Assigned: 1, Deleted: 1 });

  // Available: server-side paging (50 a page by default, 25 chosen), then sorting.
  await expect(page.getByText('1–31 of 31')).toBeVisible();
  await screenshot(page, 'tab-available');
  await page.getByRole('combobox', { name: /Rows per page/ }).click();
  await page.getByRole('option', { name: '25' }).click();
  await expect(page.getByText('1–25 of 31')).toBeVisible();
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page.getByText('26–31 of 31')).toBeVisible();
  await expect(grid(page, 'Available').getByRole('row')).toHaveCount(1 + 6);
  await page.getByRole('button', { name: 'Go to previous page' }).click();
  const golden = grid(page, 'Available').getByRole('row').filter({ hasText: AVAILABLE });
  // Number shows it already: the Formatted column is hidden unless the operator shows it.
  await expect(golden).not.toContainText('+65 6123 4567');
  await expect(golden).toContainText('Singtel');
  await expect(golden).toContainText('SG-DID-STD');
  await expect(golden).toContainText('Voice, SMS');
  await expect(golden).toContainText('Golden');
  await expect(golden).toContainText('Ported-In');
  await expect(grid(page, 'Available').getByRole('row').nth(1)).toContainText(AVAILABLE);
  await page.getByRole('columnheader', { name: 'Number' }).click(); // ascending is the default: this sorts descending
  await expect(grid(page, 'Available').getByRole('row').nth(1)).toContainText('+6562000029');

  // Search: a pattern, then a UUID, then nothing found.
  await search(page, '*0007');
  await expect(page.getByText('1–1 of 1')).toBeVisible();
  await expect(grid(page, 'Available').getByRole('row').nth(1)).toContainText('+6562000007');
  await search(page, '');
  await expect(page.getByText('1–25 of 31')).toBeVisible();

  await selectTab(page, 'Reserved');
  for (const header of ['Reserver org', 'Kind', 'Expires', 'Days left'])
    await expect(page.getByRole('columnheader', { name: header })).toBeVisible();
  const reserved = grid(page, 'Reserved').getByRole('row').filter({ hasText: RESERVED });
  await expect(reserved).toContainText(`${ACME.name} (${ACME.uuid})`);
  await expect(reserved).toContainText('Free');
  await expect(reserved).toContainText('2026-03-30 09:00 UTC');
  await expect(reserved).toContainText('28');
  await screenshot(page, 'tab-reserved');

  await selectTab(page, 'Locked');
  await expect(page.getByRole('columnheader', { name: 'Expires' })).toBeVisible();
  await expect(grid(page, 'Locked').getByRole('row').filter({ hasText: LOCKED })).toContainText('2026-03-30 09:00 UTC');
  await screenshot(page, 'tab-locked');

  await selectTab(page, 'Assigned');
  for (const header of ['Subscription', 'Owner']) await expect(page.getByRole('columnheader', { name: header })).toBeVisible();
  const assigned = grid(page, 'Assigned').getByRole('row').filter({ hasText: ASSIGNED });
  await expect(assigned).toContainText(SUBSCRIPTION);
  await expect(assigned).toContainText(GLOBEX.name);
  await search(page, SUBSCRIPTION);
  await expect(page.getByText('1–1 of 1')).toBeVisible();
  await screenshot(page, 'tab-assigned');
  await search(page, '+44*');
  await expect(page.getByText('No assigned numbers match')).toBeVisible();
  await search(page, '');

  await selectTab(page, 'Deleted');
  await expect(page.getByRole('columnheader', { name: 'Reason' })).toBeVisible();
  await expect(grid(page, 'Deleted').getByRole('row').filter({ hasText: DELETED })).toContainText('Faulty number');
  await screenshot(page, 'tab-deleted');
});

test('The theme follows the OS: dark when the system prefers dark', async ({ page, app }) => {
  await addNumbers(app, [AVAILABLE, RESERVED]);
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect.poll(background).toBe('rgb(244, 246, 249)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).toBe('rgb(17, 20, 24)');
  await expect(grid(page, 'Available').getByRole('row').filter({ hasText: AVAILABLE })).toBeVisible();
  await screenshot(page, 'tab-available-dark');
  await openDetail(page, AVAILABLE);
  await screenshot(page, 'detail-available-dark');
});

test('Keyboard: tabs by arrow keys, the detail opened from the eye button with Enter and closed with Escape', async ({ page, app }) => {
  await addNumbers(app, [AVAILABLE]);
  await app.open();
  await tab(page, 'Available').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Reserved')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, 'Available')).toHaveAttribute('aria-selected', 'true');

  // From the search box, Tab walks the toolbar (whatever tools it holds) to Add new numbers.
  const add = page.getByRole('button', { name: 'Add new numbers' });
  await page.getByRole('searchbox', { name: 'Search' }).focus();
  for (let step = 0; step < 10 && !(await add.evaluate((element) => element === document.activeElement)); step++)
    await page.keyboard.press('Tab');
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  const addDialog = page.getByRole('dialog', { name: 'Add new numbers' });
  await expect(addDialog.getByLabel('Numbers')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(addDialog).toBeHidden();

  await page.getByRole('button', { name: `View ${AVAILABLE}` }).focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: AVAILABLE });
  await expect(detail).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
});

test('Changes made elsewhere (the command line) reach the open window: counts and grid refresh', async ({ page, cli, app }) => {
  await addNumbers(app, [AVAILABLE, RESERVED]);
  await app.open();
  await expectCounts(page, { Available: 2, Locked: 0 });
  cli('lock', AVAILABLE, '--remark', 'Locked from a script');
  await expectCounts(page, { Available: 1, Locked: 1 });
  await expect(grid(page, 'Available').getByRole('row').filter({ hasText: AVAILABLE })).toHaveCount(0);
});
