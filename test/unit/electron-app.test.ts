// The app's start (electron/main/index.ts) with a mocked `electron`: single-instance lock, app
// identity, sandbox, menu, session hardening, the database on the Electron-ABI binding (or a dialog
// when it is missing), IPC registered from the contract, and change events pushed to windows.
import Database from 'better-sqlite3';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANGE_EVENT_CHANNEL, CHANNELS } from '../../shared/contract';
import { T0, tempDir } from '../helpers/inventory';
import { buildExportWorker } from '../integration/transfer-fixtures';

type Listener = (...args: unknown[]) => unknown;
const state = vi.hoisted(() => ({
  lock: true,
  isPackaged: true,
  appData: '',
  userData: '',
  appName: '',
  quit: 0,
  sandbox: false,
  appListeners: {} as Record<string, Listener[]>,
  handlers: new Map<string, Listener>(),
  windows: [] as unknown[],
  menu: null as unknown,
  dialogs: [] as { title: string; content: string }[],
  sessionCalls: [] as string[],
  /** In call order: 'privileged:<scheme>' (with readyAt), 'ready', 'handle:<scheme>'. */
  protocolCalls: [] as string[],
  privileges: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
}));

vi.mock('electron', () => {
  class FakeContents {
    listeners: Record<string, Listener> = {};
    sent: unknown[][] = [];
    mainFrame = { url: '', parent: null };
    on(name: string, fn: Listener) {
      this.listeners[name] = fn;
    }
    setWindowOpenHandler() {}
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    isDestroyed() {
      return false;
    }
  }
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    static fromWebContents = () => null;
    webContents = new FakeContents();
    minimized = true;
    focused = false;
    loaded = '';
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    on() {}
    once() {}
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
    show() {}
    focus() {
      this.focused = true;
    }
    maximize() {}
    loadFile(file: string) {
      this.loaded = file;
      this.webContents.mainFrame.url = `file://${file}`;
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
  }
  const app = {
    get isPackaged() {
      return state.isPackaged;
    },
    setName: (name: string) => (state.appName = name),
    getPath: (name: string) => (name === 'userData' ? state.userData : state.appData),
    setPath: (_name: string, value: string) => (state.userData = value),
    getAppPath: () => process.cwd(),
    enableSandbox: () => (state.sandbox = true),
    requestSingleInstanceLock: () => state.lock,
    on: (name: string, fn: Listener) => (state.appListeners[name] ??= []).push(fn),
    whenReady: () => {
      state.protocolCalls.push('ready');
      return Promise.resolve();
    },
    quit: () => state.quit++,
  };
  return {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, content: string) => state.dialogs.push({ title, content }),
      // The Save dialog of an export: the file this test chose.
      showSaveDialog: async () => ({ canceled: false, filePath: path.join(state.appData, 'quit.csv') }),
    },
    ipcMain: {
      handle: (channel: string, fn: Listener) => state.handlers.set(channel, fn),
      removeHandler: (c: string) => state.handlers.delete(c),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => state.sessionCalls.push('csp') },
        setPermissionRequestHandler: () => state.sessionCalls.push('permission-request'),
        setPermissionCheckHandler: () => state.sessionCalls.push('permission-check'),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: unknown }[]) => {
        for (const scheme of schemes) {
          state.protocolCalls.push(`privileged:${scheme.scheme}`);
          state.privileges.push(scheme);
        }
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        state.protocolCalls.push(`handle:${scheme}`);
        state.protocolHandlers.set(scheme, handler);
      },
    },
    shell: { openExternal: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
});

let dir: string;
const originalResources = (process as { resourcesPath?: string }).resourcesPath;

beforeEach(() => {
  dir = tempDir('ni-app-');
  Object.assign(state, {
    lock: true,
    isPackaged: true,
    appData: dir,
    userData: path.join(dir, 'Electron'),
    appName: '',
    quit: 0,
    sandbox: false,
    menu: null,
  });
  state.appListeners = {};
  state.handlers.clear();
  state.windows.length = 0;
  state.dialogs.length = 0;
  state.sessionCalls.length = 0;
  state.protocolCalls.length = 0;
  state.privileges.length = 0;
  state.protocolHandlers.clear();
  const resources = path.join(dir, 'resources');
  fs.mkdirSync(path.join(resources, 'native'), { recursive: true });
  // Under Node the "Electron-ABI" binary is stood in for by the Node build: what matters is the path.
  fs.copyFileSync(
    path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    path.join(resources, 'native', 'better_sqlite3.node'),
  );
  (process as { resourcesPath?: string }).resourcesPath = resources;
  delete process.env.NUMBER_INVENTORY_DB;
  vi.resetModules();
});

afterEach(() => {
  state.appListeners['will-quit']?.forEach((fn) => fn());
  (process as { resourcesPath?: string }).resourcesPath = originalResources;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function startApp(): Promise<void> {
  await import('../../electron/main/index');
  // The mocked whenReady() resolves at once: its start() has run once the pending promise callbacks have.
  await new Promise((resolve) => setImmediate(resolve));
}

type FakeWindow = {
  options: { webPreferences: Record<string, unknown> };
  webContents: { listeners: Record<string, Listener>; sent: unknown[][]; mainFrame: { url: string } };
  minimized: boolean;
  focused: boolean;
  loaded: string;
};

describe('desktop app start', () => {
  it('takes the single-instance lock, names itself, sandboxes every renderer and hardens the session', async () => {
    await startApp();
    expect(state.appName).toBe('Number Inventory');
    expect(state.userData).toBe(path.join(dir, 'Number Inventory'));
    expect(state.sandbox).toBe(true);
    expect(state.sessionCalls).toEqual(['csp', 'permission-request', 'permission-check']);
    expect(state.appListeners['second-instance']).toHaveLength(1);
    expect(state.appListeners['web-contents-created']).toHaveLength(1);
  });

  it('opens the database in userData through the packaged native binding and creates one hardened window', async () => {
    await startApp();
    expect(state.dialogs).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'Number Inventory', 'inventory.db'))).toBe(true);
    expect(state.windows).toHaveLength(1);
    const window = state.windows[0] as FakeWindow;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(window.loaded).toBe('app://number-inventory/index.html');
  });

  it('registers the app:// scheme as privileged before ready and serves the page from it, never from file://', async () => {
    await startApp();
    expect(state.protocolCalls).toEqual(['privileged:app', 'ready', 'handle:app']);
    expect(state.privileges).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    // The handler serves the renderer folder beside out/main (here: not built, so 404, never a throw).
    const answer = await state.protocolHandlers.get('app')!(new Request('app://number-inventory/%2e%2e/package.json'));
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('installs the standard menu with Edit, View (zoom) and Window roles', async () => {
    await startApp();
    const menu = state.menu as { label?: string; role?: string; submenu?: { role?: string }[] }[];
    expect(menu.map((item) => item.role ?? item.label)).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'View']));
    const view = menu.find((item) => item.label === 'View')!;
    expect(view.submenu!.map((item) => item.role)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'reload']));
    // Packaged: no developer tools in the menu.
    expect(view.submenu!.map((item) => item.role)).not.toContain('toggleDevTools');
  });

  it('registers exactly the contract channels, answers the app window and pushes a change event to it', async () => {
    await startApp();
    expect([...state.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const window = state.windows[0] as FakeWindow;
    const event = { sender: window.webContents, senderFrame: Object.assign(window.webContents.mainFrame, { parent: null }) };
    const outcome = (await state.handlers.get('numbers:add')!(event, {
      numbers: '+6561230000',
      vendor: 'Singtel',
      country: 'SG',
      sku: 'SG-DID',
    })) as { ok: boolean };
    expect(outcome.ok).toBe(true);
    expect(window.webContents.sent).toEqual([
      [CHANGE_EVENT_CHANNEL, { scope: 'numbers', numbers: ['+6561230000'], states: ['available'] }],
    ]);
    const foreign = { sender: { mainFrame: {} }, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await state.handlers.get('numbers:search')!(foreign, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('hardens every web contents created later', async () => {
    await startApp();
    const contents = {
      listeners: {} as Record<string, Listener>,
      on(name: string, fn: Listener) {
        this.listeners[name] = fn;
      },
      setWindowOpenHandler: vi.fn(),
    };
    state.appListeners['web-contents-created'][0]({}, contents);
    expect(Object.keys(contents.listeners)).toEqual(expect.arrayContaining(['will-navigate', 'will-attach-webview']));
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('a second launch brings the first window back instead of opening another', async () => {
    await startApp();
    const window = state.windows[0] as FakeWindow;
    state.appListeners['second-instance'][0]();
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(state.windows).toHaveLength(1);
  });

  it('quits at once when another instance holds the lock', async () => {
    state.lock = false;
    await startApp();
    expect(state.quit).toBe(1);
    expect(state.windows).toHaveLength(0);
    expect(state.handlers.size).toBe(0);
  });

  it('shows a dialog naming `npm run rebuild:electron` when the Electron build of better-sqlite3 is missing', async () => {
    state.isPackaged = false;
    await startApp();
    expect(state.windows).toHaveLength(0);
    expect(state.quit).toBe(1);
    expect(state.dialogs).toHaveLength(1);
    expect(state.dialogs[0].content).toContain('npm run rebuild:electron');
    expect(state.dialogs[0].content).toContain(path.join('node_modules', '.electron-native', 'better_sqlite3.node'));
  });
});

describe('quitting', () => {
  it('stops a running export and removes its partial file (will-quit)', async () => {
    const worker = buildExportWorker();
    process.env.NUMBER_INVENTORY_EXPORT_WORKER = worker;
    // Every export worker, to wait for its end: a worker left running would write the file after quit.
    const workers = new Set<Worker>();
    const listen = Worker.prototype.on;
    const watched = vi.spyOn(Worker.prototype, 'on').mockImplementation(function (this: Worker, ...args: Parameters<Worker['on']>) {
      workers.add(this);
      return listen.apply(this, args);
    });
    try {
      await startApp();
      // Enough numbers that the export still runs when the app quits.
      const raw = new Database(path.join(dir, 'Number Inventory', 'inventory.db'));
      raw.exec(`
        WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < 99999)
        INSERT INTO numbers (number, country, vendor, sku, cap_voice, routing, state, created_at, updated_at)
        SELECT '+6561' || printf('%06d', k), 'SG', 'Singtel', 'SG-DID', 1, printf('%.300c', 'r'), 'available', '${T0}', '${T0}' FROM i`);
      raw.close();
      const window = state.windows[0] as FakeWindow;
      const event = { sender: window.webContents, senderFrame: Object.assign(window.webContents.mainFrame, { parent: null }) };
      const out = path.join(dir, 'quit.csv');
      expect(await state.handlers.get('export:choose-file')!(event, { format: 'csv', suggestedName: 'x' })).toEqual({
        ok: true,
        value: { path: out, editable: false },
      });
      expect(await state.handlers.get('export:start')!(event, { format: 'csv', out })).toMatchObject({
        ok: true,
        value: { state: 'running' },
      });
      expect(fs.existsSync(`${out}.partial`)).toBe(true);
      state.appListeners['will-quit'].forEach((fn) => fn());
      // Gone at once: the process ends right after will-quit.
      expect(fs.existsSync(`${out}.partial`)).toBe(false);
      await Promise.all([...workers].map((worker) => (worker.threadId === -1 ? undefined : once(worker, 'exit'))));
      expect(fs.readdirSync(dir).filter((name) => name.startsWith('quit'))).toEqual([]);
    } finally {
      watched.mockRestore();
      delete process.env.NUMBER_INVENTORY_EXPORT_WORKER;
      fs.rmSync(worker, { force: true });
    }
  }, 60_000);
});
