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
import { OPERATOR_ACTIONS } from '../../../shared/lifecycle';
import { refusedRowsCsv } from '../import-app/refused-csv';
import type { InventoryPort } from '../inventory-port';
import { failureOutcome } from '../failures';

/** `notify` announces a change a handler causes later than its answer (a bulk action, when it ends). */
type Handler<C extends Channel> = (
  inventory: InventoryPort,
  input: ChannelParsedInput<C>,
  notify: (event: ChangeEvent) => void,
) => Promise<ChannelResult<C>>;
type HandlerTable = { [C in Channel]: Handler<C> };

// Every channel has its handler (the table's type requires one for each), an action's given the
// input its schema validated at the boundary; the core validates it again.
const handlers: HandlerTable = {
  'numbers:reserve': (inventory, input) => inventory.act('reserve', input),
  'numbers:extend': (inventory, input) => inventory.act('extend', input),
  'numbers:release': (inventory, input) => inventory.act('release', input),
  'numbers:lock': (inventory, input) => inventory.act('lock', input),
  'numbers:unlock': (inventory, input) => inventory.act('unlock', input),
  'numbers:delete': (inventory, input) => inventory.act('delete', input),
  'numbers:recover': (inventory, input) => inventory.act('recover', input),
  'numbers:assign': (inventory, input) => inventory.act('assign', input),
  'numbers:subscription-expired': (inventory, input) => inventory.act('subscription-expired', input),
  'numbers:subscription-terminated': (inventory, input) => inventory.act('subscription-terminated', input),
  'numbers:swapped-out': (inventory, input) => inventory.act('swapped-out', input),
  'numbers:search': (inventory, input) => inventory.search(input),
  'numbers:counts': (inventory, input) => inventory.counts(input.filter),
  'numbers:show': (inventory, input) => inventory.show(input.number),
  'numbers:add': (inventory, input) => inventory.add(input),
  'bulk:preview': (inventory, input) => inventory.previewBulk(input),
  'bulk:apply': (inventory, input, notify) => inventory.startBulk(input, (change) => notify({ scope: 'numbers', ...change })),
  'bulk:status': (inventory, input) => inventory.bulkStatus(input.id),
  'bulk:cancel': (inventory, input) => inventory.cancelBulk(input.id),
  'orgs:list': (inventory) => inventory.organizations(),
  'orgs:save': (inventory, input) => inventory.saveOrganization(input.organization, input.mode),
  'orgs:import': (inventory, input) => inventory.importOrganizations(input.csv),
  'settings:get': (inventory) => inventory.settingsView(),
  'settings:set': (inventory, input) => inventory.updateSettings(input.changes),
  'notifications:list': (inventory, input) => inventory.notifications(input),
  'outbox:list': (inventory, input) => inventory.outbox(input),
  'outbox:retry': (inventory, input) => inventory.retryEmail(input.id),
  'outbox:export-eml': (inventory, input) => inventory.emailAsEml(input.id),
  'searches:list': (inventory) => inventory.savedSearches(),
  'searches:save': (inventory, input) => inventory.saveSearch(input),
  'searches:delete': (inventory, input) => inventory.deleteSavedSearch(input.id),
  'export:choose-file': (inventory, input) => inventory.offerExportFile(input.format, input.suggestedName),
  'export:start': (inventory, input) => inventory.startExport(input),
  'export:status': (inventory, input) => inventory.exportStatus(input.id),
  'export:cancel': (inventory, input) => inventory.cancelExport(input.id),
  'import:file': (inventory, input) => inventory.importFile(input),
  'import:upload': (inventory, input) => inventory.uploadImportFile(input),
  'import:start': (inventory, input, notify) =>
    inventory.startImport(input.source, (imported) => {
      if (imported > 0) notify({ scope: 'numbers' });
    }),
  'import:status': (inventory, input) => inventory.importStatus(input.id),
  'import:cancel': (inventory, input) => inventory.cancelImport(input.id),
  'import:refused-csv': async (_inventory, input) => ({ csv: refusedRowsCsv(input.rows) }),
  'activity:list': (inventory, input) => inventory.activity(input),
  'dashboard:summary': (inventory) => inventory.dashboard(),
  'import:choose-file': (inventory) => inventory.chooseImportFile(),
  'billing:record': (inventory, input) => inventory.recordBillingEvent(input),
  'billing:import': (inventory, input) => inventory.importBillingEvents(input),
  'billing:of-number': (inventory, input) => inventory.numberBilling(input.number),
};

/** Which change a successful call causes, so open windows can refresh what they show. */
function changeOf(channel: Channel, result: unknown): ChangeEvent | null {
  if (channel === 'import:file') return (result as { imported: number }).imported > 0 ? { scope: 'numbers' } : null;
  if (channel === 'billing:record' || channel === 'billing:import') return billingChange(result);
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

/** A billing event or feed that changed numbers: which ones (a feed: any). */
function billingChange(result: unknown): ChangeEvent | null {
  const report = result as { dryRun: boolean; results?: { number?: string; outcome?: string }[]; counts?: { applied: number } };
  if (report.dryRun) return null;
  if (report.counts) return report.counts.applied > 0 ? { scope: 'numbers' } : null;
  const changed = (report.results ?? []).filter((r) => r.outcome === 'changed').map((r) => r.number as string);
  return changed.length ? { scope: 'numbers', numbers: changed } : null;
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
  inventory: InventoryPort,
  channel: unknown,
  payload: unknown,
  onChange?: (event: ChangeEvent) => void,
): Promise<Outcome<unknown>> {
  try {
    if (!isChannel(channel)) throw new InventoryError('INVALID_INPUT', `Unknown operation "${String(channel).slice(0, 80)}"`);
    const parsed = contract[channel].input.safeParse(payload);
    if (!parsed.success) throw new InventoryError('INVALID_INPUT', describeIssues(parsed.error));
    const handler = handlers[channel] as (
      inventory: InventoryPort,
      input: unknown,
      notify: (event: ChangeEvent) => void,
    ) => Promise<unknown>;
    const value = await handler(inventory, parsed.data, (event) => onChange?.(event));
    const change = changeOf(channel, value);
    if (change && onChange) onChange(change);
    return { ok: true, value };
  } catch (error) {
    return failureOutcome(error);
  }
}
