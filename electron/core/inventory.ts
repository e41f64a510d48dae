// The core's service API, used by the CLI, the IPC handlers and browser mode alike. Asynchronous
// even where better-sqlite3 is synchronous, so heavy work can move to a worker (or the store to a
// server) without changing callers.
import type { ActionInput } from '../../shared/actions';
import type { BillingEventReport, BillingFeedReport, NumberBilling } from '../../shared/billing';
import type { ChosenImportFile, ImportRun, ImportSource, ImportUpload } from '../../shared/import-source';
import { importRunSchema } from '../../shared/import-source';
import type { BulkPreview, BulkRequest, BulkStatus } from '../../shared/bulk';
import type { ImportJobStatus } from '../../shared/import-app';
import type { AddNumbersRequest } from '../../shared/add-numbers';
import type { AddResult, ExpiredRelease, NumberDetail, NumberRecord, NumberState, Organization } from '../../shared/domain';
import type { OperatorAction } from '../../shared/lifecycle';
import type { FieldValues, SearchFilter, SearchRequest, SearchResult } from '../../shared/search';
import { type ExportStart, type ExportStatus, type ImportReport, type SavedSearch, type SaveSearchRequest } from '../../shared/transfer';
import type { AppSettings, SettingsView } from '../../shared/settings';
import { readBulkRequest } from './bulk/bulk-request';
import { ImportJobs } from './import-app/jobs';
import { ImportUploads } from './import/uploads';
import { BulkJobs, sqliteBatches, type BulkChange } from './bulk/jobs';
import { previewBulk } from './bulk/preview';
import type { ActivityPage, ActivityRequest } from '../../shared/activity';
import type { ChangeEvent } from '../../shared/contract';
import { watchDatabase } from './db/database-watch';
import type { DashboardSummary } from '../../shared/dashboard';
import { listActivity } from './activity/list';
import { logFailure } from './failures';
import { noteLowStock } from './notifications/low-stock';
import { dashboardSummary } from './dashboard/summary';
import { systemClock, type Clock } from './clock';
import { defaultActor, type CoreContext } from './context';
import { openDatabase, type Db, type OpenOptions } from './db/connection';
import { ExportJobs, type ExportFileOffer } from './export/jobs';
import type { InventoryPort } from './inventory-port';
import type { ExportPathPolicy } from './export/path-policy';
import type { ExportFormat } from './export/types';
import type { WorkerLocation } from './export/worker-host';
import { numberBilling, recordBillingEvent } from './billing/record-event';
import { importBillingFeed, type BillingFeedProgress } from './billing/run-feed';
import { anyImportPath, withImportSource, type ImportPathPolicy } from './import/source';
import { performAction } from './lifecycle/perform';
import { parseOrThrow } from './validation';
import { addNumbers } from './numbers/add';
import { detailOf, numberKey, requireRow } from './numbers/repository';
import { importFile, type ImportOptions } from './import/run-import';
import { importOrganizationsCsv } from './organizations-csv';
import { listOrganizations, saveOrganization, type OrganizationInput } from './organizations';
import { deleteSavedSearch, listSavedSearches, saveSearch } from './saved-searches';
import { countByState, searchNumbers } from './search/search';
import { storedValues } from './search/stored-values';
import { appSettings, settingsView, updateSettings } from './settings-store';
import type { ListPage, NotificationListRequest, NotificationRecord, OutboxEmail, OutboxListRequest } from '../../shared/notifications';
import { nextDueInstant, sweepWithNotices, type SweepReport } from './expiry/sweep';
import { sweepInWorker } from './expiry/sweep-worker-host';
import { listNotifications } from './notifications/list';
import { emlFileName, emlOf } from './outbox/eml';
import { getEmail, listOutbox, retryEmail } from './outbox/repository';

interface ServiceOptions {
  clock?: Clock;
  /** Recorded on audit events; defaults to the operator name in settings, else the OS account. */
  actor?: string;
  /** Where exports may be written (see export/path-policy.ts); by default anywhere, as the CLI asks. */
  exportPaths?: ExportPathPolicy;
  /** The export worker's script and heap; it loads the same native binding as this connection. */
  exportWorker?: Omit<WorkerLocation, 'nativeBinding'>;
  nativeBinding?: string;
  /** Which paths an import from the app may name (see import/source.ts); by default any, as the CLI asks. */
  importPaths?: ImportPathPolicy;
  /**
   * The background sweep (backgroundSweep) runs in a worker thread on its own connection, as the
   * desktop app and browser mode ask, so their main process is never held by a catch-up sweep.
   */
  sweepInWorker?: boolean;
}

export interface InventoryOptions extends OpenOptions, ServiceOptions {}

export class Inventory implements InventoryPort {
  readonly db: Db;
  readonly clock: Clock;
  private readonly fixedActor: string | undefined;
  private readonly exports: ExportJobs;
  /** Where the core's worker threads start from, with this connection's native binding. */
  private readonly workerLocation: WorkerLocation;
  private readonly sweepInWorker: boolean;
  private readonly importPaths: ImportPathPolicy;
  private readonly nativeBinding: string | undefined;
  private readonly bulk = new BulkJobs(sqliteBatches(() => this.context));
  private readonly imports = new ImportJobs();
  private readonly uploads = new ImportUploads();

  constructor(db: Db, options: ServiceOptions = {}) {
    this.db = db;
    this.importPaths = options.importPaths ?? anyImportPath;
    this.nativeBinding = options.nativeBinding;
    this.clock = options.clock ?? systemClock;
    this.fixedActor = options.actor;
    this.workerLocation = { ...options.exportWorker, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
    this.sweepInWorker = options.sweepInWorker ?? false;
    this.exports = new ExportJobs(db.name, {
      ...(options.exportPaths ? { paths: options.exportPaths } : {}),
      worker: this.workerLocation,
    });
  }

  /** Opens the database, and removes what exports killed in an earlier run left behind. */
  static open(file: string, options: InventoryOptions = {}): Inventory {
    const inventory = new Inventory(openDatabase(file, options), options);
    inventory.exports.removeLeftovers();
    return inventory;
  }

  /** Read per call so a change of the operator name in settings applies at once. */
  get context(): CoreContext {
    return { db: this.db, clock: this.clock, actor: this.fixedActor ?? defaultActor(this.db) };
  }

  /** Hears commits other processes make to the file (see db/database-watch.ts); the file is always reachable. */
  watchChanges(
    onExternalChange: (event: ChangeEvent) => void,
    _onReachable?: (reachable: boolean) => void,
    intervalMs?: number,
  ): () => void {
    return watchDatabase(this.db, () => onExternalChange({ scope: 'numbers' }), intervalMs);
  }

  /** Stops running exports (removing their partial files) and closes the database. */
  close(): void {
    void this.exports.closeAll();
    this.uploads.clear();
    this.db.close();
  }

  async act<A extends OperatorAction>(action: A, input: ActionInput<A>): Promise<NumberDetail> {
    return this.checkingStock(performAction(this.context, action, input));
  }

  /** A bulk action's dry run: per number, will apply or refused and why; writes nothing. */
  async previewBulk(request: BulkRequest): Promise<BulkPreview> {
    return previewBulk(this.context, readBulkRequest(this.db, request));
  }

  /**
   * Starts a bulk action: every number its own audited event, all sharing the status's batch id,
   * in batches; follow it with bulkStatus. `onChange` hears once, when it ends, what it changed.
   */
  async startBulk(request: BulkRequest, onChange?: (change: BulkChange) => void): Promise<BulkStatus> {
    // Once it has changed numbers: the low-stock check, as after a single action.
    return this.bulk.start(readBulkRequest(this.db, request), (change) => {
      this.noteStock();
      onChange?.(change);
    });
  }

  async bulkStatus(id: string): Promise<BulkStatus> {
    return this.bulk.status(id);
  }

  async cancelBulk(id: string): Promise<BulkStatus> {
    return this.bulk.cancel(id);
  }

  /** Waits for a bulk action to end and answers how it ended. */
  async bulkFinished(id: string): Promise<BulkStatus> {
    return this.bulk.finished(id);
  }

  async add(request: AddNumbersRequest): Promise<AddResult[]> {
    return this.checkingStock(addNumbers(this.context, request));
  }

  /** Imports an inventory file (CSV or XLSX) from its source; a dry run reports per row and writes nothing. */
  async importFile(request: ImportRun, options: ImportOptions = {}): Promise<ImportReport> {
    const run = parseOrThrow(importRunSchema, request, 'Import');
    const report = await withImportSource(run.source, this.importPaths, this.uploads, (file) =>
      importFile(this.context, { file, dryRun: run.dryRun }, options),
    );
    // A dry run writes nothing, low-stock notices included.
    return report.imported > 0 ? this.checkingStock(report) : report;
  }

  /**
   * After a change to the numbers (or the threshold): a notice for each country and SKU that fell
   * below the low-stock threshold. The change has committed by then; a failure to record the
   * notice is logged and retried with the next change, never reported as the change's failure.
   */
  private async checkingStock<T>(change: T | Promise<T>): Promise<T> {
    const result = await change;
    this.noteStock();
    return result;
  }

  private noteStock(): void {
    try {
      noteLowStock(this.db, this.clock.now().toISOString(), appSettings(this.db));
    } catch (error) {
      logFailure(error);
    }
  }

  /** One piece of a file uploaded for import (browser mode's file input); the first answers the upload's id. */
  async uploadImportFile(piece: unknown): Promise<ImportUpload> {
    return this.uploads.add(piece);
  }

  /**
   * Starts a committed import of a file, in batches; follow it with importStatus, stop it with
   * cancelImport. `onEnd` hears, once it ends, how many rows it added.
   */
  async startImport(source: ImportSource, onEnd?: (imported: number) => void): Promise<ImportJobStatus> {
    return this.imports.start((options) => this.importFile({ source, dryRun: false }, options), onEnd);
  }

  async importStatus(id: string): Promise<ImportJobStatus> {
    return this.imports.status(id);
  }

  async cancelImport(id: string): Promise<ImportJobStatus> {
    return this.imports.cancel(id);
  }

  /** Waits for an import started with startImport to end. */
  async importFinished(id: string): Promise<ImportJobStatus> {
    return this.imports.finished(id);
  }

  /** Applies (or dry-runs) one billing event entered by an operator, to every number it concerns. */
  async recordBillingEvent(request: unknown): Promise<BillingEventReport> {
    return recordBillingEvent(this.context, request);
  }

  /** Applies (or dry-runs) a billing feed file, row by row. */
  async importBillingFeed(
    request: { file: string; dryRun?: boolean; name?: string },
    onProgress?: (progress: BillingFeedProgress) => void,
  ): Promise<BillingFeedReport> {
    return importBillingFeed(this.context, request, { onProgress, openScratch: () => openDatabase(this.db.name, this.scratchOptions()) });
  }

  /** A billing feed from the app: a file chosen in the desktop dialog or uploaded by the page. */
  async importBillingEvents(request: ImportRun): Promise<BillingFeedReport> {
    const run = parseOrThrow(importRunSchema, request, 'Billing events');
    return withImportSource(run.source, this.importPaths, this.uploads, (file, name) =>
      this.importBillingFeed({ file, name, dryRun: run.dryRun }),
    );
  }

  /** Where the app gets an import file: outside the desktop app's dialog, the page uploads it. */
  async chooseImportFile(): Promise<ChosenImportFile> {
    return { upload: true, path: null };
  }

  async numberBilling(number: string): Promise<NumberBilling> {
    return numberBilling(this.context, number);
  }

  private scratchOptions(): OpenOptions {
    return this.nativeBinding ? { nativeBinding: this.nativeBinding } : {};
  }

  async show(number: string): Promise<NumberDetail> {
    return detailOf(this.db, requireRow(this.db, numberKey(number)));
  }

  async search(request: SearchRequest = {}): Promise<SearchResult<NumberRecord>> {
    return searchNumbers(this.db, request);
  }

  async counts(filter: SearchFilter = {}): Promise<Record<NumberState, number>> {
    return countByState(this.db, filter);
  }

  async fieldValues(): Promise<FieldValues> {
    return storedValues(this.db);
  }

  /** Releases every reservation and lock due as of the clock's now, queueing their notices (see sweepReport). */
  async sweep(): Promise<ExpiredRelease[]> {
    return (await this.sweepReport()).released;
  }

  /** One sweep as of now: every due expiry applied and every due warning and expiry notice queued. */
  async sweepReport(): Promise<SweepReport> {
    return this.checkingStock(sweepWithNotices(this.context, this.clock.now().toISOString()));
  }

  /**
   * The app's background sweep as of now: in a worker thread when opened with `sweepInWorker`,
   * else on this connection in batches of `batchSize`, yielding between them.
   */
  async backgroundSweep(batchSize: number): Promise<SweepReport> {
    const now = this.clock.now().toISOString();
    if (this.sweepInWorker) return sweepInWorker(this.db.name, now, this.workerLocation);
    return sweepWithNotices(this.context, now, batchSize);
  }

  /** The next instant a sweep has work (a deadline or a warning), or null. */
  async nextDueInstant(): Promise<string | null> {
    return nextDueInstant(this.context, this.clock.now().toISOString());
  }

  /** One page of the activity log: every audit event, newest first, filtered. */
  async activity(request: ActivityRequest = {}): Promise<ActivityPage> {
    return listActivity(this.db, request);
  }

  async currentTime(): Promise<string> {
    return this.clock.now().toISOString();
  }

  /** The dashboard's figures as of the clock's now. */
  async dashboard(): Promise<DashboardSummary> {
    return dashboardSummary(this.db, this.clock.now().toISOString());
  }

  async notifications(request: NotificationListRequest = {}): Promise<ListPage<NotificationRecord>> {
    return listNotifications(this.db, request);
  }

  async outbox(request: OutboxListRequest = {}): Promise<ListPage<OutboxEmail>> {
    return listOutbox(this.db, request);
  }

  async retryEmail(id: number): Promise<OutboxEmail> {
    return retryEmail(this.db, id, this.clock.now().toISOString());
  }

  async emailAsEml(id: number): Promise<{ fileName: string; eml: string }> {
    const email = getEmail(this.db, id);
    return { fileName: emlFileName(email), eml: await emlOf(email, appSettings(this.db)) };
  }

  /** Every setting, the SMTP password included: for the main process and the CLI only. */
  async allSettings(): Promise<AppSettings> {
    return appSettings(this.db);
  }

  /** Every setting as shown outside the main process (the password masked). */
  async settingsView(): Promise<SettingsView> {
    return settingsView(appSettings(this.db));
  }

  /** Validates and stores changed settings; effective at once, for new deadlines only. */
  async updateSettings(patch: unknown): Promise<SettingsView> {
    return settingsView(await this.checkingStock(updateSettings(this.db, patch)));
  }

  async savedSearches(): Promise<SavedSearch[]> {
    return listSavedSearches(this.db);
  }

  /** Saves a named filter; refuses a name in use unless `overwrite` is set. */
  async saveSearch(input: SaveSearchRequest): Promise<SavedSearch> {
    return saveSearch(this.context, input);
  }

  async deleteSavedSearch(id: number): Promise<{ deleted: number }> {
    deleteSavedSearch(this.db, id);
    return { deleted: id };
  }

  async organizations(): Promise<Organization[]> {
    return listOrganizations(this.db);
  }

  async saveOrganization(input: OrganizationInput, mode: 'add' | 'update' | 'upsert' = 'add'): Promise<Organization> {
    return saveOrganization(this.context, input, mode);
  }

  async importOrganizations(csvText: string): Promise<Organization[]> {
    return importOrganizationsCsv(this.context, csvText);
  }

  /** The file to offer for an export: a suggestion to edit, or none where a save dialog chooses it. */
  async offerExportFile(format: ExportFormat, suggestedName: string): Promise<ExportFileOffer> {
    return this.exports.offer(format, suggestedName);
  }

  /** Starts exporting every number a search matches, in a worker; follow it with exportStatus. */
  async startExport(request: ExportStart, onProgress?: (status: ExportStatus) => void): Promise<ExportStatus> {
    return this.exports.start(request, onProgress);
  }

  async exportStatus(id: string): Promise<ExportStatus> {
    return this.exports.status(id);
  }

  async cancelExport(id: string): Promise<ExportStatus> {
    return this.exports.cancel(id);
  }

  /** Waits for an export to end and answers how it ended. */
  async exportFinished(id: string): Promise<ExportStatus> {
    return this.exports.finished(id);
  }
}
