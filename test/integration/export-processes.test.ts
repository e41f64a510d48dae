// Exports and the processes that run them: browser mode stopped (SIGTERM) while an export runs
// leaves no FILE.partial; the CLI cancels on Ctrl-C; a CLI killed with SIGKILL mid-export leaves its
// FILE.partial, which the next start of any command removes (see electron/core/export/journal.ts);
// a file name too long is one refusal under --json.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Inventory } from '../../electron/core/inventory';
import { TOKEN_HEADER } from '../../shared/browser-protocol';
import { buildCliOnce, runCli } from '../helpers/cli';
import { T0, tempDir } from '../helpers/inventory';

const root = path.resolve(__dirname, '..', '..');
const CLI_BIN = path.join(root, 'electron', 'cli', 'bin.cjs');
const NOW = '2026-03-02T09:00:00.000Z';
const SLOW = 180_000;

let dir: string;
let db: string;

beforeAll(() => {
  buildCliOnce();
  dir = tempDir('ni-export-processes-');
  db = path.join(dir, 'inventory.db');
  const inventory = Inventory.open(db);
  // 150,000 numbers with long routing: an export takes seconds, long enough to be interrupted.
  inventory.db.exec(`
    WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < 149999)
    INSERT INTO numbers (number, country, vendor, sku, cap_voice, routing, state, created_at, updated_at)
    SELECT '+6561' || printf('%06d', k), 'SG', 'Singtel', 'SG-DID', 1, printf('%.300c', 'r'), 'available', '${T0}', '${T0}' FROM i`);
  inventory.close();
}, SLOW);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function until(condition: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
const journal = () => `${db}-exports`;
const journalRecords = () => (fs.existsSync(journal()) ? fs.readdirSync(journal()).filter((name) => name.endsWith('.json')) : []);
const named = (prefix: string) => fs.readdirSync(dir).filter((name) => name.startsWith(prefix));

function startCliExport(out: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [CLI_BIN, '--db', db, '--json', 'export', '--format', 'csv', '--out', out], {
    cwd: root,
    env: { ...process.env, NUMBER_INVENTORY_NOW: NOW },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

describe('the CLI', () => {
  it(
    'killed with SIGKILL mid-export leaves FILE.partial, and the next start removes it',
    async () => {
      const out = path.join(dir, 'killed.csv');
      const { child, output } = startCliExport(out);
      const ended = exited(child);
      // Killed once rows are being written (a progress line), so the partial file holds some.
      await until(() => /exported [1-9]\d* of 150000 rows/.test(output()) || child.exitCode !== null);
      expect(child.exitCode, output()).toBeNull();
      child.kill('SIGKILL');
      expect((await ended).signal).toBe('SIGKILL');
      expect(named('killed')).toEqual(['killed.csv.partial']);
      expect(journalRecords()).toHaveLength(1);

      // Any next start on the database: here a search.
      const next = await runCli(['--json', 'search', '--page-size', '1'], { db, now: NOW });
      expect(next.code, next.stderr).toBe(0);
      expect(named('killed')).toEqual([]);
      expect(fs.existsSync(journal())).toBe(false);
    },
    SLOW,
  );

  it(
    'after a kill, the next start removes only the partial file the export created, never one put in its place',
    async () => {
      const out = path.join(dir, 'replaced.csv');
      const { child, output } = startCliExport(out);
      const ended = exited(child);
      await until(() => /exported [1-9]\d* of 150000 rows/.test(output()) || child.exitCode !== null);
      child.kill('SIGKILL');
      await ended;
      // Someone puts another file of that name there before the next start.
      fs.rmSync(`${out}.partial`);
      fs.writeFileSync(`${out}.partial`, 'not the export');
      const next = await runCli(['--json', 'search', '--page-size', '1'], { db, now: NOW });
      expect(next.code, next.stderr).toBe(0);
      expect(fs.readFileSync(`${out}.partial`, 'utf8')).toBe('not the export');
      expect(fs.existsSync(journal())).toBe(false);
      fs.rmSync(`${out}.partial`);
    },
    SLOW,
  );

  it(
    'cancels on Ctrl-C (SIGINT): exit 1, an error document, and no file',
    async () => {
      const out = path.join(dir, 'interrupted.csv');
      const { child, output } = startCliExport(out);
      const ended = exited(child);
      await until(() => fs.existsSync(`${out}.partial`) || child.exitCode !== null);
      child.kill('SIGINT');
      const { code } = await ended;
      expect(code, output()).toBe(1);
      expect(output()).toContain('"code": "INVALID_INPUT"');
      expect(output()).toContain('Export cancelled; no file was written');
      expect(named('interrupted')).toEqual([]);
      expect(fs.existsSync(journal())).toBe(false);
    },
    SLOW,
  );

  it(
    'refuses a file name too long for the disk in one error document, and nothing is written',
    async () => {
      const out = path.join(dir, `${'n'.repeat(251)}.csv`);
      const run = await runCli(['--json', 'export', '--format', 'csv', '--out', out], { db, now: NOW });
      expect(run.code, run.stderr).toBe(1);
      expect(run.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('is too long (255 bytes)'),
      });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(named('nnnn')).toEqual([]);
    },
    SLOW,
  );
});

describe('browser mode', () => {
  it(
    'stopped (SIGTERM) while an export runs: the export is cancelled and no FILE.partial is left',
    async () => {
      const rendererDir = path.join(dir, 'renderer');
      fs.mkdirSync(rendererDir, { recursive: true });
      fs.writeFileSync(
        path.join(rendererDir, 'index.html'),
        '<!doctype html><html><head><meta charset="UTF-8" /></head><body></body></html>',
      );
      const child = spawn(process.execPath, [path.join(root, 'electron', 'browser', 'bin.cjs')], {
        cwd: root,
        // Its home is the test's folder: the only place its exports may go.
        env: {
          ...process.env,
          PORT: '0',
          HOME: dir,
          NUMBER_INVENTORY_DB: db,
          NUMBER_INVENTORY_NOW: NOW,
          NUMBER_INVENTORY_RENDERER_DIR: rendererDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const ended = exited(child);
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await until(() => /http:\/\/127\.0\.0\.1:\d+\//.test(output) || child.exitCode !== null);
      const base = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (!base) throw new Error(`browser mode did not start:\n${output}`);
      const page = await get(base);
      const token = /<meta name="number-inventory-token" content="([^"]+)"/.exec(page)![1];
      const out = path.join(dir, 'stopped.xlsx');
      const started = JSON.parse(await post(`${base}api/export:start`, token, { format: 'xlsx', out })) as { ok: boolean };
      expect(started, output).toMatchObject({ ok: true, value: { state: 'running' } });
      expect(fs.existsSync(`${out}.partial`)).toBe(true);
      child.kill('SIGTERM');
      expect((await ended).code, output).toBe(0);
      expect(named('stopped')).toEqual([]);
      expect(fs.existsSync(journal())).toBe(false);
    },
    SLOW,
  );
});

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

function post(url: string, token: string, payload: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    request.on('error', reject);
    request.end(JSON.stringify(payload));
  });
}
