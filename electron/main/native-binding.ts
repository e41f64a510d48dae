// The Electron-ABI build of better-sqlite3. Tests and the CLI load the Node-ABI build from
// node_modules/better-sqlite3; the desktop app loads this separate copy through better-sqlite3's
// `nativeBinding` option, so neither build ever replaces the other (see electron/tools/electron-sqlite.cjs).
import fs from 'node:fs';
import path from 'node:path';

export function electronNativeBindingPath(options: { isPackaged: boolean; resourcesPath: string; appRoot: string }): string {
  if (options.isPackaged) return path.join(options.resourcesPath, 'native', 'better_sqlite3.node');
  return path.join(options.appRoot, 'node_modules', '.electron-native', 'better_sqlite3.node');
}

/** Why the binding cannot be used, in words for the user, or null when it is there. */
export function missingNativeBindingMessage(file: string, isPackaged: boolean): string | null {
  if (fs.existsSync(file)) return null;
  if (isPackaged) return `The database engine for this installation is missing (${file}). Please reinstall Number Inventory.`;
  return (
    `The desktop build of the database engine (better-sqlite3 for Electron) is missing:\n${file}\n\n` +
    'Run this in the project folder, then start the app again:\n\n    npm run rebuild:electron\n\n' +
    '(It needs Electron’s headers from the internet once. The CLI and the tests do not need it.)'
  );
}
