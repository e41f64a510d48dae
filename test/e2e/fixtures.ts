// The fixture every UI test uses: a fresh database and a fixed clock per test, seeded through the
// CLI, and browser mode started on them (stopped after the test). The browser's own clock is fixed
// to the same instant, so "days left" on screen counts from the inventory's now.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelResult, Outcome } from '../../shared/contract';
import { startBrowserMode } from './browser-mode';

const NOW = '2026-03-02T09:00:00.000Z';
const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'electron', 'cli', 'bin.cjs');

/** Runs the CLI on the test's database with --json and returns its parsed answer. */
type Cli = (...args: string[]) => unknown;

export interface InventoryApp {
  /** Calls one contract operation over browser mode's HTTP API (as the page would) and returns its value. */
  call: <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelResult<C>>;
  /** Opens the app in the page, on the inventory. */
  open: () => Promise<void>;
  /** Opens the app on its home screen (the dashboard), as it starts. */
  openHome: () => Promise<void>;
}

interface Fixtures {
  databasePath: string;
  cli: Cli;
  app: InventoryApp;
}

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  databasePath: async ({}, use, testInfo) => {
    const file = testInfo.outputPath('inventory.db');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await use(file);
  },

  cli: async ({ databasePath }, use) => {
    await use((...args: string[]) => {
      const out = execFileSync(process.execPath, [CLI, '--db', databasePath, '--json', ...args], {
        cwd: ROOT,
        env: { ...process.env, NUMBER_INVENTORY_NOW: NOW },
        encoding: 'utf8',
      });
      return JSON.parse(out) as unknown;
    });
  },

  app: async ({ page, databasePath }, use, testInfo) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // A CSP violation or a React error would show here; failed requests of refused calls do not.
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console error: ${message.text()}`);
    });
    // Browser mode starts with the test (seeding goes through its API, much faster than a CLI process per step).
    // The test's output folder is the server's home: exports (only allowed inside home) land there.
    const server = await startBrowserMode({ databasePath, now: NOW, cwd: ROOT, home: testInfo.outputDir });
    const token = await pageToken(server.url);
    try {
      await use({
        call: async (channel, input) => {
          const response = await fetch(`${server.url}api/${channel}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-number-inventory-token': token },
            body: JSON.stringify(input),
          });
          const outcome = (await response.json()) as Outcome<never>;
          if (!outcome.ok) throw new Error(`${channel} refused: ${outcome.error.code} ${outcome.error.message}`);
          return outcome.value;
        },
        open: async () => {
          await page.clock.setFixedTime(new Date(NOW));
          await page.goto(`${server.url}#inventory`);
          await expect(page.getByRole('tab', { name: 'Available', exact: true })).toBeVisible();
        },
        openHome: async () => {
          await page.clock.setFixedTime(new Date(NOW));
          await page.goto(server.url);
          await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
        },
      });
    } finally {
      await testInfo.attach('browser-mode.log', { body: server.output(), contentType: 'text/plain' });
      await page.close();
      await server.stop();
    }
    expect(problems, 'the page logged no errors').toEqual([]);
  },
});

/** The per-run token browser mode writes into the page it serves. */
async function pageToken(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const token =
    /<meta[^>]+name="number-inventory-token"[^>]+content="([^"]+)"/.exec(html)?.[1] ??
    /<meta[^>]+content="([^"]+)"[^>]+name="number-inventory-token"/.exec(html)?.[1];
  if (!token) throw new Error(`browser mode served no token:\n${html.slice(0, 500)}`);
  return token;
}

export { expect };

/** Saves a screenshot under test-results/screenshots/ and attaches it to the test's report. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(ROOT, 'test-results', 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}
