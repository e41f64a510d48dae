// Contract operations the desktop app answers with the operating system's own UI instead of the
// transport-independent handler (browser mode keeps the core's answer). Inputs are validated
// against the contract before these run, exactly as for every other channel.
import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import type { Channel, ChannelParsedInput, ChannelResult } from '../../shared/contract';
import { suggestedExportPath } from '../core/export/jobs';

type NativeOperation<C extends Channel> = (input: ChannelParsedInput<C>, event: IpcMainInvokeEvent) => Promise<ChannelResult<C>>;
export type NativeOperations = { [C in Channel]?: NativeOperation<C> };

export const nativeOperations: NativeOperations = {
  // Where to save an export: the native Save dialog, starting from the core's suggestion.
  'export:choose-file': async (input, event) => {
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = {
      title: 'Export numbers',
      defaultPath: suggestedExportPath(input.suggestedName, input.format),
      filters: [input.format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel workbook', extensions: ['xlsx'] }],
    };
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return { path: choice.canceled || !choice.filePath ? null : choice.filePath };
  },
};
