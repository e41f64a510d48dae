// Billing events in the app (issue 10): "Record subscription event" from the detail of an assigned
// number (the whole subscription, after a dry run), and "Import billing events" from the toolbar
// (an uploaded file in browser mode, the dry run's per-row table with counts and filters, then apply).
import { test, expect, screenshot } from './fixtures';
import { ACME, addNumbers, addOrganizations, assign, DID_RESERVATION, reserve, SUBSCRIPTION } from './seed';
import { expectCounts, field, history, openDetail, search, selectTab } from './ui';

const NUMBERS = ['+6561234567', '+6561234568', '+6561234569'];

test('Record subscription event: a dry run shows every number of the subscription, Apply reserves them all for the owner', async ({
  page,
  app,
}) => {
  await addOrganizations(app);
  await addNumbers(app, NUMBERS);
  for (const number of NUMBERS) await assign(app, number, ACME.uuid);
  await app.open();
  await expectCounts(page, { Assigned: 3, Reserved: 0 });
  await selectTab(page, 'Assigned');
  await search(page, NUMBERS[0]);
  const detail = await openDetail(page, NUMBERS[0]);
  await expect(detail.getByRole('region', { name: 'Billing' })).toContainText(`Subscription ${SUBSCRIPTION}`);
  await detail.getByRole('button', { name: 'Record subscription event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record subscription event' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  // Now is 2026-03-02 09:00 UTC, when the numbers were assigned: expired then, reserved 56 days, to 27 April.
  await dialog.getByLabel('Effective time (UTC)').fill('2026-03-02T09:00');
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Would change 3 of 3 numbers.');
  const dryRun = dialog.getByRole('table', { name: 'Dry run results' });
  await expect(dryRun.getByRole('row')).toHaveCount(4);
  for (const number of NUMBERS)
    await expect(dryRun.getByRole('row', { name: new RegExp(`\\${number}`) })).toContainText('Assigned → Reserved');
  await expect(dryRun).toContainText('2026-04-27 09:00 UTC');
  await screenshot(page, 'dialog-record-subscription-event-dry-run');
  // Nothing written by the check.
  await expectCounts(page, { Assigned: 1, Reserved: 0 });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Changed 3 of 3 numbers.');
  await screenshot(page, 'dialog-record-subscription-event-applied');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(field(detail, 'State')).toHaveText('Reserved');
  await expect(field(detail, 'Expires')).toHaveText('2026-04-27 09:00 UTC');
  await expect(history(detail).first()).toContainText('Subscription expired: Assigned → Reserved');
  await expect(history(detail).first()).toContainText(`expired of subscription ${SUBSCRIPTION}`);
  const billing = detail.getByRole('region', { name: 'Billing' });
  await expect(billing).toContainText('Next: warning on 2026-04-20 09:00 UTC, then released on 2026-04-27 09:00 UTC');
  await expect(billing.getByRole('list', { name: 'Billing events applied' })).toContainText(
    'Subscription expired at 2026-03-02 09:00 UTC (entered by',
  );
  await screenshot(page, 'detail-billing-events');
  await detail.getByRole('button', { name: 'Close detail' }).click();
  await search(page, '');
  await expectCounts(page, { Assigned: 0, Reserved: 3 });
});

test('Import billing events: upload a feed, see the dry run per row with counts and filters, apply it; the grid filters by DID Reservation UUID', async ({
  page,
  app,
}) => {
  await addOrganizations(app);
  await addNumbers(app, NUMBERS);
  await assign(app, NUMBERS[0], ACME.uuid);
  for (const number of NUMBERS.slice(1)) {
    await reserve(app, number);
    await app.call('numbers:extend', { number, didReservationUuid: DID_RESERVATION, paidUntil: '2026-03-31' });
  }
  const feed = [
    'subscription_uuid,did_reservation_uuid,event,effective_at,until',
    `${SUBSCRIPTION},,terminated,2026-03-02T09:00:00Z,`,
    `,${DID_RESERVATION},renewed,2026-03-01T00:00:00Z,2026-04-30`,
    `99999999-9999-4999-8999-999999999999,,expired,2026-03-01T00:00:00Z,`,
    `not-a-uuid,,expired,2026-03-01T00:00:00Z,`,
  ].join('\n');
  await app.open();
  await page.getByRole('button', { name: 'Import billing events' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import billing events' });
  await dialog
    .getByLabel('Billing events file')
    .setInputFiles({ name: 'billing-2026-03-01.csv', mimeType: 'text/csv', buffer: Buffer.from(feed) });
  await dialog.getByRole('button', { name: 'Check file' }).click();
  const status = dialog.getByRole('status');
  await expect(status).toContainText(
    'Dry run: nothing written yet. 4 rows: 2 to apply, 0 with nothing to change, 1 for subscriptions not here, 1 invalid.',
  );
  await expect(status).toContainText('Numbers: 3 changed');
  // The header, and one row per number (the renewal reaches two) or per row that reached none.
  const table = dialog.getByRole('table', { name: 'Dry run results' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await screenshot(page, 'dialog-import-billing-events-dry-run');
  // Filters: only the invalid rows.
  for (const chip of ['Applied', 'Nothing to change', 'No such subscription here'])
    await dialog.getByRole('group', { name: 'Rows' }).getByRole('button', { name: chip, exact: true }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Subscription UUID must be a UUID');
  await screenshot(page, 'dialog-import-billing-events-filtered');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(status).toContainText('Applied. 4 rows: 2 applied');
  await screenshot(page, 'dialog-import-billing-events-applied');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectCounts(page, { Assigned: 0, Reserved: 3 });

  // The grid by DID Reservation UUID (Advanced search).
  await selectTab(page, 'Reserved');
  await page.getByRole('button', { name: 'Advanced search' }).click();
  const panel = page.getByRole('dialog', { name: 'Advanced search' });
  await panel.getByLabel('DID Reservation UUID').fill(DID_RESERVATION);
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expectCounts(page, { Reserved: 2 });
  await screenshot(page, 'grid-did-reservation-filter');
  const detail = await openDetail(page, NUMBERS[1]);
  await expect(field(detail, 'Expires')).toHaveText('2026-05-01 00:00 UTC');
  await expect(detail.getByRole('region', { name: 'Billing' })).toContainText(`DID Reservation ${DID_RESERVATION}`);
  await expect(detail.getByRole('list', { name: 'Billing events applied' })).toContainText('from billing-2026-03-01.csv');
});
