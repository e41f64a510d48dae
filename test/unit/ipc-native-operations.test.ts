// Channels the desktop app answers with native UI (the Save dialog for an export) keep the same
// sender check, contract validation and never-throw Outcome as every other channel.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const dialogState = vi.hoisted(() => ({
  calls: [] as unknown[][],
  answer: { canceled: false, filePath: '/home/ops/numbers.csv' } as { canceled: boolean; filePath?: string },
}));
vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => ({ id: 1 }) },
  dialog: {
    showSaveDialog: async (...args: unknown[]) => {
      dialogState.calls.push(args);
      return dialogState.answer;
    },
  },
}));

import { registerIpcHandlers } from '../../electron/main/ipc';
import { nativeOperations } from '../../electron/main/native-operations';

type Handler = (event: unknown, payload: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();
let trusted = true;
const dispatched = vi.fn();

beforeEach(() => {
  dialogState.calls.length = 0;
  dialogState.answer = { canceled: false, filePath: '/home/ops/numbers.csv' };
  trusted = true;
  handlers.clear();
  registerIpcHandlers({
    ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn), removeHandler: () => {} } as never,
    // A native operation never reaches the core's handler for its channel.
    inventory: new Proxy({}, { get: () => dispatched }) as never,
    isTrustedSender: () => trusted,
    onChange: () => {},
    native: nativeOperations,
  });
});

describe('export:choose-file in the desktop app', () => {
  it('asks with the native Save dialog, starting from the suggested name', async () => {
    const outcome = await handlers.get('export:choose-file')!({ sender: {} }, { format: 'csv', suggestedName: 'available numbers' });
    expect(outcome).toEqual({ ok: true, value: { path: '/home/ops/numbers.csv' } });
    expect(dialogState.calls).toHaveLength(1);
    const options = dialogState.calls[0][1] as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(options.defaultPath).toMatch(/available-numbers\.csv$/);
    expect(options.filters[0].extensions).toEqual(['csv']);
    expect(dispatched).not.toHaveBeenCalled();
  });

  it('answers null when the user cancels', async () => {
    dialogState.answer = { canceled: true };
    expect(await handlers.get('export:choose-file')!({ sender: {} }, { format: 'xlsx', suggestedName: 'x' })).toEqual({
      ok: true,
      value: { path: null },
    });
  });

  it('validates the input first and refuses foreign senders, without opening a dialog', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (payload) => {
        const outcome = (await handlers.get('export:choose-file')!({ sender: {} }, payload)) as { ok: boolean; error?: { code: string } };
        if (outcome.ok) return; // fc.anything() may produce a valid request now and then.
        expect(outcome.error?.code).toBe('INVALID_INPUT');
      }),
      { numRuns: 100 },
    );
    dialogState.calls.length = 0;
    expect(await handlers.get('export:choose-file')!({ sender: {} }, { format: 'pdf', suggestedName: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    trusted = false;
    expect(await handlers.get('export:choose-file')!({ sender: {} }, { format: 'csv', suggestedName: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(dialogState.calls).toEqual([]);
  });
});
