// The built main bundle (electron-vite's real config) loads under plain Node with `electron`
// replaced by a recording stub, and reaches the creation of its hardened window, which loads the
// page from the app:// scheme its protocol handler serves (with the CSP, and nothing outside the
// renderer folder); the built preload
// is one CommonJS file that requires nothing but `electron` (a sandboxed preload can require no more).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { RENDERER_CSP_HEADER } from '../../shared/content-security-policy';
import { tempDir } from '../helpers/inventory';

const root = path.resolve(__dirname, '..', '..');
// Inside the project so the bundle resolves node_modules; out/ is ignored by git.
const outDir = path.join(root, 'out', `test-build-${process.pid}`);
const harness = path.join(__dirname, 'electron-main-harness.cjs');
let dir: string;

const BUILD_SCRIPT = `
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
const { config } = await resolveConfig({ configFile: 'electron.vite.config.ts', logLevel: 'error' }, 'build', 'production');
for (const target of ['main', 'preload']) {
  const c = config[target];
  c.build.outDir = ${JSON.stringify(outDir)} + '/' + target;
  c.logLevel = 'error';
  await build(c);
}`;

interface Report {
  windows: { webPreferences: Record<string, unknown>; show: boolean }[];
  loads: { file?: string; url?: string }[];
  handlers: string[];
  dialogs: { title: string; content: string }[];
  quit: boolean;
  singleInstanceLock: boolean;
  sandboxEnabled: boolean;
  menu: string[];
  csp: string[];
  permissionRequestAnswer: boolean;
  permissionCheckAnswer: boolean;
  appName: string;
  userData: string;
  protocolCalls: string[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolAnswers: { url: string; status: number; contentType: string | null; csp: string | null; body: string }[];
}

const OUTSIDE = [
  'app://number-inventory/../secret.txt',
  'app://number-inventory/%2e%2e/secret.txt',
  'app://number-inventory/..%2fsecret.txt',
  'app://number-inventory/assets/..%2f..%2fsecret.txt',
  'app://number-inventory/..%5csecret.txt',
];
const PROBES = ['app://number-inventory/index.html', 'app://number-inventory/assets/app.js', ...OUTSIDE];

function runHarness(env: Record<string, string>): Report {
  const result = spawnSync(process.execPath, [harness, path.join(outDir, 'main', 'index.js')], {
    cwd: root,
    env: { ...process.env, HARNESS_APP_PATH: root, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status !== 0) throw new Error(`harness failed (${result.status}): ${result.stderr}`);
  const line = result.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as Report;
}

beforeAll(() => {
  dir = tempDir('ni-built-');
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', BUILD_SCRIPT], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}, 120_000);

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('built main bundle', () => {
  it('is CommonJS and keeps better-sqlite3 external', () => {
    // index.js plus any shared chunk (the export worker is a second entry).
    const mainDir = path.join(outDir, 'main');
    const main = fs
      .readdirSync(mainDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => fs.readFileSync(path.join(mainDir, file), 'utf8'))
      .join('\n');
    expect(main).toMatch(/require\("better-sqlite3"\)/);
    expect(main).toMatch(/require\("electron"\)/);
    expect(main).not.toMatch(/^\s*import\s/m);
  });

  it('starts under Node with electron stubbed and creates its hardened window (packaged layout)', () => {
    const resources = path.join(dir, 'resources');
    fs.mkdirSync(path.join(resources, 'native'), { recursive: true });
    fs.copyFileSync(
      path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      path.join(resources, 'native', 'better_sqlite3.node'),
    );
    // The renderer folder the bundle serves (beside out/main), and a file outside it.
    fs.mkdirSync(path.join(outDir, 'renderer', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(outDir, 'renderer', 'index.html'), '<!doctype html><title>Number Inventory</title>built page');
    fs.writeFileSync(path.join(outDir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(outDir, 'secret.txt'), 'secret');
    const report = runHarness({
      HARNESS_APP_DATA: path.join(dir, 'appdata'),
      HARNESS_RESOURCES: resources,
      HARNESS_PACKAGED: '1',
      HARNESS_PROTOCOL_PROBES: JSON.stringify(PROBES),
    });

    expect(report.dialogs).toEqual([]);
    expect(report.singleInstanceLock).toBe(true);
    expect(report.sandboxEnabled).toBe(true);
    expect(report.appName).toBe('Number Inventory');
    expect(report.userData).toBe(path.join(dir, 'appdata', 'Number Inventory'));
    expect(fs.existsSync(path.join(report.userData, 'inventory.db'))).toBe(true);
    expect(report.windows).toHaveLength(1);
    expect(report.windows[0].show).toBe(false);
    expect(report.windows[0].webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(report.windows[0].webPreferences.preload).toBe(path.join(outDir, 'preload', 'index.js'));
    expect(report.loads).toEqual([{ url: 'app://number-inventory/index.html' }]);
    expect(report.protocolCalls).toEqual(['privileged:app', 'ready', 'handle:app']);
    expect(report.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const answers = Object.fromEntries(report.protocolAnswers.map((answer) => [answer.url, answer]));
    expect(answers['app://number-inventory/index.html']).toEqual({
      url: 'app://number-inventory/index.html',
      status: 200,
      contentType: 'text/html; charset=utf-8',
      csp: RENDERER_CSP_HEADER,
      body: '<!doctype html><title>Number Inventory</title>built page',
    });
    expect(answers['app://number-inventory/assets/app.js']).toMatchObject({ status: 200, contentType: 'text/javascript; charset=utf-8' });
    for (const probe of OUTSIDE) {
      expect(answers[probe].status, probe).toBe(404);
      expect(answers[probe].body, probe).not.toContain('secret');
    }
    expect([...report.handlers].sort()).toEqual([...CHANNELS].sort());
    expect(report.menu).toEqual(expect.arrayContaining(['editMenu', 'View', 'windowMenu']));
    expect(report.csp).toEqual([RENDERER_CSP_HEADER]);
    expect(report.permissionRequestAnswer).toBe(false);
    expect(report.permissionCheckAnswer).toBe(false);
  });

  it('shows the rebuild dialog instead of crashing when the Electron build is missing (development)', () => {
    const report = runHarness({ HARNESS_APP_DATA: path.join(dir, 'appdata2'), HARNESS_PACKAGED: '0' });
    expect(report.windows).toEqual([]);
    expect(report.quit).toBe(true);
    expect(report.dialogs[0].content).toContain('npm run rebuild:electron');
  });

  it('preload is one CommonJS file requiring only electron', () => {
    const preload = fs.readFileSync(path.join(outDir, 'preload', 'index.js'), 'utf8');
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
    expect(fs.readdirSync(path.join(outDir, 'preload'))).toEqual(['index.js']);
  });
});
