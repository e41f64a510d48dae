// One page of the activity log, the cursor of the next and the (bounded) count of matches.
import {
  activityRequestSchema,
  BATCH_DETAIL_KEY,
  ACTIVITY_COUNT_LIMIT,
  type ActivityEvent,
  type ActivityPage,
  type ParsedActivityFilter,
} from '../../../shared/activity';
import { toHistoryEvent, type EventRow } from '../numbers/repository';
import type { Db } from '../db/connection';
import { parseOrThrow } from '../validation';
import { activityCountQuery, activityPageQuery, patternProbeQuery, PATTERN_LEAD_LIMIT, type PatternPlan } from './query';

/** How a filter's number pattern is used: see query.ts. */
export function patternPlan(db: Db, filter: ParsedActivityFilter): PatternPlan {
  if (!filter.pattern) return 'walk';
  const probe = patternProbeQuery(filter.pattern);
  const matches = db
    .prepare(probe.sql)
    .pluck()
    .get(...probe.params) as number;
  return matches < PATTERN_LEAD_LIMIT ? 'lead' : 'walk';
}

/** The bulk action an event was part of, from its details. */
export function batchIdOf(details: Record<string, unknown>): string | null {
  const batch = details[BATCH_DETAIL_KEY];
  return typeof batch === 'string' || typeof batch === 'number' ? String(batch) : null;
}

function toEvent(r: EventRow): ActivityEvent {
  const event = toHistoryEvent(r);
  return { ...event, batchId: batchIdOf(event.details) };
}

export function listActivity(db: Db, rawRequest: unknown): ActivityPage {
  const request = parseOrThrow(activityRequestSchema, rawRequest ?? {}, 'Activity');
  // One read transaction: the page and its count come from the same snapshot.
  return db.transaction(() => {
    const plan = patternPlan(db, request.filter);
    // One row more than the page tells whether another page follows.
    const page = activityPageQuery(request.filter, request.pageSize + 1, plan, request.after);
    const rows = (db.prepare(page.sql).all(...page.params) as EventRow[]).map(toEvent);
    const more = rows.length > request.pageSize;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    const count = activityCountQuery(request.filter, plan);
    const total = db
      .prepare(count.sql)
      .pluck()
      .get(...count.params) as number;
    return {
      rows,
      next: more && last ? { at: last.at, id: last.id } : null,
      total: total > ACTIVITY_COUNT_LIMIT ? null : total,
    };
  })();
}
