// Opening the inventory database: durable settings, migrations, and a refusal to open a file
// written by a newer version of the product (which this code could corrupt).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of the native better_sqlite3.node to load (the Electron-ABI build in the desktop app). */
  nativeBinding?: string;
  readonly?: boolean;
  migrations?: readonly Migration[];
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // Another process (the CLI beside the app) may hold the write lock briefly: wait, don't fail.
    db.pragma('busy_timeout = 5000');
    // Refuse a newer database before anything below writes to it (journal_mode persists in the file).
    refuseNewer(db, options.migrations ?? MIGRATIONS);
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // A 128 MB page cache (SQLite's default is 2 MB): at a million numbers the indexes a page, a
    // count or a release walks stay in memory instead of being read again from the file each time.
    // Memory is taken only as pages are used.
    db.pragma('cache_size = -131072');
    migrate(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function refuseNewer(db: Db, migrations: readonly Migration[]): void {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new InventoryError(
      'DATABASE_TOO_NEW',
      `The database is at schema version ${current}, newer than this version of Number Inventory understands (${latest}). Update the application.`,
    );
  }
}

function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  refuseNewer(db, migrations);
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    // IMMEDIATE: two processes starting together must not both apply the same migration.
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
