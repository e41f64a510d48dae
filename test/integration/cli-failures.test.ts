// What the real CLI answers when the database or the disk is the problem, not the command: another
// program holding the write lock, a damaged file, a file or folder that cannot be written, a fault
// of the program. Each is one error document under --json (never a stack trace on stdout), the
// right exit status, and the database left as it was. Also: an empty --db or NUMBER_INVENTORY_DB
// is refused instead of meaning the desktop app's own inventory.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCliOnce, runCli, type CliOptions, type CliRun } from '../helpers/cli';
import { tempDir } from '../helpers/inventory';

const NOW = '2026-01-05T09:00:00.000Z';
const SLOW = 180_000;
const SG = ['--vendor', 'Singtel', '--country', 'SG', '--sku', 'SG-DID'];
/** Root may write any file: the CLI runs without that power, as an ops user without rights would. */
const AS_OTHER_USER: Pick<CliOptions, 'obeyFilePermissions'> = { obeyFilePermissions: true };

let dir: string;
let db: string;
beforeAll(() => buildCliOnce(), SLOW);
beforeEach(() => {
  dir = tempDir('ni-cli-failures-');
  db = path.join(dir, 'inventory.db');
});
afterEach(() => {
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], options: CliOptions = {}) => runCli(args, { db, now: NOW, ...options });
const errorOf = (run: CliRun) => run.json<{ error: { code: string; message: string } }>().error;
const noStackTrace = (run: CliRun) => {
  expect(run.stdout).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
};
const fileBytes = (file: string) => fs.readFileSync(file).toString('base64');

async function seeded(): Promise<void> {
  const run = await cli(['add', '+6561230000,+6561230001', ...SG]);
  expect(run.code, run.stderr).toBe(0);
}

describe('the database held by another writer', () => {
  it(
    'waits about 5 s, then refuses as DATABASE_BUSY in plain words; nothing is written',
    async () => {
      await seeded();
      const holder = new Database(db);
      holder.exec('BEGIN IMMEDIATE');
      try {
        const started = Date.now();
        const run = await cli(['--json', '--actor', 'ops', 'lock', '+6561230000', '--remark', 'r']);
        expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
        expect(run.code).toBe(1);
        expect(errorOf(run)).toEqual({
          code: 'DATABASE_BUSY',
          message: 'Another program is writing to the inventory; nothing was changed. Try again in a moment.',
        });
        noStackTrace(run);
      } finally {
        holder.exec('ROLLBACK');
        holder.close();
      }
      const shown = await cli(['--json', 'show', '+6561230000']);
      expect(shown.json<{ state: string; history: unknown[] }>()).toMatchObject({ state: 'available', history: [{ action: 'add' }] });
    },
    SLOW,
  );
});

describe('a damaged database', () => {
  it(
    'is refused as DATABASE_DAMAGED, naming the file and how to restore it, and the file is left as it was',
    async () => {
      await seeded();
      const fd = fs.openSync(db, 'r+');
      fs.writeSync(fd, Buffer.from('this is no longer a database header'), 0, 32, 0);
      fs.closeSync(fd);
      const before = fileBytes(db);
      for (const args of [
        ['--json', 'show', '+6561230000'],
        ['--json', 'add', '+6561230002', ...SG],
      ]) {
        const run = await cli(args);
        expect(run.code).toBe(1);
        const error = errorOf(run);
        expect(error.code).toBe('DATABASE_DAMAGED');
        expect(error.message).toContain(db);
        expect(error.message).toContain('restore it from a backup copy');
        noStackTrace(run);
      }
      expect(fileBytes(db)).toBe(before);
      // Not a database at all: the same refusal, without --json on stderr.
      const notes = path.join(dir, 'notes.txt');
      fs.writeFileSync(notes, 'not a database\n'.repeat(100));
      const plain = await runCli(['--db', notes, 'show', '+6561230000']);
      expect(plain.code).toBe(1);
      expect(plain.stderr).toContain(`error: ${notes} is not an inventory database, or it is damaged`);
      expect(fs.readFileSync(notes, 'utf8')).toBe('not a database\n'.repeat(100));
    },
    SLOW,
  );
});

describe('a database that cannot be written', () => {
  it(
    'a read-only file is read (search, export) and every change is refused as DATABASE_READ_ONLY',
    async () => {
      await seeded();
      fs.chmodSync(db, 0o444);
      // The folder stays writable: SQLite keeps its shared-memory file beside the database.
      fs.chmodSync(dir, 0o777);
      const before = fileBytes(db);
      const search = await cli(['--json', 'search'], AS_OTHER_USER);
      expect(search.code, search.stderr).toBe(0);
      expect(search.json<{ total: number }>().total).toBe(2);
      const out = path.join(dir, 'copy.csv');
      const exported = await cli(['--json', 'export', '--format', 'csv', '--out', out], AS_OTHER_USER);
      expect(exported.code, exported.stderr).toBe(0);
      expect(fs.readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(3);
      for (const args of [
        ['add', '+6561230002', ...SG],
        ['lock', '+6561230000', '--remark', 'r'],
        ['settings', 'set', 'lockPeriodDays', '10'],
      ]) {
        const run = await cli(['--json', '--actor', 'ops', ...args], AS_OTHER_USER);
        expect({ args, code: run.code }).toEqual({ args, code: 1 });
        expect(errorOf(run)).toEqual({
          code: 'DATABASE_READ_ONLY',
          message:
            'The inventory is read-only (its file or folder cannot be written), so changes are not possible. Ask for write access, or work on a copy in a folder you can write to.',
        });
        noStackTrace(run);
      }
      expect(fileBytes(db)).toBe(before);
    },
    SLOW,
  );

  it(
    'in a folder that cannot be written, it says to copy it where it can be',
    async () => {
      await seeded();
      fs.chmodSync(db, 0o444);
      fs.chmodSync(dir, 0o555);
      const run = await cli(['--json', 'search'], AS_OTHER_USER);
      expect(run.code).toBe(1);
      expect(errorOf(run)).toMatchObject({ code: 'DATABASE_READ_ONLY', message: expect.stringContaining('Copy the database to a folder') });
      noStackTrace(run);
    },
    SLOW,
  );
});

describe('a fault of the program', () => {
  it(
    'answers INTERNAL with a reference (exit 3); the details go to stderr',
    async () => {
      await seeded();
      // A schema the code does not expect: the saved-search query fails inside SQLite.
      const raw = new Database(db);
      raw.exec('DROP TABLE saved_searches');
      raw.close();
      const run = await cli(['--json', 'saved-search', 'list']);
      expect(run.code).toBe(3);
      const error = errorOf(run);
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toMatch(/^Something went wrong \(ref ([0-9A-F]{6})\); the details are in the log\.$/);
      expect(error.message).not.toContain('saved_searches');
      const reference = /ref ([0-9A-F]{6})/.exec(error.message)![1];
      expect(run.stderr).toContain(`internal error (ref ${reference}): SqliteError: no such table: saved_searches`);
    },
    SLOW,
  );
});

describe('an empty database name', () => {
  it(
    "--db '' and NUMBER_INVENTORY_DB='' are usage errors, and the desktop app's own inventory is never opened",
    async () => {
      // Where the desktop app's own database would be, for this run.
      const config = path.join(dir, 'config');
      const env = { XDG_CONFIG_HOME: config, HOME: dir, APPDATA: config };
      const flag = await runCli(['--db', '', 'add', '+6561230000', ...SG], { now: NOW, env });
      expect(flag.code).toBe(2);
      expect(flag.stderr).toContain("error: --db is empty: give the database file, or leave --db out to use the desktop app's own");
      const variable = await runCli(['add', '+6561230000', ...SG], { now: NOW, env: { ...env, NUMBER_INVENTORY_DB: '' } });
      expect(variable.code).toBe(2);
      expect(variable.stderr).toContain(
        "error: NUMBER_INVENTORY_DB is empty: give the database file, or unset it to use the desktop app's own",
      );
      const blank = await runCli(['--db', '   ', 'search'], { now: NOW, env });
      expect(blank.code).toBe(2);
      expect(fs.existsSync(config)).toBe(false);
    },
    SLOW,
  );
});
