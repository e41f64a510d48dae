// The Notifications, Outbox and Settings screens in browser mode: a warning recorded by the CLI's
// sweep appears in the notification list and the outbox (with its preview), a click on the notice
// opens the inventory tab filtered to the number, and settings are validated and saved.
import { expect } from '@playwright/test';
import { screenshot, test } from './fixtures';
import { ACME, addNumbers, addOrganizations, assign } from './seed';

const NUMBER = '+6561234500';

test('a due warning shows in Notifications and Outbox; clicking it opens the Reserved tab filtered to the number', async ({
  app,
  cli,
  page,
}) => {
  await addOrganizations(app);
  await addNumbers(app, [NUMBER]);
  await assign(app, NUMBER, ACME.uuid);
  // Swapped out: reserved for 1 day, inside the 7-day warning lead, so the sweep warns at once.
  await app.call('numbers:swapped-out', { number: NUMBER });
  const swept = cli('sweep') as { notified: { kind: string; emails: { recipient: string; status: string }[] }[] };
  expect(swept.notified).toEqual([
    expect.objectContaining({
      kind: 'reservation-warning',
      emails: [{ role: 'reserver', recipient: 'billing@acme.example', status: 'queued' }],
    }),
  ]);

  await app.open();
  await page.getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByText('Email is not configured')).toBeVisible();
  const row = page.getByRole('row', { name: /billing@acme\.example/ });
  await expect(row).toContainText(`Reservation of ${NUMBER} expires on 2026-03-03 09:00 UTC`);
  // The status chips filter the list: only Sent hides the queued email, and clearing it shows it again.
  const sent = page.getByRole('group', { name: 'Show statuses' }).getByRole('button', { name: 'Sent' });
  await sent.click();
  await expect(sent).toHaveAttribute('aria-pressed', 'true');
  await expect(row).toHaveCount(0);
  await sent.click();
  await expect(sent).toHaveAttribute('aria-pressed', 'false');
  await expect(row).toBeVisible();
  await row.click();
  const preview = page.getByRole('region', { name: 'Email preview' });
  await expect(preview).toContainText(`The phone number ${NUMBER} is reserved for ${ACME.name}`);
  await expect(preview).toContainText('Action to take');

  await page.getByRole('link', { name: 'Notifications' }).click();
  const notice = page.getByRole('row', { name: new RegExp(`Reservation expires soon.*\\${NUMBER}`) });
  await expect(notice).toContainText('billing@acme.example: Queued');
  await notice.click();
  await expect(page.getByRole('heading', { name: 'Inventory' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Reserved/, selected: true })).toBeVisible();
  // The notification's filter reads as the search's own condition: one chip, removable.
  const conditions = page.getByRole('group', { name: 'Search conditions' }).getByRole('button');
  await expect(conditions).toHaveCount(1);
  await expect(conditions).toContainText(`Number pattern: ${NUMBER}`);
  await expect(page.getByRole('gridcell', { name: NUMBER, exact: true })).toBeVisible();
});

test('settings: a bad address is refused before saving; a valid change is stored and shown by the CLI', async ({ cli, app, page }) => {
  await app.open();
  await page.getByRole('link', { name: 'Settings' }).click();
  const support = page.getByLabel('Operator (B3) support email');
  await support.fill('b3 support');
  await expect(page.getByText('must be an email address')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  await support.fill('support@b3.example');
  await page.getByLabel('Warn before expiry').fill('10');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  expect(cli('settings', 'show')).toMatchObject({ operatorSupportEmail: 'support@b3.example', warningLeadDays: 10 });
});

test('long lists are paged on the server: the total is shown, pages and filters reach every notice and email', async ({
  app,
  cli,
  page,
}) => {
  // 120 locks inside a 30-day lead: one sweep records 120 warnings, each emailed to partner support
  // (not configured: no recipient) and operator support (queued): 240 emails.
  await app.call('settings:set', { changes: { warningLeadDays: 30, operatorSupportEmail: 'support@b3.example' } });
  const numbers = Array.from({ length: 120 }, (_, i) => `+${6561235000 + i}`);
  for (let i = 0; i < numbers.length; i += 50) await addNumbers(app, numbers.slice(i, i + 50));
  for (const number of numbers) await app.call('numbers:lock', { number, remark: 'paging' });
  const swept = cli('sweep') as { notified: unknown[] };
  expect(swept.notified).toHaveLength(120);

  await app.open();
  await page.getByRole('link', { name: 'Notifications' }).click();
  const notices = page.getByRole('grid', { name: 'Notifications' });
  // The grid's footer shows the rows of the page and the total. Newest first: the last number locked (and warned) leads the first page.
  await expect(page.getByText('1–50 of 120')).toBeVisible();
  await expect(notices.getByRole('gridcell', { name: '+6561235119', exact: true })).toBeVisible();
  await screenshot(page, 'notifications-paged-first');
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page.getByText('51–100 of 120')).toBeVisible();
  await expect(notices.getByRole('gridcell', { name: '+6561235069', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page.getByText('101–120 of 120')).toBeVisible();
  await expect(notices.getByRole('gridcell', { name: '+6561235019', exact: true })).toBeVisible();
  await screenshot(page, 'notifications-paged-last');
  // The kind filter is applied on the server, from the first page again.
  const kinds = page.getByRole('group', { name: 'Show kinds' });
  await kinds.getByRole('button', { name: 'Lock expired' }).click();
  await expect(page.getByText('No notifications of these kinds.')).toBeVisible();
  await expect(page.getByText('0–0 of 0')).toBeVisible();
  await kinds.getByRole('button', { name: 'Lock expires soon' }).click();
  await expect(page.getByText('1–50 of 120')).toBeVisible();

  await page.getByRole('link', { name: 'Outbox' }).click();
  const outbox = page.getByRole('grid', { name: 'Outbox' });
  await expect(page.getByText('1–50 of 240')).toBeVisible();
  const statuses = page.getByRole('group', { name: 'Show statuses' });
  await statuses.getByRole('button', { name: 'No recipient' }).click();
  await expect(page.getByText('1–50 of 120')).toBeVisible();
  await page.getByRole('combobox', { name: /Rows per page/ }).click();
  await page.getByRole('option', { name: '100' }).click();
  await expect(page.getByText('1–100 of 120')).toBeVisible();
  await screenshot(page, 'outbox-paged-no-recipient');
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page.getByText('101–120 of 120')).toBeVisible();
  await outbox.getByRole('row', { name: /Lock on \+6561235019 expires/ }).click();
  await expect(page.getByRole('region', { name: 'Email preview' })).toContainText(
    'no recipient: the partner support address is not configured',
  );
});
