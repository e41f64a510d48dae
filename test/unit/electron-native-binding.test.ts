// The desktop app's database: the Electron-ABI binding's location in development and when packaged,
// a clear message (not a crash) when it is missing, and the same data folder as the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureAppIdentity, desktopDatabasePath } from '../../electron/main/app-identity';
import { electronNativeBindingPath, missingNativeBindingMessage } from '../../electron/main/native-binding';
import { openDesktopInventory } from '../../electron/main/open-inventory';
import { DATABASE_FILE_NAME, userDataDir } from '../../electron/core/paths';
import { tempDir } from '../helpers/inventory';

const nodeBuild = path.resolve('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
let dir: string;
beforeEach(() => (dir = tempDir('ni-native-')));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Electron-ABI better-sqlite3', () => {
  it('is node_modules/.electron-native in development and resources/native when packaged', () => {
    expect(electronNativeBindingPath({ isPackaged: false, resourcesPath: '/r', appRoot: '/proj' })).toBe(
      path.join('/proj', 'node_modules', '.electron-native', 'better_sqlite3.node'),
    );
    expect(electronNativeBindingPath({ isPackaged: true, resourcesPath: '/opt/app/resources', appRoot: '/x' })).toBe(
      path.join('/opt/app/resources', 'native', 'better_sqlite3.node'),
    );
  });

  it('when missing, tells a developer to run npm run rebuild:electron and a user to reinstall', () => {
    const missing = path.join(dir, 'nope.node');
    expect(missingNativeBindingMessage(missing, false)).toContain('npm run rebuild:electron');
    expect(missingNativeBindingMessage(missing, true)).toContain('reinstall');
    expect(missingNativeBindingMessage(nodeBuild, false)).toBeNull();
    const opened = openDesktopInventory({
      databasePath: path.join(dir, 'db', 'inventory.db'),
      nativeBinding: missing,
      isPackaged: false,
      env: {},
    });
    expect(opened).toEqual({ ok: false, message: expect.stringContaining('npm run rebuild:electron') });
    expect(fs.existsSync(path.join(dir, 'db'))).toBe(false);
  });

  it('opens the database through the given binding (the Node build stands in for Electron here)', async () => {
    const opened = openDesktopInventory({
      databasePath: path.join(dir, 'inventory.db'),
      nativeBinding: nodeBuild,
      isPackaged: false,
      env: { NUMBER_INVENTORY_NOW: '2026-03-01T00:00:00Z' },
    });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    try {
      expect(opened.inventory.clock.now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
      expect(await opened.inventory.counts()).toMatchObject({ available: 0 });
    } finally {
      opened.inventory.close();
    }
  });

  it('turns a binding that cannot load into a message naming the rebuild', () => {
    const bogus = path.join(dir, 'better_sqlite3.node');
    fs.writeFileSync(bogus, 'not a shared library');
    const opened = openDesktopInventory({ databasePath: path.join(dir, 'inventory.db'), nativeBinding: bogus, isPackaged: false, env: {} });
    expect(opened).toEqual({ ok: false, message: expect.stringContaining('npm run rebuild:electron') });
  });

  it('a packaged app ignores NUMBER_INVENTORY_NOW', () => {
    const opened = openDesktopInventory({
      databasePath: path.join(dir, 'inventory.db'),
      nativeBinding: nodeBuild,
      isPackaged: true,
      env: { NUMBER_INVENTORY_NOW: '2000-01-01T00:00:00Z' },
    });
    if (!opened.ok) throw new Error(opened.message);
    try {
      expect(opened.inventory.clock.now().getFullYear()).toBeGreaterThan(2000);
    } finally {
      opened.inventory.close();
    }
  });
});

describe('app identity', () => {
  it('names the app "Number Inventory" and uses the same data folder the CLI computes', () => {
    const home = '/home/ops';
    const appData = path.posix.join(home, '.config');
    let userData = path.posix.join(appData, 'Electron');
    let name = '';
    const app = {
      setName: (value: string) => (name = value),
      getPath: (key: 'appData' | 'userData') => (key === 'appData' ? appData : userData),
      setPath: (_key: 'userData', value: string) => (userData = value),
    };
    configureAppIdentity(app);
    expect(name).toBe('Number Inventory');
    expect(userData).toBe(userDataDir('linux', {}, home));
    expect(desktopDatabasePath(app, {})).toBe(path.join(userDataDir('linux', {}, home), DATABASE_FILE_NAME));
    expect(desktopDatabasePath(app, { NUMBER_INVENTORY_DB: '/tmp/other.db' })).toBe(path.resolve('/tmp/other.db'));
    // Empty on purpose (a script's unset variable) never quietly means the app's own inventory.
    expect(() => desktopDatabasePath(app, { NUMBER_INVENTORY_DB: '' })).toThrow(/NUMBER_INVENTORY_DB is empty/);
  });

  it('matches package.json productName', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { productName: string };
    expect(pkg.productName).toBe('Number Inventory');
  });
});
