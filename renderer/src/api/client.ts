// The renderer's one door to the core. In the desktop app the preload provides window.api (IPC);
// in browser mode the same contract is spoken over loopback HTTP to the browser-mode server, with
// the per-run token the server wrote into the page.
import type { ApiFunctions, ChangeEvent, Channel, ChannelInput, ChannelResult, Outcome, WindowApi } from '../../../shared/contract';
import { CHANNELS } from '../../../shared/contract';
import type { ErrorCode } from '../../../shared/errors';
import { API_PREFIX, EVENTS_PATH, TOKEN_HEADER, TOKEN_META_NAME } from '../../../shared/browser-protocol';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

/** A refusal or failure from the core, with its typed code. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function httpApi(): WindowApi {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
  const post = async (channel: Channel, input: unknown): Promise<Outcome<unknown>> => {
    try {
      const response = await fetch(`${API_PREFIX}${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Outcome<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: `The inventory service did not answer: ${(error as Error).message}` } };
    }
  };
  const functions = Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: unknown) => post(channel, input)]),
  ) as unknown as ApiFunctions;
  return {
    ...functions,
    onChange(listener: (event: ChangeEvent) => void) {
      const source = new EventSource(`${EVENTS_PATH}?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => listener(JSON.parse(message.data) as ChangeEvent);
      return () => source.close();
    },
  };
}

export const api: WindowApi = window.api ?? httpApi();

/** Calls one operation and returns its value, or throws ApiError with the core's code and message. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const outcome = (await (api[channel] as (input: ChannelInput<C>) => Promise<Outcome<ChannelResult<C>>>)(input)) as Outcome<
    ChannelResult<C>
  >;
  if (!outcome.ok) throw new ApiError(outcome.error.code, outcome.error.message);
  return outcome.value;
}
