// Where the desktop app keeps its database, computed the way Electron computes app.getPath('userData')
// for this product, so the CLI finds the app's own file without importing electron.
import os from 'node:os';
import path from 'node:path';
import { InventoryError } from '../../shared/errors';
import { describeServer, isTeamDatabaseUrl, type StoreLocation } from './store/location';

export const PRODUCT_NAME = 'Number Inventory';
export const DATABASE_FILE_NAME = 'inventory.db';

export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}

/**
 * A database file named by the user: refused when empty, as an empty name given on purpose (a
 * script's unset variable, `--db ''`) must never quietly mean the desktop app's own inventory.
 */
function namedDatabase(name: string, source: string, instead: string): string {
  if (name.trim() === '') {
    throw new InventoryError('INVALID_INPUT', `${source} is empty: give the database file, or ${instead} to use the desktop app's own`);
  }
  // A URL taken as a file name would quietly create a stray inventory named after it.
  if (isTeamDatabaseUrl(name)) {
    throw new InventoryError(
      'UNSUPPORTED',
      `${source} names the team database ${describeServer(name)}: this part of Number Inventory opens only a database file so far. Use the number-inventory command for a team database.`,
    );
  }
  return path.resolve(name);
}

/** --db, else NUMBER_INVENTORY_DB, else the desktop app's own file: a team database when it is a postgres:// URL. */
export function resolveStore(explicit?: string, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const named = explicit ?? env.NUMBER_INVENTORY_DB;
  if (named !== undefined && isTeamDatabaseUrl(named)) {
    describeServer(named);
    return { kind: 'team', url: named.trim() };
  }
  return { kind: 'file', path: resolveDatabasePath(explicit, env) };
}

/** NUMBER_INVENTORY_DB when it is set (refused when empty), else undefined. */
export function databaseFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.NUMBER_INVENTORY_DB === undefined ? undefined : namedDatabase(env.NUMBER_INVENTORY_DB, 'NUMBER_INVENTORY_DB', 'unset it');
}

/** --db, else NUMBER_INVENTORY_DB, else the desktop app's own file. An empty --db or NUMBER_INVENTORY_DB is refused. */
export function resolveDatabasePath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit !== undefined) return namedDatabase(explicit, '--db', 'leave --db out');
  return databaseFromEnv(env) ?? path.join(userDataDir(process.platform, env), DATABASE_FILE_NAME);
}
