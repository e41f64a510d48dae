// electron-builder.yml: valid against electron-builder's own schema (offline), with the targets,
// identity and icon the release needs, the Electron-ABI better-sqlite3 packaged where the main
// process looks for it, and Electron's fuses set at packaging (proven on a stand-in Electron binary
// through electron-builder's own fuse step and read back with @electron/fuses).
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronNativeBindingPath } from '../../electron/main/native-binding';
import { tempDir } from '../helpers/inventory';

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
  electronFuses?: Record<string, boolean>;
  [key: string]: unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder's internal loader/validator (CommonJS).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, file: string, extra: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS.
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface FusePackager {
  config: BuilderConfig;
  appInfo: { productFilename: string };
  doAddElectronFuses(context: { appOutDir: string; electronPlatformName: string }): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS; the class whose afterPack step flips the fuses.
const { PlatformPackager } = require('app-builder-lib') as { PlatformPackager: { prototype: FusePackager } };

const root = path.resolve(__dirname, '..', '..');
const load = () => getConfig(root, 'electron-builder.yml', null);
const scratch = tempDir('ni-fuses-');
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** The marker @electron/fuses looks for in an Electron binary; the wire follows it. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse's byte: the characters '1' (on) and '0' (off). */
const ON = 0x31;
const OFF = 0x30;

/** A stand-in Electron binary: some bytes, then the fuse wire with Electron 45's defaults (9 fuses). */
function fakeElectronBinary(file: string): void {
  const defaults = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];
  fs.writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('\x7fELF not really Electron '),
      Buffer.from(SENTINEL),
      Buffer.from([1, defaults.length, ...defaults]),
      Buffer.from(' more'),
    ]),
  );
}

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

  it('sets the hardening fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect, encrypted cookies, the app only from a verified asar, no file:// extras', async () => {
    const config = await load();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The asar the fuses insist on: the app is packed into one.
    expect(config.asar).toBe(true);
  });

  it('flips exactly those fuses in the packaged binary (the fuse step of electron-builder, read back by @electron/fuses)', async () => {
    const config = await load();
    const appOutDir = path.join(scratch, 'linux-unpacked');
    fs.mkdirSync(appOutDir);
    const binary = path.join(appOutDir, 'number-inventory');
    fakeElectronBinary(binary);
    // The packager with only what its fuse step reads (config is a getter there, hence descriptors).
    const packager = Object.create(PlatformPackager.prototype, {
      config: { value: config },
      appInfo: { value: { productFilename: 'number-inventory' } },
    }) as FusePackager;
    await packager.doAddElectronFuses({ appOutDir, electronPlatformName: 'linux' });
    const wire = await getCurrentFuseWire(binary);
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      browserV8Snapshot: wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
      fileProtocolExtras: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: OFF,
      cookieEncryption: ON,
      nodeOptions: OFF,
      inspectArguments: OFF,
      asarIntegrity: ON,
      onlyFromAsar: ON,
      browserV8Snapshot: OFF,
      fileProtocolExtras: OFF,
    });
    // Nothing else in the binary changed, the fuse the config does not name (the 9th) included.
    const bytes = fs.readFileSync(binary);
    const wireStart = bytes.indexOf(SENTINEL) + SENTINEL.length;
    expect(bytes[wireStart + 2 + 8]).toBe(ON);
    expect(bytes.subarray(0, bytes.indexOf(SENTINEL)).toString('latin1')).toBe('\x7fELF not really Electron ');
    expect(bytes.subarray(wireStart + 2 + 9).toString('latin1')).toBe(' more');
  });
});
