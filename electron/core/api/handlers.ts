// The implementation of every contract operation over the core, independent of transport: the
// Electron IPC registration and the browser-mode HTTP server both dispatch through `dispatch`.
import { describeIssues } from '../../../shared/actions';
import {
  CHANNELS,
  contract,
  type Channel,
  type ChannelParsedInput,
  type ChannelResult,
  type ChangeEvent,
  type Outcome,
} from '../../../shared/contract';
import { InventoryError } from '../../../shared/errors';
import { OPERATOR_ACTIONS, type OperatorAction } from '../../../shared/lifecycle';
import type { Inventory } from '../inventory';
import { failureOutcome } from '../failures';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../saved-searches';

type Handler<C extends Channel> = (inventory: Inventory, input: ChannelParsedInput<C>) => Promise<ChannelResult<C>>;
type HandlerTable = { [C in Channel]: Handler<C> };

const actionHandler = (action: OperatorAction) => (inventory: Inventory, input: unknown) =>
  // Input was validated against the same schema at the boundary; the core validates again.
  inventory.act(action, input as never);

type ActionChannel = `numbers:${OperatorAction}`;
// Built from the action list so a new action cannot be left without a handler.
const actionHandlers = Object.fromEntries(
  OPERATOR_ACTIONS.map((action) => [`numbers:${action}`, actionHandler(action)]),
) as unknown as Pick<HandlerTable, ActionChannel>;

const otherHandlers: Omit<HandlerTable, ActionChannel> = {
  'numbers:search': (inventory, input) => inventory.search(input),
  'numbers:counts': (inventory, input) => inventory.counts(input.filter),
  'numbers:show': (inventory, input) => inventory.show(input.number),
  'numbers:add': (inventory, input) => inventory.add(input),
  'orgs:list': (inventory) => inventory.organizations(),
  'orgs:save': (inventory, input) => inventory.saveOrganization(input.organization, input.mode),
  'orgs:import': (inventory, input) => inventory.importOrganizations(input.csv),
  'settings:get': (inventory) => inventory.settingsView(),
  'settings:set': (inventory, input) => inventory.updateSettings(input.changes),
  'notifications:list': (inventory, input) => inventory.notifications(input),
  'outbox:list': (inventory, input) => inventory.outbox(input),
  'outbox:retry': (inventory, input) => inventory.retryEmail(input.id),
  'outbox:export-eml': (inventory, input) => inventory.emailAsEml(input.id),
  'searches:list': async (inventory) => listSavedSearches(inventory.db),
  'searches:save': async (inventory, input) => saveSearch(inventory.context, input),
  'searches:delete': async (inventory, input) => (deleteSavedSearch(inventory.db, input.id), { deleted: input.id }),
  'export:choose-file': (inventory, input) => inventory.offerExportFile(input.format, input.suggestedName),
  'export:start': (inventory, input) => inventory.startExport(input),
  'export:status': (inventory, input) => inventory.exportStatus(input.id),
  'export:cancel': (inventory, input) => inventory.cancelExport(input.id),
  'import:file': (inventory, input) => inventory.importFile(input),
};

const handlers: HandlerTable = { ...otherHandlers, ...actionHandlers };

/** Which change a successful call causes, so open windows can refresh what they show. */
function changeOf(channel: Channel, result: unknown): ChangeEvent | null {
  if (channel === 'import:file') return (result as { imported: number }).imported > 0 ? { scope: 'numbers' } : null;
  if (channel.startsWith('orgs:') && channel !== 'orgs:list') return { scope: 'organizations' };
  if (channel === 'settings:set') return { scope: 'settings' };
  if (channel === 'outbox:retry') return { scope: 'outbox' };
  if (channel === 'numbers:add') {
    const added = (result as { status: string; number: string | null }[]).filter((r) => r.status === 'added');
    return added.length ? { scope: 'numbers', numbers: added.map((r) => r.number as string), states: ['available'] } : null;
  }
  if ((OPERATOR_ACTIONS as readonly string[]).some((a) => channel === `numbers:${a}`)) {
    const detail = result as { number: string; state: string; history: { from: string | null }[] };
    const from = detail.history[detail.history.length - 1]?.from;
    return {
      scope: 'numbers',
      numbers: [detail.number],
      states: [...new Set([from, detail.state].filter(Boolean))] as ChangeEvent['states'],
    };
  }
  return null;
}

function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as string[]).includes(value);
}

/**
 * Validates an untrusted payload against the channel's schema and runs its handler. Never throws:
 * every failure, including hostile payloads, is answered as a typed error (an unexpected one only
 * by a reference to the detail, which is logged here; see failures.ts).
 */
export async function dispatch(
  inventory: Inventory,
  channel: unknown,
  payload: unknown,
  onChange?: (event: ChangeEvent) => void,
): Promise<Outcome<unknown>> {
  try {
    if (!isChannel(channel)) throw new InventoryError('INVALID_INPUT', `Unknown operation "${String(channel).slice(0, 80)}"`);
    const parsed = contract[channel].input.safeParse(payload);
    if (!parsed.success) throw new InventoryError('INVALID_INPUT', describeIssues(parsed.error));
    const handler = handlers[channel] as (inventory: Inventory, input: unknown) => Promise<unknown>;
    // Action schemas transform some fields (an instant becomes a reading object) and the core parses
    // its input again with the same schema: it must get the validated payload as sent, not the output.
    const isAction = (OPERATOR_ACTIONS as readonly string[]).some((action) => channel === `numbers:${action}`);
    const value = await handler(inventory, isAction ? payload : parsed.data);
    const change = changeOf(channel, value);
    if (change && onChange) onChange(change);
    return { ok: true, value };
  } catch (error) {
    return failureOutcome(error);
  }
}
