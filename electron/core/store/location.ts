// Where an inventory lives: a SQLite file (the default, one desktop) or a team database on a
// PostgreSQL server, named by a postgres:// or postgresql:// URL.
import { InventoryError } from '../../../shared/errors';

export type StoreLocation = { kind: 'file'; path: string } | { kind: 'team'; url: string };

const TEAM_URL = /^postgres(ql)?:\/\//i;

export function isTeamDatabaseUrl(value: string): boolean {
  return TEAM_URL.test(value.trim());
}

/**
 * The team database a URL names, in words safe to show and log: user@host:port/database, never
 * the password. Refuses a URL that cannot be read.
 */
export function describeServer(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new InventoryError('INVALID_INPUT', 'The team database URL cannot be read: write it as postgres://user@host:port/database');
  }
  const host = parsed.hostname || new URLSearchParams(parsed.search).get('host') || 'localhost';
  const port = parsed.port || '5432';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || '(default)';
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  return `${user}${host}:${port}/${database}`;
}
