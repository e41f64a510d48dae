// Export jobs of the desktop app and browser mode: started by id, polled for progress
// ('export:status'), cancelled ('export:cancel'). Each runs in its own worker thread.
import { randomUUID } from 'node:crypto';
import { InventoryError } from '../../../shared/errors';
import type { ExportStart, ExportStatus } from '../../../shared/transfer';
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
