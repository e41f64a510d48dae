// Searching the inventory: one page of records, the total, and the counts per state.
import type { NumberRecord, NumberState } from '../../../shared/domain';
import { NUMBER_STATES } from '../../../shared/domain';
import { searchFilterSchema, searchRequestSchema, type SearchResult, type SortField } from '../../../shared/search';
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

export function searchNumbers(db: Db, rawRequest: unknown): SearchResult<NumberRecord> {
  const request = parseOrThrow(searchRequestSchema, rawRequest ?? {}, 'Search');
  const where = whereClause(request.filter);
  const total = db.prepare(`SELECT count(*) FROM numbers n WHERE ${where.sql}`).pluck().get(...where.params) as number;
  const direction = request.sort.direction === 'desc' ? 'DESC' : 'ASC';
  const order =
    request.sort.field === 'number' ? `n.number ${direction}` : `${SORT_COLUMNS[request.sort.field]} ${direction}, n.number ${direction}`;
  const rows = db
    .prepare(`SELECT ${NUMBER_COLUMNS} FROM numbers n WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...where.params, request.pageSize, request.page * request.pageSize) as NumberRow[];
  return { total, page: request.page, pageSize: request.pageSize, rows: rows.map(toRecord) };
}

/** Numbers per state under a filter, ignoring the filter's own state choice (the tabs show every state). */
export function countByState(db: Db, rawFilter: unknown): Record<NumberState, number> {
  const filter = parseOrThrow(searchFilterSchema, rawFilter ?? {}, 'Search');
  const where = whereClause(filter, { ignoreStates: true });
  const counts = Object.fromEntries(NUMBER_STATES.map((s) => [s, 0])) as Record<NumberState, number>;
  const rows = db.prepare(`SELECT n.state, count(*) AS c FROM numbers n WHERE ${where.sql} GROUP BY n.state`).all(...where.params) as {
    state: NumberState;
    c: number;
  }[];
  for (const { state, c } of rows) counts[state] = c;
  return counts;
}
