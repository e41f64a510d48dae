// The main window's options and remembered bounds, with a mocked `electron`.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/inventory';

const created = vi.hoisted(() => [] as FakeWindow[]);
interface FakeWindow {
  options: Record<string, unknown>;
  handlers: Record<string, (() => void)[]>;
  loaded: { url?: string; file?: string }[];
  maximized: boolean;
  shown: boolean;
}

vi.mock('electron', () => {
  class BrowserWindow {
    handlers: Record<string, (() => void)[]> = {};
    loaded: { url?: string; file?: string }[] = [];
    maximized = false;
    shown = false;
    constructor(readonly options: Record<string, unknown>) {
      created.push(this);
    }
    on(name: string, fn: () => void) {
      (this.handlers[name] ??= []).push(fn);
      return this;
    }
    once(name: string, fn: () => void) {
      return this.on(name, fn);
    }
    emit(name: string) {
      this.handlers[name]?.forEach((fn) => fn());
    }
    maximize() {
      this.maximized = true;
    }
    isMaximized() {
      return this.maximized;
    }
    show() {
      this.shown = true;
    }
    getNormalBounds() {
      return { x: 40, y: 50, width: 1000, height: 700 };
    }
    loadURL(url: string) {
      this.loaded.push({ url });
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded.push({ file });
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1600, height: 900 } }] },
  };
});

import { createMainWindow } from '../../electron/main/window';
import { readWindowState, restoreBounds, writeWindowState } from '../../electron/main/window-state';

let dir: string;
beforeEach(() => {
  dir = tempDir('ni-window-');
  created.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const appLocation = { kind: 'app-scheme' as const, url: 'app://number-inventory/index.html' as const, rendererDir: '/app/out/renderer' };

describe('main window', () => {
  it('is created with the hardened web preferences, written out explicitly', () => {
    const window = createMainWindow({
      preloadPath: '/app/out/preload/index.js',
      location: appLocation,
      stateFile: path.join(dir, 's.json'),
    });
    const options = (window as unknown as FakeWindow).options;
    const prefs = options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(Object.prototype.hasOwnProperty.call(prefs, 'sandbox')).toBe(true);
    expect(options.show).toBe(false);
    expect(options.title).toBe('Number Inventory');
  });

  it('loads the built renderer from the app:// scheme (never a file:// URL), or the dev server URL', () => {
    const a = createMainWindow({
      preloadPath: 'p',
      location: appLocation,
      stateFile: path.join(dir, 's.json'),
    }) as unknown as FakeWindow;
    expect(a.loaded).toEqual([{ url: 'app://number-inventory/index.html' }]);
    const b = createMainWindow({
      preloadPath: 'p',
      location: { kind: 'dev-server', url: 'http://localhost:5173/', origin: 'http://localhost:5173' },
      stateFile: path.join(dir, 's.json'),
    }) as unknown as FakeWindow;
    expect(b.loaded).toEqual([{ url: 'http://localhost:5173/' }]);
  });

  it('shows only when ready, and remembers its bounds and maximized state on close', () => {
    const stateFile = path.join(dir, 'state.json');
    const window = createMainWindow({ preloadPath: 'p', location: appLocation, stateFile }) as unknown as FakeWindow & {
      emit(n: string): void;
    };
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
    window.maximized = true;
    window.emit('close');
    expect(readWindowState(stateFile)).toEqual({ bounds: { x: 40, y: 50, width: 1000, height: 700 }, maximized: true });

    const reopened = createMainWindow({ preloadPath: 'p', location: appLocation, stateFile }) as unknown as FakeWindow;
    expect(reopened.options).toMatchObject({ x: 40, y: 50, width: 1000, height: 700 });
    expect(reopened.maximized).toBe(true);
  });
});

describe('window bounds restore', () => {
  const screenArea = { x: 0, y: 0, width: 1600, height: 900 };

  it('uses the default size when nothing was saved', () => {
    expect(restoreBounds(null, [screenArea])).toEqual({ width: 1280, height: 800 });
  });

  it('reuses saved bounds that are on a connected screen', () => {
    const saved = { bounds: { x: 100, y: 80, width: 900, height: 600 }, maximized: false };
    expect(restoreBounds(saved, [screenArea])).toEqual({ x: 100, y: 80, width: 900, height: 600 });
  });

  it('drops the position of a window saved on a screen no longer connected', () => {
    const saved = { bounds: { x: 3000, y: 100, width: 900, height: 600 }, maximized: false };
    expect(restoreBounds(saved, [screenArea])).toEqual({ width: 900, height: 600 });
  });

  it('shrinks and moves a window larger than its screen back inside it', () => {
    const saved = { bounds: { x: 1200, y: -20, width: 2400, height: 1400 }, maximized: false };
    const restored = restoreBounds(saved, [screenArea]);
    expect(restored).toEqual({ x: 0, y: 0, width: 1600, height: 900 });
  });

  it('finds the second screen the window was on', () => {
    const second = { x: 1600, y: 0, width: 1280, height: 1024 };
    const saved = { bounds: { x: 1700, y: 100, width: 800, height: 600 }, maximized: false };
    expect(restoreBounds(saved, [screenArea, second])).toEqual({ x: 1700, y: 100, width: 800, height: 600 });
  });

  it('ignores a missing or corrupt state file', () => {
    const file = path.join(dir, 'bad.json');
    expect(readWindowState(file)).toBeNull();
    fs.writeFileSync(file, '{"bounds":{"x":"a"}}');
    expect(readWindowState(file)).toBeNull();
    writeWindowState(file, { bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: false });
    expect(readWindowState(file)).toEqual({ bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: false });
  });
});
