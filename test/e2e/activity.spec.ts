// The Activity screen: every audit event across the inventory newest first, filtered by operator,
// action, time range and number pattern (applied with Enter or Apply), paged on the server, and
// exported to CSV like the inventory.
import fs from 'node:fs';
import { test, expect, screenshot } from './fixtures';
import { addNumbers } from './seed';

const NUMBERS = ['+6561234560', '+6561234561', '+6561234562'];

test.beforeEach(async ({ app, cli }) => {
  await addNumbers(app, NUMBERS);
  cli('--actor', 'Alice', 'lock', NUMBERS[0], '--remark', 'faulty line');
  cli('--actor', 'Bob', 'lock', NUMBERS[1], '--remark', 'port check');
  cli('--actor', 'Alice', 'unlock', NUMBERS[0], '--remark', 'line fixed');
});

test('lists every event newest first and filters by operator, action and number', async ({ page, app }) => {
  await app.openHome();
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Activity' });
  // Three additions and three actions; the newest (Alice's unlock) first.
  await expect(grid.getByRole('row')).toHaveCount(7);
  await expect(grid.getByRole('row').nth(1)).toContainText('Alice');
  await expect(grid.getByRole('row').nth(1)).toContainText('Unlock');
  await expect(grid.getByRole('row').nth(1)).toContainText('line fixed');
  await expect(page.getByText('1–6 of 6')).toBeVisible();
  await screenshot(page, 'activity');

  const filters = page.getByRole('search', { name: 'Activity filters' });
  const operator = filters.getByRole('textbox', { name: 'Operator' });
  await operator.fill('alice');
  await operator.press('Enter');
  await expect(grid.getByRole('row')).toHaveCount(3);
  await expect(grid).not.toContainText('Bob');

  await operator.fill('');
  await filters.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Lock', exact: true }).click();
  await page.keyboard.press('Escape');
  await filters.getByRole('textbox', { name: 'Number pattern' }).fill('*4561');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expect(grid.getByRole('row').nth(1)).toContainText('Bob');
  await expect(grid.getByRole('row').nth(1)).toContainText('port check');
  await screenshot(page, 'activity-filtered');

  await filters.getByRole('textbox', { name: 'Number pattern' }).fill('+65x');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert')).toContainText('Number pattern "+65x" may hold only digits');
});

test('pages through the log on the server, Next and Back', async ({ page, app, cli }) => {
  // 60 more numbers: 66 events, two pages of 50.
  const more = Array.from({ length: 60 }, (_, i) => `+656200${String(i).padStart(4, '0')}`);
  // At most 50 at once, as Add new numbers takes them.
  for (const part of [more.slice(0, 30), more.slice(30)])
    cli('add', ...part, '--vendor', 'Singtel', '--country', 'SG', '--sku', 'SG-DID-STD');
  await app.open();
  await page.getByRole('link', { name: 'Activity' }).click();
  const grid = page.getByRole('grid', { name: 'Activity' });
  await expect(page.getByText('1–50 of 66')).toBeVisible();
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page.getByText('51–66 of 66')).toBeVisible();
  // The oldest events last: the first three numbers added.
  await expect(grid.getByRole('row').last()).toContainText(NUMBERS[0]);
  await expect(page.getByRole('button', { name: 'Go to next page' })).toBeDisabled();
  await page.getByRole('button', { name: 'Go to previous page' }).click();
  await expect(page.getByText('1–50 of 66')).toBeVisible();
  // The newest first: the last number added (all at the fixed clock's instant, so in the order recorded).
  await expect(grid.getByRole('row').nth(1)).toContainText('+6562000059');
});

test('exports the filtered log to CSV', async ({ page, app }, testInfo) => {
  await app.open();
  await page.getByRole('link', { name: 'Activity' }).click();
  const filters = page.getByRole('search', { name: 'Activity filters' });
  await filters.getByRole('textbox', { name: 'Operator' }).fill('Alice');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('grid', { name: 'Activity' }).getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export activity' });
  await expect(dialog).toContainText('Every event of the activity log: Operator: Alice.');
  await dialog.getByRole('radio', { name: 'CSV' }).check();
  const out = testInfo.outputPath('alice.csv');
  await dialog.getByRole('textbox', { name: 'Save to file' }).fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Exported 2 events to ${out}`);
  await screenshot(page, 'activity-export');
  const lines = fs
    .readFileSync(out, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines.map((line) => line.split(',').slice(1, 3).join(','))).toEqual(['actor,action', 'Alice,unlock', 'Alice,lock']);
});
