// Saved searches and the export/import channels, through the contract's dispatch (what IPC and
// browser mode call): saved filters persist across reopening; names are unique; bad input is a
// typed error that changes nothing; an export started by id runs to completion in its worker.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { setExportWorkerLocation } from '../../electron/core/export/jobs';
import { Inventory } from '../../electron/core/inventory';
import { ManualClock } from '../../electron/core/clock';
import type { ExportStatus, ImportReport, SavedSearch } from '../../shared/transfer';
import { addSgNumbers, freshInventory, T0, type TestInventory } from '../helpers/inventory';
import { buildExportWorker } from './transfer-fixtures';

let t: TestInventory | undefined;
afterEach(() => t?.close());

async function call<T>(inventory: Inventory, channel: string, payload: unknown): Promise<T> {
  const outcome = await dispatch(inventory, channel, payload);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
  return outcome.value as T;
}

describe('saved searches', () => {
  it('save, list (by name), overwrite, refuse a duplicate name, delete; they persist', async () => {
    t = freshInventory();
    const filter = { states: ['available', 'reserved'], countries: ['sg'], pattern: '+65 61*', golden: true };
    const saved = await call<SavedSearch>(t.inventory, 'searches:save', { name: 'Golden SG', filter });
    expect(saved.filter).toEqual({ states: ['available', 'reserved'], countries: ['SG'], pattern: '+6561*', golden: true });
    await call(t.inventory, 'searches:save', { name: 'Assigned', filter: { states: ['assigned'] } });
    await expect(call(t.inventory, 'searches:save', { name: 'golden sg', filter: {} })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(call(t.inventory, 'searches:save', { name: '', filter: {} })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(t.inventory, 'searches:save', { name: 'x', filter: { pattern: 'abc' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const replaced = await call<SavedSearch>(t.inventory, 'searches:save', {
      name: 'Golden SG',
      filter: { golden: true },
      overwrite: true,
    });
    expect(replaced.id).toBe(saved.id);

    t.inventory.close();
    const reopened = Inventory.open(t.file, { clock: new ManualClock(T0), actor: 'tester' });
    try {
      const list = await call<SavedSearch[]>(reopened, 'searches:list', {});
      expect(list.map((s) => [s.name, s.filter])).toEqual([
        ['Assigned', { states: ['assigned'] }],
        ['Golden SG', { golden: true }],
      ]);
      await call(reopened, 'searches:delete', { id: saved.id });
      await expect(call(reopened, 'searches:delete', { id: saved.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await call<SavedSearch[]>(reopened, 'searches:list', {})).map((s) => s.name)).toEqual(['Assigned']);
    } finally {
      reopened.close();
      t.inventory = Inventory.open(t.file, { clock: new ManualClock(T0), actor: 'tester' });
    }
  });
});

describe('export and import channels', () => {
  it('export:start runs in a worker; export:status follows it to done; the file imports back (import:file dry run by default)', async () => {
    t = freshInventory();
    await addSgNumbers(t.inventory, 5);
    const worker = buildExportWorker();
    setExportWorkerLocation({ workerScript: worker });
    try {
      const out = path.join(t.dir, 'numbers.csv');
      const started = await call<ExportStatus>(t.inventory, 'export:start', { format: 'csv', out, filter: { states: ['available'] } });
      expect(started.state).toBe('running');
      let status = started;
      for (let i = 0; i < 600 && status.state === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = await call<ExportStatus>(t.inventory, 'export:status', { id: started.id });
      }
      expect(status).toMatchObject({ state: 'done', rows: 5, file: out });
      expect(fs.readFileSync(out, 'utf8').split('\r\n').filter(Boolean).length).toBe(6);
      await expect(call(t.inventory, 'export:status', { id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });

      const dry = await call<ImportReport>(t.inventory, 'import:file', { file: out });
      expect(dry).toMatchObject({ dryRun: true, imported: 0, counts: { add: 0, duplicate: 5, invalid: 0, conflicting: 0 } });
    } finally {
      setExportWorkerLocation({});
      fs.rmSync(worker, { force: true });
    }
  });

  it('export:choose-file offers a file in Downloads (or home) with the format as extension and a safe name', async () => {
    t = freshInventory();
    const { path: offered } = await call<{ path: string }>(t.inventory, 'export:choose-file', {
      format: 'xlsx',
      suggestedName: '../../etc/numbers available.csv',
    });
    expect(path.basename(offered)).toBe('numbers-available.xlsx');
    expect(offered).not.toContain('..');
  });
});
