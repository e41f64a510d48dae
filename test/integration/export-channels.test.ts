// The export channels through the contract's dispatch (what IPC and browser mode call), on the
// inventory's own export service: an export started by id runs to completion in its worker and
// imports back; where each way of running the inventory lets it write; FILE.partial is created
// exclusively (a link planted there is never written through); a name too long is refused while
// the process lives; closing the inventory stops running exports and leaves no partial file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { ExportJobs } from '../../electron/core/export/jobs';
import { insideFolder } from '../../electron/core/export/path-policy';
import { Inventory } from '../../electron/core/inventory';
import type { Outcome } from '../../shared/contract';
import type { ExportStatus, ImportReport } from '../../shared/transfer';
import { addSgNumbers, T0, tempDir } from '../helpers/inventory';
import { buildExportWorker } from './transfer-fixtures';

let worker: string;
let dir: string;
let file: string;
let seed: Inventory;
const opened: Inventory[] = [];

beforeAll(async () => {
  worker = buildExportWorker();
  dir = tempDir('ni-export-channels-');
  file = path.join(dir, 'inventory.db');
  seed = Inventory.open(file);
  await addSgNumbers(seed, 5);
  // Enough rows that an export is still running a moment after it started.
  seed.db.exec(`
    WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < 59999)
    INSERT INTO numbers (number, country, vendor, sku, cap_voice, routing, state, deleted_reason, created_at, updated_at)
    SELECT '+6562' || printf('%06d', k), 'SG', 'Singtel', 'SG-DID', 1, printf('%.200c', 'r'), 'deleted', 'faulty', '${T0}', '${T0}' FROM i`);
}, 60_000);
afterAll(() => {
  seed.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(worker, { force: true });
});
afterEach(() => opened.splice(0).forEach((inventory) => inventory.close()));

function open(options: Parameters<typeof Inventory.open>[1] = {}): Inventory {
  const inventory = Inventory.open(file, { exportWorker: { workerScript: worker }, ...options });
  opened.push(inventory);
  return inventory;
}

async function call<T>(inventory: Inventory, channel: string, payload: unknown): Promise<T> {
  const outcome = (await dispatch(inventory, channel, payload)) as Outcome<T>;
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
  return outcome.value;
}

const AVAILABLE = { states: ['available'] };

describe('export and import channels', () => {
  it('export:start runs in a worker; export:status follows it to done; the file imports back (import:file dry run by default)', async () => {
    const inventory = open();
    const out = path.join(dir, 'numbers.csv');
    const started = await call<ExportStatus>(inventory, 'export:start', { format: 'csv', out, filter: AVAILABLE });
    expect(started.state).toBe('running');
    await inventory.exportFinished(started.id);
    const status = await call<ExportStatus>(inventory, 'export:status', { id: started.id });
    expect(status).toMatchObject({ state: 'done', rows: 5, file: out });
    expect(fs.readFileSync(out, 'utf8').split('\r\n').filter(Boolean).length).toBe(6);
    await expect(call(inventory, 'export:status', { id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const dry = await call<ImportReport>(inventory, 'import:file', { source: { kind: 'path', path: out } });
    expect(dry).toMatchObject({ dryRun: true, imported: 0, counts: { add: 0, duplicate: 5, invalid: 0, conflicting: 0 } });
  });

  it('export:choose-file offers an editable file in Downloads (or home) with the format as extension and a safe name', async () => {
    const offer = await call<{ path: string; editable: boolean }>(open(), 'export:choose-file', {
      format: 'xlsx',
      suggestedName: '../../etc/numbers available.csv',
    });
    expect(offer.editable).toBe(true);
    expect(path.basename(offer.path)).toBe('numbers-available.xlsx');
    expect([path.join(os.homedir(), 'Downloads'), os.homedir()]).toContain(path.dirname(offer.path));
  });
});

describe('where browser mode may write: inside the home folder only', () => {
  let home: string;
  let outside: string;
  beforeAll(() => {
    home = tempDir('ni-home-');
    outside = tempDir('ni-outside-');
    fs.mkdirSync(path.join(home, 'Documents'));
    // A link inside home to a folder outside it.
    fs.symlinkSync(outside, path.join(home, 'escape'));
  });
  afterAll(() => [home, outside].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('exports inside it, in a subfolder too', async () => {
    const inventory = open({ exportPaths: insideFolder(home) });
    for (const out of [path.join(home, 'a.csv'), path.join(home, 'Documents', 'b.csv')]) {
      const started = await call<ExportStatus>(inventory, 'export:start', { format: 'csv', out, filter: AVAILABLE });
      expect(await inventory.exportFinished(started.id)).toMatchObject({ state: 'done', rows: 5, file: out });
    }
  });

  it('refuses a path outside it, by .., or through a link out of it, writing nothing there', async () => {
    const inventory = open({ exportPaths: insideFolder(home) });
    const attempts = [
      path.join(outside, 'shadow.csv'),
      `${home}/../${path.basename(outside)}/shadow.csv`,
      path.join(home, 'Documents', '..', '..', path.basename(outside), 'shadow.csv'),
      path.join(home, 'escape', 'shadow.csv'),
      '/etc/shadow.csv',
    ];
    for (const out of attempts) {
      await expect(call(inventory, 'export:start', { format: 'csv', out, filter: AVAILABLE }), out).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('outside your home folder'),
      });
    }
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(fs.existsSync('/etc/shadow.csv')).toBe(false);
  });
});

describe('FILE.partial is created exclusively', () => {
  it('refuses to write through a link planted at FILE.partial, and leaves its target untouched', async () => {
    const inventory = open();
    const target = path.join(dir, 'victim.txt');
    fs.writeFileSync(target, 'precious\n');
    for (const format of ['csv', 'xlsx'] as const) {
      const out = path.join(dir, `planted.${format}`);
      fs.symlinkSync(target, `${out}.partial`);
      await expect(call(inventory, 'export:start', { format, out, filter: AVAILABLE })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('already exists'),
      });
      expect(fs.readFileSync(target, 'utf8')).toBe('precious\n');
      expect(fs.lstatSync(`${out}.partial`).isSymbolicLink()).toBe(true);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  it('never reuses a FILE.partial that exists (another export writing it)', async () => {
    const inventory = open();
    const out = path.join(dir, 'busy.csv');
    fs.writeFileSync(`${out}.partial`, 'someone else is writing this');
    await expect(call(inventory, 'export:start', { format: 'csv', out, filter: AVAILABLE })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(fs.readFileSync(`${out}.partial`, 'utf8')).toBe('someone else is writing this');
  });
});

describe('a file name too long', () => {
  it('is refused with a clear message, nothing started, and the process goes on', async () => {
    const inventory = open();
    for (const length of [250, 300]) {
      const out = path.join(dir, `${'n'.repeat(length)}.csv`);
      await expect(call(inventory, 'export:start', { format: 'csv', out, filter: AVAILABLE })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/file name .* is too long \(\d+ bytes\)/),
      });
    }
    // The process lives: the same inventory exports at once after.
    const out = path.join(dir, 'short.csv');
    const started = await call<ExportStatus>(inventory, 'export:start', { format: 'csv', out, filter: AVAILABLE });
    expect(await inventory.exportFinished(started.id)).toMatchObject({ state: 'done', rows: 5 });
  });
});

describe('closing the inventory', () => {
  it('stops every running export at once and removes its partial file; no file appears later', async () => {
    const jobs = new ExportJobs(file, { worker: { workerScript: worker } });
    const outs = [path.join(dir, 'quit.csv'), path.join(dir, 'quit.xlsx')];
    const started = [jobs.start({ format: 'csv', out: outs[0] }), jobs.start({ format: 'xlsx', out: outs[1] })];
    expect(outs.map((out) => fs.existsSync(`${out}.partial`))).toEqual([true, true]);
    const stopped = jobs.closeAll();
    // Gone at once: the process may end right after (the app quits, browser mode exits).
    expect(outs.map((out) => fs.existsSync(`${out}.partial`))).toEqual([false, false]);
    await stopped;
    expect(started.map((s) => jobs.status(s.id).state)).toEqual(['cancelled', 'cancelled']);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('quit'))).toEqual([]);
    expect(fs.existsSync(`${file}-exports`)).toBe(false);
  });

  it('Inventory.close does so for its own exports', async () => {
    const inventory = Inventory.open(file, { exportWorker: { workerScript: worker } });
    const out = path.join(dir, 'closed.csv');
    await inventory.startExport({ format: 'csv', out });
    inventory.close();
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });
});

describe('leftovers of earlier runs', () => {
  it('another start on the database leaves an export that is still running alone', async () => {
    const running = open();
    const out = path.join(dir, 'running.csv');
    const started = await running.startExport({ format: 'csv', out });
    // Another process (here: another service in this one) opens the same database meanwhile.
    open();
    expect(fs.existsSync(`${out}.partial`) || fs.existsSync(out)).toBe(true);
    expect(await running.exportFinished(started.id)).toMatchObject({ state: 'done', rows: 60_005 });
    expect(fs.existsSync(`${file}-exports`)).toBe(false);
  });
});
