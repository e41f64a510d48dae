// The rough edges a day in the app showed (issue 12 §5), each as the operator meets it: the
// advanced search (focus, Enter, help, any-case values with suggestions, chips in their own row),
// saved searches (replace, confirm delete, Clear all), Add new numbers (counter, added numbers
// leave the box, suggestions, old results cleared), the quick search (00 prefix, words), and
// action dialogs named with their number.
import { test, expect, screenshot } from './fixtures';
import { addNumbers } from './seed';
import { chooseAction, confirm, expectCounts, grid, openDetail, search, selectTab } from './ui';

test('Advanced search: focus in the first field, help that is no alert, any-case vendor offered, Enter applies, chips in their own row', async ({
  page,
  app,
}) => {
  await addNumbers(app, ['+6561234567', '+6561234568']);
  await app.call('numbers:add', { numbers: '+12125550123', vendor: 'Lumen', country: 'US', sku: 'US-DID', routing: 'Route-East' });
  await app.open();
  const addButton = page.getByRole('button', { name: 'Add new numbers' });
  const toolsTop = (await addButton.boundingBox())?.y;

  await page.getByRole('button', { name: 'Advanced search' }).click();
  const panel = page.getByRole('dialog', { name: 'Advanced search' });
  await expect(panel.getByRole('textbox', { name: 'Number pattern' })).toBeFocused();
  await expect(panel.getByText(/Starting with \+ \(or the international 00\) it is a prefix/)).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);

  // The vendors held are offered whatever the case typed; "singtel" finds Singtel's numbers.
  const vendor = panel.getByRole('combobox', { name: 'Vendor' });
  await vendor.fill('sing');
  await expect(page.getByRole('option', { name: 'Singtel' })).toBeVisible();
  await vendor.fill('singtel');
  await expect(panel.getByRole('status')).toHaveText('2 matching numbers on the Available tab');
  await panel.getByRole('combobox', { name: 'Routing' }).fill('route-east');
  await expect(panel.getByRole('status')).toHaveText('0 matching numbers on the Available tab');
  await panel.getByRole('combobox', { name: 'Routing' }).fill('');
  await screenshot(page, 'advanced-search-suggestions');

  // Enter in the pattern applies the panel, with the vendor typed but never confirmed.
  await panel.getByRole('textbox', { name: 'Number pattern' }).fill('0065*');
  await panel.getByRole('textbox', { name: 'Number pattern' }).press('Enter');
  await expect(panel).toBeHidden();
  await expectCounts(page, { Available: 2 });
  await expect(grid(page, 'Available').getByRole('row')).toHaveCount(1 + 2);

  // One chip per condition, in a row of their own: the tools stay on one line.
  const chips = page.getByRole('group', { name: 'Search conditions' }).getByRole('button');
  await expect(chips).toHaveCount(2);
  await expect(chips.nth(0)).toContainText('Number pattern: 0065*');
  await expect(chips.nth(1)).toContainText('Vendor: singtel');
  const chipsBox = await page.getByRole('group', { name: 'Search conditions' }).boundingBox();
  const addBox = await addButton.boundingBox();
  expect(addBox?.y).toBe(toolsTop);
  expect(chipsBox && addBox ? chipsBox.y >= addBox.y + addBox.height : false).toBe(true);
  await screenshot(page, 'search-conditions-row');
});

test('Saved searches: replace one by saving under its name, confirm before delete, Clear all clears the pick', async ({ page, app }) => {
  await addNumbers(app, ['+6561234567']);
  await app.open();
  await page.getByRole('button', { name: 'Advanced search' }).click();
  const panel = page.getByRole('dialog', { name: 'Advanced search' });
  await panel.getByRole('textbox', { name: 'Number pattern' }).fill('+65*');
  await panel.getByRole('textbox', { name: 'Save as' }).fill('Singapore');
  await panel.getByRole('button', { name: 'Save search' }).click();
  await expect(panel.getByText('Saved "Singapore"')).toBeVisible();

  // Picking it and saving again under its name replaces it, as the button says beforehand.
  await panel.getByRole('textbox', { name: 'Number pattern' }).fill('+6561*');
  await expect(panel.getByRole('combobox', { name: 'Saved searches' })).toHaveText('Singapore');
  await panel.getByRole('textbox', { name: 'Save as' }).fill('Singapore');
  await expect(panel.getByText('Replaces the saved "Singapore"')).toBeVisible();
  await panel.getByRole('button', { name: 'Replace saved search' }).click();
  await expect(panel.getByText('Replaced "Singapore"')).toBeVisible();
  await expect(panel.getByText('Saved "Singapore"')).toHaveCount(0);
  const saved = await app.call('searches:list', {});
  expect(saved.map((s) => [s.name, s.filter.pattern])).toEqual([['Singapore', '+6561*']]);

  // Delete asks first; Cancel keeps it.
  await panel.getByRole('button', { name: 'Delete saved search' }).click();
  const confirmDelete = page.getByRole('dialog', { name: 'Delete saved search?' });
  await expect(confirmDelete).toContainText('“Singapore” will be deleted');
  await screenshot(page, 'saved-search-delete-confirm');
  await confirmDelete.getByRole('button', { name: 'Cancel' }).click();
  expect(await app.call('searches:list', {})).toHaveLength(1);

  // Clear all empties the conditions and the pick.
  await panel.getByRole('button', { name: 'Clear all' }).click();
  await expect(panel.getByRole('textbox', { name: 'Number pattern' })).toHaveValue('');
  await expect(panel.getByRole('combobox', { name: 'Saved searches' })).not.toHaveText('Singapore');
  await expect(panel.getByRole('button', { name: 'Delete saved search' })).toBeDisabled();

  await panel.getByRole('combobox', { name: 'Saved searches' }).click();
  await page.getByRole('option', { name: 'Singapore' }).click();
  await panel.getByRole('button', { name: 'Delete saved search' }).click();
  await confirmDelete.getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByText('Deleted "Singapore"')).toBeVisible();
  expect(await app.call('searches:list', {})).toHaveLength(0);
});

test('Add new numbers: a live n / 50 counter, added numbers leave the box, the vendors held offered, a new attempt clears old results', async ({
  page,
  app,
}) => {
  await addNumbers(app, ['+6561230000']);
  await app.open();
  await page.getByRole('button', { name: 'Add new numbers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add new numbers' });
  const numbers = dialog.getByRole('textbox', { name: 'Numbers' });
  await expect(dialog.getByText(/^0 \/ 50 ·/)).toBeVisible();
  await numbers.fill('+6561234567, +65 1234\n+6561230000');
  await expect(dialog.getByText(/^3 \/ 50 ·/)).toBeVisible();

  // A value held in another case is pointed out, and offered.
  const vendor = dialog.getByRole('combobox', { name: 'Vendor' });
  await vendor.fill('singtel');
  await expect(dialog.getByText('Stored as "Singtel": pick it to keep one spelling')).toBeVisible();
  await expect(page.getByRole('option', { name: 'Singtel' })).toBeVisible();
  await page.getByRole('option', { name: 'Singtel' }).click();
  await expect(vendor).toHaveValue('Singtel');
  await dialog.getByRole('combobox', { name: 'SKU' }).fill('SG-NEW');
  await expect(dialog.getByText('A new SKU: no number has it yet')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Country' }).fill('SG');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();

  const results = dialog.getByRole('table', { name: 'Add results' });
  await expect(results).toBeVisible();
  // The added number (and the one already held) left the box; the invalid one stays, to be fixed.
  await expect(numbers).toHaveValue('+65 1234');
  await expect(dialog.getByText(/^1 \/ 50 ·/)).toBeVisible();
  await screenshot(page, 'dialog-add-numbers-results');

  // A new attempt (refused before sending) clears the last results.
  await numbers.fill('');
  await expect(dialog.getByText(/^0 \/ 50 ·/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('Numbers are required')).toBeVisible();
  await expect(results).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expectCounts(page, { Available: 2 });
});

test('Quick search: 00 is the international prefix, a word says what the box searches; action dialogs name their number', async ({
  page,
  app,
}) => {
  await addNumbers(app, ['+6561234567', '+6561234568']);
  await app.open();
  await search(page, '0065 6123 4567');
  await expect(grid(page, 'Available').getByRole('row')).toHaveCount(1 + 1);
  await expect(grid(page, 'Available')).toContainText('+6561234567');

  await search(page, 'Singtel');
  await expect(page.getByRole('status').filter({ hasText: 'Searches numbers and UUIDs only' })).toHaveText(
    'Searches numbers and UUIDs only; for vendor, SKU or routing use Advanced search',
  );
  await screenshot(page, 'quick-search-word');

  await search(page, '+6561234567');
  const detail = await openDetail(page, '+6561234567');
  const dialog = await chooseAction(page, detail, 'Reserve');
  await expect(dialog.getByRole('heading', { name: 'Reserve +6561234567' })).toBeVisible();
});

test('Reserving for an organization not in the directory warns and offers to add it; the history reads in words', async ({ page, app }) => {
  const unknownOrg = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
  await addNumbers(app, ['+6561234567']);
  await app.open();
  await search(page, '+6561234567');
  const detail = await openDetail(page, '+6561234567');
  const dialog = await chooseAction(page, detail, 'Reserve');
  await dialog.getByLabel('Org UUID').fill(unknownOrg);
  await expect(
    dialog.getByText('Not in Organizations: its expiry warning would have no recipient. Add the organization first.'),
  ).toBeVisible();
  await screenshot(page, 'dialog-reserve-unknown-org');
  await dialog.getByRole('button', { name: `Add organization ${unknownOrg}` }).click();
  const adding = page.getByRole('dialog', { name: 'Add organization' });
  await expect(adding.getByLabel('UUID')).toHaveValue(unknownOrg);
  await adding.getByLabel('Name').fill('Initech Asia');
  await adding.getByLabel('Billing email').fill('billing@initech.example');
  await adding.getByRole('button', { name: 'Save' }).click();
  await expect(adding).toBeHidden();
  await expect(dialog.getByText('Initech Asia (customer)')).toBeVisible();
  await dialog.getByLabel('Remark').fill('Trial');
  await confirm(dialog, 'Reserve');
  await expect(dialog).toBeHidden();

  // The history names the organization and the kind in words.
  const latest = detail.getByRole('list', { name: 'History' }).getByRole('listitem').first();
  await expect(latest).toContainText(`org UUID: Initech Asia (${unknownOrg})`);
  await expect(latest).toContainText('kind: Free');
  await expect(latest).toContainText('period days: 28 days');
  await app.call('numbers:release', { number: '+6561234567', remark: 'back' });
  await app.call('numbers:delete', { number: '+6561234567', reason: 'ported-out', remark: 'gone' });
  await detail.getByRole('button', { name: 'Close detail' }).click();
  await selectTab(page, 'Deleted');
  await search(page, '+6561234567');
  const deleted = await openDetail(page, '+6561234567');
  const entry = deleted.getByRole('list', { name: 'History' }).getByRole('listitem').first();
  await expect(entry).toContainText('reason: Ported out');
  await expect(entry).not.toContainText('ported-out');
});
