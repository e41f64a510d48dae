// The inventory grid at 1400 px, as an operator meets it: Number and View pinned while the grid
// scrolls sideways, no duplicate Number/Formatted pair, each tab's key columns in view, Days left
// for reservations and locks (sortable, counted from the app's clock), tab badges with thousands
// separators that never shift the tabs, and the layout, sort, page size and tab remembered.
import type { Locator, Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { ACME, addNumbers, addOrganizations, assign, lock, reserve } from './seed';
import { expectCounts, field, grid, openDetail, selectTab, tab, type StateLabel } from './ui';

test.use({ viewport: { width: 1400, height: 900 } });

const SOON = '+6561234501';
const LATER = '+6561234502';
const LOCKED = '+6561234503';
const ASSIGNED = '+6561234504';
/** 30 available numbers, +6562000000 to +6562000029. */
const MANY = Array.from({ length: 30 }, (_, i) => `+65620000${String(i).padStart(2, '0')}`);

/** A column's header: named by its title (a sorted column's name adds its sort button's). */
const header = (page: Page, name: string) => page.getByRole('columnheader', { name: new RegExp(`^${name}( |$)`) });
const row = (page: Page, label: StateLabel, number: string) => grid(page, label).getByRole('row').filter({ hasText: number });

/** The element lies wholly inside the grid's visible width. */
async function expectInView(element: Locator, within: Locator): Promise<void> {
  const box = await element.boundingBox();
  const frame = await within.boundingBox();
  expect(box, 'the element is on screen').not.toBeNull();
  expect(frame).not.toBeNull();
  if (!box || !frame) return;
  expect(box.x).toBeGreaterThanOrEqual(frame.x);
  expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
}

async function seedHolds(app: Parameters<typeof addOrganizations>[0]): Promise<void> {
  await addOrganizations(app);
  await addNumbers(app, [SOON, LATER, LOCKED, ASSIGNED]);
  await app.call('settings:set', { changes: { reservationDays: 5 } });
  await reserve(app, SOON);
  await app.call('settings:set', { changes: { reservationDays: 28 } });
  await reserve(app, LATER);
  await lock(app, LOCKED);
  await assign(app, ASSIGNED);
}

test('At 1400 px each tab shows its key columns, Number and View stay pinned, and Formatted is hidden', async ({ page, app }) => {
  await seedHolds(app);
  await app.open();

  await expect(header(page, 'Number')).toBeVisible();
  await expect(header(page, 'Formatted')).toHaveCount(0);

  await selectTab(page, 'Assigned');
  await expect(row(page, 'Assigned', ASSIGNED)).toBeVisible();
  for (const name of ['Number', 'Subscription', 'Owner']) await expectInView(header(page, name), grid(page, 'Assigned'));
  await screenshot(page, 'grid-assigned-1400');

  await selectTab(page, 'Reserved');
  const reserved = grid(page, 'Reserved');
  await expect(row(page, 'Reserved', SOON)).toBeVisible();
  for (const name of ['View', 'Number', 'Reserver org', 'Kind', 'Expires', 'Days left']) await expectInView(header(page, name), reserved);
  await expect(row(page, 'Reserved', SOON)).toContainText(ACME.name);
  await screenshot(page, 'grid-reserved-1400');

  // Scrolled to its right end, the grid still shows each row's number and eye button where they were.
  const numberCell = row(page, 'Reserved', SOON).getByRole('gridcell', { name: SOON, exact: true });
  const before = await numberCell.boundingBox();
  const countryBefore = await header(page, 'Country').boundingBox();
  await reserved.locator('.MuiDataGrid-virtualScroller').evaluate((scroller) => scroller.scrollTo({ left: scroller.scrollWidth }));
  await expect.poll(async () => (await header(page, 'Country').boundingBox())?.x).toBeLessThan(countryBefore?.x ?? 0);
  expect((await numberCell.boundingBox())?.x).toBe(before?.x);
  await expectInView(page.getByRole('button', { name: `View ${SOON}`, exact: true }), reserved);
  await screenshot(page, 'grid-reserved-scrolled-1400');
});

test('Days left: shown for reservations and locks, sortable, counted from the app clock and not the page', async ({ page, app }) => {
  await seedHolds(app);
  await app.open();
  // The page's own clock ten days ahead of the app's (NUMBER_INVENTORY_NOW): days left must not move.
  await page.clock.setFixedTime(new Date(Date.parse('2026-03-02T09:00:00.000Z') + 10 * 86_400_000));
  await page.reload();

  await selectTab(page, 'Reserved');
  const daysLeftOf = (label: StateLabel, number: string) => row(page, label, number).locator('[role="gridcell"][data-field="daysLeft"]');
  await expect(daysLeftOf('Reserved', SOON)).toHaveText('5');
  await expect(daysLeftOf('Reserved', LATER)).toHaveText('28');

  // Sorting by Days left is sorting by the deadline: soonest first, then latest first.
  const firstRow = grid(page, 'Reserved').getByRole('row').nth(1);
  await header(page, 'Days left').click();
  await expect(header(page, 'Days left')).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstRow).toContainText(SOON);
  await header(page, 'Days left').click();
  await expect(header(page, 'Days left')).toHaveAttribute('aria-sort', 'descending');
  await expect(firstRow).toContainText(LATER);

  await selectTab(page, 'Locked');
  await expect(daysLeftOf('Locked', LOCKED)).toHaveText('28');
  // The detail counts the same way.
  await expect(field(await openDetail(page, LOCKED), 'Days left')).toHaveText('28');
});

test('Tab badges read with thousands separators, and the tabs stay in place when counts change', async ({ page, app }) => {
  for (let batch = 0; batch < 21; batch++)
    await addNumbers(
      app,
      Array.from({ length: 50 }, (_, i) => `+6563${String(batch * 50 + i).padStart(6, '0')}`),
    );
  await app.open();
  await expectCounts(page, { Available: 1050, Locked: 0 });
  await expect(tab(page, 'Available')).toContainText('1,050');
  const positions = async () =>
    Promise.all(
      (['Available', 'Reserved', 'Locked', 'Assigned', 'Deleted'] as StateLabel[]).map(
        async (label) => (await tab(page, label).boundingBox())?.x,
      ),
    );
  const before = await positions();
  await lock(app, '+6563000000');
  await expectCounts(page, { Available: 1049, Locked: 1 });
  expect(await positions()).toEqual(before);
  await screenshot(page, 'tab-badges');
});

test('Column layout, sort, page size and tab are remembered across restarts', async ({ page, app }) => {
  await addNumbers(app, MANY);
  await addNumbers(app, [LOCKED]);
  await lock(app, LOCKED);
  await app.open();

  await page.getByRole('combobox', { name: /Rows per page/ }).click();
  await page.getByRole('option', { name: '25' }).click();
  await expect(page.getByText('1–25 of 30')).toBeVisible();
  await header(page, 'Number').click(); // ascending is the default: this sorts descending
  await expect(grid(page, 'Available').getByRole('row').nth(1)).toContainText('+6562000029');
  // Hide Capabilities from its column menu.
  await header(page, 'Capabilities').hover();
  await header(page, 'Capabilities').getByRole('button', { name: /menu/i }).click();
  await page.getByRole('menuitem', { name: /Hide column/i }).click();
  await expect(header(page, 'Capabilities')).toHaveCount(0);
  await selectTab(page, 'Locked');
  await expect(row(page, 'Locked', LOCKED)).toBeVisible();

  await page.reload();
  await expect(tab(page, 'Locked')).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 'Locked', LOCKED)).toBeVisible();
  await selectTab(page, 'Available');
  await expect(page.getByText('1–25 of 30')).toBeVisible();
  await expect(grid(page, 'Available').getByRole('row').nth(1)).toContainText('+6562000029');
  await expect(header(page, 'Number')).toHaveAttribute('aria-sort', 'descending');
  await expect(header(page, 'Capabilities')).toHaveCount(0);
});
