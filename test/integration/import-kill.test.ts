// Killing the process in the middle of an import loses no committed batch and leaves a consistent
// database: the real CLI imports a large file in batches and is killed (SIGKILL) after some batches.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { freshInventory, type TestInventory } from '../helpers/inventory';
import { benchRows } from '../bench/dataset';
import { ROOT, writeInventoryCsv } from './transfer-fixtures';

let t: TestInventory | undefined;
afterEach(() => t?.close());

const ROWS = 30_000;
const BATCH = 500;

describe('killed mid-import', () => {
  it('keeps every committed batch, whole, with its audit events; integrity_check is ok; a rerun completes the file', async () => {
    t = freshInventory();
    t.inventory.close();
    const file = path.join(t.dir, 'big.csv');
    writeInventoryCsv(file, benchRows(ROWS, 0));
    const cli = (args: string[]) =>
      spawn(process.execPath, [path.join(ROOT, 'electron', 'cli', 'bin.cjs'), '--db', (t as TestInventory).file, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });

    const child = cli(['import', file, '--batch-size', String(BATCH)]);
    let stderr = '';
    const killedAt = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const imported = [...stderr.matchAll(/imported (\d+) rows/g)].map((m) => Number(m[1]));
        if (imported.length && imported[imported.length - 1] >= 2 * BATCH) {
          child.kill('SIGKILL');
          resolve(imported[imported.length - 1]);
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`the import ended before it could be killed (${code}): ${stderr}`));
      });
    });
    await new Promise((resolve) => child.on('close', resolve));

    const db = new Database((t as TestInventory).file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const numbers = db.prepare('SELECT count(*) FROM numbers').pluck().get() as number;
      const events = db.prepare(`SELECT count(*) FROM events WHERE action = 'import'`).pluck().get() as number;
      // Whole batches only, at least those reported, and not the whole file.
      expect(numbers % BATCH).toBe(0);
      expect(numbers).toBeGreaterThanOrEqual(killedAt);
      expect(numbers).toBeLessThan(ROWS);
      expect(events).toBe(numbers);
      // The maintained tab counts agree with the rows.
      const maintained = db.prepare('SELECT sum(count) FROM number_state_counts').pluck().get() as number;
      expect(maintained).toBe(numbers);
      // The trigram index holds every committed number (FTS5's own consistency check).
      expect(() => db.prepare(`INSERT INTO numbers_fts (numbers_fts) VALUES ('integrity-check')`).run()).not.toThrow();
    } finally {
      db.close();
    }

    // Running the import again adds the rest; what was committed reads as duplicates.
    const rerun = cli(['--json', 'import', file]);
    let out = '';
    rerun.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise((resolve) => rerun.on('close', resolve));
    expect(code).toBe(0);
    const report = JSON.parse(out) as { imported: number; counts: { duplicate: number } };
    expect(report.imported + report.counts.duplicate).toBe(ROWS);
    expect(report.counts.duplicate).toBeGreaterThanOrEqual(killedAt);
  }, 300_000);
});
