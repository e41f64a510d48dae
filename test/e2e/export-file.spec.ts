// Where the Export dialog may write, in browser mode (the server's home folder is the test's output
// folder, see fixtures.ts): the offered path is inside home and editable, an export there completes;
// a typed path outside home, or one whose temporary file is taken by a planted link, is refused in
// the dialog with nothing written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHANNELS } from '../../shared/contract';
import { test, expect, screenshot } from './fixtures';
import { addNumbers } from './seed';

test('Export writes only inside the home folder, never through a planted link', async ({ page, app }, testInfo) => {
  await addNumbers(app, ['+6561234567', '+6561234568']);
  await app.open();
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export numbers' });
  const file = dialog.getByRole('textbox', { name: 'Save to file' });

  // Offered in home (no Downloads folder there), named for the format, and editable.
  await expect(file).toHaveValue(path.join(testInfo.outputDir, 'numbers-2026-03-02.xlsx'));
  await expect(file).toBeEditable();
  await expect(dialog.getByRole('button', { name: 'Choose file…' })).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'CSV' }).check();
  await expect(file).toHaveValue(path.join(testInfo.outputDir, 'numbers-2026-03-02.csv'));

  // Outside home: refused where the user looks, nothing written.
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'ni-e2e-outside-'));
  try {
    await file.fill(path.join(elsewhere, 'numbers.csv'));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(`is outside your home folder (${testInfo.outputDir})`);
    await screenshot(page, 'export-outside-home');
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  } finally {
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }

  // A link planted where the export writes its temporary file: refused, its target untouched.
  const target = testInfo.outputPath('victim.txt');
  fs.writeFileSync(target, 'precious\n');
  const planted = testInfo.outputPath('planted.csv');
  fs.symlinkSync(target, `${planted}.partial`);
  await file.fill(planted);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('planted.csv.partial already exists');
  expect(fs.readFileSync(target, 'utf8')).toBe('precious\n');
  expect(fs.existsSync(planted)).toBe(false);

  // Inside home: written.
  const out = testInfo.outputPath('numbers.csv');
  await file.fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Exported 2 numbers to ${out}`);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await screenshot(page, 'export-done');
  expect(fs.readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(3);
  expect(fs.existsSync(`${out}.partial`)).toBe(false);
});

test('In the desktop app the file is chosen with "Choose file…", never typed', async ({ page, app }, testInfo) => {
  await addNumbers(app, ['+6561234567']);
  const chosen = testInfo.outputPath('chosen.xlsx');
  // The desktop app's window.api, as the preload provides it: every channel over this server's API,
  // except export:choose-file, which the main process answers with the Save dialog (here: `chosen`).
  await page.addInitScript(
    ({ chosenFile, channels }) => {
      const token = () => document.querySelector<HTMLMetaElement>('meta[name="number-inventory-token"]')?.content ?? '';
      const post = async (channel: string, input: unknown) =>
        (
          await fetch(`/api/${channel}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-number-inventory-token': token() },
            body: JSON.stringify(input ?? {}),
          })
        ).json();
      const api: Record<string, unknown> = Object.fromEntries(
        channels.map((channel) => [channel, (input: unknown) => post(channel, input)]),
      );
      api['export:choose-file'] = async (input: { ask?: boolean }) => ({
        ok: true,
        value: { path: input.ask === false ? null : chosenFile, editable: false },
      });
      api.onChange = () => () => undefined;
      Object.assign(window, { api });
    },
    { chosenFile: chosen, channels: CHANNELS },
  );
  await app.open();
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export numbers' });
  const file = dialog.getByRole('textbox', { name: 'Save to file' });
  await expect(file).toHaveValue('');
  await expect(file).toHaveAttribute('readonly', '');
  await expect(file).toHaveAttribute('placeholder', 'No file chosen');
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await screenshot(page, 'export-desktop-no-file');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await expect(file).toHaveValue(chosen);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Exported 1 numbers to ${chosen}`);
  await screenshot(page, 'export-desktop-chosen');
  expect(fs.existsSync(chosen)).toBe(true);
});
