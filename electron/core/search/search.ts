// Searching the inventory: one page of records, the total, and the counts per state.
//
// At a million numbers every query here is answered from an index (migration 002):
// - a page walks the sort column's (state, column, number) index and stops after the page; when
//   the total is known, pages in the second half of the result are read walking the index
//   backwards from the end, so the deepest page costs no more than the first;
// - a number pattern the trigram index answers with few matches leads the query instead (a
//   bounded probe of the index tells few from many);
// - the total and the tab counts of a filter that is only a state choice are read from
//   number_state_counts (kept by triggers); other filters are counted per state on an index. The
//   grid takes its total from the tab counts and asks for pages without one (withTotal: false).
import type { NumberRecord, NumberState } from '../../../shared/domain';
import { NUMBER_STATES } from '../../../shared/domain';
import {
  isEmptyFilterValue,
  searchFilterSchema,
  searchRequestSchema,
  type ParsedSearchFilter,
  type SearchResult,
  type SortField,
} from '../../../shared/search';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { NUMBER_COLUMNS, toRecord, type NumberRow } from '../numbers/rows';
import { parseOrThrow } from '../validation';
import { withStoredCase } from './stored-values';
import { trigramGlobs, whereClause, type WhereOptions } from './where';

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

/**
 * Ties are broken by the number, except country, vendor and SKU, which break ties by the other two
 * first: the order their indexes (migration 004) hold, so a filter on one sorted by another reads
 * one index in order.
 */
const TIE_BREAKERS: Partial<Record<SortField, string[]>> = {
  country: ['n.vendor', 'n.sku'],
  vendor: ['n.country', 'n.sku'],
  sku: ['n.country', 'n.vendor'],
};

export function orderBy(field: SortField, direction: Direction): string {
  return sortColumns(field)
    .map((column) => `${column} ${direction}`)
    .join(', ');
}

/** The columns a sort orders by, the tie-breakers included, ending with the number. */
export function sortColumns(field: SortField): string[] {
  if (field === 'number') return ['n.number'];
  return [SORT_COLUMNS[field], ...(TIE_BREAKERS[field] ?? []), 'n.number'];
}

/** True when the filter chooses nothing but states: its counts are the maintained per-state totals. */
export function onlyStates(filter: ParsedSearchFilter): boolean {
  return Object.entries(filter).every(([key, value]) => key === 'states' || isEmptyFilterValue(value));
}

function maintainedCounts(db: Db): Record<NumberState, number> {
  const counts = Object.fromEntries(NUMBER_STATES.map((s) => [s, 0])) as Record<NumberState, number>;
  for (const { state, count } of prepared(db, 'SELECT state, count FROM number_state_counts').all() as {
    state: NumberState;
    count: number;
  }[]) {
    counts[state] = count;
  }
  return counts;
}

function totalOf(db: Db, filter: ParsedSearchFilter, trigrams: Trigrams): number {
  if (onlyStates(filter)) {
    const counts = maintainedCounts(db);
    const states = filter.states?.length ? filter.states : NUMBER_STATES;
    return [...new Set(states)].reduce((sum, s) => sum + counts[s], 0);
  }
  const where = whereClause(filter, { trigrams });
  return db
    .prepare(`SELECT count(*) FROM numbers n WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
}

type Trigrams = WhereOptions['trigrams'];

/**
 * More trigram matches than this and a page tests the pattern while walking the sort order: it
 * finds a page of a common pattern sooner than it could read every match out of the index.
 */
export const TRIGRAM_PROBE_LIMIT = 2000;
/**
 * The same for the tab counts, which must see every match either way: counting from the trigram
 * index costs about 2 µs a match, walking every number about 80 ms at 1,000,000 numbers.
 */
export const TRIGRAM_COUNT_LIMIT = 10_000;

/**
 * How the filter's number patterns use the trigram index: 'lead' when each finds fewer than
 * `limit` numbers (counted with a bounded read of the index), 'skip' when one finds more ("656" in
 * a Singapore-heavy stock matches a sixth of it), undefined when the filter asks it nothing.
 */
export function trigramPlan(db: Db, filter: ParsedSearchFilter, limit = TRIGRAM_PROBE_LIMIT): Trigrams {
  const globs = trigramGlobs(filter);
  if (globs.length === 0) return undefined;
  const probe = prepared(db, 'SELECT count(*) FROM (SELECT 1 FROM numbers_fts WHERE numbers_fts.number GLOB ? LIMIT ?)').pluck();
  return globs.every((glob) => (probe.get(glob, limit) as number) < limit) ? 'lead' : 'skip';
}

export interface Query {
  sql: string;
  params: unknown[];
}

/** The SELECT of one page; `backwards` walks the order reversed (the caller reverses the rows). */
export function pageQuery(
  filter: ParsedSearchFilter,
  sort: { field: SortField; direction: 'asc' | 'desc' },
  limit: number,
  offset: number,
  backwards = false,
  trigrams?: Trigrams,
): Query {
  const where = whereClause(filter, { trigrams });
  const direction: Direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return {
    sql: `SELECT ${NUMBER_COLUMNS} FROM numbers n WHERE ${where.sql} ORDER BY ${orderBy(sort.field, backwards ? flip(direction) : direction)} LIMIT ? OFFSET ?`,
    params: [...where.params, limit, offset],
  };
}

export function searchNumbers(db: Db, rawRequest: unknown): SearchResult<NumberRecord> {
  const parsed = parseOrThrow(searchRequestSchema, rawRequest ?? {}, 'Search');
  const request = { ...parsed, filter: withStoredCase(db, parsed.filter) };
  const trigrams = trigramPlan(db, request.filter);
  // Without withTotal the total is still given when it costs nothing: the maintained per-state
  // totals. (A leading pattern needs none: its few matches are sorted, never walked backwards.)
  const total = request.withTotal || onlyStates(request.filter) ? totalOf(db, request.filter, trigrams) : null;
  const offset = request.page * request.pageSize;
  if (total !== null && offset >= total) return { total, page: request.page, pageSize: request.pageSize, rows: [] };
  const limit = total === null ? request.pageSize : Math.min(request.pageSize, total - offset);
  // Deep pages: OFFSET steps through every skipped index entry, so read the second half backwards.
  const fromEnd = total === null ? Infinity : total - offset - limit;
  const backwards = fromEnd < offset;
  const query = pageQuery(request.filter, request.sort, limit, backwards ? fromEnd : offset, backwards, trigrams);
  const rows = db.prepare(query.sql).all(...query.params) as NumberRow[];
  if (backwards) rows.reverse();
  return { total, page: request.page, pageSize: request.pageSize, rows: rows.map(toRecord) };
}

/**
 * Filters that pick few rows through an index of their own (the trigram index, a UUID or domain
 * index): counted in one pass grouped by state. Every other filter is counted state by state on a
 * (state, column) index, because a GROUP BY over them would walk the whole inventory.
 */
function hasSelectiveDriver(filter: ParsedSearchFilter, trigrams: Trigrams): boolean {
  const pattern = filter.pattern ?? '';
  const patternDrives = pattern.startsWith('+') ? pattern.length >= 3 : trigrams === 'lead';
  return (
    patternDrives ||
    Boolean(filter.visibleTo?.length || filter.subscriptionUuid || filter.ownerUuid || (filter.query && trigrams !== 'skip'))
  );
}

/** The statements countByState runs for a filter (none when the maintained totals answer). */
export function countQueries(filter: ParsedSearchFilter, trigrams?: Trigrams): Query[] {
  if (onlyStates(filter)) return [];
  const where = whereClause(filter, { ignoreStates: true, trigrams });
  if (hasSelectiveDriver(filter, trigrams))
    return [{ sql: `SELECT n.state AS state, count(*) AS c FROM numbers n WHERE ${where.sql} GROUP BY n.state`, params: where.params }];
  return NUMBER_STATES.map((s) => ({
    sql: `SELECT n.state AS state, count(*) AS c FROM numbers n WHERE n.state = ? AND (${where.sql})`,
    params: [s, ...where.params],
  }));
}

/** Numbers per state under a filter, ignoring the filter's own state choice (the tabs show every state). */
export function countByState(db: Db, rawFilter: unknown): Record<NumberState, number> {
  const filter = withStoredCase(db, parseOrThrow(searchFilterSchema, rawFilter ?? {}, 'Search'));
  if (onlyStates(filter)) return maintainedCounts(db);
  const counts = Object.fromEntries(NUMBER_STATES.map((s) => [s, 0])) as Record<NumberState, number>;
  for (const query of countQueries(filter, trigramPlan(db, filter, TRIGRAM_COUNT_LIMIT))) {
    for (const { state, c } of db.prepare(query.sql).all(...query.params) as { state: NumberState | null; c: number }[]) {
      if (state) counts[state] = c;
    }
  }
  return counts;
}

/**
 * The numbers a filter matches, in number order, at most `limit` of them: a bulk action's
 * "every number matching" resolved here, so the selection is the same search the grid shows.
 */
export function matchingNumbers(db: Db, rawFilter: unknown, limit: number): string[] {
  const filter = withStoredCase(db, parseOrThrow(searchFilterSchema, rawFilter ?? {}, 'Search'));
  const where = whereClause(filter, { trigrams: trigramPlan(db, filter) });
  return db
    .prepare(`SELECT n.number FROM numbers n WHERE ${where.sql} ORDER BY n.number LIMIT ?`)
    .pluck()
    .all(...where.params, limit) as string[];
}
