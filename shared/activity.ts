// The activity log: every audit event across the inventory, newest first, filtered by operator,
// action, time range and number pattern, paged from a cursor. Shared by the core, the CLI, export
// and the Activity screen.
import { z } from 'zod';
import type { HistoryEvent } from './domain';
import { ACTION_RULES, OPERATOR_ACTIONS, type OperatorAction } from './lifecycle';
import { MAX_PAGE_SIZE, searchFilterSchema } from './search';

/** Events written by the inventory itself rather than an operator action on one number. */
const SYSTEM_ACTIONS = ['add', 'import', 'expire'] as const;
export const ACTIVITY_ACTIONS = [...SYSTEM_ACTIONS, ...OPERATOR_ACTIONS] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

const SYSTEM_LABELS: Record<(typeof SYSTEM_ACTIONS)[number], string> = { add: 'Added', import: 'Imported', expire: 'Expired' };

/** An event's action as people read it: "Extend Reservation", "Imported". */
export function actionLabel(action: string): string {
  if ((OPERATOR_ACTIONS as readonly string[]).includes(action)) return ACTION_RULES[action as OperatorAction].label;
  return (SYSTEM_LABELS as Record<string, string>)[action] ?? action;
}

export const ACTION_LABELS = Object.fromEntries(ACTIVITY_ACTIONS.map((a) => [a, actionLabel(a)])) as Record<ActivityAction, string>;

/** Matches at most this many events are counted; beyond it the log says "more than 10,000". */
export const ACTIVITY_COUNT_LIMIT = 10_000;

const instant = (what: string) => z.iso.datetime({ error: `${what} must be a date and time (ISO 8601, e.g. 2026-11-16T09:00:00Z)` });

export const activityFilterSchema = z
  .object({
    /** Operator names, any of them, matched without regard to case. */
    actors: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    actions: z.array(z.enum(ACTIVITY_ACTIONS)).max(ACTIVITY_ACTIONS.length).optional(),
    /** From this instant (inclusive). */
    since: instant('"From"').optional(),
    /** Until this instant (exclusive). */
    until: instant('"Until"').optional(),
    /** A number pattern, as in the inventory's search (see PATTERN_HELP). */
    pattern: searchFilterSchema.shape.pattern,
  })
  .refine((f) => !f.since || !f.until || Date.parse(f.since) < Date.parse(f.until), {
    error: '"From" must be before "Until"',
  });
export type ActivityFilter = z.input<typeof activityFilterSchema>;
export type ParsedActivityFilter = z.output<typeof activityFilterSchema>;

/** Where a page ends: the next page holds the events older than this one. */
const cursorSchema = z.object({ at: z.string().min(1).max(40), id: z.number().int().positive() });
export type ActivityCursor = z.output<typeof cursorSchema>;

export const activityRequestSchema = z.object({
  filter: activityFilterSchema.default({}),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  /** The page after this cursor (older events); absent is the newest page. */
  after: cursorSchema.optional(),
});
export type ActivityRequest = z.input<typeof activityRequestSchema>;

export interface ActivityEvent extends HistoryEvent {
  /** The bulk action the event was part of, when it was (from the event's details). */
  batchId: string | null;
}

export interface ActivityPage {
  rows: ActivityEvent[];
  /** The cursor of the next (older) page; null when this is the last. */
  next: ActivityCursor | null;
  /** Events matching the filter, when at most ACTIVITY_COUNT_LIMIT; null when more. */
  total: number | null;
}

/** The key of the event's details naming the bulk action it belongs to. */
export const BATCH_DETAIL_KEY = 'batchId';
