// Bringing a team database to this version's schema: each migration in its own transaction under a
// transaction-level advisory lock (two desktops starting together never apply one twice, and the
// lock ends with the transaction even behind a pooler), its number recorded in
// number_inventory_schema. A database written by a newer version is refused, and so is a database
// that holds other tables but no inventory: nothing is written to either.
import type pg from 'pg';
import { InventoryError } from '../../../../shared/errors';
import type { Migration } from '../../db/migrations/types';
import { PG_MIGRATIONS } from './migrations/index';

/** The advisory lock key migrations take (any fixed number: "NIMG" in ASCII). */
const MIGRATION_LOCK = 0x4e494d47;

const latestVersion = (migrations: readonly Migration[]) => (migrations.length ? migrations[migrations.length - 1].version : 0);

/** The schema version, or null when the database has no inventory schema yet. */
async function schemaVersion(client: pg.ClientBase): Promise<number | null> {
  const [{ exists }] = (await client.query<{ exists: boolean }>("SELECT to_regclass('number_inventory_schema') IS NOT NULL AS exists"))
    .rows;
  if (!exists) return null;
  const [{ version }] = (
    await client.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM number_inventory_schema')
  ).rows;
  return version;
}

async function tablesIn(client: pg.ClientBase): Promise<number> {
  const [{ count }] = (
    await client.query<{ count: number }>('SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = current_schema()')
  ).rows;
  return count;
}

/** What the database holds: refused when it is not an inventory or newer than this code. */
async function readSchema(client: pg.ClientBase, server: string, migrations: readonly Migration[]): Promise<number> {
  const version = await schemaVersion(client);
  if (version === null) {
    if ((await tablesIn(client)) > 0) {
      throw new InventoryError(
        'DATABASE_DAMAGED',
        `The database ${server} is not a Number Inventory team database: it holds other tables and no inventory. Create an empty database for the inventory.`,
      );
    }
    return 0;
  }
  const latest = latestVersion(migrations);
  if (version > latest) {
    throw new InventoryError(
      'DATABASE_TOO_NEW',
      `The team database ${server} is at schema version ${version}, newer than this version of Number Inventory understands (${latest}). Update the application.`,
    );
  }
  return version;
}

export interface SchemaStatus {
  version: number;
  latest: number;
}

/** The schema's version as it stands, refusing a database that is not an inventory or is too new. */
export async function schemaStatus(pool: pg.Pool, server: string, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<SchemaStatus> {
  const client = await pool.connect();
  try {
    return { version: await readSchema(client, server, migrations), latest: latestVersion(migrations) };
  } finally {
    client.release();
  }
}

/** Applies every migration the database lacks; answers the versions this call applied (none when another process did). */
export async function migrateTeamDatabase(
  pool: pg.Pool,
  server: string,
  migrations: readonly Migration[] = PG_MIGRATIONS,
): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of migrations) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const version = await readSchema(client, server, migrations);
      if (version < migration.version) {
        if (version === 0) {
          await client.query(`CREATE TABLE IF NOT EXISTS number_inventory_schema (
            version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT session_user)`);
        }
        await client.query(migration.sql);
        await client.query('INSERT INTO number_inventory_schema (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        applied.push(migration.version);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  return applied;
}

/** On connect: a current schema is used as it is; an older one is upgraded when this login may, else refused in plain words. */
export async function ensureSchema(
  pool: pg.Pool,
  server: string,
  login: string,
  migrations: readonly Migration[] = PG_MIGRATIONS,
): Promise<void> {
  const status = await schemaStatus(pool, server, migrations);
  if (status.version === status.latest) return;
  try {
    await migrateTeamDatabase(pool, server, migrations);
  } catch (error) {
    if ((error as { code?: unknown }).code !== '42501') throw error;
    throw new InventoryError(
      'DATABASE_READ_ONLY',
      status.version === 0
        ? `The team database ${server} has no inventory yet, and the login ${login} may not create one. Ask an administrator to run "number-inventory db migrate" on it.`
        : `The team database ${server} is at schema version ${status.version}; this version of Number Inventory needs ${status.latest}, and the login ${login} may not upgrade it. Ask an administrator to run "number-inventory db migrate".`,
    );
  }
}
