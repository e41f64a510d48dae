// Export jobs of the desktop app and browser mode: started by id, polled for progress
// ('export:status'), cancelled ('export:cancel'). Each runs in its own worker thread.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';
import type { ExportStart, ExportStatus } from '../../../shared/transfer';
import type { Db } from '../db/connection';
import { startExport, type ExportHandle, type WorkerLocation } from './worker-host';

/** Finished jobs kept for status queries. */
const KEEP_FINISHED = 20;

export class ExportJobs {
  private readonly jobs = new Map<string, { status: ExportStatus; handle: ExportHandle }>();

  constructor(
    private readonly dbFile: string,
    private readonly location: WorkerLocation = {},
    private readonly onFinished?: (status: ExportStatus) => void,
  ) {}

  start(request: ExportStart): ExportStatus {
    const id = randomUUID();
    const status: ExportStatus = { id, state: 'running', format: request.format, file: request.out, rows: 0, total: 0 };
    const handle = startExport(this.dbFile, request, (p) => Object.assign(status, { rows: p.rows, total: p.total }), this.location);
    this.jobs.set(id, { status, handle });
    void handle.done.then((outcome) => {
      if (outcome.status === 'done') Object.assign(status, { state: 'done', rows: outcome.summary.rows, file: outcome.summary.file });
      else if (outcome.status === 'cancelled') status.state = 'cancelled';
      else Object.assign(status, { state: 'failed', error: outcome.error.message });
      this.prune();
      this.onFinished?.({ ...status });
    });
    return { ...status };
  }

  status(id: string): ExportStatus {
    const job = this.jobs.get(id);
    if (!job) throw new InventoryError('NOT_FOUND', `Export ${id} is not known`);
    return { ...job.status };
  }

  cancel(id: string): ExportStatus {
    const job = this.jobs.get(id);
    if (!job) throw new InventoryError('NOT_FOUND', `Export ${id} is not known`);
    if (job.status.state === 'running') job.handle.cancel();
    return { ...job.status };
  }

  /** Waits for a job to end (tests, CLI). */
  async finished(id: string): Promise<ExportStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new InventoryError('NOT_FOUND', `Export ${id} is not known`);
    await job.handle.done;
    // The status is updated in the same microtask chain as done; let it run.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return { ...job.status };
  }

  /** Cancels every running export (the app is closing). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status.state === 'running') job.handle.cancel();
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}

// One job registry per database connection, so the handlers need no new state on Inventory.
const registries = new WeakMap<Db, ExportJobs>();
let workerLocation: WorkerLocation = {};

/**
 * Where the export worker script and the native SQLite binding are: the desktop app's main process
 * calls this at start (the Electron-ABI binding; the worker bundle beside the main bundle).
 */
export function setExportWorkerLocation(location: WorkerLocation): void {
  workerLocation = { ...location };
}

export function exportJobsOf(db: Db): ExportJobs {
  let jobs = registries.get(db);
  if (!jobs) {
    jobs = new ExportJobs(db.name, workerLocation);
    registries.set(db, jobs);
  }
  return jobs;
}

/** Where to offer saving an export when there is no save dialog: Downloads (else home), a safe file name. */
export function suggestedExportPath(suggestedName: string, format: 'csv' | 'xlsx'): string {
  const downloads = path.join(os.homedir(), 'Downloads');
  const folder = fs.existsSync(downloads) ? downloads : os.homedir();
  const base =
    path
      .basename(suggestedName)
      .replace(/[^\w.-]+/g, '-')
      .replace(/\.(csv|xlsx)$/i, '') || 'numbers';
  return path.join(folder, `${base}.${format}`);
}
