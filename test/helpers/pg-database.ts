// A fresh, empty database in the run's throwaway cluster (test/setup/pg-global-setup.ts), one per
// test file or test: team-mode tests never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectTeamDatabase } from '../../electron/core/store/postgres/team-database';

export interface PgTestDatabase {
  name: string;
  /** The superuser's URL to this database. */
  url: string;
  /** Runs SQL as the superuser on this database (to look at or arrange rows behind the app's back). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export const pgCluster = () => inject('pgCluster');

/** A URL to `database` in the cluster as `user` with `password` (over TCP, as a team's desktops connect). */
export function clusterUrl(database: string, user = 'postgres', password?: string): string {
  const { host, port, superuserUrl } = pgCluster();
  const credentials = password === undefined && user === 'postgres' ? new URL(superuserUrl).password : password;
  return `postgres://${encodeURIComponent(user)}${credentials === undefined ? '' : `:${encodeURIComponent(credentials)}`}@${host}:${port}/${database}`;
}

export async function superuserQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  database: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: clusterUrl(database) });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

let migratedTemplate: Promise<string> | undefined;

/** This test process's template: an inventory at the latest schema, made once, copied by freshPgDatabase({ migrated: true }). */
function template(): Promise<string> {
  migratedTemplate ??= (async () => {
    const name = `ni_template_${randomBytes(6).toString('hex')}`;
    await superuserQuery('postgres', `CREATE DATABASE ${name}`);
    await (await connectTeamDatabase(clusterUrl(name))).close();
    return name;
  })();
  return migratedTemplate;
}

/** An empty database, or (`migrated`) one at the latest schema, copied from a template: much quicker than migrating each. */
export async function freshPgDatabase(options: { migrated?: boolean } = {}): Promise<PgTestDatabase> {
  const name = `ni_${randomBytes(6).toString('hex')}`;
  await superuserQuery('postgres', `CREATE DATABASE ${name}${options.migrated ? ` TEMPLATE ${await template()}` : ''}`);
  return {
    name,
    url: clusterUrl(name),
    query: (sql, params) => superuserQuery(name, sql, params),
    async drop() {
      await superuserQuery('postgres', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
