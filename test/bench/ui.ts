// The "ui" phase of `npm run bench`: browser mode on the benchmark's inventory, driven in Debian
// Chromium by Playwright as an operator would (tab switch, next page, sort, typing a pattern,
// opening a detail). For each interaction: the time from the input event to the frame showing the
// expected rows, beside the core's time for the query behind it (Server-Timing), and where the rest
// went: before the request left the page, and after its answer arrived.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { Channel, ChannelInput, ChannelResult, Outcome } from '../../shared/contract';
import type { NumberState } from '../../shared/domain';
import type { SearchRequest } from '../../shared/search';
import { TOKEN_HEADER } from '../../shared/browser-protocol';
import { startBrowserMode } from '../e2e/browser-mode';
import { PROBE_SCRIPT, type Awaited, type ProbeSample } from './ui-probe';
import { percentile, type Measurement } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TARGET_MS = 100;
const SAMPLE_TIMEOUT_MS = 30_000;
const PAGE_SIZE = 50;
const TAB_NAMES: Record<NumberState, string> = {
  available: 'Available',
  reserved: 'Reserved',
  locked: 'Locked',
  assigned: 'Assigned',
  deleted: 'Deleted',
};

interface Timed {
  /** Input event to the frame showing the rows. */
  total: number;
  /** The query behind it, when a request was made for it (none: answered from what the page held). */
  core: number | null;
  beforeRequest: number | null;
  afterAnswer: number | null;
  /** The page's main-thread work meanwhile (Chromium's TaskDuration): what the page did, whatever else loads the machine. */
  work: number;
  /** Of which script, style and layout. */
  script: number;
  style: number;
  layout: number;
}

type Add = (m: Omit<Measurement, 'ratio'> & { ratio?: number | null }) => void;

export async function measureUi(options: { dbFile: string; now: string; runs: number; add: Add; log: (text: string) => void }) {
  const { runs, add, log } = options;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ni-bench-ui-'));
  const server = await startBrowserMode({ databasePath: options.dbFile, now: options.now, cwd: ROOT, home });
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const token = /name="number-inventory-token" content="([^"]+)"/.exec(await (await fetch(server.url)).text())?.[1] ?? '';
    const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> => {
      const response = await fetch(`${server.url}api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input),
      });
      const outcome = (await response.json()) as Outcome<ChannelResult<C>>;
      if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code} ${outcome.error.message}`);
      return outcome.value;
    };
    /** The first number of a page as the core answers it: the row the grid must show. */
    const firstOf = async (state: NumberState, request: Omit<SearchRequest, 'filter'> & { query?: string } = {}) => {
      const { query, ...rest } = request;
      const page = await call('numbers:search', {
        filter: { states: [state], ...(query ? { query } : {}) },
        pageSize: PAGE_SIZE,
        withTotal: false,
        ...rest,
      });
      if (page.rows.length === 0) throw new Error(`no ${state} numbers for ${JSON.stringify(request)}`);
      return page.rows[0].number;
    };
    const rowOf = (state: NumberState, number: string): Awaited[] => [
      { selector: `[role="grid"][aria-label="${TAB_NAMES[state]} numbers"] [role="row"][data-id="${number}"]` },
    ];

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript({ content: PROBE_SCRIPT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const WORK_METRICS = {
      work: 'TaskDuration',
      script: 'ScriptDuration',
      style: 'RecalcStyleDuration',
      layout: 'LayoutDuration',
    } as const;
    type Work = Record<keyof typeof WORK_METRICS, number>;
    const workSoFar = async (): Promise<Work> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const of = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
      return {
        work: of(WORK_METRICS.work),
        script: of(WORK_METRICS.script),
        style: of(WORK_METRICS.style),
        layout: of(WORK_METRICS.layout),
      };
    };

    const idle = () => page.evaluate('window.__uiProbe.idle()');
    /** The app as it starts for a new operator (nothing remembered), on the Available tab, settled. */
    const fresh = async () => {
      await page.goto(`${server.url}#inventory`);
      await page.evaluate('localStorage.clear()');
      await page.reload();
      await page.locator(rowOf('available', await firstOf('available'))[0].selector).waitFor({ timeout: 60_000 });
      await idle();
    };
    const sample = async (awaited: Awaited[], channel: Channel, act: () => Promise<void>): Promise<Timed> => {
      await page.evaluate(`window.__uiProbe.arm(${JSON.stringify(awaited)})`);
      const workBefore = await workSoFar();
      await act();
      const result = (await Promise.race([
        page.evaluate('window.__uiProbe.result()'),
        new Promise((_resolve, reject) =>
          setTimeout(
            () => reject(new Error(`not on screen within ${SAMPLE_TIMEOUT_MS} ms: ${JSON.stringify(awaited)}`)),
            SAMPLE_TIMEOUT_MS,
          ),
        ),
      ])) as ProbeSample;
      const workAfter = await workSoFar();
      const behind = result.requests.filter((r) => r.channel === channel && r.end <= result.visibleAt).sort((a, b) => b.start - a.start)[0];
      return {
        total: result.visibleAt - result.inputAt,
        core: behind?.core ?? null,
        beforeRequest: behind ? behind.start - result.inputAt : null,
        afterAnswer: behind ? result.visibleAt - behind.end : null,
        work: workAfter.work - workBefore.work,
        script: workAfter.script - workBefore.script,
        style: workAfter.style - workBefore.style,
        layout: workAfter.layout - workBefore.layout,
      };
    };
    const report = (name: string, samples: Timed[]) => {
      const totals = samples.map((s) => s.total);
      const requested = samples.filter((s) => s.core !== null);
      const stat = (values: number[], p: number) => (values.length ? percentile(values, p) : null);
      const core = requested.map((s) => s.core ?? 0);
      const median = (values: number[]) => round1(stat(values, 50));
      const work = samples.map((s) => s.work);
      const note =
        `${samples.length} samples, ${samples.length - requested.length} without a request of their own (prefetched or held); ` +
        `before the request ${median(requested.map((s) => s.beforeRequest ?? 0))} ms p50, ` +
        `after the answer ${median(requested.map((s) => s.afterAnswer ?? 0))} ms p50; ` +
        `page main-thread work ${median(work)} ms p50, ${round1(stat(work, 95))} ms p95 ` +
        `(script ${median(samples.map((s) => s.script))}, style ${median(samples.map((s) => s.style))}, layout ${median(samples.map((s) => s.layout))} ms p50)`;
      add({ name: `ui p50: ${name}`, unit: 'ms', value: percentile(totals, 50), baseline: stat(core, 50), target: '-', met: null, note });
      const p95 = percentile(totals, 95);
      add({ name: `ui p95: ${name}`, unit: 'ms', value: p95, baseline: stat(core, 95), target: `< ${TARGET_MS} ms`, met: p95 < TARGET_MS });
      log(`  ${name}: ${note}`);
    };

    // Tab switch: every other tab from Available, each a first visit (the page is started afresh each round).
    const tabs: Timed[] = [];
    const others: NumberState[] = ['reserved', 'locked', 'assigned', 'deleted'];
    while (tabs.length < runs) {
      await fresh();
      for (const state of others) {
        const awaited = rowOf(state, await firstOf(state));
        tabs.push(await sample(awaited, 'numbers:search', () => page.getByRole('tab', { name: TAB_NAMES[state], exact: true }).click()));
        await idle();
      }
    }
    report('tab switch', tabs);

    // Next page on the Available tab.
    const pages: Timed[] = [];
    await fresh();
    for (let p = 1; pages.length < runs; p++) {
      const awaited = rowOf('available', await firstOf('available', { page: p }));
      pages.push(await sample(awaited, 'numbers:search', () => page.getByRole('button', { name: 'Go to next page' }).click()));
      await idle();
    }
    report('next page', pages);

    // Sort: each sortable column of the Available tab ascending, then descending.
    const sorts: Timed[] = [];
    const columns = ['country', 'vendor', 'sku', 'routing', 'createdAt'] as const;
    while (sorts.length < runs) {
      await fresh();
      for (const field of columns) {
        for (const direction of ['asc', 'desc'] as const) {
          const awaited = rowOf('available', await firstOf('available', { sort: { field, direction } }));
          // The header's title (its middle may be the column menu's button).
          const title = page.locator(`[role="columnheader"][data-field="${field}"] .MuiDataGrid-columnHeaderTitle`);
          sorts.push(await sample(awaited, 'numbers:search', () => title.click()));
          await idle();
        }
      }
    }
    report('sort', sorts);

    // Typing a pattern into the search box, a key at a time, each key awaited before the next. A
    // key that leaves the first row as it was (the leading "+" matches everything) is typed untimed.
    const typing: Timed[] = [];
    const patterns = ['+65612', '+44207', '+12125', '+49301'];
    for (let i = 0; typing.length < runs; i++) {
      await fresh();
      const box = page.getByRole('searchbox', { name: 'Search' });
      await box.click();
      const pattern = patterns[i % patterns.length];
      let shown = await firstOf('available');
      for (let end = 1; end <= pattern.length; end++) {
        const first = await firstOf('available', { query: pattern.slice(0, end) });
        if (first === shown) {
          await box.press(pattern[end - 1]);
          await idle();
        } else typing.push(await sample(rowOf('available', first), 'numbers:search', () => box.press(pattern[end - 1])));
        shown = first;
      }
      await idle();
    }
    report('typing a pattern', typing);

    // Opening a detail: the eye icon of each row of the first page, closed again in between.
    const details: Timed[] = [];
    await fresh();
    const numbers = (await call('numbers:search', { filter: { states: ['available'] }, pageSize: PAGE_SIZE, withTotal: false })).rows.map(
      (row) => row.number,
    );
    for (const number of numbers.slice(0, runs)) {
      const awaited: Awaited[] = [{ selector: '#number-detail-title', text: number }, { selector: '#detail-actions-title' }];
      details.push(await sample(awaited, 'numbers:show', () => page.getByRole('button', { name: `View ${number}`, exact: true }).click()));
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await idle();
    }
    report('opening a detail', details);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

const round1 = (value: number | null) => (value === null ? '-' : Math.round(value * 10) / 10);
