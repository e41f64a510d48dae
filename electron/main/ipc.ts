// Registers one ipcMain handler per contract channel, and nothing else. Each handler refuses
// foreign senders, then hands the untrusted payload to `dispatch`, which validates it with the
// channel's schema and answers a typed Outcome (it never throws).
import type { IpcMain } from 'electron';
import { CHANNELS, type Channel, type ChangeEvent, type Outcome } from '../../shared/contract';
import { dispatch } from '../core/api/handlers';
import type { Inventory } from '../core/inventory';
import type { SenderCheck } from './sender';

export const FOREIGN_SENDER: Outcome<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Refused: the request did not come from the Number Inventory window.' },
};

export interface IpcRegistration {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  inventory: Inventory;
  isTrustedSender: SenderCheck;
  onChange: (event: ChangeEvent) => void;
}

/** Returns the channels registered and a function that removes them. */
export function registerIpcHandlers({ ipcMain, inventory, isTrustedSender, onChange }: IpcRegistration): { channels: Channel[]; dispose(): void } {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) return FOREIGN_SENDER;
      return dispatch(inventory, channel, payload, onChange);
    });
  }
  return {
    channels: [...CHANNELS],
    dispose: () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel)),
  };
}
