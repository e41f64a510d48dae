// The benchmark's --reuse runs against an inventory an earlier --keep run built, which can take an
// hour at ten million numbers: a --reuse run must leave that inventory in place when it ends.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './transfer-fixtures';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const bench = (...args: string[]) => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'test', 'bench', 'run.cjs'), '--n', '600', '--runs', '1', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stderr;
};

describe('npm run bench --reuse', () => {
  it('keeps the reused inventory at its end, even without --keep; a plain run removes its folder', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ni-bench-reuse-'));
    const db = path.join(dir, 'inventory.db');
    bench('--dir', dir, '--keep', '--only', 'counts');
    expect(fs.existsSync(db)).toBe(true);
    const built = fs.statSync(db).mtimeMs;

    expect(bench('--dir', dir, '--reuse', '--only', 'counts')).toContain('reusing its inventory');
    expect(fs.existsSync(db)).toBe(true);
    expect(fs.statSync(db).mtimeMs).toBe(built);

    bench('--dir', dir, '--only', 'counts');
    expect(fs.existsSync(dir)).toBe(false);
  }, 120_000);
});
