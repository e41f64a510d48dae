// A state condition in a tabbed inventory: the ticked states are the tabs open to the search. The
// tabs not ticked show 0 and cannot be chosen, the tab on screen moves to the first ticked one, and
// the grid, its tab's count, the chips and the export all show the same numbers.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, screenshot, type InventoryApp } from './fixtures';
import { addNumbers, lock, remove, reserve } from './seed';
import { expectCounts, grid, tab } from './ui';

const AVAILABLE = ['+6561234501', '+6561234502', '+6561234503'];
const RESERVED = '+6561234504';
const LOCKED = '+6561234505';
const DELETED = ['+6561234506', '+6561234507'];

/** Numbers in every state but Assigned. */
async function seed(app: InventoryApp): Promise<void> {
  await addNumbers(app, [...AVAILABLE, RESERVED, LOCKED, ...DELETED]);
  await reserve(app, RESERVED);
  await lock(app, LOCKED);
  for (const number of DELETED) await remove(app, number);
}

/** Exports the current search to CSV through the Export dialog, which must describe it; returns the numbers written, in file order. */
async function exportCsv(page: Page, file: string, description: string): Promise<string[]> {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export numbers' });
  await expect(dialog.getByText(`Every number of the current search: ${description}.`)).toBeVisible();
  await dialog.getByRole('radio', { name: 'CSV' }).check();
  await dialog.getByRole('textbox', { name: 'Save to file' }).fill(file);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^Exported \d+ numbers to /);
  await expect(dialog.getByRole('status')).toContainText(file);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // trim() also drops the byte-order mark the file starts with.
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r\n/);
  expect(header.split(',')[0]).toBe('number');
  // The number cell carries the formula guard: +656... is written '+656...
  return lines.map((line) => line.split(',')[0].replace(/^'/, ''));
}

test('On the Available tab, ticking only Deleted shows, counts and exports the deleted numbers', async ({ page, app }, testInfo) => {
  await seed(app);
  await app.open();
  await expectCounts(page, { Available: 3, Reserved: 1, Locked: 1, Assigned: 0, Deleted: 2 });

  await page.getByRole('button', { name: 'Advanced search' }).click();
  const panel = page.getByRole('dialog', { name: 'Advanced search' });
  await panel.getByRole('checkbox', { name: 'Deleted' }).check();
  // The panel's count is what Apply will show: the Deleted tab's numbers.
  await expect(panel.getByRole('status')).toHaveText('2 matching numbers on the Deleted tab');
  await screenshot(page, 'tab-filter-panel-deleted');
  await panel.getByRole('button', { name: 'Apply' }).click();

  // The tab on screen moves to Deleted; the other tabs show 0 and cannot be chosen.
  await expect(tab(page, 'Deleted')).toHaveAttribute('aria-selected', 'true');
  await expectCounts(page, { Available: 0, Reserved: 0, Locked: 0, Assigned: 0, Deleted: 2 });
  for (const label of ['Available', 'Reserved', 'Locked', 'Assigned'] as const) await expect(tab(page, label)).toBeDisabled();
  await expect(grid(page, 'Deleted').getByRole('row')).toHaveCount(1 + 2);
  for (const number of DELETED) await expect(grid(page, 'Deleted')).toContainText(number);
  await expect(page.getByText('1–2 of 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'State: Deleted' })).toBeVisible();
  await screenshot(page, 'tab-filter-deleted-applied');

  // Export writes exactly the rows on screen.
  expect(await exportCsv(page, testInfo.outputPath('deleted.csv'), 'Deleted numbers')).toEqual(DELETED);

  // Removing the state condition opens every tab again and keeps the one on screen.
  await page.getByLabel('Remove State: Deleted').click();
  await expectCounts(page, { Available: 3, Reserved: 1, Locked: 1, Assigned: 0, Deleted: 2 });
  await expect(tab(page, 'Deleted')).toHaveAttribute('aria-selected', 'true');
  await expect(tab(page, 'Available')).toBeEnabled();
  await screenshot(page, 'tab-filter-deleted-removed');
});

test('Two ticked states open two tabs: the first is shown, the other can be chosen, and each exports its own numbers', async ({
  page,
  app,
}, testInfo) => {
  await seed(app);
  await app.open();
  await tab(page, 'Deleted').click();

  await page.getByRole('button', { name: 'Advanced search' }).click();
  const panel = page.getByRole('dialog', { name: 'Advanced search' });
  await panel.getByRole('checkbox', { name: 'Locked' }).check();
  await panel.getByRole('checkbox', { name: 'Reserved' }).check();
  await expect(panel.getByRole('status')).toHaveText('1 matching number on the Reserved tab; 1 more on other tabs');
  await panel.getByRole('button', { name: 'Apply' }).click();

  await expect(tab(page, 'Reserved')).toHaveAttribute('aria-selected', 'true');
  await expectCounts(page, { Available: 0, Reserved: 1, Locked: 1, Assigned: 0, Deleted: 0 });
  await expect(tab(page, 'Deleted')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'State: Reserved or Locked' })).toBeVisible();
  await expect(grid(page, 'Reserved').getByRole('row')).toHaveCount(1 + 1);
  await expect(grid(page, 'Reserved')).toContainText(RESERVED);

  await tab(page, 'Locked').click();
  await expect(grid(page, 'Locked').getByRole('row')).toHaveCount(1 + 1);
  await expect(grid(page, 'Locked')).toContainText(LOCKED);
  await screenshot(page, 'tab-filter-two-states-locked');
  // The arrow keys skip the tabs the search leaves out: from Locked, the next open tab is Reserved.
  await tab(page, 'Locked').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Reserved')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Locked')).toHaveAttribute('aria-selected', 'true');
  expect(await exportCsv(page, testInfo.outputPath('locked.csv'), 'Locked numbers')).toEqual([LOCKED]);
});
