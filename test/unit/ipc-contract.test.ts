// One contract: the channels main registers, the contract's channels and the keys the preload puts
// on window.api are the same set; the preload passes only payloads, never IPC event objects.
import { describe, expect, it, vi } from 'vitest';
import { CHANGE_EVENT_CHANNEL, CHANNELS, contract } from '../../shared/contract';

const exposed = vi.hoisted(() => ({ key: '', api: null as Record<string, unknown> | null, invoked: [] as unknown[][] }));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      exposed.invoked.push(args);
      return { ok: true, value: 'answer' };
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

import { registerIpcHandlers } from '../../electron/main/ipc';
import { buildWindowApi } from '../../electron/preload/window-api';

describe('the IPC contract', () => {
  it('registered handlers == contract channels == preload keys', async () => {
    const registered: string[] = [];
    const result = registerIpcHandlers({
      ipcMain: { handle: (channel: string) => registered.push(channel), removeHandler: vi.fn() } as never,
      inventory: {} as never,
      isTrustedSender: () => true,
      onChange: () => {},
    });
    await import('../../electron/preload/index');
    const preloadKeys = Object.keys(exposed.api!).filter((key) => key !== 'onChange');
    const contractKeys = Object.keys(contract);
    expect(exposed.key).toBe('api');
    expect(new Set(registered)).toEqual(new Set(contractKeys));
    expect(registered).toHaveLength(contractKeys.length);
    expect(new Set(preloadKeys)).toEqual(new Set(contractKeys));
    expect(result.channels).toEqual(CHANNELS);
    expect(Object.keys(exposed.api!)).toContain('onChange');
    // Nothing else leaks: every exposed value is a plain function.
    for (const value of Object.values(exposed.api!)) expect(typeof value).toBe('function');
    expect(Object.keys(exposed.api!)).not.toContain('ipcRenderer');
  });

  it('each window.api function invokes its own channel with the input', async () => {
    await import('../../electron/preload/index');
    exposed.invoked.length = 0;
    for (const channel of CHANNELS) {
      const fn = exposed.api![channel] as (input: unknown) => Promise<unknown>;
      expect(await fn({ probe: channel })).toEqual({ ok: true, value: 'answer' });
    }
    expect(exposed.invoked).toEqual(CHANNELS.map((channel) => [channel, { probe: channel }]));
  });

  it('onChange relays only the payload and its unsubscribe removes exactly its listener', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const ipc = {
      invoke: vi.fn(),
      on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, fn)),
      removeListener: vi.fn(),
    };
    const api = buildWindowApi(ipc as never);
    const received: unknown[][] = [];
    const unsubscribe = api.onChange((...args: unknown[]) => received.push(args));
    expect(ipc.on).toHaveBeenCalledWith(CHANGE_EVENT_CHANNEL, expect.any(Function));
    const fakeEvent = { sender: { secret: 'ipcRenderer' }, ports: [] };
    listeners.get(CHANGE_EVENT_CHANNEL)!(fakeEvent, { scope: 'numbers', numbers: ['+6561230000'] });
    expect(received).toEqual([[{ scope: 'numbers', numbers: ['+6561230000'] }]]);
    unsubscribe();
    expect(ipc.removeListener).toHaveBeenCalledWith(CHANGE_EVENT_CHANNEL, listeners.get(CHANGE_EVENT_CHANNEL));
    expect(() => api.onChange('not a function' as never)).toThrow(TypeError);
  });

  it('dispose removes every handler it registered', () => {
    const removed: string[] = [];
    registerIpcHandlers({
      ipcMain: { handle: vi.fn(), removeHandler: (channel: string) => removed.push(channel) } as never,
      inventory: {} as never,
      isTrustedSender: () => true,
      onChange: () => {},
    }).dispose();
    expect(removed).toEqual(CHANNELS);
  });
});
