// Acting on many numbers at once (issue 12 §2): checkboxes in the grid, "select all N matching"
// across pages, the bar's actions for the tab's state, the fields asked once, the preview per
// number before anything is written, then the apply with its progress, and the batch in the history.
import { test, expect, screenshot } from './fixtures';
import { ACME, addNumbers, addOrganizations } from './seed';
import { expectCounts, grid, history, openDetail, selectTab } from './ui';

const numbers = (count: number, first = 6561234500) => Array.from({ length: count }, (_, i) => `+${first + i}`);
/** Add new numbers takes 50 at a time. */
async function addMany(app: Parameters<typeof addNumbers>[0], list: string[]): Promise<void> {
  for (let i = 0; i < list.length; i += 50) await addNumbers(app, list.slice(i, i + 50));
}

test('Reserve every matching number across pages: fields once, the filter resolved at the preview, then the apply with progress', async ({
  page,
  app,
}) => {
  await addOrganizations(app);
  const all = numbers(60);
  await addMany(app, all);
  await app.open();
  await selectTab(page, 'Available');
  const available = grid(page, 'Available');
  await expect(available.getByRole('row').filter({ hasText: all[0] })).toBeVisible();

  await available.getByRole('checkbox', { name: 'Select all rows' }).check();
  const bar = page.getByRole('toolbar', { name: 'Selected numbers' });
  await expect(bar.getByRole('status')).toHaveText('50 selected');
  // The actions allowed while available, from the transition table.
  await expect(bar.getByRole('button', { name: /^(Reserve|Lock|Delete|Assign)$/ })).toHaveText(['Reserve', 'Lock', 'Delete', 'Assign']);
  await bar.getByRole('button', { name: 'Select all 60 matching' }).click();
  await expect(bar.getByRole('status')).toHaveText('60 selected');
  await screenshot(page, 'bulk-selected');

  // Someone locks one of them meanwhile: "every matching" is resolved by the core at the preview, so it is left out.
  await app.call('numbers:lock', { number: all[7], remark: 'held by another desk' });

  await bar.getByRole('button', { name: 'Reserve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Reserve 60 numbers' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByText('Org UUID is required')).toBeVisible();
  await expect(dialog.getByText('Remark is required')).toBeVisible();
  await dialog.getByLabel('Org UUID').fill(ACME.uuid);
  await dialog.getByLabel('Remark').fill('Campaign hold');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('status')).toHaveText('59 will change, 0 refused. Nothing has been changed yet.');
  await expectCounts(page, { Available: 59, Reserved: 0, Locked: 1 });
  const preview = dialog.getByRole('grid', { name: 'Preview per number' });
  await expect(preview.getByRole('row').filter({ hasText: all[0] })).toContainText('Will apply');
  await expect(preview.getByRole('row').filter({ hasText: all[7] })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Reserve 59 numbers' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Done: 59 changed, 0 refused.');
  await expect(dialog.getByRole('progressbar', { name: 'Progress: 59 of 59' })).toHaveAttribute('aria-valuenow', '100');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(bar).toBeHidden();
  await expectCounts(page, { Available: 0, Reserved: 59, Locked: 1 });

  await selectTab(page, 'Reserved');
  const detail = await openDetail(page, all[0]);
  await expect(history(detail).first()).toContainText('Reserve: Available → Reserved');
  await expect(history(detail).first()).toContainText(/Bulk action · batch [0-9a-f-]{36}/);
  await expect(history(detail).first()).toContainText('Remark: Campaign hold');
  await screenshot(page, 'bulk-history');
});

test('Lock numbers checked one by one on two pages; the selection is of the tab it was made in', async ({ page, app }) => {
  const all = numbers(55);
  await addMany(app, all);
  await app.open();
  await selectTab(page, 'Available');
  const available = grid(page, 'Available');
  const checkbox = (number: string) => available.getByRole('row').filter({ hasText: number }).getByRole('checkbox', { name: 'Select row' });
  await checkbox(all[0]).check();
  await checkbox(all[1]).check();
  const bar = page.getByRole('toolbar', { name: 'Selected numbers' });
  await expect(bar.getByRole('status')).toHaveText('2 selected');
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await checkbox(all[52]).check();
  await expect(bar.getByRole('status')).toHaveText('3 selected');

  // Someone reserves one of the checked numbers meanwhile: the preview refuses it, the others go ahead.
  await app.call('numbers:reserve', { number: all[1], orgUuid: ACME.uuid, remark: 'another desk' });

  await bar.getByRole('button', { name: 'Lock', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lock 3 numbers' });
  await dialog.getByLabel('Remark').fill('Audit');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('status')).toHaveText('2 will change, 1 refused. Nothing has been changed yet.');
  await dialog.getByRole('button', { name: 'Refused (1)' }).click();
  const preview = dialog.getByRole('grid', { name: 'Preview per number' });
  await expect(preview.getByRole('row').filter({ hasText: all[1] })).toContainText(
    `Refused: "Lock" is not possible for ${all[1]}: it is Reserved.`,
  );
  await expect(preview.getByRole('row').filter({ hasText: all[0] })).toHaveCount(0);
  await screenshot(page, 'bulk-preview');
  await dialog.getByRole('button', { name: 'Lock 2 numbers' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Done: 2 changed, 0 refused.');
  await screenshot(page, 'bulk-done');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectCounts(page, { Available: 52, Reserved: 1, Locked: 2 });

  // Checked in one tab, gone in the next.
  await checkbox(all[53]).check();
  await expect(bar.getByRole('status')).toHaveText('1 selected');
  await selectTab(page, 'Locked');
  await expect(page.getByRole('toolbar', { name: 'Selected numbers' })).toBeHidden();
  await expect(grid(page, 'Locked').getByRole('row').filter({ hasText: all[52] })).toBeVisible();
  await expect(grid(page, 'Locked').getByRole('row').filter({ hasText: all[0] })).toBeVisible();
});

test('Cancel stops a running bulk action between batches: the numbers done keep their change, the rest are untouched', async ({
  page,
  app,
}) => {
  const total = 5000;
  await addMany(app, numbers(total));
  await app.open();
  await selectTab(page, 'Available');
  const available = grid(page, 'Available');
  await available.getByRole('checkbox', { name: 'Select all rows' }).check();
  const bar = page.getByRole('toolbar', { name: 'Selected numbers' });
  await bar.getByRole('button', { name: 'Select all 5,000 matching' }).click();
  await bar.getByRole('button', { name: 'Lock', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lock 5,000 numbers' });
  await dialog.getByLabel('Remark').fill('Held for the audit');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('status')).toHaveText('5,000 will change, 0 refused. Nothing has been changed yet.', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Lock 5,000 numbers' }).click();
  await expect(dialog.getByRole('status')).toContainText('Working:');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const ended = dialog.getByRole('status');
  await expect(ended).toContainText('Cancelled after', { timeout: 30_000 });
  const changed = Number((/: ([\d,]+) changed, 0 refused/.exec((await ended.textContent()) ?? '')?.[1] ?? 'NaN').replace(/,/g, ''));
  expect(changed).toBeGreaterThanOrEqual(0);
  expect(changed).toBeLessThan(total);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectCounts(page, { Available: total - changed, Locked: changed });
});
