// Electronegativity (Doyensec's Electron security scanner), through its programmatic API and
// offline, over the Electron sources: no finding of medium severity and firm confidence or above.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/inventory';

interface Level {
  value: number;
  name: string;
}
interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  manualReview: boolean;
}
interface ScanResult {
  issues: Issue[];
  errors: { file: string; message: string; tolerable: boolean }[];
  atomicChecks: number;
  globalChecks: number;
}
type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS package without types.
const run = require('@doyensec/electronegativity') as Run;
const root = path.resolve(__dirname, '..', '..');
const electronVersion = (
  JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
).version;
const MEDIUM = 2;
const FIRM = 1;

async function scan(input: string): Promise<ScanResult> {
  return run({
    input,
    isRelative: true,
    // The scanner cannot read the version from sources; without it, it assumes Electron 0.1 defaults.
    electronVersionOverride: electronVersion,
    // This check downloads Electron's release list: not possible offline, and not about our code.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
}

const serious = (result: ScanResult) =>
  result.issues
    .filter((issue) => issue.severity.value >= MEDIUM && issue.confidence.value >= FIRM)
    .map((issue) => `${issue.id} ${issue.severity.name}/${issue.confidence.name} ${issue.file}:${issue.location.line}`);

const scratch = tempDir('ni-eng-');
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('Electronegativity', () => {
  it('finds nothing at medium severity / firm confidence or above in electron/', async () => {
    const result = await scan(path.join(root, 'electron'));
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(result.errors.filter((error) => !error.tolerable)).toEqual([]);
    expect(serious(result)).toEqual([]);
  }, 60_000);

  it('is suppressed inline only where reviewed', () => {
    const suppressions: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|js|cjs|html)$/.test(entry.name)) {
          for (const match of fs.readFileSync(full, 'utf8').matchAll(/eng-disable[ \t]+([\w \t]+)/g))
            suppressions.push(`${path.relative(root, full)}: ${match[1].trim()}`);
        }
      }
    };
    walk(path.join(root, 'electron'));
    expect(suppressions).toEqual([`${path.join('electron', 'main', 'window.ts')}: PRELOAD_JS_CHECK`]);
  });

  it('does fail on an insecure window (the check can fail)', async () => {
    fs.writeFileSync(
      path.join(scratch, 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const found = serious(await scan(scratch));
    expect(found.some((line) => line.startsWith('SANDBOX_JS_CHECK'))).toBe(true);
    expect(found.some((line) => line.startsWith('CONTEXT_ISOLATION_JS_CHECK'))).toBe(true);
  }, 60_000);
});
