// Prepared statements kept per connection, for the hot paths: preparing parses and plans the SQL
// each time, which costs more than running it when the sweep releases thousands of numbers a batch.
// SQLite re-prepares a kept statement by itself if a migration changes the schema under it.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const caches = new WeakMap<Db, Map<string, Statement>>();

/** The connection's prepared statement for this SQL, prepared on first use. */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
