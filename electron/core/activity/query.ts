// The activity log's SQL: a page of events newest first (at, then id) after a cursor, each filter
// answered from its own index (migration 009) in time order, so a page stops after its rows.
//
// A number pattern joins the numbers table. When the pattern matches few numbers (a bounded probe
// of its index tells), those numbers lead: their events are read by number and sorted, a few
// hundred rows at most. When it matches many ("+1"), the events are walked in time order and each
// one's number is tested, which finds a page after a few steps.
import { ACTIVITY_COUNT_LIMIT, type ActivityCursor, type ParsedActivityFilter } from '../../../shared/activity';
import { EVENT_COLUMNS } from '../numbers/repository';
import { patternCondition } from '../search/pattern';
import type { SqlCondition } from '../search/where';

/** Below this many matching numbers a pattern leads the query (see the file's comment). */
export const PATTERN_LEAD_LIMIT = 2000;

export type PatternPlan = 'lead' | 'walk';

export interface Query {
  sql: string;
  params: unknown[];
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

function conditions(filter: ParsedActivityFilter, after?: ActivityCursor): SqlCondition[] {
  const parts: SqlCondition[] = [];
  if (filter.actors?.length) parts.push({ sql: `e.actor COLLATE NOCASE IN (${placeholders(filter.actors)})`, params: [...filter.actors] });
  if (filter.actions?.length) parts.push({ sql: `e.action IN (${placeholders(filter.actions)})`, params: [...filter.actions] });
  if (filter.since) parts.push({ sql: 'e.at >= ?', params: [new Date(filter.since).toISOString()] });
  if (filter.until) parts.push({ sql: 'e.at < ?', params: [new Date(filter.until).toISOString()] });
  if (filter.pattern) parts.push(patternCondition(filter.pattern));
  // Row values: SQLite walks the time index from the cursor on.
  if (after) parts.push({ sql: '(e.at, e.id) < (?, ?)', params: [after.at, after.id] });
  return parts;
}

/** FROM and WHERE: CROSS JOIN fixes which table leads (see the file's comment). */
function source(filter: ParsedActivityFilter, plan: PatternPlan, after?: ActivityCursor): Query {
  const parts = conditions(filter, after);
  const from =
    filter.pattern && plan === 'lead'
      ? 'numbers n CROSS JOIN events e ON e.number_id = n.id'
      : 'events e CROSS JOIN numbers n ON n.id = e.number_id';
  const where = parts.length ? `WHERE ${parts.map((p) => `(${p.sql})`).join(' AND ')}` : '';
  return { sql: `FROM ${from} ${where}`, params: parts.flatMap((p) => p.params) };
}

export function activityPageQuery(filter: ParsedActivityFilter, limit: number, plan: PatternPlan, after?: ActivityCursor): Query {
  const from = source(filter, plan, after);
  return { sql: `SELECT ${EVENT_COLUMNS} ${from.sql} ORDER BY e.at DESC, e.id DESC LIMIT ?`, params: [...from.params, limit] };
}

/**
 * Counts the matches up to one past the limit: "more than 10,000" costs no more than 10,001.
 * An export counts them all (limit -1, SQLite's "no limit").
 */
export function activityCountQuery(filter: ParsedActivityFilter, plan: PatternPlan, limit = ACTIVITY_COUNT_LIMIT + 1): Query {
  const from = source(filter, plan);
  return { sql: `SELECT count(*) FROM (SELECT 1 ${from.sql} LIMIT ?)`, params: [...from.params, limit] };
}

/** Every match in log order, for export. */
export function activityExportQuery(filter: ParsedActivityFilter, plan: PatternPlan, columns: string): Query {
  const from = source(filter, plan);
  return { sql: `SELECT ${columns} ${from.sql} ORDER BY e.at DESC, e.id DESC`, params: from.params };
}

/** The probe that tells a pattern matching few numbers from one matching many. */
export function patternProbeQuery(pattern: string): Query {
  const condition = patternCondition(pattern);
  return {
    sql: `SELECT count(*) FROM (SELECT 1 FROM numbers n WHERE ${condition.sql} LIMIT ?)`,
    params: [...condition.params, PATTERN_LEAD_LIMIT],
  };
}
