// Subscription events on assigned numbers: each puts the number on reservation for its owner for
// its own period (expired 56 days, terminated 28, swapped out 1), from now or the effective time.
import { test, expect, screenshot } from './fixtures';
import { ACME, addNumbers, addOrganizations, assign } from './seed';
import { chooseAction, confirm, expectCounts, field, history, openDetail, search, selectTab } from './ui';

const EXPIRED = '+6561234567';
const TERMINATED = '+6561234568';
const SWAPPED = '+6561234569';

test('Subscription expired, terminated and swapped out: Assigned to Reserved for the owner, each for its period, from the effective time; a future effective time is refused', async ({
  page,
  app,
}) => {
  await addOrganizations(app);
  await addNumbers(app, [EXPIRED, TERMINATED, SWAPPED]);
  for (const number of [EXPIRED, TERMINATED, SWAPPED]) await assign(app, number, ACME.uuid);
  await app.open();
  await expectCounts(page, { Assigned: 3, Reserved: 0 });

  const cases = [
    { number: EXPIRED, action: 'Subscription expired', at: '', expires: '2026-04-27 09:00 UTC', days: '56', left: 2 },
    { number: TERMINATED, action: 'Subscription terminated', at: '2026-03-01T12:00', expires: '2026-03-29 12:00 UTC', days: '28', left: 1 },
    { number: SWAPPED, action: 'Swapped out', at: '', expires: '2026-03-03 09:00 UTC', days: '1', left: 0 },
  ];
  for (const step of cases) {
    await selectTab(page, 'Assigned');
    await search(page, step.number);
    const detail = await openDetail(page, step.number);
    const dialog = await chooseAction(page, detail, step.action);
    if (step.number === EXPIRED) {
      // The only validation these dialogs have: an optional remark of at most 2000 characters.
      await dialog.getByLabel('Remark').fill('x'.repeat(2001));
      await confirm(dialog, 'Reserve');
      await expect(dialog.getByText('Remark is longer than 2000 characters')).toBeVisible();
      await screenshot(page, 'dialog-subscription-expired-validation');
      await dialog.getByLabel('Remark').fill('Subscription lapsed');
    }
    if (step.number === TERMINATED) {
      // Refused by the core: the effective time lies in the future (now is 2026-03-02 09:00 UTC).
      await dialog.getByLabel('Effective time').fill('2026-03-05T09:00');
      await confirm(dialog, 'Reserve');
      await expect(dialog.getByRole('alert')).toHaveText(
        `Cannot record "Subscription terminated" for ${TERMINATED} at 2026-03-05 09:00 UTC: that time is in the future. Leave the time empty for now.`,
      );
      await screenshot(page, 'dialog-subscription-terminated-refused');
    }
    if (step.at) await dialog.getByLabel('Effective time').fill(step.at);
    await screenshot(page, `dialog-${step.action.toLowerCase().replace(/ /g, '-')}`);
    await confirm(dialog, 'Reserve');
    await expect(dialog).toBeHidden();
    await expect(field(detail, 'State')).toHaveText('Reserved');
    await expect(field(detail, 'Reserver org')).toHaveText(`${ACME.name} (${ACME.uuid})`);
    await expect(field(detail, 'Reservation origin')).toHaveText(step.action);
    await expect(field(detail, 'Expires')).toHaveText(step.expires);
    await expect(field(detail, 'Days left')).toHaveText(step.days);
    await expect(history(detail).first()).toContainText(`${step.action}: Assigned → Reserved`);
    // Counts follow the search (this number), then, with the search cleared, the whole inventory.
    await expectCounts(page, { Assigned: 0, Reserved: 1 });
    await detail.getByRole('button', { name: 'Close detail' }).click();
    await expect(detail).toBeHidden();
    await search(page, '');
    await expectCounts(page, { Assigned: step.left, Reserved: 3 - step.left });
  }
});
