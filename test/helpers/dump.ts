// A complete, order-independent dump of a database (schema, user_version and every row of every
// table), so a test can prove that a refused action changed nothing at all.
import type { Db } from '../../electron/core/db/connection';

export function dumpDatabase(db: Db): string {
  const objects = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  const data: Record<string, string[]> = {};
  for (const { name } of objects.filter((o) => o.type === 'table')) {
    // Sorted row texts: the dump does not depend on the order SQLite happens to return rows in.
    data[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
  }
  return JSON.stringify({ userVersion: db.pragma('user_version', { simple: true }), objects, data }, null, 1);
}

export function eventCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM events').pluck().get() as number;
}
