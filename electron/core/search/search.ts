// Searching the inventory: one page of records, the total, and the counts per state.
//
// At a million numbers every query here is answered from an index (migration 002):
// - a page walks the sort column's (state, column, number) index and stops after the page; pages
//   in the second half of the result are read walking the index backwards from the end, so the
//   deepest page costs no more than the first;
// - the total and the tab counts of a filter that is only a state choice are read from
//   number_state_counts (kept by triggers); other filters are counted per state on an index.
import type { NumberRecord, NumberState } from '../../../shared/domain';
import { NUMBER_STATES } from '../../../shared/domain';
import { searchFilterSchema, searchRequestSchema, type ParsedSearchFilter, type SearchResult, type SortField } from '../../../shared/search';
import type { Db } from '../db/connection';
import { NUMBER_COLUMNS, toRecord, type NumberRow } from '../numbers/rows';
import { parseOrThrow } from '../validation';
import { whereClause } from './where';

const SORT_COLUMNS: Record<SortField, string> = {
  number: 'n.number',
  state: 'n.state',
  country: 'n.country',
  vendor: 'n.vendor',
  sku: 'n.sku',
  routing: 'n.routing',
  expiresAt: 'n.expires_at',
  createdAt: 'n.created_at',
  updatedAt: 'n.updated_at',
};

type Direction = 'ASC' | 'DESC';
const flip = (d: Direction): Direction => (d === 'ASC' ? 'DESC' : 'ASC');

export function orderBy(field: SortField, direction: Direction): string {
  return field === 'number' ? `n.number ${direction}` : `${SORT_COLUMNS[field]} ${direction}, n.number ${direction}`;
}

/** True when the filter chooses nothing but states: its counts are the maintained per-state totals. */
function onlyStates(filter: ParsedSearchFilter): boolean {
  return Object.entries(filter).every(([key, value]) => key === 'states' || value === undefined || (Array.isArray(value) && value.length === 0) || value === '');
}

function maintainedCounts(db: Db): Record<NumberState, number> {
  const counts = Object.fromEntries(NUMBER_STATES.map((s) => [s, 0])) as Record<NumberState, number>;
  for (const { state, count } of db.prepare('SELECT state, count FROM number_state_counts').all() as { state: NumberState; count: number }[]) {
    counts[state] = count;
  }
  return counts;
}

function totalOf(db: Db, filter: ParsedSearchFilter): number {
  if (onlyStates(filter)) {
    const counts = maintainedCounts(db);
    const states = filter.states?.length ? filter.states : NUMBER_STATES;
    return [...new Set(states)].reduce((sum, s) => sum + counts[s], 0);
  }
  const where = whereClause(filter);
  return db.prepare(`SELECT count(*) FROM numbers n WHERE ${where.sql}`).pluck().get(...where.params) as number;
}

export interface Query {
  sql: string;
  params: unknown[];
}

/** The SELECT of one page; `backwards` walks the order reversed (the caller reverses the rows). */
export function pageQuery(filter: ParsedSearchFilter, sort: { field: SortField; direction: 'asc' | 'desc' }, limit: number, offset: number, backwards = false): Query {
  const where = whereClause(filter);
  const direction: Direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return {
    sql: `SELECT ${NUMBER_COLUMNS} FROM numbers n WHERE ${where.sql} ORDER BY ${orderBy(sort.field, backwards ? flip(direction) : direction)} LIMIT ? OFFSET ?`,
    params: [...where.params, limit, offset],
  };
}

export function searchNumbers(db: Db, rawRequest: unknown): SearchResult<NumberRecord> {
  const request = parseOrThrow(searchRequestSchema, rawRequest ?? {}, 'Search');
  const total = totalOf(db, request.filter);
  const offset = request.page * request.pageSize;
  if (offset >= total) return { total, page: request.page, pageSize: request.pageSize, rows: [] };
  const limit = Math.min(request.pageSize, total - offset);
  // Deep pages: OFFSET steps through every skipped index entry, so read the second half backwards.
  const fromEnd = total - offset - limit;
  const backwards = fromEnd < offset;
  const query = pageQuery(request.filter, request.sort, limit, backwards ? fromEnd : offset, backwards);
  const rows = db.prepare(query.sql).all(...query.params) as NumberRow[];
  if (backwards) rows.reverse();
  return { total, page: request.page, pageSize: request.pageSize, rows: rows.map(toRecord) };
}

/**
 * Filters that pick few rows through an index of their own (the trigram index, a UUID or domain
 * index): counted in one pass grouped by state. Every other filter is counted state by state on a
 * (state, column) index, because a GROUP BY over them would walk the whole inventory.
 */
function hasSelectiveDriver(filter: ParsedSearchFilter): boolean {
  const pattern = filter.pattern ?? '';
  const patternDrives = pattern.startsWith('+') ? pattern.length >= 3 : pattern.replace(/[*?]/g, '').length >= 3;
  return patternDrives || Boolean(filter.visibleTo?.length || filter.subscriptionUuid || filter.ownerUuid || filter.query);
}

/** The statements countByState runs for a filter (none when the maintained totals answer). */
export function countQueries(filter: ParsedSearchFilter): Query[] {
  if (onlyStates(filter)) return [];
  const where = whereClause(filter, { ignoreStates: true });
  if (hasSelectiveDriver(filter)) return [{ sql: `SELECT n.state AS state, count(*) AS c FROM numbers n WHERE ${where.sql} GROUP BY n.state`, params: where.params }];
  return NUMBER_STATES.map((s) => ({ sql: `SELECT n.state AS state, count(*) AS c FROM numbers n WHERE n.state = ? AND (${where.sql})`, params: [s, ...where.params] }));
}

/** Numbers per state under a filter, ignoring the filter's own state choice (the tabs show every state). */
export function countByState(db: Db, rawFilter: unknown): Record<NumberState, number> {
  const filter = parseOrThrow(searchFilterSchema, rawFilter ?? {}, 'Search');
  if (onlyStates(filter)) return maintainedCounts(db);
  const counts = Object.fromEntries(NUMBER_STATES.map((s) => [s, 0])) as Record<NumberState, number>;
  for (const query of countQueries(filter)) {
    for (const { state, c } of db.prepare(query.sql).all(...query.params) as { state: NumberState | null; c: number }[]) {
      if (state) counts[state] = c;
    }
  }
  return counts;
}
