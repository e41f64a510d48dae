// Contract operations the desktop app answers with the operating system's own UI instead of the
// transport-independent handler (browser mode keeps the core's answer). Inputs are validated
// against the contract before these run, exactly as for every other channel.
import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import type { Channel, ChannelParsedInput, ChannelResult } from '../../shared/contract';
import { suggestedExportPath, type ChosenExportFiles } from '../core/export/path-policy';

type NativeOperation<C extends Channel> = (input: ChannelParsedInput<C>, event: IpcMainInvokeEvent) => Promise<ChannelResult<C>>;
export type NativeOperations = { [C in Channel]?: NativeOperation<C> };

/** The desktop app's native operations; `chosenFiles` is the inventory's export path policy. */
export function nativeOperations(chosenFiles: ChosenExportFiles): NativeOperations {
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
  };
}
