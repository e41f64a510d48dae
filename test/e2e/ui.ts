// Steps of the life-cycle document, as an operator takes them, by accessible names only.
import { expect, type Locator, type Page } from '@playwright/test';

export type StateLabel = 'Available' | 'Reserved' | 'Locked' | 'Assigned' | 'Deleted';
export const STATE_LABELS: StateLabel[] = ['Available', 'Reserved', 'Locked', 'Assigned', 'Deleted'];

/** A state's tab. Found even while a dialog hides the page from assistive technology. */
export function tab(page: Page, label: StateLabel): Locator {
  return page.getByRole('tab', { name: label, exact: true, includeHidden: true });
}

/** Step 2: select the tab. */
export async function selectTab(page: Page, label: StateLabel): Promise<void> {
  await tab(page, label).click();
  await expect(tab(page, label)).toHaveAttribute('aria-selected', 'true');
}

/** Every tab shows the live count of its state. */
export async function expectCounts(page: Page, counts: Partial<Record<StateLabel, number>>): Promise<void> {
  for (const [label, count] of Object.entries(counts)) {
    await expect(tab(page, label as StateLabel)).toHaveAccessibleDescription(
      `${count.toLocaleString('en-US')} ${count === 1 ? 'number' : 'numbers'}`,
    );
  }
}

/** Step 3: search for a particular number (applied on Enter). */
export async function search(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill(text);
  await box.press('Enter');
}

/** The grid of the tab on screen. */
export function grid(page: Page, label: StateLabel): Locator {
  return page.getByRole('grid', { name: `${label} numbers` });
}

/** Step 4: click the eye icon; returns the number's detail. */
export async function openDetail(page: Page, number: string): Promise<Locator> {
  await page.getByRole('button', { name: `View ${number}`, exact: true }).click();
  // Found even while an action dialog on top hides it from assistive technology.
  const detail = page.getByRole('dialog', { name: number, includeHidden: true });
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Actions' })).toBeVisible();
  return detail;
}

/** The value of one field of the detail. */
export function field(detail: Locator, label: string): Locator {
  return detail
    .locator('dt')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

/** The history entries, newest first. */
export function history(detail: Locator): Locator {
  return detail.getByRole('list', { name: 'History' }).getByRole('listitem');
}

/** The action buttons the detail offers. */
export function actionButtons(detail: Locator): Locator {
  return detail.getByRole('region', { name: 'Actions' }).getByRole('button');
}

/** Step 5: choose the action; returns its dialog, named with the action and the number it acts on. */
export async function chooseAction(page: Page, detail: Locator, label: string): Promise<Locator> {
  await detail.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${label} \\+\\d+$`) });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Step 7: the confirm button, named as the document's last step names it. */
export async function confirm(dialog: Locator, name: string): Promise<void> {
  await dialog.getByRole('button', { name, exact: true }).click();
}

export async function closeDetail(page: Page, detail: Locator): Promise<void> {
  await detail.getByRole('button', { name: 'Close detail' }).click();
  await expect(detail).toBeHidden();
}
