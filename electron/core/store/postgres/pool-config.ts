// How this product connects to a team database: the URL as given (host, port, database, user,
// sslmode and the other libpq parameters pg-connection-string reads from it), the password from the URL, else
// PGPASSWORD, else ~/.pgpass (or PGPASSFILE), and session settings that keep one stuck desktop
// from holding locks or connections for long.
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import pgpass from 'pgpass';

/** Session settings (ms): a statement or a lock wait never hangs a desktop; a forgotten transaction never holds rows. */
const SESSION_LIMITS = {
  statement_timeout: 30_000,
  lock_timeout: 5_000,
  idle_in_transaction_session_timeout: 60_000,
} as const;

const CONNECT_TIMEOUT_MS = 10_000;
const POOL_SIZE = 4;
const OID = { int8: 20, timestamptz: 1184 } as const;

/** Instants as the core writes them everywhere (ISO 8601, UTC, milliseconds); ids and counts as numbers. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8) return (text: string) => Number(text);
    if (oid === OID.timestamptz) {
      const asDate = pg.types.getTypeParser(OID.timestamptz);
      return (text: string) => (asDate(text) as Date).toISOString();
    }
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid);
  },
};

/** The password from ~/.pgpass for this connection, looked up only when neither the URL nor PGPASSWORD gives one. */
function pgpassFor(url: URL): () => Promise<string> {
  return () =>
    new Promise((resolve) =>
      pgpass(
        {
          host: url.hostname || 'localhost',
          port: url.port || '5432',
          database: decodeURIComponent(url.pathname.replace(/^\//, '')),
          user: decodeURIComponent(url.username),
        },
        // No entry: an empty password, which the server refuses as a failed login.
        (password) => resolve(password ?? ''),
      ),
    );
}

/**
 * `clientTag` names this process's sessions to the change feed (migration 003 records it with each
 * change), so a desktop does not announce its own changes twice.
 */
export function poolConfig(url: string, applicationName: string, env: NodeJS.ProcessEnv = process.env, clientTag?: string): pg.PoolConfig {
  const parsed = new URL(url);
  const fromUrl = parseIntoClientConfig(url);
  return {
    ...fromUrl,
    ...(clientTag ? { options: `${fromUrl.options ?? ''} -c number_inventory.client=${clientTag}`.trim() } : {}),
    password: parsed.password ? decodeURIComponent(parsed.password) : (env.PGPASSWORD ?? pgpassFor(parsed)),
    application_name: applicationName,
    ...SESSION_LIMITS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: POOL_SIZE,
    types,
  };
}
