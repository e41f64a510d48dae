// Where the desktop app keeps its database, computed the way Electron computes app.getPath('userData')
// for this product, so the CLI finds the app's own file without importing electron.
import os from 'node:os';
import path from 'node:path';

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

/** --db, else NUMBER_INVENTORY_DB, else the desktop app's own file. */
export function resolveDatabasePath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit);
  if (env.NUMBER_INVENTORY_DB) return path.resolve(env.NUMBER_INVENTORY_DB);
  return path.join(userDataDir(process.platform, env), DATABASE_FILE_NAME);
}
