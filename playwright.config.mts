// Playwright: the UI tests, against browser mode (the real renderer and the real core over loopback
// HTTP) in Debian Chromium. The Electron binary cannot run here; test/e2e/electron-app.spec.ts skips
// itself where none is present.
import { defineConfig } from '@playwright/test';

// Playwright empties its output folder when a run starts; several people or CI steps may run the
// suite at once in one checkout, so each run writes its own folder (workers inherit the variable).
process.env.NUMBER_INVENTORY_E2E_RUN ??= `${Date.now()}-${process.pid}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: `test-results/playwright/run-${process.env.NUMBER_INVENTORY_E2E_RUN}`,
  // A passing test's folder (its database) is removed; a failing one's is kept to look at.
  preserveOutput: 'failures-only',
  globalSetup: './test/e2e/global-setup.ts',
  // Each test starts its own browser-mode server on a fresh database; two at a time fit 2 cores.
  workers: 2,
  fullyParallel: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    // Tracing every test costs more than it saves on 2 cores; `npx playwright test --trace on` when needed.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
