// Killing the process in the middle of an import into a team database loses no committed batch:
// the real CLI imports a large file in batches and is killed (SIGKILL) after some batches; the
// database holds whole batches with their audit events, and a rerun completes the file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { benchRows } from '../bench/dataset';
import { tempDir } from '../helpers/inventory';
import { freshPgDatabase, type PgTestDatabase } from '../helpers/pg-database';
import { ROOT, writeInventoryCsv } from './transfer-fixtures';

const ROWS = 30_000;
const BATCH = 500;

let database: PgTestDatabase | undefined;
let dir: string | undefined;
afterEach(async () => {
  await database?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('killed mid-import into a team database', () => {
  it('keeps every committed batch, whole, with its audit events; a rerun completes the file', async () => {
    database = await freshPgDatabase();
    dir = tempDir('ni-team-kill-');
    const file = path.join(dir, 'big.csv');
    writeInventoryCsv(file, benchRows(ROWS, 0));
    const url = database.url;
    const cli = (args: string[]) =>
      spawn(process.execPath, [path.join(ROOT, 'electron', 'cli', 'bin.cjs'), '--db', url, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

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

    const [{ numbers, events, unaudited }] = await database.query<{ numbers: number; events: number; unaudited: number }>(
      `SELECT (SELECT count(*)::int FROM numbers) AS numbers, (SELECT count(*)::int FROM events WHERE action = 'import') AS events,
         (SELECT count(*)::int FROM numbers n WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.number_id = n.id)) AS unaudited`,
    );
    // Whole batches only, at least those reported, and not the whole file; every number with its event.
    expect(numbers % BATCH).toBe(0);
    expect(numbers).toBeGreaterThanOrEqual(killedAt);
    expect(numbers).toBeLessThan(ROWS);
    expect(events).toBe(numbers);
    expect(unaudited).toBe(0);

    // Running the import again adds the rest; what was committed reads as duplicates.
    const rerun = cli(['--json', 'import', file]);
    let out = '';
    rerun.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise((resolve) => rerun.on('close', resolve));
    expect(code).toBe(0);
    const report = JSON.parse(out) as { imported: number; counts: { duplicate: number } };
    expect(report.imported + report.counts.duplicate).toBe(ROWS);
    expect(report.counts.duplicate).toBe(numbers);
    const [{ total }] = await database.query<{ total: number }>('SELECT count(*)::int AS total FROM numbers');
    expect(total).toBe(ROWS);
  }, 300_000);
});
