// The inventory on a team database (PostgreSQL): the same port as the SQLite file's Inventory, the
// same validation, transitions, refusals and texts; only the SQL differs. Opened synchronously,
// connected on first use (so the CLI's commands stay as they are), every failure of the server or
// the login a typed refusal naming the server.
//
// Races: an action reads the number, applies transition(), and writes with a conditional
// `UPDATE ... WHERE version = <read>`; of two desktops acting at once the second finds no row at
// that version and is refused as STALE_VERSION, never a deadlock or a driver error.
// Time: "now" is the server's clock (one desktop's wrong clock cannot move a deadline), unless a
// clock is given (NUMBER_INVENTORY_NOW, tests).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import type { ActionInput } from '../../../../shared/actions';
import type { ActivityPage, ActivityRequest } from '../../../../shared/activity';
import type { ChangeEvent } from '../../../../shared/contract';
import { MAX_BULK_NUMBERS, type BulkPreview, type BulkRequest, type BulkStatus } from '../../../../shared/bulk';
import type { ImportJobStatus } from '../../../../shared/import-app';
import type { BillingEventReport, BillingFeedReport, NumberBilling } from '../../../../shared/billing';
import {
  importRunSchema,
  type ChosenImportFile,
  type ImportRun,
  type ImportSource,
  type ImportUpload,
} from '../../../../shared/import-source';
import type { DashboardSummary } from '../../../../shared/dashboard';
import type { AddNumbersRequest } from '../../../../shared/add-numbers';
import type { AddResult, ExpiredRelease, NumberDetail, NumberRecord, NumberState, Organization } from '../../../../shared/domain';
import { InventoryError } from '../../../../shared/errors';
import type { OperatorAction } from '../../../../shared/lifecycle';
import type {
  ListPage,
  NotificationListRequest,
  NotificationRecord,
  OutboxEmail,
  OutboxListRequest,
} from '../../../../shared/notifications';
import type { FieldValues, SearchFilter, SearchRequest, SearchResult } from '../../../../shared/search';
import type { AppSettings, SettingsView } from '../../../../shared/settings';
import type { ExportStart, ExportStatus, ImportReport, SavedSearch, SaveSearchRequest } from '../../../../shared/transfer';
import type { Clock } from '../../clock';
import { actorOf } from '../../context';
import type { SweepReport } from '../../expiry/sweep';
import { inProcessExports } from '../../export/in-process';
import { ExportJobs, type ExportFileOffer } from '../../export/jobs';
import type { ExportPathPolicy } from '../../export/path-policy';
import type { ExportFormat } from '../../export/types';
import { ImportJobs } from '../../import-app/jobs';
import { importFileInto, type ImportOptions } from '../../import/run-import';
import { anyImportPath, withImportSource, type ImportPathPolicy } from '../../import/source';
import { ImportUploads } from '../../import/uploads';
import { parseOrThrow } from '../../validation';
import { userDataDir } from '../../paths';
import type { InventoryPort } from '../../inventory-port';
import { readAction, readRequest, withStateContext } from '../../lifecycle/perform';
import { readAddEntries, readAddRequest } from '../../numbers/add';
import { fieldsFor, numberKey } from '../../numbers/repository';
import { readPhoneNumber } from '../../../../shared/phone';
import { readSettingsPatch, settingsFromRows, settingsView } from '../../settings-store';
import { detailOf, findRow, insertEvent, insertNumberIfNew, requireRow } from './numbers';
import { countByState, matchingNumbers, searchNumbers } from './search';
import { sweepTeamDatabase } from './sweep';
import { ChangeFeed } from './change-feed';
import { teamExportSource } from './export-source';
import { poolConfig } from './pool-config';
import { TeamImportTarget } from './import-target';
import { connectTeamDatabase, type TeamDatabase } from './team-database';
import { applyBatch, previewChunk } from './bulk';
import { writeTransition, type ActingAs } from './transitions';
import { planOf, readBulkTarget, type BulkPlan } from '../../bulk/bulk-request';
import { BulkJobs, type BulkChange } from '../../bulk/jobs';
import { previewPlan } from '../../bulk/preview';
import { listActivity } from './activity';
import { dashboardSummary, nextDueInstant } from './dashboard';
import { deleteSavedSearch, listOrganizations, listSavedSearches, saveOrganization, saveSearch, upsertOrganizations } from './directory';
import { listNotifications, noteLowStock } from './notices';
import { getEmail, listOutbox, retryEmail, teamDeliveryStore } from './outbox';
import { logFailure } from '../../failures';
import { readOrganization, type OrganizationInput, type SaveMode } from '../../organizations';
import { readOrganizationsCsv } from '../../organizations-csv';
import { emlFileName, emlOf } from '../../outbox/eml';
import { deliverFrom, type DeliveryResult } from '../../outbox/deliver';
import { smtpSender, type MailSender } from '../../outbox/transport';

export interface TeamInventoryOptions {
  /** Fixes "now" (NUMBER_INVENTORY_NOW, tests); by default the server's clock. */
  clock?: Clock;
  /** The display name recorded on audit events; by default the operator name in settings, else the OS account. */
  actor?: string;
  applicationName?: string;
  env?: NodeJS.ProcessEnv;
  /** Releases per sweep transaction (see lifecycle/sweep.ts); smaller in tests, to interleave concurrent sweeps. */
  sweepBatchSize?: number;
  /** Where exports may be written (see export/path-policy.ts); by default anywhere, as the CLI asks. */
  exportPaths?: ExportPathPolicy;
  /** Which paths an import from the app may name (see import/source.ts); by default any, as the CLI asks. */
  importPaths?: ImportPathPolicy;
}

type Client = pg.ClientBase;

const notYet = (what: string) =>
  new InventoryError('UNSUPPORTED', `${what} is not available on a team database yet; it works on an inventory file.`);

export class TeamInventory implements InventoryPort {
  private connection: Promise<TeamDatabase> | undefined;
  private readonly bulk = new BulkJobs((plan, batchId, batch) =>
    this.transaction(async (client) => applyBatch(client, plan, batchId, batch, await this.acting(client))),
  );
  private readonly exports: ExportJobs;
  private readonly imports = new ImportJobs();
  /** This process's tag on the changes it makes (see change-feed.ts). */
  private readonly clientTag = randomUUID();
  private readonly feeds = new Set<ChangeFeed>();
  private readonly uploads = new ImportUploads();

  constructor(
    readonly url: string,
    private readonly options: TeamInventoryOptions = {},
  ) {
    // Exports run here, reading through a cursor; the records of those in flight (to remove what a
    // killed process left) are kept with the app's own files, as the database has no folder here.
    this.exports = new ExportJobs(path.join(userDataDir(process.platform, options.env), 'team-database'), {
      ...(options.exportPaths ? { paths: options.exportPaths } : {}),
      run: inProcessExports(async (request) => {
        const { pool, server } = await this.database();
        return teamExportSource(pool, server, request);
      }),
    });
    this.exports.removeLeftovers();
  }

  /** Connects (once) and brings the schema up to date when the login may; refused in plain words otherwise. */
  database(): Promise<TeamDatabase> {
    this.connection ??= connectTeamDatabase(this.url, {
      applicationName: this.options.applicationName,
      env: this.options.env,
      clientTag: this.clientTag,
    });
    return this.connection;
  }

  private async transaction<T>(work: (client: Client) => Promise<T>): Promise<T> {
    return (await this.database()).transaction(work);
  }

  /** Reads on one connection (a read needs no transaction of its own, but some read several statements). */
  private async read<T>(work: (client: Client) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  /** Reads several statements from one snapshot (a page and its total, the dashboard's figures). */
  private async snapshot<T>(work: (client: Client) => Promise<T>): Promise<T> {
    return this.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return work(client);
    });
  }

  private async now(client: Client): Promise<string> {
    if (this.options.clock) return this.options.clock.now().toISOString();
    const { rows } = await client.query<{ now: string }>('SELECT now() AS now');
    return rows[0].now;
  }

  private async settings(client: Client): Promise<AppSettings> {
    return settingsFromRows((await client.query<{ key: string; value: string }>('SELECT key, value FROM settings')).rows);
  }

  private async actor(client: Client): Promise<string> {
    return this.options.actor ?? actorOf(await this.settings(client));
  }

  /** Now, who acts and the settings in force, read in the transaction about to write. */
  private async acting(client: Client): Promise<ActingAs> {
    const settings = await this.settings(client);
    return { now: await this.now(client), actor: this.options.actor ?? actorOf(settings), settings };
  }

  /** A bulk request's plan, its filter matched on this database. */
  private async bulkPlan(request: BulkRequest): Promise<BulkPlan> {
    const target = readBulkTarget(request);
    const filter = target.filter;
    const matched = filter ? await this.read((client) => matchingNumbers(client, filter, MAX_BULK_NUMBERS + 1)) : undefined;
    return planOf(target, matched);
  }

  async close(): Promise<void> {
    await this.exports.closeAll();
    await Promise.all([...this.feeds].map((feed) => feed.stop()));
    this.uploads.clear();
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await (await connection.catch(() => undefined))?.close();
  }

  /**
   * Hears every change other processes make to this team database (within about a second: NOTIFY
   * wakes the feed), including those made while the server could not be reached, once it can
   * again; `onReachable` hears whether it can. Answers how to stop listening.
   */
  watchChanges(onExternalChange: (event: ChangeEvent) => void, onReachable?: (reachable: boolean) => void): () => void {
    const config = poolConfig(this.url, `${this.options.applicationName ?? 'Number Inventory'} (change feed)`, this.options.env);
    const feed = new ChangeFeed(config, { ownClient: this.clientTag, onChange: onExternalChange, onReachable });
    this.feeds.add(feed);
    return () => {
      this.feeds.delete(feed);
      void feed.stop();
    };
  }

  async act<A extends OperatorAction>(rawAction: A, input: ActionInput<A>): Promise<NumberDetail> {
    return this.checkingStock(this.perform(rawAction, input));
  }

  private async perform<A extends OperatorAction>(rawAction: A, input: ActionInput<A>): Promise<NumberDetail> {
    const action = readAction(rawAction);
    const request = await this.read(async (client) => {
      try {
        return readRequest(action, input);
      } catch (error) {
        throw withStateContext(error, await this.rowNamedIn(client, input));
      }
    });
    return this.transaction(async (client) => {
      const row = await requireRow(client, request.input.number);
      try {
        await writeTransition(client, row, request, await this.acting(client));
        return detailOf(client, await requireRow(client, row.number));
      } catch (error) {
        throw withStateContext(error, row);
      }
    });
  }

  private async rowNamedIn(client: Client, rawInput: unknown) {
    if (typeof rawInput !== 'object' || rawInput === null || !('number' in rawInput)) return undefined;
    const reading = readPhoneNumber(rawInput.number);
    return reading.ok ? findRow(client, reading.e164) : undefined;
  }

  async add(rawRequest: AddNumbersRequest): Promise<AddResult[]> {
    const { request, entries } = readAddRequest(rawRequest);
    return this.checkingStock(
      this.transaction(async (client) => {
        const at = await this.now(client);
        const actor = await this.actor(client);
        const results: AddResult[] = [];
        for (const entry of readAddEntries(entries, request.country)) {
          if (entry.status !== undefined) {
            results.push(entry);
            continue;
          }
          const { input, number } = entry;
          const id = await insertNumberIfNew(client, { ...request, number }, fieldsFor('available'), { createdAt: at, updatedAt: at });
          if (id === undefined) {
            // Another desktop may have added it a moment ago: its state as committed now.
            const existing = await requireRow(client, number);
            results.push({ input, status: 'exists', number, state: existing.state });
            continue;
          }
          await insertEvent(client, { numberId: id, at, actor, action: 'add', from: null, to: 'available', remark: null, details: {} });
          results.push({ input, status: 'added', number });
        }
        return results;
      }),
    );
  }

  async show(number: string): Promise<NumberDetail> {
    const e164 = numberKey(number);
    return this.read(async (client) => detailOf(client, await requireRow(client, e164)));
  }

  async search(request: SearchRequest = {}): Promise<SearchResult<NumberRecord>> {
    return this.read((client) => searchNumbers(client, request));
  }

  async counts(filter: SearchFilter = {}): Promise<Record<NumberState, number>> {
    return this.read((client) => countByState(client, filter));
  }

  async fieldValues(): Promise<FieldValues> {
    throw notYet('Suggested values');
  }

  async allSettings(): Promise<AppSettings> {
    return this.read((client) => this.settings(client));
  }

  async settingsView(): Promise<SettingsView> {
    return settingsView(await this.allSettings());
  }

  async updateSettings(patch: unknown): Promise<SettingsView> {
    const changes = readSettingsPatch(patch);
    return this.checkingStock(
      this.transaction(async (client) => {
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) continue;
          await client.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
            key,
            JSON.stringify(value),
          ]);
        }
        return settingsView(await this.settings(client));
      }),
    );
  }

  /** Releases every reservation and lock due as of now, queueing their notices (see sweepReport). */
  async sweep(): Promise<ExpiredRelease[]> {
    return (await this.sweepReport()).released;
  }

  /** One sweep as of now (the server's, unless fixed): safe beside other desktops' sweeps (see sweep.ts). */
  async sweepReport(): Promise<SweepReport> {
    const now = await this.read((client) => this.now(client));
    return this.checkingStock(
      sweepTeamDatabase(
        { transaction: (work) => this.transaction(work), settings: (client) => this.settings(client) },
        now,
        this.options.sweepBatchSize,
      ),
    );
  }

  /** The next instant a sweep has work (a deadline or a warning), or null. */
  async nextDueInstant(): Promise<string | null> {
    return this.read(async (client) => nextDueInstant(client, await this.now(client), await this.settings(client)));
  }

  async notifications(request: NotificationListRequest = {}): Promise<ListPage<NotificationRecord>> {
    return this.snapshot((client) => listNotifications(client, request));
  }

  async outbox(request: OutboxListRequest = {}): Promise<ListPage<OutboxEmail>> {
    return this.snapshot((client) => listOutbox(client, request));
  }

  async retryEmail(id: number): Promise<OutboxEmail> {
    return this.transaction(async (client) => retryEmail(client, id, await this.now(client), await this.settings(client)));
  }

  async emailAsEml(id: number): Promise<{ fileName: string; eml: string }> {
    const [email, settings] = await this.read(async (client) => [await getEmail(client, id), await this.settings(client)] as const);
    return { fileName: emlFileName(email), eml: await emlOf(email, settings) };
  }

  /**
   * Sends the due outbox emails with SMTP as configured, each taken by this desktop alone: several
   * desktops delivering at once never send one email twice (see outbox.ts).
   */
  async deliverDue(senderFor: (settings: AppSettings) => MailSender = smtpSender, batch?: number): Promise<DeliveryResult> {
    const store = teamDeliveryStore({ transaction: (work) => this.transaction(work), settings: () => this.allSettings() });
    return deliverFrom(store, await this.deliveryClock(), senderFor, batch);
  }

  /** The fixed clock if given, else the server's: this desktop's clock plus its offset from the server, read once. */
  private async deliveryClock(): Promise<Clock> {
    if (this.options.clock) return this.options.clock;
    const offset = Date.parse(await this.read((client) => this.now(client))) - Date.now();
    return { now: () => new Date(Date.now() + offset) };
  }

  async savedSearches(): Promise<SavedSearch[]> {
    return this.read((client) => listSavedSearches(client));
  }

  /** Saves a named filter; refuses a name in use unless `overwrite` is set. */
  async saveSearch(input: SaveSearchRequest): Promise<SavedSearch> {
    return this.transaction(async (client) => saveSearch(client, input, await this.now(client)));
  }

  async deleteSavedSearch(id: number): Promise<{ deleted: number }> {
    await this.transaction((client) => deleteSavedSearch(client, id));
    return { deleted: id };
  }

  async organizations(): Promise<Organization[]> {
    return this.read((client) => listOrganizations(client));
  }

  async saveOrganization(input: OrganizationInput, mode: SaveMode = 'add'): Promise<Organization> {
    const org = readOrganization(input);
    return this.transaction(async (client) => saveOrganization(client, org, mode, await this.now(client)));
  }

  /** All rows or none: every row validated first, then one transaction writes them. */
  async importOrganizations(csvText: string): Promise<Organization[]> {
    const orgs = readOrganizationsCsv(csvText);
    return this.transaction(async (client) => upsertOrganizations(client, orgs, await this.now(client)));
  }

  /** Imports an inventory file (CSV or XLSX) through COPY and a staging table (import-target.ts); a dry run writes nothing. */
  async importFile(request: ImportRun, options: ImportOptions = {}): Promise<ImportReport> {
    const run = parseOrThrow(importRunSchema, request, 'Import');
    return withImportSource(run.source, this.options.importPaths ?? anyImportPath, this.uploads, async (file) => {
      const audit = await this.read(async (client) => ({ at: await this.now(client), actor: await this.actor(client) }));
      return importFileInto(new TeamImportTarget((work) => this.transaction(work)), audit, { file, dryRun: run.dryRun }, options);
    });
  }

  /** The file to offer for an export: a suggestion to edit, or none where a save dialog chooses it. */
  async offerExportFile(format: ExportFormat, suggestedName: string): Promise<ExportFileOffer> {
    return this.exports.offer(format, suggestedName);
  }

  /** Starts exporting every number a search matches, in one snapshot, through a cursor; follow it with exportStatus. */
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

  async recordBillingEvent(): Promise<BillingEventReport> {
    throw notYet('Billing events');
  }

  async importBillingFeed(): Promise<BillingFeedReport> {
    throw notYet('Billing events');
  }

  async importBillingEvents(): Promise<BillingFeedReport> {
    throw notYet('Billing events');
  }

  async chooseImportFile(): Promise<ChosenImportFile> {
    return { upload: true, path: null };
  }

  async numberBilling(): Promise<NumberBilling> {
    throw notYet('Billing events');
  }

  /** A bulk action's dry run: per number, will apply or refused and why; writes nothing. */
  async previewBulk(request: BulkRequest): Promise<BulkPreview> {
    const plan = await this.bulkPlan(request);
    return previewPlan(plan, (numbers) =>
      this.read(async (client) => {
        const acting = await this.acting(client);
        return previewChunk(client, numbers, acting.now, acting.settings);
      }),
    );
  }

  /**
   * Starts a bulk action: every number its own audited event, all sharing the status's batch id,
   * in batches of one transaction each; follow it with bulkStatus. `onChange` hears once, when it
   * ends, what it changed.
   */
  async startBulk(request: BulkRequest, onChange?: (change: BulkChange) => void): Promise<BulkStatus> {
    const plan = await this.bulkPlan(request);
    return this.bulk.start(plan, (change) => {
      void this.noteStock();
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

  /** One piece of a file uploaded for import (browser mode's file input); the first answers the upload's id. */
  async uploadImportFile(piece: unknown): Promise<ImportUpload> {
    return this.uploads.add(piece);
  }

  /** Starts a committed import in batches; follow it with importStatus, stop it with cancelImport. */
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

  /** One page of the activity log: every audit event, newest first, filtered. */
  async activity(request: ActivityRequest = {}): Promise<ActivityPage> {
    return this.snapshot((client) => listActivity(client, request));
  }

  async currentTime(): Promise<string> {
    return this.read((client) => this.now(client));
  }

  /** The dashboard's figures as of now. */
  async dashboard(): Promise<DashboardSummary> {
    return this.snapshot(async (client) => dashboardSummary(client, await this.now(client), await this.settings(client)));
  }

  /**
   * After a change to the numbers (or the threshold): a notice for each country and SKU that fell
   * below the low-stock threshold, as on an inventory file. The change has committed by then; a
   * failure to record the notice is logged and retried with the next change.
   */
  private async checkingStock<T>(change: Promise<T>): Promise<T> {
    const result = await change;
    await this.noteStock();
    return result;
  }

  private async noteStock(): Promise<void> {
    try {
      await this.transaction(async (client) => noteLowStock(client, await this.now(client), await this.settings(client)));
    } catch (error) {
      logFailure(error);
    }
  }
}
