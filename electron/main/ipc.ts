// Registers one ipcMain handler per contract channel, and nothing else. Each handler refuses
// foreign senders, then hands the untrusted payload to `dispatch`, which validates it with the
// channel's schema and answers a typed Outcome (it never throws).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describeIssues } from '../../shared/actions';
import { CHANNELS, contract, type Channel, type ChangeEvent, type Outcome } from '../../shared/contract';
import { dispatch } from '../core/api/handlers';
import { failureOutcome } from '../core/failures';
import type { Inventory } from '../core/inventory';
import type { NativeOperations } from './native-operations';
import type { SenderCheck } from './sender';

const FOREIGN_SENDER: Outcome<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Refused: the request did not come from the Number Inventory window.' },
};

export interface IpcRegistration {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  inventory: Inventory;
  isTrustedSender: SenderCheck;
  onChange: (event: ChangeEvent) => void;
  /** Channels answered with native UI in the desktop app (see native-operations.ts). */
  native?: NativeOperations;
}

/** Same validation and the same never-throw Outcome as dispatch, for a native operation. */
async function runNative(
  channel: Channel,
  payload: unknown,
  operation: (input: unknown, event: IpcMainInvokeEvent) => Promise<unknown>,
  event: IpcMainInvokeEvent,
): Promise<Outcome<unknown>> {
  const parsed = contract[channel].input.safeParse(payload);
  if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: describeIssues(parsed.error) } };
  try {
    return { ok: true, value: await operation(parsed.data, event) };
  } catch (error) {
    return failureOutcome(error);
  }
}

/** Returns the channels registered and a function that removes them. */
export function registerIpcHandlers({ ipcMain, inventory, isTrustedSender, onChange, native = {} }: IpcRegistration): {
  channels: Channel[];
  dispose(): void;
} {
  for (const channel of CHANNELS) {
    const operation = native[channel] as ((input: unknown, event: IpcMainInvokeEvent) => Promise<unknown>) | undefined;
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) return FOREIGN_SENDER;
      if (operation) return runNative(channel, payload, operation, event);
      return dispatch(inventory, channel, payload, onChange);
    });
  }
  return {
    channels: [...CHANNELS],
    dispose: () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel)),
  };
}
