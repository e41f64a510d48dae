// `number-inventory activity`: the real command in a child process lists the log newest first,
// filtered, page after page from the printed cursor, as JSON, and exports it like the inventory.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityPage } from '../../shared/activity';
import { buildCliOnce, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/inventory';

let dir: string;
let db: string;
beforeAll(async () => {
  buildCliOnce();
  dir = tempDir();
  db = path.join(dir, 'inventory.db');
  const at = (hour: number) => ({ db, now: `2026-01-05T${String(hour).padStart(2, '0')}:00:00Z` });
  await runCli(
    ['--actor', 'tester', 'add', '+6561230000', '+6561230001', '--vendor', 'Singtel', '--country', 'SG', '--sku', 'SG-DID'],
    at(9),
  );
  await runCli(['--actor', 'Alice', 'lock', '+6561230000', '--remark', 'faulty line'], at(10));
  await runCli(['--actor', 'Bob', 'lock', '+6561230001', '--remark', 'port check'], at(11));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('number-inventory activity', () => {
  it('lists the log newest first, each event on a line', async () => {
    const run = await runCli(['activity'], { db });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^2026-01-05 11:00 UTC\s+Bob\s+Lock\s+\+6561230001\s+available -> locked\s+port check$/),
      expect.stringMatching(/^2026-01-05 10:00 UTC\s+Alice\s+Lock\s+\+6561230000\s+available -> locked\s+faulty line$/),
      expect.stringMatching(/^2026-01-05 09:00 UTC\s+tester\s+Added\s+\+6561230001\s+\(new\) -> available$/),
      expect.stringMatching(/^2026-01-05 09:00 UTC\s+tester\s+Added\s+\+6561230000\s+\(new\) -> available$/),
      '4 events match',
    ]);
  });

  it('filters, and pages from the cursor it prints', async () => {
    const first = await runCli(['activity', '--action', 'lock', '--page-size', '1'], { db });
    const cursor = /--after (\S+)$/.exec(first.stdout.trim())?.[1];
    expect(first.stdout).toContain('Bob');
    expect(cursor).toBeTruthy();
    const second = await runCli(['--json', 'activity', '--action', 'lock', '--page-size', '1', '--after', String(cursor)], { db });
    const page = second.json<ActivityPage>();
    expect(page.rows.map((r) => r.actor)).toEqual(['Alice']);
    expect(page.next).toBeNull();
    const alice = await runCli(['--json', 'activity', '--operator', 'alice', '--pattern', '*0000'], { db });
    expect(alice.json<ActivityPage>().rows.map((r) => `${r.actor} ${r.action} ${r.number}`)).toEqual(['Alice lock +6561230000']);
  });

  it('exports the filtered log to CSV', async () => {
    const out = path.join(dir, 'activity.csv');
    const run = await runCli(['activity', '--since', '2026-01-05T10:00:00Z', '--format', 'csv', '--out', out], { db });
    expect(run.stdout).toBe(`exported 2 events to ${out}\n`);
    expect(
      fs
        .readFileSync(out, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .map((l) => l.split(',').slice(0, 3).join(',')),
    ).toEqual(['at,actor,action', '2026-01-05T11:00:00.000Z,Bob,lock', '2026-01-05T10:00:00.000Z,Alice,lock', '']);
  });

  it('refuses unknown actions and a bad time in words, exit 2', async () => {
    const action = await runCli(['activity', '--action', 'explode'], { db });
    expect(action).toMatchObject({ code: 2 });
    expect(action.stderr).toContain('--action: unknown explode');
    const since = await runCli(['activity', '--since', 'yesterday'], { db });
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since');
  });
});
