// The inventory's exports: started by id, followed for progress, cancelled, each in its own worker
// thread, and stopped (their partial files removed) when the inventory closes. Owned by the
// Inventory, configured when it opens: where exports may be written (path-policy.ts) and where the
// worker and the native SQLite binding are.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';
import type { ExportStart, ExportStatus } from '../../../shared/transfer';
import { logFailure } from '../failures';
import { parseOrThrow } from '../validation';
import { ExportJournal } from './journal';
import { createPartial, discardPartial, type PartialFile } from './partial-file';
import { anyFolder, suggestedExportPath, type ExportPathPolicy } from './path-policy';
import { exportRequestSchema, type ExportFormat, type ExportProgress, type ExportRequest } from './types';
import { startExport, workerScriptOf, type ExportHandle, type ExportOutcome, type WorkerLocation } from './worker-host';

/** Finished jobs kept for status queries. */
const KEEP_FINISHED = 20;

/** Runs one export (validated, its file allowed) into the FILE.partial created for it. */
export type ExportRunner = (request: ExportRequest, partial: PartialFile, onProgress: (progress: ExportProgress) => void) => ExportHandle;

export interface ExportJobsOptions {
  /** Where exports may be written; by default anywhere (the CLI: where its user asks). */
  paths?: ExportPathPolicy;
  worker?: WorkerLocation;
  /** How an export runs; by default in a worker thread reading the inventory file (worker-host.ts). */
  run?: ExportRunner;
}

/** A file to offer for an export: a suggestion where the user types the path, or none where the Save dialog chooses it. */
export interface ExportFileOffer {
  path: string | null;
  editable: boolean;
}

interface Job {
  status: ExportStatus;
  handle: ExportHandle;
  partial: PartialFile;
  record: string | null;
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly journal: ExportJournal;
  private readonly paths: ExportPathPolicy;
  private readonly worker: WorkerLocation;
  private readonly run: ExportRunner | undefined;

  constructor(
    private readonly dbFile: string,
    options: ExportJobsOptions = {},
  ) {
    this.journal = new ExportJournal(dbFile);
    this.paths = options.paths ?? anyFolder;
    this.worker = options.worker ?? {};
    this.run = options.run;
  }

  /** The runner for the next export; the worker's is checked before anything is written (a build without it is refused). */
  private runner(): ExportRunner {
    if (this.run) return this.run;
    const worker = { ...this.worker, workerScript: workerScriptOf(this.worker) };
    return (request, partial, onProgress) => startExport(this.dbFile, request, partial, onProgress, worker);
  }

  /** Removes the partial files of exports an earlier run was killed in (see journal.ts). */
  removeLeftovers(): void {
    this.journal.removeLeftovers();
  }

  offer(format: ExportFormat, suggestedName: string): ExportFileOffer {
    return this.paths.typedPaths ? { path: suggestedExportPath(suggestedName, format), editable: true } : { path: null, editable: false };
  }

  /**
   * Starts an export; refused at once (nothing written) when its file may not be written here, is
   * not named for its format, or its FILE.partial cannot be created.
   */
  start(rawRequest: ExportStart, onProgress?: (status: ExportStatus) => void): ExportStatus {
    const request = parseOrThrow(exportRequestSchema, rawRequest, 'Export');
    // A file not named for the export is never touched: a page cannot overwrite ~/.bashrc with rows.
    if (path.extname(request.out).toLowerCase() !== `.${request.format}`) {
      throw new InventoryError('INVALID_INPUT', `Export: the file name must end in .${request.format} (got ${path.basename(request.out)})`);
    }
    const out = this.paths.check(request.out);
    const run = this.runner();
    const { partial, fd } = createPartial(out);
    fs.closeSync(fd);
    const record = this.journal.record(partial);
    const id = randomUUID();
    const status: ExportStatus = { id, state: 'running', format: request.format, file: out, rows: 0, total: 0 };
    let handle: ExportHandle;
    try {
      handle = run({ ...request, out }, partial, (progress) => {
        Object.assign(status, progress);
        onProgress?.({ ...status });
      });
    } catch (error) {
      this.discard(partial, record);
      throw error;
    }
    this.jobs.set(id, { status, handle, partial, record });
    handle.done.then((outcome) => this.ended(status, outcome, partial, record)).catch(logFailure);
    return { ...status };
  }

  private ended(status: ExportStatus, outcome: ExportOutcome, partial: PartialFile, record: string | null): void {
    if (outcome.status === 'done') {
      Object.assign(status, { state: 'done', rows: outcome.summary.rows, file: outcome.summary.file });
      this.journal.forget(record);
    } else {
      if (outcome.status === 'cancelled' || status.state === 'cancelled') status.state = 'cancelled';
      else Object.assign(status, { state: 'failed', error: outcome.error });
      this.discard(partial, record);
    }
    this.prune();
  }

  /** Removes a partial file and, once it is gone, its record. */
  private discard(partial: PartialFile, record: string | null): void {
    if (discardPartial(partial)) this.journal.forget(record);
  }

  status(id: string): ExportStatus {
    return { ...this.job(id).status };
  }

  cancel(id: string): ExportStatus {
    const job = this.job(id);
    if (job.status.state === 'running') job.handle.cancel();
    return { ...job.status };
  }

  /** Waits for a job to end (the CLI, tests). */
  async finished(id: string): Promise<ExportStatus> {
    const job = this.job(id);
    await job.handle.done;
    // The status is updated in the same microtask chain as done; let it run.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return { ...job.status };
  }

  /**
   * Stops every running export and removes its partial file at once (the inventory is closing: the
   * process may end before a worker would notice a cancellation). Resolves when the workers stopped.
   */
  closeAll(): Promise<void> {
    const stopped: Promise<void>[] = [];
    for (const job of this.jobs.values()) {
      if (job.status.state !== 'running') continue;
      job.status.state = 'cancelled';
      job.handle.cancel();
      stopped.push(job.handle.terminate().catch(logFailure));
      this.discard(job.partial, job.record);
    }
    return Promise.all(stopped).then(() => undefined);
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new InventoryError('NOT_FOUND', `Export ${id} is not known`);
    return job;
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
