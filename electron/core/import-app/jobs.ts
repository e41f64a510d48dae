// Committed imports started from the app: each a job followed by id for its progress, stopped by
// Cancel between batches (each batch is whole: its rows are in the inventory, the rest not read).
import { randomUUID } from 'node:crypto';
import { InventoryError } from '../../../shared/errors';
import type { ImportJobStatus } from '../../../shared/import-app';
import type { ImportReport } from '../../../shared/transfer';
import { errorInfoOf } from '../failures';

/** Finished jobs kept for status queries. */
const KEEP_FINISHED = 20;

type RunImport = (options: {
  signal: AbortSignal;
  onProgress: (progress: { rows: number; total: number | null; imported: number }) => void;
}) => Promise<ImportReport>;

interface Job {
  status: ImportJobStatus;
  abort: AbortController;
  done: Promise<void>;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  /** Starts `run`; `onEnd` hears how many rows it added, once it ends. */
  start(run: RunImport, onEnd?: (imported: number) => void): ImportJobStatus {
    const id = randomUUID();
    const status: ImportJobStatus = { id, state: 'running', rows: 0, total: null, imported: 0 };
    const abort = new AbortController();
    const done = run({ signal: abort.signal, onProgress: (p) => Object.assign(status, p) })
      .then((report) => {
        Object.assign(status, { state: report.cancelled ? 'cancelled' : 'finished', rows: report.rows, imported: report.imported, report });
      })
      .catch((error: unknown) => {
        Object.assign(status, { state: 'failed', error: errorInfoOf(error) });
      })
      .finally(() => onEnd?.(status.imported));
    this.jobs.set(id, { status, abort, done });
    this.forgetOldJobs();
    return { ...status };
  }

  status(id: string): ImportJobStatus {
    return { ...this.job(id).status };
  }

  cancel(id: string): ImportJobStatus {
    const job = this.job(id);
    if (job.status.state === 'running') job.abort.abort();
    return this.status(id);
  }

  async finished(id: string): Promise<ImportJobStatus> {
    await this.job(id).done;
    return this.status(id);
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new InventoryError('NOT_FOUND', `No import ${id} is known (it may have finished long ago).`);
    return job;
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, job]) => job.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
