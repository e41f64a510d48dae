// Channels the desktop app answers with native UI (the Save dialog for an export) keep the same
// sender check, contract validation and never-throw Outcome as every other channel; the file chosen
// in the dialog is the only one export:start then accepts, never a path the page sends.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const dialogState = vi.hoisted(() => ({
  calls: [] as unknown[][],
  answer: { canceled: false, filePath: '/home/ops/numbers.csv' } as { canceled: boolean; filePath?: string },
  failure: null as Error | null,
}));
vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => ({ id: 1 }) },
  dialog: {
    showSaveDialog: async (...args: unknown[]) => {
      dialogState.calls.push(args);
      if (dialogState.failure) throw dialogState.failure;
      return dialogState.answer;
    },
    showOpenDialog: async (...args: unknown[]) => {
      dialogState.calls.push(args);
      const { canceled, filePath } = dialogState.answer;
      return { canceled, filePaths: filePath ? [filePath] : [] };
    },
  },
}));

import { ChosenExportFiles } from '../../electron/core/export/path-policy';
import { ChosenImportFiles } from '../../electron/core/import/source';
import { Inventory } from '../../electron/core/inventory';
import { registerIpcHandlers } from '../../electron/main/ipc';
import { nativeOperations } from '../../electron/main/native-operations';
import type { ExportStatus } from '../../shared/transfer';
import { addSgNumbers, tempDir } from '../helpers/inventory';
import { buildExportWorker } from '../integration/transfer-fixtures';

type Handler = (event: unknown, payload: unknown) => Promise<unknown>;
type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
const handlers = new Map<string, Handler>();
let trusted = true;
let dir: string;
let worker: string;
let inventory: Inventory;
const invoke = (channel: string, payload: unknown) => handlers.get(channel)!({ sender: {} }, payload) as Promise<Answer>;

beforeAll(() => {
  worker = buildExportWorker();
  return () => fs.rmSync(worker, { force: true });
});

beforeEach(async () => {
  dir = tempDir('ni-native-ops-');
  dialogState.calls.length = 0;
  dialogState.answer = { canceled: false, filePath: path.join(dir, 'chosen.csv') };
  dialogState.failure = null;
  trusted = true;
  handlers.clear();
  // As the desktop app opens it (open-inventory.ts): exports only to files the dialog chose.
  const exportFiles = new ChosenExportFiles();
  const importFiles = new ChosenImportFiles();
  inventory = Inventory.open(path.join(dir, 'inventory.db'), {
    exportPaths: exportFiles,
    importPaths: importFiles,
    exportWorker: { workerScript: worker },
  });
  await addSgNumbers(inventory, 3);
  registerIpcHandlers({
    ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn), removeHandler: () => {} } as never,
    inventory,
    isTrustedSender: () => trusted,
    onChange: () => {},
    native: nativeOperations(exportFiles, importFiles),
  });
});

afterEach(() => {
  inventory.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('export:choose-file in the desktop app', () => {
  it('asks with the native Save dialog, starting from the suggested name', async () => {
    const outcome = await invoke('export:choose-file', { format: 'csv', suggestedName: 'available numbers' });
    expect(outcome).toEqual({ ok: true, value: { path: path.join(dir, 'chosen.csv'), editable: false } });
    expect(dialogState.calls).toHaveLength(1);
    const options = dialogState.calls[0][1] as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(options.defaultPath).toMatch(/available-numbers\.csv$/);
    expect(options.filters[0].extensions).toEqual(['csv']);
  });

  it('without ask, tells the page the file is chosen in the dialog, and shows none', async () => {
    expect(await invoke('export:choose-file', { format: 'xlsx', suggestedName: 'x', ask: false })).toEqual({
      ok: true,
      value: { path: null, editable: false },
    });
    expect(dialogState.calls).toEqual([]);
  });

  it('answers null when the user cancels', async () => {
    dialogState.answer = { canceled: true };
    expect(await invoke('export:choose-file', { format: 'xlsx', suggestedName: 'x' })).toEqual({
      ok: true,
      value: { path: null, editable: false },
    });
  });

  it('validates the input first and refuses foreign senders, without opening a dialog', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (payload) => {
        const outcome = await invoke('export:choose-file', payload);
        if (outcome.ok) return; // fc.anything() may produce a valid request now and then.
        expect(outcome.error.code).toBe('INVALID_INPUT');
      }),
      { numRuns: 100 },
    );
    dialogState.calls.length = 0;
    expect(await invoke('export:choose-file', { format: 'pdf', suggestedName: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    trusted = false;
    expect(await invoke('export:choose-file', { format: 'csv', suggestedName: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(dialogState.calls).toEqual([]);
  });

  it('a failure of the dialog reaches the page as a reference, the detail logged in the main process', async () => {
    dialogState.failure = new Error('EACCES: permission denied, open /home/ops/.config/secret');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const outcome = await invoke('export:choose-file', { format: 'csv', suggestedName: 'x' });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      const message = outcome.ok ? '' : outcome.error.message;
      expect(message).toMatch(/^Something went wrong \(ref [0-9A-F]{6}\); the details are in the log\.$/);
      expect(message).not.toContain('/home');
      const reference = /ref ([0-9A-F]{6})/.exec(message)![1];
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(reference), dialogState.failure);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('export:start in the desktop app', () => {
  it('exports to the file chosen in the Save dialog', async () => {
    const chosen = await invoke('export:choose-file', { format: 'csv', suggestedName: 'x' });
    expect(chosen.ok).toBe(true);
    const started = await invoke('export:start', { format: 'csv', out: path.join(dir, 'chosen.csv') });
    if (!started.ok) throw new Error(started.error.message);
    const ended = await inventory.exportFinished((started.value as ExportStatus).id);
    expect(ended).toMatchObject({ state: 'done', rows: 3, file: path.join(dir, 'chosen.csv') });
    expect(fs.readFileSync(path.join(dir, 'chosen.csv'), 'utf8').trim().split('\r\n')).toHaveLength(4);
  });

  it('refuses a path the page names that the dialog did not choose, and writes nothing', async () => {
    await invoke('export:choose-file', { format: 'csv', suggestedName: 'x' });
    for (const out of [path.join(dir, 'typed.csv'), path.join(dir, 'sub', '..', 'other.csv'), '/etc/shadow.csv']) {
      const outcome = await invoke('export:start', { format: 'csv', out });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Choose file') } });
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['inventory.db', 'inventory.db-shm', 'inventory.db-wal']);
    expect(fs.existsSync('/etc/shadow.csv')).toBe(false);
  });
});

describe('import:choose-file and billing:import in the desktop app', () => {
  const feed = 'subscription_uuid,event,effective_at\n33333333-3333-4333-8333-333333333333,expired,2026-01-01T00:00:00Z\n';

  it('asks with the native Open dialog; the file chosen there is the only path an import accepts', async () => {
    const chosenFile = path.join(dir, 'billing.csv');
    fs.writeFileSync(chosenFile, feed);
    const typed = path.join(dir, 'typed.csv');
    fs.writeFileSync(typed, feed);
    dialogState.answer = { canceled: false, filePath: chosenFile };
    const chosen = await invoke('import:choose-file', { title: 'Import billing events', extensions: ['csv', 'jsonl'] });
    expect(chosen).toEqual({ ok: true, value: { upload: false, path: chosenFile } });
    expect((dialogState.calls[0][1] as { title: string }).title).toBe('Import billing events');
    const dryRun = await invoke('billing:import', { source: { kind: 'path', path: chosenFile }, dryRun: true });
    expect(dryRun).toMatchObject({ ok: true, value: { file: 'billing.csv', rows: 1, counts: { unmatched: 1 } } });
    expect(await invoke('billing:import', { source: { kind: 'path', path: typed }, dryRun: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Open dialog') },
    });
  });

  it('without ask, tells the page the file is chosen in the dialog, and shows none', async () => {
    expect(await invoke('import:choose-file', { title: 'Import billing events', ask: false })).toEqual({
      ok: true,
      value: { upload: false, path: null },
    });
    expect(dialogState.calls).toEqual([]);
  });

  it('answers no path when the user cancels', async () => {
    dialogState.answer = { canceled: true };
    expect(await invoke('import:choose-file', { title: 'Import billing events' })).toEqual({
      ok: true,
      value: { upload: false, path: null },
    });
  });

  it('an uploaded file is read by the same readers, under its own name', async () => {
    const uploaded = await invoke('import:upload', { name: 'feed.csv', chunk: Buffer.from(feed).toString('base64') });
    if (!uploaded.ok) throw new Error('the upload was refused');
    const { uploadId } = uploaded.value as { uploadId: string };
    const outcome = await invoke('billing:import', { source: { kind: 'upload', uploadId }, dryRun: true });
    expect(outcome).toMatchObject({ ok: true, value: { file: 'feed.csv', rows: 1, counts: { unmatched: 1 } } });
  });
});
