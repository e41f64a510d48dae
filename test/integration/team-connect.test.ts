// Choosing and opening a team database: a postgres:// URL is a team database (never a stray file),
// and a server that cannot be reached, a wrong password, a database that is not an inventory or one
// newer than this code are refused in plain words naming the server, never the password, with
// nothing written. Passwords come from the URL, PGPASSWORD or a pgpass file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStore } from '../../electron/core/paths';
import { connectTeamDatabase } from '../../electron/core/store/postgres/team-database';
import { isInventoryError, type ErrorCode } from '../../shared/errors';
import { buildCliOnce, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/inventory';
import { clusterUrl, freshPgDatabase, pgCluster } from '../helpers/pg-database';
import { dumpTeamDatabase } from '../helpers/team-inventory';

async function refusal(attempt: () => Promise<unknown>): Promise<{ code: ErrorCode; message: string }> {
  try {
    await attempt();
  } catch (error) {
    if (isInventoryError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal, but it succeeded');
}

const dir = tempDir();
beforeAll(() => buildCliOnce());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('choosing the store', () => {
  it('takes a postgres:// or postgresql:// URL as a team database and anything else as a file', () => {
    expect(resolveStore('postgres://ops@db.example:5433/inventory')).toEqual({
      kind: 'team',
      url: 'postgres://ops@db.example:5433/inventory',
    });
    expect(resolveStore(undefined, { NUMBER_INVENTORY_DB: 'postgresql://db.example/inv' })).toEqual({
      kind: 'team',
      url: 'postgresql://db.example/inv',
    });
    expect(resolveStore(path.join(dir, 'x.db'))).toEqual({ kind: 'file', path: path.join(dir, 'x.db') });
  });

  it('never creates a file named after a URL, and names the server it could not reach (CLI exit 1)', async () => {
    const cwd = tempDir();
    // Port 1 on loopback: nothing listens there.
    const run = await runCli(['--db', 'postgres://ops:s3cret-pw@127.0.0.1:1/inventory', 'show', '+6561234567'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The team database ops@127.0.0.1:1/inventory cannot be reached');
    expect(run.stderr).not.toContain('s3cret-pw');
    expect(fs.readdirSync(cwd)).toEqual([]);
    fs.rmSync(cwd, { recursive: true, force: true });
  });
});

describe('opening a team database', () => {
  it('refuses a wrong password, naming the server and not the password', async () => {
    const database = await freshPgDatabase();
    const url = clusterUrl(database.name, 'postgres', 'not-the-password');
    const refused = await refusal(() => connectTeamDatabase(url));
    expect(refused.code).toBe('DATABASE_LOGIN_FAILED');
    expect(refused.message).toContain(`postgres@127.0.0.1:${pgCluster().port}/${database.name}`);
    expect(refused.message).not.toContain('not-the-password');
    expect(await database.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
  });

  it('refuses a database that does not exist', async () => {
    const refused = await refusal(() => connectTeamDatabase(clusterUrl('no_such_inventory')));
    expect(refused).toMatchObject({ code: 'DATABASE_LOGIN_FAILED', message: expect.stringContaining('no_such_inventory does not exist') });
  });

  it('refuses a database that holds other tables and no inventory, writing nothing', async () => {
    const database = await freshPgDatabase();
    await database.query('CREATE TABLE customers (id int PRIMARY KEY)');
    const before = await dumpTeamDatabase(database);
    const refused = await refusal(() => connectTeamDatabase(database.url));
    expect(refused.code).toBe('DATABASE_DAMAGED');
    expect(refused.message).toContain('is not a Number Inventory team database');
    expect(await dumpTeamDatabase(database)).toBe(before);
  });

  it('refuses a database newer than this code, writing nothing', async () => {
    const database = await freshPgDatabase();
    await (await connectTeamDatabase(database.url)).close();
    await database.query("INSERT INTO number_inventory_schema (version, name) VALUES (99, 'from the future')");
    const before = await dumpTeamDatabase(database);
    const refused = await refusal(() => connectTeamDatabase(database.url));
    expect(refused.code).toBe('DATABASE_TOO_NEW');
    expect(refused.message).toContain('schema version 99');
    expect(await dumpTeamDatabase(database)).toBe(before);
  });

  it('takes the password from PGPASSWORD, then from a pgpass file, when the URL has none', async () => {
    const database = await freshPgDatabase();
    const { port, superuserUrl } = pgCluster();
    const password = new URL(superuserUrl).password;
    const bare = clusterUrl(database.name, 'postgres', undefined).replace(`:${password}@`, '@');
    expect(bare).not.toContain(password);
    const fromEnv = await connectTeamDatabase(bare, { env: { PGPASSWORD: password } });
    expect(fromEnv.login).toBe('postgres');
    await fromEnv.close();

    const pgpassFile = path.join(dir, 'pgpass');
    fs.writeFileSync(pgpassFile, `127.0.0.1:${port}:${database.name}:postgres:${password}\n`, { mode: 0o600 });
    const previous = process.env.PGPASSFILE;
    process.env.PGPASSFILE = pgpassFile;
    try {
      const fromFile = await connectTeamDatabase(bare, { env: {} });
      expect(fromFile.login).toBe('postgres');
      await fromFile.close();
    } finally {
      if (previous === undefined) delete process.env.PGPASSFILE;
      else process.env.PGPASSFILE = previous;
    }
    // And without either: a failed login, not a hang or a crash.
    const none = path.join(dir, 'empty-pgpass');
    fs.writeFileSync(none, '', { mode: 0o600 });
    process.env.PGPASSFILE = none;
    try {
      expect((await refusal(() => connectTeamDatabase(bare, { env: {} }))).code).toBe('DATABASE_LOGIN_FAILED');
    } finally {
      delete process.env.PGPASSFILE;
      if (previous !== undefined) process.env.PGPASSFILE = previous;
    }
  });

  it('sets the session limits and names the application', async () => {
    const database = await freshPgDatabase();
    const team = await connectTeamDatabase(database.url, { applicationName: 'Number Inventory test' });
    const [row] = await team.query<Record<string, string>>(
      "SELECT current_setting('statement_timeout') AS st, current_setting('lock_timeout') AS lt, current_setting('idle_in_transaction_session_timeout') AS it, current_setting('application_name') AS app",
    );
    expect(row).toEqual({ st: '30s', lt: '5s', it: '1min', app: 'Number Inventory test' });
    await team.close();
  });
});
