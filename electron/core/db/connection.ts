// Opening the inventory database: durable settings, migrations, and a refusal to open a file
// written by a newer version of the product (which this code could corrupt). A file that cannot be
// written (its permissions, a read-only folder or disk) is opened read-only: it can be searched and
// exported, and every change is refused as DATABASE_READ_ONLY.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';
import { typedRefusal } from '../failures';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of the native better_sqlite3.node to load (the Electron-ABI build in the desktop app). */
  nativeBinding?: string;
  /** Open read-only; by default, exactly when the file or its folder cannot be written. */
  readonly?: boolean;
  migrations?: readonly Migration[];
}

const writable = (target: string) => {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** An existing file this process cannot change: the file itself, or its folder (journal and WAL files live beside it). */
function cannotWrite(file: string): boolean {
  return fs.existsSync(file) && (!writable(file) || !writable(path.dirname(file)));
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const inMemory = file === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const readonly = options.readonly ?? (!inMemory && cannotWrite(path.resolve(file)));
  const migrations = options.migrations ?? MIGRATIONS;
  let db: Db;
  try {
    db = new Database(file, { readonly, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    throw openRefusal(file, error);
  }
  try {
    // Another process (the CLI beside the app) may hold the write lock briefly: wait, don't fail.
    db.pragma('busy_timeout = 5000');
    // Refuse a newer database before anything below writes to it (journal_mode persists in the file).
    refuseNewer(db, migrations);
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // A 128 MB page cache (SQLite's default is 2 MB): at a million numbers the indexes a page, a
    // count or a release walks stay in memory instead of being read again from the file each time.
    // Memory is taken only as pages are used.
    db.pragma('cache_size = -131072');
    if (readonly) refuseOutdated(db, file, migrations);
    else migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw openRefusal(file, error);
  }
}

/** What opening failed with: a typed refusal naming the file where one applies, else the error itself. */
function openRefusal(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  // A WAL database is read through a shared-memory file beside it, which a read-only folder cannot hold.
  if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT') {
    return new InventoryError(
      'DATABASE_READ_ONLY',
      `The inventory ${file} is in a folder that cannot be written, and reading it needs a small file beside it (${path.basename(file)}-shm). Copy the database to a folder you can write to and open the copy.`,
    );
  }
  const refusal = typedRefusal(error);
  if (refusal?.code === 'DATABASE_DAMAGED') {
    return new InventoryError(
      'DATABASE_DAMAGED',
      `${file} is not an inventory database, or it is damaged. If it is your inventory, restore it from a backup copy, or start a new inventory and import your last export into it.`,
    );
  }
  return refusal ?? error;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

const latestVersion = (migrations: readonly Migration[]) => (migrations.length ? migrations[migrations.length - 1].version : 0);

function refuseNewer(db: Db, migrations: readonly Migration[]): void {
  const latest = latestVersion(migrations);
  const current = schemaVersion(db);
  if (current > latest) {
    throw new InventoryError(
      'DATABASE_TOO_NEW',
      `The database is at schema version ${current}, newer than this version of Number Inventory understands (${latest}). Update the application.`,
    );
  }
}

/** A read-only file cannot be upgraded, and this version's queries need the latest schema. */
function refuseOutdated(db: Db, file: string, migrations: readonly Migration[]): void {
  if (schemaVersion(db) < latestVersion(migrations)) {
    throw new InventoryError(
      'DATABASE_READ_ONLY',
      `The inventory ${file} is read-only and was written by an earlier version of Number Inventory: this version must upgrade it first, which needs write access. Open it once with write access, or work on a copy in a folder you can write to.`,
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
