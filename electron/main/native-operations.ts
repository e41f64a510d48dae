// Contract operations the desktop app answers with the operating system's own UI instead of the
// transport-independent handler (browser mode keeps the core's answer). Inputs are validated
// against the contract before these run, exactly as for every other channel.
import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import type { Channel, ChannelParsedInput, ChannelResult } from '../../shared/contract';
import { suggestedExportPath, type ChosenExportFiles } from '../core/export/path-policy';
import type { ChosenImportFiles } from '../core/import/source';

type NativeOperation<C extends Channel> = (input: ChannelParsedInput<C>, event: IpcMainInvokeEvent) => Promise<ChannelResult<C>>;
export type NativeOperations = { [C in Channel]?: NativeOperation<C> };

/** The desktop app's native operations; `chosenFiles` and `importFiles` are the inventory's export and import path policies. */
export function nativeOperations(chosenFiles: ChosenExportFiles, importFiles: ChosenImportFiles): NativeOperations {
  return {
    // Where to save an export: the native Save dialog, starting from the core's suggestion. The
    // file chosen there is the only one export:start then accepts: the page never names a path.
    'export:choose-file': async (input, event) => {
      if (!input.ask) return { path: null, editable: false };
      const owner = BrowserWindow.fromWebContents(event.sender);
      const options = {
        title: 'Export numbers',
        defaultPath: suggestedExportPath(input.suggestedName, input.format),
        filters: [input.format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel workbook', extensions: ['xlsx'] }],
      };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { path: null, editable: false };
      chosenFiles.allow(choice.filePath);
      return { path: choice.filePath, editable: false };
    },
    // The file to import: the native Open dialog. The file chosen there is the only path an import
    // from the page then accepts.
    'import:choose-file': async (input, event) => {
      if (!input.ask) return { upload: false, path: null };
      const owner = BrowserWindow.fromWebContents(event.sender);
      const options = {
        title: input.title,
        properties: ['openFile' as const],
        filters: input.extensions.length ? [{ name: input.extensions.join(', ').toUpperCase(), extensions: input.extensions }] : [],
      };
      const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      const file = choice.canceled ? undefined : choice.filePaths[0];
      if (!file) return { upload: false, path: null };
      importFiles.allow(file);
      return { upload: false, path: file };
    },
  };
}
