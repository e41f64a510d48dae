// electron-builder.yml: valid against electron-builder's own schema (offline), with the targets,
// identity and icon the release needs, and the Electron-ABI better-sqlite3 packaged where the main
// process looks for it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBindingPath } from '../../electron/main/native-binding';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  icon?: string;
  npmRebuild?: boolean;
  files?: (string | { filter: string[] })[];
  asarUnpack?: string[];
  extraResources?: { from: string; to: string }[];
  linux?: { target: string[] };
  win?: { target: string[] };
  mac?: { target: string[] };
  [key: string]: unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder's internal loader/validator (CommonJS).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, file: string, extra: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS.
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const root = path.resolve(__dirname, '..', '..');
const load = () => getConfig(root, 'electron-builder.yml', null);

describe('electron-builder.yml', () => {
  it('is valid for electron-builder (and the validator does reject bad keys)', async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false))).rejects.toThrow();
  });

  it('names the app as package.json does and targets Linux, Windows and macOS', async () => {
    const config = await load();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string; main: string };
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe(pkg.productName);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('packages the built app without rebuilding native modules', async () => {
    const config = await load();
    expect(config.npmRebuild).toBe(false);
    // The loader normalizes the list into { filter } groups.
    const files = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter));
    expect(files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('ships the Electron-ABI better-sqlite3 where the packaged main process loads it', async () => {
    const config = await load();
    const entry = config.extraResources?.find((resource) => resource.from.endsWith('better_sqlite3.node'));
    expect(entry).toEqual({ from: 'node_modules/.electron-native/better_sqlite3.node', to: 'native/better_sqlite3.node' });
    const resourcesPath = '/opt/Number Inventory/resources';
    expect(electronNativeBindingPath({ isPackaged: true, resourcesPath, appRoot: '/x' })).toBe(
      path.join(resourcesPath, ...entry!.to.split('/')),
    );
    expect(electronNativeBindingPath({ isPackaged: false, resourcesPath, appRoot: root })).toBe(path.join(root, ...entry!.from.split('/')));
  });

  it('has a 512x512 PNG icon in resources/', async () => {
    const config = await load();
    const icon = fs.readFileSync(path.join(root, config.icon!));
    expect(icon.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(icon.toString('ascii', 12, 16)).toBe('IHDR');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
