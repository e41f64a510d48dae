// The one IPC contract. Every operation the renderer may call is listed here with its input schema
// and result type; the main process registers handlers only from this table, browser mode serves
// the same table over loopback HTTP, and the preload exposes exactly these keys on window.api.
// Channel names are `domain:verb`.
import { z } from 'zod';
import { actionInputSchemas } from './actions';
import { activityRequestSchema, type ActivityPage } from './activity';
import { addNumbersSchema } from './add-numbers';
import { bulkRequestSchema, type BulkPreview, type BulkStatus } from './bulk';
import { refusedRowsSchema, type ImportJobStatus } from './import-app';
import type { DashboardSummary } from './dashboard';
import { recordBillingEventSchema, type BillingEventReport, type BillingFeedReport, type NumberBilling } from './billing';
import type { AddResult, NumberDetail, NumberRecord, NumberState, Organization } from './domain';
import { ORG_TYPES } from './domain';
import type { ErrorInfo } from './errors';
import type { OperatorAction } from './lifecycle';
import {
  chooseImportFileSchema,
  importRunSchema,
  importSourceSchema,
  importUploadSchema,
  type ChosenImportFile,
  type ImportUpload,
} from './import-source';
import { phoneNumberSchema } from './phone';
import { searchFilterSchema, searchRequestSchema, type SearchResult } from './search';
import { EXPORT_FORMATS, exportStartSchema, saveSearchSchema, type ExportStatus, type ImportReport, type SavedSearch } from './transfer';
import { settingsPatchSchema, type SettingsView } from './settings';
import {
  notificationListSchema,
  outboxListSchema,
  type ListPage,
  type NavigationRequest,
  type NotificationRecord,
  type OutboxEmail,
} from './notifications';

/** A phantom marker carrying an operation's result type. */
export interface Returns<T> {
  readonly __result?: T;
}
const returns = <T>(): Returns<T> => ({});

export interface Operation<S extends z.ZodType, R> {
  input: S;
  result: Returns<R>;
}
const op = <S extends z.ZodType, R>(input: S, result: Returns<R>): Operation<S, R> => ({ input, result });

const numberRef = z.object({ number: phoneNumberSchema });

const organizationDraft = z.object({
  uuid: z.string(),
  name: z.string(),
  type: z.enum(ORG_TYPES),
  billingEmail: z.string().nullish(),
  ownerEmail: z.string().nullish(),
});

/** Characters of an organizations CSV: about 100,000 organizations. */
export const ORGANIZATIONS_CSV_MAX_CHARS = 10_000_000;

export const contract = {
  'numbers:search': op(searchRequestSchema, returns<SearchResult<NumberRecord>>()),
  'numbers:counts': op(z.object({ filter: searchFilterSchema.default({}) }), returns<Record<NumberState, number>>()),
  'numbers:show': op(numberRef, returns<NumberDetail>()),
  'numbers:add': op(addNumbersSchema, returns<AddResult[]>()),
  'numbers:reserve': op(actionInputSchemas.reserve, returns<NumberDetail>()),
  'numbers:extend': op(actionInputSchemas.extend, returns<NumberDetail>()),
  'numbers:release': op(actionInputSchemas.release, returns<NumberDetail>()),
  'numbers:lock': op(actionInputSchemas.lock, returns<NumberDetail>()),
  'numbers:unlock': op(actionInputSchemas.unlock, returns<NumberDetail>()),
  'numbers:delete': op(actionInputSchemas.delete, returns<NumberDetail>()),
  'numbers:recover': op(actionInputSchemas.recover, returns<NumberDetail>()),
  'numbers:assign': op(actionInputSchemas.assign, returns<NumberDetail>()),
  'numbers:subscription-expired': op(actionInputSchemas['subscription-expired'], returns<NumberDetail>()),
  'numbers:subscription-terminated': op(actionInputSchemas['subscription-terminated'], returns<NumberDetail>()),
  'numbers:swapped-out': op(actionInputSchemas['swapped-out'], returns<NumberDetail>()),
  // A bulk action: the preview writes nothing; apply starts it (follow it with status, stop it with cancel).
  'bulk:preview': op(bulkRequestSchema, returns<BulkPreview>()),
  'bulk:apply': op(bulkRequestSchema, returns<BulkStatus>()),
  'bulk:status': op(z.object({ id: z.string().uuid() }), returns<BulkStatus>()),
  'bulk:cancel': op(z.object({ id: z.string().uuid() }), returns<BulkStatus>()),
  'orgs:list': op(z.object({}).default({}), returns<Organization[]>()),
  'orgs:save': op(z.object({ organization: organizationDraft, mode: z.enum(['add', 'update']) }), returns<Organization>()),
  'orgs:import': op(
    z.object({
      csv: z
        .string()
        .max(ORGANIZATIONS_CSV_MAX_CHARS, { error: `Organizations CSV is larger than ${ORGANIZATIONS_CSV_MAX_CHARS} characters` }),
    }),
    returns<Organization[]>(),
  ),
  'settings:get': op(z.object({}).default({}), returns<SettingsView>()),
  'settings:set': op(z.object({ changes: settingsPatchSchema }), returns<SettingsView>()),
  'notifications:list': op(notificationListSchema.prefault({}), returns<ListPage<NotificationRecord>>()),
  'outbox:list': op(outboxListSchema.prefault({}), returns<ListPage<OutboxEmail>>()),
  'outbox:retry': op(z.object({ id: z.number().int().positive() }), returns<OutboxEmail>()),
  'outbox:export-eml': op(z.object({ id: z.number().int().positive() }), returns<{ fileName: string; eml: string }>()),
  'searches:list': op(z.object({}).default({}), returns<SavedSearch[]>()),
  'searches:save': op(saveSearchSchema, returns<SavedSearch>()),
  'searches:delete': op(z.object({ id: z.number().int().positive() }), returns<{ deleted: number }>()),
  // The file to export to. Browser mode offers an editable path (in Downloads, else home). The
  // desktop app's main process answers `ask: true` with the system's Save dialog, and accepts in
  // export:start only a file chosen there; `ask: false` only tells the page so (editable: false).
  // path null: nothing offered, or the user cancelled the dialog.
  'export:choose-file': op(
    z.object({ format: z.enum(EXPORT_FORMATS), suggestedName: z.string().trim().min(1).max(200), ask: z.boolean().default(true) }),
    returns<{ path: string | null; editable: boolean }>(),
  ),
  'export:start': op(exportStartSchema, returns<ExportStatus>()),
  'export:status': op(z.object({ id: z.string().uuid() }), returns<ExportStatus>()),
  'export:cancel': op(z.object({ id: z.string().uuid() }), returns<ExportStatus>()),
  // Import in the app: choose the file (import:choose-file; browser mode uploads it in pieces with
  // import:upload), dry-run it with import:file, then start the committed import and follow it
  // (status) or stop it (cancel).
  'import:file': op(importRunSchema, returns<ImportReport>()),
  'import:upload': op(importUploadSchema, returns<ImportUpload>()),
  'import:start': op(z.object({ source: importSourceSchema }), returns<ImportJobStatus>()),
  'import:status': op(z.object({ id: z.string().uuid() }), returns<ImportJobStatus>()),
  'import:cancel': op(z.object({ id: z.string().uuid() }), returns<ImportJobStatus>()),
  'import:refused-csv': op(refusedRowsSchema, returns<{ csv: string }>()),
  'activity:list': op(activityRequestSchema.prefault({}), returns<ActivityPage>()),
  'dashboard:summary': op(z.object({}).default({}), returns<DashboardSummary>()),
  // The file to import, for any import the app offers. The desktop app's main process answers with
  // the system's Open dialog (and accepts as a path source only a file chosen there); browser mode
  // answers upload: true, and the page uploads the file instead.
  'import:choose-file': op(chooseImportFileSchema, returns<ChosenImportFile>()),
  // Billing events (issue 10): one event entered by an operator, a feed file, and a number's billing side.
  'billing:record': op(recordBillingEventSchema, returns<BillingEventReport>()),
  'billing:import': op(importRunSchema, returns<BillingFeedReport>()),
  'billing:of-number': op(numberRef, returns<NumberBilling>()),
} as const;

type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelResult<C extends Channel> = Contract[C]['result'] extends Returns<infer R> ? R : never;

/** Handlers never throw across the boundary: they answer a result or a typed error. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What the renderer sees on window.api: one function per channel, plus change events. */
export type ApiFunctions = { [C in Channel]: (input: ChannelInput<C>) => Promise<Outcome<ChannelResult<C>>> };

/** Pushed by the main process after any change, from this window, the CLI or the expiry timer. */
export interface ChangeEvent {
  scope: 'numbers' | 'organizations' | 'settings' | 'notifications' | 'outbox' | 'navigate';
  /** E.164 numbers that changed, when known; absent means "anything may have changed". */
  numbers?: string[];
  states?: NumberState[];
  /** scope 'navigate': a desktop notification was clicked; show this view. */
  navigate?: NavigationRequest;
}
export const CHANGE_EVENT_CHANNEL = 'inventory:changed';

export interface WindowApi extends ApiFunctions {
  onChange(listener: (event: ChangeEvent) => void): () => void;
}

/** The channel of each operator action. */
export const ACTION_CHANNELS: { [A in OperatorAction]: `numbers:${A}` } = {
  reserve: 'numbers:reserve',
  extend: 'numbers:extend',
  release: 'numbers:release',
  lock: 'numbers:lock',
  unlock: 'numbers:unlock',
  delete: 'numbers:delete',
  recover: 'numbers:recover',
  assign: 'numbers:assign',
  'subscription-expired': 'numbers:subscription-expired',
  'subscription-terminated': 'numbers:subscription-terminated',
  'swapped-out': 'numbers:swapped-out',
};
