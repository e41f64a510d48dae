// Applying a billing feed (CSV or JSON Lines from billing) row by row.
//
// A committed run first reads the whole file for its shape (header, every limit) so a hostile or
// foreign file is refused with nothing written, then applies the rows in the file's order, each
// its own transaction (applyBillingEvent). Killed midway it keeps every row committed, and a second
// run finds those "already applied": the end state is that of one uninterrupted run.
//
// A dry run applies the same rows on a connection of its own inside one transaction it rolls back,
// so each row is judged after the rows before it, as the commit will judge it. It holds the write
// lock while it runs (about a second for 10,000 rows); other writers wait for it.
import path from 'node:path';
import { z } from 'zod';
import {
  BILLING_OUTCOMES,
  type BillingEventReport,
  type BillingFeedReport,
  type BillingFeedRow,
  type BillingOutcome,
  type BillingRowStatus,
} from '../../../shared/billing';
import type { CoreContext } from '../context';
import type { Db } from '../db/connection';
import { requireRegularFile } from '../regular-file';
import { parseOrThrow } from '../validation';
import { applyBillingEvent } from './apply';
import { feedRows } from './feed-rows';

const MAX_LISTED_ROWS = 10_000;
/** Rows between two yields to the event loop, so the app stays responsive during a long feed. */
const ROWS_PER_YIELD = 200;

const billingFeedRequestSchema = z.object({
  file: z.string().trim().min(1).max(4096),
  dryRun: z.boolean().default(true),
  /** The name the audit trail gives the file (an upload's own name), when not the file's. */
  name: z.string().trim().min(1).max(255).optional(),
});

export interface BillingFeedProgress {
  rows: number;
  /** Data rows in the file (known for a committed run after its check pass). */
  total: number | null;
}

export interface BillingFeedOptions {
  onProgress?: (progress: BillingFeedProgress) => void;
  /** Opens a connection of its own on the same database, for a dry run. */
  openScratch: () => Db;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function statusOf(report: BillingEventReport): BillingRowStatus {
  if (report.unmatched !== null) return 'unmatched';
  return report.results.some((r) => r.outcome === 'changed') ? 'applied' : 'unchanged';
}

export async function importBillingFeed(ctx: CoreContext, raw: unknown, options: BillingFeedOptions): Promise<BillingFeedReport> {
  const request = parseOrThrow(billingFeedRequestSchema, raw, 'Billing events');
  const file = path.resolve(request.file);
  requireRegularFile(file, 'Billing events');
  let total: number | null = null;
  if (!request.dryRun) {
    total = 0;
    for await (const _row of feedRows(file)) total++;
  }
  const db = request.dryRun ? options.openScratch() : ctx.db;
  const runCtx: CoreContext = { ...ctx, db };
  if (request.dryRun) db.exec('BEGIN IMMEDIATE');
  try {
    return await applyRows(runCtx, file, request.name ?? path.basename(file), request.dryRun, total, options);
  } finally {
    if (request.dryRun) {
      db.exec('ROLLBACK');
      db.close();
    }
  }
}

async function applyRows(
  ctx: CoreContext,
  file: string,
  name: string,
  dryRun: boolean,
  total: number | null,
  options: BillingFeedOptions,
): Promise<BillingFeedReport> {
  const counts: Record<BillingRowStatus, number> = { applied: 0, unchanged: 0, unmatched: 0, invalid: 0 };
  const outcomes = Object.fromEntries(BILLING_OUTCOMES.map((o) => [o, 0])) as Record<BillingOutcome, number>;
  const results: BillingFeedRow[] = [];
  let rows = 0;
  const list = (row: BillingFeedRow) => {
    counts[row.status]++;
    if (results.length < MAX_LISTED_ROWS) results.push(row);
  };
  const source = { file: name, actor: ctx.actor };
  for await (const row of feedRows(file)) {
    rows++;
    if (!row.ok) list({ line: row.line, status: 'invalid', reason: row.reason });
    else {
      // Within a dry run's transaction this is a savepoint; otherwise its own transaction.
      const report = applyBillingEvent(ctx, row.event, source, false);
      for (const r of report.results) outcomes[r.outcome]++;
      list({
        line: row.line,
        status: statusOf(report),
        report: { ...report, dryRun },
        ...(report.unmatched ? { reason: report.unmatched } : {}),
      });
    }
    if (rows % ROWS_PER_YIELD === 0) {
      options.onProgress?.({ rows, total });
      await yieldToEventLoop();
    }
  }
  options.onProgress?.({ rows, total });
  return { file: name, dryRun, rows, counts, outcomes, results, resultsTruncated: rows > results.length };
}
