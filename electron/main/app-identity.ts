// The app's name and data folder. The CLI computes the same folder without Electron
// (electron/core/paths.ts), so both must derive it from the product name.
import path from 'node:path';
import { DATABASE_FILE_NAME, databaseFromEnv, PRODUCT_NAME } from '../core/paths';

interface AppPaths {
  setName(name: string): void;
  getPath(name: 'appData' | 'userData'): string;
  setPath(name: 'userData', value: string): void;
}

/** Call before the app is ready, before anything reads userData. */
export function configureAppIdentity(app: AppPaths): void {
  app.setName(PRODUCT_NAME);
  app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
}

/** NUMBER_INVENTORY_DB (as for the CLI and browser mode: refused when empty), else userData/inventory.db. */
export function desktopDatabasePath(app: Pick<AppPaths, 'getPath'>, env: NodeJS.ProcessEnv = process.env): string {
  return databaseFromEnv(env) ?? path.join(app.getPath('userData'), DATABASE_FILE_NAME);
}

export function windowStateFile(app: Pick<AppPaths, 'getPath'>): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}
