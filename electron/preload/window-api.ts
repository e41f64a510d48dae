// window.api built from the contract, over any object with ipcRenderer's invoke/on/removeListener
// (so tests can build it without Electron).
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { CHANGE_EVENT_CHANNEL, CHANNELS, type ApiFunctions, type ChangeEvent, type WindowApi } from '../../shared/contract';

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function buildWindowApi(ipc: IpcRendererLike): WindowApi {
  const functions = Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: unknown) => ipc.invoke(channel, input)]),
  ) as unknown as ApiFunctions;
  return {
    ...functions,
    onChange(listener: (event: ChangeEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onChange needs a function');
      // Only the payload crosses to the page, never the event (it would expose the sender).
      const relay = (_event: IpcRendererEvent, change: ChangeEvent) => listener(change);
      ipc.on(CHANGE_EVENT_CHANNEL, relay);
      return () => {
        ipc.removeListener(CHANGE_EVENT_CHANNEL, relay);
      };
    },
  };
}
