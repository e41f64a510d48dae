// Opens the desktop app's database with the Electron-ABI better-sqlite3, turning every way that can
// fail into a message for the user instead of a crash.
import { clockFromEnv, systemClock } from '../core/clock';
import { ChosenExportFiles } from '../core/export/path-policy';
import { ChosenImportFiles } from '../core/import/source';
import { Inventory } from '../core/inventory';
import { missingNativeBindingMessage } from './native-binding';

export type OpenedInventory =
  | {
      ok: true;
      inventory: Inventory;
      /** The files the Save dialog chose: the only ones the inventory exports to (see native-operations.ts). */
      exportFiles: ChosenExportFiles;
      /** The files the Open dialog chose: the only paths an import from the page may name. */
      importFiles: ChosenImportFiles;
    }
  | { ok: false; message: string };

export function openDesktopInventory(options: {
  databasePath: string;
  nativeBinding: string;
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
}): OpenedInventory {
  const missing = missingNativeBindingMessage(options.nativeBinding, options.isPackaged);
  if (missing) return { ok: false, message: missing };
  try {
    // A fixed clock (NUMBER_INVENTORY_NOW) is for development and tests, never for an installed app.
    const clock = options.isPackaged ? systemClock : clockFromEnv(options.env);
    const exportFiles = new ChosenExportFiles();
    // Export workers open their own connection with the same Electron-ABI binding (issue 4).
    const importFiles = new ChosenImportFiles();
    const inventory = Inventory.open(options.databasePath, {
      nativeBinding: options.nativeBinding,
      clock,
      exportPaths: exportFiles,
      importPaths: importFiles,
      // A catch-up sweep after a long closed period never holds the window (issue 13).
      sweepInWorker: true,
    });
    return { ok: true, inventory, exportFiles, importFiles };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The addon could not be loaded at all (wrong ABI, truncated or foreign file).
    const abi =
      (error as { code?: unknown }).code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|was compiled against a different/i.test(reason);
    const hint =
      abi && !options.isPackaged
        ? '\n\nThe database engine was built for another runtime. Run `npm run rebuild:electron`, then start again.'
        : '';
    return { ok: false, message: `Could not open the inventory database ${options.databasePath}:\n${reason}${hint}` };
  }
}
