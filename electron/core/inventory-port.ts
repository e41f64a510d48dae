// The core's service API as a port: what the CLI and the IPC/HTTP handlers call, whichever store
// holds the inventory. Inventory (inventory.ts) is the SQLite file's implementation; TeamInventory
// (store/postgres/team-inventory.ts) the team database's. Rules, validation and notice texts sit
// above this line and are shared; only storage differs below it.
import type { ActionInput } from '../../shared/actions';
import type { ActivityPage, ActivityRequest } from '../../shared/activity';
import type { ChangeEvent } from '../../shared/contract';
import type { AddNumbersRequest } from '../../shared/add-numbers';
import type { BulkPreview, BulkRequest, BulkStatus } from '../../shared/bulk';
import type { ImportJobStatus } from '../../shared/import-app';
import type { BillingEventReport, BillingFeedReport, NumberBilling } from '../../shared/billing';
import type { ChosenImportFile, ImportRun, ImportSource, ImportUpload } from '../../shared/import-source';
import type { DashboardSummary } from '../../shared/dashboard';
import type { AddResult, ExpiredRelease, NumberDetail, NumberRecord, NumberState, Organization } from '../../shared/domain';
import type { OperatorAction } from '../../shared/lifecycle';
import type { ListPage, NotificationListRequest, NotificationRecord, OutboxEmail, OutboxListRequest } from '../../shared/notifications';
import type { FieldValues, SearchFilter, SearchRequest, SearchResult } from '../../shared/search';
import type { AppSettings, SettingsView } from '../../shared/settings';
import type { ExportStart, ExportStatus, ImportReport, SavedSearch, SaveSearchRequest } from '../../shared/transfer';
import type { BillingFeedProgress } from './billing/run-feed';
import type { BulkChange } from './bulk/jobs';
import type { SweepReport } from './expiry/sweep';
import type { ExportFileOffer } from './export/jobs';
import type { ExportFormat } from './export/types';
import type { ImportOptions } from './import/run-import';
import type { OrganizationInput } from './organizations';

export interface InventoryPort {
  act<A extends OperatorAction>(action: A, input: ActionInput<A>): Promise<NumberDetail>;
  add(request: AddNumbersRequest): Promise<AddResult[]>;
  importFile(request: ImportRun, options?: ImportOptions): Promise<ImportReport>;
  show(number: string): Promise<NumberDetail>;
  search(request?: SearchRequest): Promise<SearchResult<NumberRecord>>;
  counts(filter?: SearchFilter): Promise<Record<NumberState, number>>;
  /** The vendors, SKUs, countries and routings held, offered as suggestions. */
  fieldValues(): Promise<FieldValues>;
  sweep(): Promise<ExpiredRelease[]>;
  sweepReport(): Promise<SweepReport>;
  nextDueInstant(): Promise<string | null>;
  notifications(request?: NotificationListRequest): Promise<ListPage<NotificationRecord>>;
  outbox(request?: OutboxListRequest): Promise<ListPage<OutboxEmail>>;
  retryEmail(id: number): Promise<OutboxEmail>;
  emailAsEml(id: number): Promise<{ fileName: string; eml: string }>;
  allSettings(): Promise<AppSettings>;
  settingsView(): Promise<SettingsView>;
  updateSettings(patch: unknown): Promise<SettingsView>;
  savedSearches(): Promise<SavedSearch[]>;
  saveSearch(input: SaveSearchRequest): Promise<SavedSearch>;
  deleteSavedSearch(id: number): Promise<{ deleted: number }>;
  organizations(): Promise<Organization[]>;
  saveOrganization(input: OrganizationInput, mode?: 'add' | 'update' | 'upsert'): Promise<Organization>;
  importOrganizations(csvText: string): Promise<Organization[]>;
  offerExportFile(format: ExportFormat, suggestedName: string): Promise<ExportFileOffer>;
  startExport(request: ExportStart, onProgress?: (status: ExportStatus) => void): Promise<ExportStatus>;
  exportStatus(id: string): Promise<ExportStatus>;
  cancelExport(id: string): Promise<ExportStatus>;
  exportFinished(id: string): Promise<ExportStatus>;
  recordBillingEvent(request: unknown): Promise<BillingEventReport>;
  importBillingFeed(
    request: { file: string; dryRun?: boolean; name?: string },
    onProgress?: (progress: BillingFeedProgress) => void,
  ): Promise<BillingFeedReport>;
  importBillingEvents(request: ImportRun): Promise<BillingFeedReport>;
  /** Outside the desktop app there is no dialog: the page uploads the file. */
  chooseImportFile(): Promise<ChosenImportFile>;
  numberBilling(number: string): Promise<NumberBilling>;
  previewBulk(request: BulkRequest): Promise<BulkPreview>;
  startBulk(request: BulkRequest, onChange?: (change: BulkChange) => void): Promise<BulkStatus>;
  bulkStatus(id: string): Promise<BulkStatus>;
  cancelBulk(id: string): Promise<BulkStatus>;
  bulkFinished(id: string): Promise<BulkStatus>;
  uploadImportFile(piece: unknown): Promise<ImportUpload>;
  startImport(source: ImportSource, onEnd?: (imported: number) => void): Promise<ImportJobStatus>;
  importStatus(id: string): Promise<ImportJobStatus>;
  cancelImport(id: string): Promise<ImportJobStatus>;
  activity(request?: ActivityRequest): Promise<ActivityPage>;
  dashboard(): Promise<DashboardSummary>;
  /** The inventory's "now" (ISO 8601): what deadlines and days left count from. */
  currentTime(): Promise<string>;
  /**
   * Hears changes other processes make to this inventory (the CLI beside the app, another desktop
   * on a team database); answers how to stop. `onReachable`: whether a team database's server can be reached.
   */
  watchChanges(onExternalChange: (event: ChangeEvent) => void, onReachable?: (reachable: boolean) => void): () => void;
  /** Stops running work and closes the store; a team database's connections are closed when the promise settles. */
  close(): void | Promise<void>;
}
