// Bulk actions on a team database: the core's plan, preview rules, jobs and refusals
// (bulk/), with a batch written as one PostgreSQL transaction in which each number is its own
// savepoint with its own audit event, so a refusal of one undoes only that number. A number
// another desktop changed since it was read is refused as STALE_VERSION, as a single action is.
import type pg from 'pg';
import { BATCH_DETAIL_KEY } from '../../../../shared/activity';
import type { BatchOutcome } from '../../bulk/jobs';
import type { BulkPlan } from '../../bulk/bulk-request';
import type { PreviewChunk } from '../../bulk/preview';
import { refusalOf } from '../../bulk/refusal';
import type { NumberRow } from '../../numbers/rows';
import { notInInventory, PG_NUMBER_COLUMNS, requireRow } from './numbers';
import { writeTransition, type ActingAs } from './transitions';

type Client = Pick<pg.ClientBase, 'query'>;

/** In the caller's transaction: applies one batch, each number whole or not at all. */
export async function applyBatch(
  client: Client,
  plan: BulkPlan,
  batchId: string,
  batch: string[],
  acting: ActingAs,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { applied: [], refusals: [] };
  for (const e164 of batch) {
    let row: NumberRow | undefined;
    await client.query('SAVEPOINT bulk_number');
    try {
      row = await requireRow(client, e164);
      await writeTransition(client, row, plan.requestFor(e164), acting, { details: { [BATCH_DETAIL_KEY]: batchId } });
      await client.query('RELEASE SAVEPOINT bulk_number');
      outcome.applied.push({ number: e164, from: row.state });
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT bulk_number');
      outcome.refusals.push(refusalOf(error, row, e164));
    }
  }
  return outcome;
}

/** A chunk of a preview: the numbers read with one query. */
export async function previewChunk(
  client: Client,
  numbers: string[],
  now: string,
  settings: PreviewChunk['settings'],
): Promise<PreviewChunk> {
  const { rows } = await client.query<NumberRow>(`SELECT ${PG_NUMBER_COLUMNS} FROM numbers n WHERE n.number = ANY($1)`, [numbers]);
  const byNumber = new Map(rows.map((row) => [row.number, row]));
  return {
    find(e164) {
      const row = byNumber.get(e164);
      if (!row) throw notInInventory(e164);
      return row;
    },
    now,
    settings,
  };
}
