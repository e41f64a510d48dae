// Bulk actions: one operator action over many numbers, chosen one by one or as every number a
// search matches. A preview says per number whether the action will apply or why it is refused,
// writing nothing; an apply performs the action number by number (each its own audited event),
// and the events of one apply share a batch id (in their details, under shared/activity.ts BATCH_DETAIL_KEY).
import { z } from 'zod';
import type { NumberState } from './domain';
import type { ErrorCode, ErrorInfo } from './errors';
import { OPERATOR_ACTIONS, type OperatorAction } from './lifecycle';
import { searchFilterSchema } from './search';

/** The most numbers one bulk action takes: thousands, in batches, never the whole inventory by mistake. */
export const MAX_BULK_NUMBERS = 10_000;

/** The numbers one by one, or every number a search filter matches ("select all N matching"). */
const bulkTargetSchema = z
  .object({
    numbers: z
      .array(z.string().max(60), { error: 'Numbers must be a list' })
      .min(1, { error: 'Choose at least one number' })
      .max(MAX_BULK_NUMBERS, { error: `A bulk action takes at most ${MAX_BULK_NUMBERS.toLocaleString('en-US')} numbers` })
      .optional(),
    filter: searchFilterSchema.optional(),
  })
  .refine((target) => (target.numbers === undefined) !== (target.filter === undefined), {
    error: 'Choose the numbers or a search filter (one of them)',
  });

export const bulkRequestSchema = z.object({
  action: z.enum(OPERATOR_ACTIONS, { error: `Action must be one of: ${OPERATOR_ACTIONS.join(', ')}` }),
  /** The action's fields except the number (remark, Org UUID, ...), the same for every number. */
  fields: z.record(z.string(), z.unknown()).default({}),
  target: bulkTargetSchema,
});
export type BulkRequest = z.input<typeof bulkRequestSchema>;

export interface BulkRefusal {
  number: string;
  code: ErrorCode;
  message: string;
}

/** One number of a preview: the action will apply to it, or it is refused and why. */
export interface BulkPreviewRow {
  number: string;
  /** Null when the number is not in the inventory. */
  state: NumberState | null;
  outcome: 'apply' | 'refused';
  refusal?: Omit<BulkRefusal, 'number'>;
}

export interface BulkPreview {
  action: OperatorAction;
  rows: BulkPreviewRow[];
  willApply: number;
  refused: number;
}

type BulkJobState = 'running' | 'finished' | 'cancelled' | 'failed';

export interface BulkStatus {
  id: string;
  /** Recorded on every audit event the apply writes. */
  batchId: string;
  action: OperatorAction;
  state: BulkJobState;
  total: number;
  processed: number;
  applied: number;
  refusals: BulkRefusal[];
  /** Why it stopped, when it failed. */
  error?: ErrorInfo;
}
