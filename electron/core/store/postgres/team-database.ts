// One open team database: a small pool of connections, the server it names (for messages, never
// with the password), the database login, and transactions on one checked-out client each.
import pg from 'pg';
import { describeServer } from '../location';
import { ensureSchema } from './migrate';
import { poolConfig } from './pool-config';
import { refusingAs } from './refusals';

export interface TeamDatabase {
  pool: pg.Pool;
  /** user@host:port/database */
  server: string;
  /** The login the server knows this session as (session_user), recorded on every audit event. */
  login: string;
  /** Runs `work` in one transaction on one connection; rolled back if it throws. Failures come back as typed refusals. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  /** One statement outside a transaction (a read), its failures as typed refusals. */
  query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  applicationName?: string;
  /** Upgrade an older schema on connect when the login may (default), or leave the schema alone (db migrate, db grant). */
  migrate?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Tags this process's changes for the change feed (see pool-config.ts). */
  clientTag?: string;
}

export async function connectTeamDatabase(url: string, options: ConnectOptions = {}): Promise<TeamDatabase> {
  const server = describeServer(url);
  const pool = new pg.Pool(poolConfig(url, options.applicationName ?? 'Number Inventory', options.env, options.clientTag));
  // An idle connection the server drops (a restart) must not crash the process: the next checkout reconnects.
  pool.on('error', () => undefined);
  const database: TeamDatabase = {
    pool,
    server,
    login: '',
    transaction: (work) =>
      refusingAs(server, async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work(client);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }),
    query: (sql, params) => refusingAs(server, async () => (await pool.query(sql, params)).rows),
    close: () => pool.end(),
  };
  try {
    const [{ login }] = await database.query<{ login: string }>('SELECT session_user AS login');
    database.login = login;
    if (options.migrate !== false) await refusingAs(server, () => ensureSchema(pool, server, login));
    return database;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
