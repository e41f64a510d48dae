// The team database's schema: migrations applied once even when several processes start together,
// the per-state rules of shared/state-fields.ts enforced by the numbers table's CHECKs field by
// field, and an operator role granted exactly what the app needs (never DROP or ALTER).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantScript } from '../../electron/core/store/postgres/grant';
import { migrateTeamDatabase } from '../../electron/core/store/postgres/migrate';
import { PG_MIGRATIONS } from '../../electron/core/store/postgres/migrations/index';
import { connectTeamDatabase } from '../../electron/core/store/postgres/team-database';
import { TeamInventory } from '../../electron/core/store/postgres/team-inventory';
import { NUMBER_STATES, type NumberState } from '../../shared/domain';
import { isInventoryError } from '../../shared/errors';
import { STATE_FIELD_RULES, STATE_FIELDS, type StateField } from '../../shared/state-fields';
import { buildCliOnce, overlapped, runCli } from '../helpers/cli';
import { DID_1, ORG_A, SUB_1, T0 } from '../helpers/inventory';
import { clusterUrl, freshPgDatabase, superuserQuery } from '../helpers/pg-database';

beforeAll(() => buildCliOnce());

async function newLoginRole(): Promise<{ role: string; password: string }> {
  const role = `operator_${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  await superuserQuery('postgres', `CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  return { role, password };
}

describe('migrations', () => {
  it('two processes migrating one database at once apply each migration exactly once', async () => {
    const database = await freshPgDatabase();
    const [a, b] = await Promise.all([
      runCli(['--json', 'db', 'migrate'], { db: database.url }),
      runCli(['--json', 'db', 'migrate'], { db: database.url }),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    expect(overlapped(a, b)).toBe(true);
    const applied = [...a.json<{ applied: number[] }>().applied, ...b.json<{ applied: number[] }>().applied].sort();
    expect(applied).toEqual(PG_MIGRATIONS.map((m) => m.version));
    expect(await database.query('SELECT version FROM number_inventory_schema ORDER BY version')).toEqual(
      PG_MIGRATIONS.map((m) => ({ version: m.version })),
    );
  });

  it('many connections migrating at once in one process: the same, no error', async () => {
    const database = await freshPgDatabase();
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: database.url }));
    const applied = (await Promise.all(pools.map((pool) => migrateTeamDatabase(pool, database.name)))).flat().sort();
    await Promise.all(pools.map((pool) => pool.end()));
    expect(applied).toEqual(PG_MIGRATIONS.map((m) => m.version));
  });

  it('db migrate on an up-to-date database applies nothing and says so', async () => {
    const database = await freshPgDatabase();
    expect((await runCli(['db', 'migrate'], { db: database.url })).code).toBe(0);
    const again = await runCli(['db', 'migrate'], { db: database.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`is up to date (schema version ${PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version})`);
  });
});

/** A value each field may hold, written out here rather than taken from the code under test. */
const SAMPLE: Record<StateField, string> = {
  owner_uuid: ORG_A,
  subscription_uuid: SUB_1,
  reservation_kind: 'free',
  reservation_origin: 'manual',
  reservation_org_uuid: ORG_A,
  did_reservation_uuid: DID_1,
  expires_at: T0,
  deleted_reason: 'faulty',
};

describe('the per-state field rules on a team database', () => {
  it('refuses every row breaking shared/state-fields.ts and accepts every row obeying it', async () => {
    const database = await freshPgDatabase();
    await (await connectTeamDatabase(database.url)).close();
    let serial = 0;
    const insert = async (state: NumberState, fields: Record<StateField, string | null>) => {
      const number = `+656123${String(serial++).padStart(4, '0')}`;
      try {
        await database.query(
          `INSERT INTO numbers (number, country, vendor, sku, state, ${STATE_FIELDS.join(', ')}, created_at, updated_at)
           VALUES ($1, 'SG', 'Singtel', 'SG-DID', $2, ${STATE_FIELDS.map((_, i) => `$${i + 3}`).join(', ')}, $${STATE_FIELDS.length + 3}, $${STATE_FIELDS.length + 3})`,
          [number, state, ...STATE_FIELDS.map((f) => fields[f]), T0],
        );
        return 'accepted';
      } catch (error) {
        if ((error as { code?: string }).code === '23514') return 'refused';
        throw error;
      }
    };
    const obeying = (state: NumberState) =>
      Object.fromEntries(STATE_FIELDS.map((f) => [f, STATE_FIELD_RULES[state][f] === 'required' ? SAMPLE[f] : null])) as Record<
        StateField,
        string | null
      >;
    const outcomes: string[] = [];
    for (const state of NUMBER_STATES) {
      expect(await insert(state, obeying(state)), `${state} obeying`).toBe('accepted');
      for (const field of STATE_FIELDS) {
        const rule = STATE_FIELD_RULES[state][field];
        if (rule === 'optional') {
          expect(await insert(state, { ...obeying(state), [field]: SAMPLE[field] }), `${state} with optional ${field}`).toBe('accepted');
          continue;
        }
        const broken = { ...obeying(state), [field]: rule === 'required' ? null : SAMPLE[field] };
        outcomes.push(`${state}.${field}: ${await insert(state, broken)}`);
      }
    }
    expect(outcomes.filter((o) => !o.endsWith('refused'))).toEqual([]);
    expect(outcomes).toHaveLength(NUMBER_STATES.length * STATE_FIELDS.length - 2);
  });

  it('holds numbers unique byte for byte, and refuses one that is not E.164-shaped', async () => {
    const database = await freshPgDatabase();
    await (await connectTeamDatabase(database.url)).close();
    const add = (number: string) =>
      database.query(
        `INSERT INTO numbers (number, country, vendor, sku, state, created_at, updated_at) VALUES ($1, 'SG', 'V', 'S', 'available', now(), now())`,
        [number],
      );
    await add('+6561230000');
    await expect(add('+6561230000')).rejects.toMatchObject({ code: '23505' });
    await expect(add('6561230001')).rejects.toMatchObject({ code: '23514' });
    await expect(add('+0561230001')).rejects.toMatchObject({ code: '23514' });
  });
});

describe('operator roles', () => {
  it('the script in the repository is the grant db grant runs', () => {
    const script = fs.readFileSync(path.join(__dirname, '..', '..', 'resources', 'postgres', 'grant-operator.sql'), 'utf8');
    expect(script).toBe(grantScript());
  });

  it('a granted role works the inventory but cannot drop or alter a table, nor rewrite the audit trail', async () => {
    const database = await freshPgDatabase();
    const { role, password } = await newLoginRole();
    expect((await runCli(['db', 'migrate'], { db: database.url })).code).toBe(0);
    const grant = await runCli(['db', 'grant', role], { db: database.url });
    expect([grant.code, grant.stderr]).toEqual([0, '']);

    const operatorUrl = clusterUrl(database.name, role, password);
    const added = await runCli(['add', '+6561234567', '--vendor', 'Singtel', '--country', 'SG', '--sku', 'SG-DID'], { db: operatorUrl });
    expect([added.code, added.stderr]).toEqual([0, '']);
    const reserved = await runCli(['reserve', '+6561234567', '--org', ORG_A, '--remark', 'hold'], { db: operatorUrl });
    expect([reserved.code, reserved.stderr]).toEqual([0, '']);

    const operator = new pg.Client({ connectionString: operatorUrl });
    await operator.connect();
    try {
      for (const statement of [
        'DROP TABLE numbers',
        'ALTER TABLE numbers ADD COLUMN note text',
        'TRUNCATE events',
        "UPDATE events SET actor = 'someone else'",
        'DELETE FROM events',
        'CREATE TABLE mine (x int)',
      ]) {
        await expect(operator.query(statement), statement).rejects.toMatchObject({ code: '42501' });
      }
    } finally {
      await operator.end();
    }
    expect(await database.query('SELECT count(*)::int AS n FROM events')).toEqual([{ n: 2 }]);
  });

  it('records the database login on every audit event, whatever display name is given', async () => {
    const database = await freshPgDatabase();
    const { role, password } = await newLoginRole();
    await runCli(['db', 'migrate'], { db: database.url });
    await runCli(['db', 'grant', role], { db: database.url });
    const operatorUrl = clusterUrl(database.name, role, password);
    await runCli(['--actor', 'Somebody Else', 'add', '+6561234567', '--vendor', 'V', '--country', 'SG', '--sku', 'S'], { db: operatorUrl });
    expect(await database.query('SELECT actor, db_login FROM events')).toEqual([{ actor: 'Somebody Else', db_login: role }]);
  });

  it('an operator role meeting a database without the inventory says an administrator must run db migrate, writing nothing', async () => {
    const database = await freshPgDatabase();
    const { role, password } = await newLoginRole();
    await database.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    const inventory = new TeamInventory(clusterUrl(database.name, role, password));
    let caught: unknown;
    try {
      await inventory.show('+6561234567');
    } catch (error) {
      caught = error;
    } finally {
      await inventory.close();
    }
    expect(isInventoryError(caught) && caught.code).toBe('DATABASE_READ_ONLY');
    expect((caught as Error).message).toContain(`the login ${role} may not create one`);
    expect((caught as Error).message).toContain('number-inventory db migrate');
    expect(await database.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
  });
});
