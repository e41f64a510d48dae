// Applying bulk actions: each a job followed by id for progress, cancellable between batches.
// A batch of numbers is one transaction of the store's (IMMEDIATE on SQLite); inside it each number
// is its own savepoint with its own audit event, so a refusal of one rolls back only that number and never blocks the
// others. Between batches the job yields, so requests (progress, the grid) are answered meanwhile.
import { randomUUID } from 'node:crypto';
import type { BulkStatus } from '../../../shared/bulk';
import type { NumberState } from '../../../shared/domain';
import { InventoryError } from '../../../shared/errors';
import { ACTION_RULES } from '../../../shared/lifecycle';
import type { CoreContext } from '../context';
import { errorInfoOf } from '../failures';
import { applyAction } from '../lifecycle/perform';
import { requireRow } from '../numbers/repository';
import type { NumberRow } from '../numbers/rows';
import type { BulkPlan } from './bulk-request';
import { nextTurn } from './next-turn';
import { refusalOf } from './refusal';

/**
 * Numbers per transaction: small enough that the process answers other requests often. Measured on
 * this 2-core machine while the test suite ran beside it: 200 numbers held the process up to 1.3 s
 * (10,000 numbers in 36 s, each written with its event, trigram and count triggers); 50 held it at
 * most 0.8 s (the commit's share grows), for about the same total.
 */
const BULK_BATCH_SIZE = 50;
/** Finished jobs kept for status queries. */
const KEEP_FINISHED = 20;

/** What a finished job changed, for the change event that refreshes open windows. */
export interface BulkChange {
  numbers: string[];
  states: NumberState[];
}

interface Job {
  status: BulkStatus;
  cancelRequested: boolean;
  done: Promise<BulkStatus>;
}

/** What one batch did: the numbers changed (with the state each left) and those refused. */
export interface BatchOutcome {
  applied: { number: string; from: NumberState }[];
  refusals: BulkStatus['refusals'];
}

/** Applies one batch of a bulk action in one transaction of the store's, each number whole or not at all. */
export type BatchWriter = (plan: BulkPlan, batchId: string, batch: string[]) => Promise<BatchOutcome>;

/** The inventory file's batches: one IMMEDIATE transaction, each number its own savepoint with its own audit event. */
export function sqliteBatches(context: () => CoreContext): BatchWriter {
  return async (plan, batchId, batch) => {
    const ctx = context();
    return ctx.db.transaction(() => applyBatch(ctx, plan, batchId, batch)).immediate();
  };
}

function applyBatch(ctx: CoreContext, plan: BulkPlan, batchId: string, batch: string[]): BatchOutcome {
  const applied: BatchOutcome['applied'] = [];
  const refusals: BulkStatus['refusals'] = [];
  for (const e164 of batch) {
    let row: NumberRow | undefined;
    try {
      row = requireRow(ctx.db, e164);
      const current = row;
      // A nested transaction is a savepoint: a refusal undoes this number only.
      ctx.db.transaction(() => applyAction(ctx, current, plan.requestFor(e164), batchId))();
      applied.push({ number: e164, from: current.state });
    } catch (error) {
      refusals.push(refusalOf(error, row, e164));
    }
  }
  return { applied, refusals };
}

export class BulkJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly writeBatch: BatchWriter) {}

  start(plan: BulkPlan, onChange?: (change: BulkChange) => void, batchSize = BULK_BATCH_SIZE): BulkStatus {
    const id = randomUUID();
    const status: BulkStatus = {
      id,
      batchId: randomUUID(),
      action: plan.action,
      state: 'running',
      total: plan.numbers.length + plan.unreadable.length,
      processed: plan.unreadable.length,
      applied: 0,
      refusals: [...plan.unreadable],
    };
    const job: Job = { status, cancelRequested: false, done: Promise.resolve(status) };
    job.done = this.run(job, plan, batchSize, onChange);
    this.jobs.set(id, job);
    this.forgetOldJobs();
    return { ...status, refusals: [...status.refusals] };
  }

  status(id: string): BulkStatus {
    const { status } = this.job(id);
    return { ...status, refusals: [...status.refusals] };
  }

  /** Stops the job before its next batch; what was applied stays applied (each number is whole). */
  cancel(id: string): BulkStatus {
    const job = this.job(id);
    if (job.status.state === 'running') job.cancelRequested = true;
    return this.status(id);
  }

  async finished(id: string): Promise<BulkStatus> {
    await this.job(id).done;
    return this.status(id);
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new InventoryError('NOT_FOUND', `No bulk action ${id} is known (it may have finished long ago).`);
    return job;
  }

  private async run(job: Job, plan: BulkPlan, batchSize: number, onChange?: (change: BulkChange) => void): Promise<BulkStatus> {
    const { status } = job;
    const changed: string[] = [];
    const states = new Set<NumberState>([ACTION_RULES[plan.action].to]);
    try {
      for (let start = 0; start < plan.numbers.length; start += batchSize) {
        // The first batch also waits a turn: the caller has its status before any number changes.
        await nextTurn();
        if (job.cancelRequested) {
          status.state = 'cancelled';
          break;
        }
        const batch = plan.numbers.slice(start, start + batchSize);
        const outcome = await this.writeBatch(plan, status.batchId, batch);
        for (const { number, from } of outcome.applied) {
          changed.push(number);
          states.add(from);
        }
        status.applied += outcome.applied.length;
        status.refusals.push(...outcome.refusals);
        status.processed += batch.length;
      }
      if (status.state === 'running') status.state = 'finished';
    } catch (error) {
      status.state = 'failed';
      status.error = errorInfoOf(error);
    }
    if (changed.length && onChange) onChange({ numbers: changed, states: [...states] });
    return status;
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, job]) => job.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
