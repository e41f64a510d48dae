// Searching a team database: the same filters, patterns, sorting, tie-breaks, paging and counts as
// the SQLite store (search/), written for PostgreSQL. The number and the sorted columns are in
// COLLATE "C" (byte order, as SQLite's), so a prefix is a btree range, and LIKE with a 3-character
// run is answered by the pg_trgm GIN index. Empty values sort first ascending and last descending,
// as on SQLite.
import type pg from 'pg';
import { NUMBER_STATES, type NumberRecord, type NumberState } from '../../../../shared/domain';
import { searchFilterSchema, searchRequestSchema, type ParsedSearchFilter, type SearchResult } from '../../../../shared/search';
import { toRecord, type NumberRow } from '../../numbers/rows';
import { prefixUpperBound } from '../../search/pattern';
import { onlyStates, sortColumns } from '../../search/search';
import { compactQuery, isUuidQuery, queryPattern } from '../../search/where';
import { parseOrThrow } from '../../validation';
import { PG_NUMBER_COLUMNS } from './numbers';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** Builds a condition with numbered parameters ($1, $2, ...), each value bound, never spliced. */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];
  bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  add(sql: string): void {
    this.parts.push(sql);
  }
  get sql(): string {
    return this.parts.length ? this.parts.map((p) => `(${p})`).join(' AND ') : 'TRUE';
  }
}

const NULLABLE_SORT_COLUMNS = new Set(['n.routing', 'n.expires_at']);

function orderBy(filter: { field: Parameters<typeof sortColumns>[0]; direction: 'asc' | 'desc' }): string {
  const direction = filter.direction === 'desc' ? 'DESC' : 'ASC';
  const nulls = direction === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST';
  return sortColumns(filter.field)
    .map((column) => `${column} ${direction}${NULLABLE_SORT_COLUMNS.has(column) ? ` ${nulls}` : ''}`)
    .join(', ');
}

/** A number pattern: `+65` and `+65*` a prefix range, `*` and `?` wildcards over the whole number, digits alone anywhere. */
export function patternCondition(c: Conditions, pattern: string): string {
  if (/[*?]/.test(pattern)) return `n.number LIKE ${c.bind(pattern.replace(/\*/g, '%').replace(/\?/g, '_'))}`;
  if (pattern.startsWith('+')) {
    return pattern === '+' ? 'TRUE' : `n.number >= ${c.bind(pattern)} AND n.number < ${c.bind(prefixUpperBound(pattern))}`;
  }
  return `n.number LIKE ${c.bind(`%${pattern}%`)}`;
}

function queryCondition(c: Conditions, query: string): string {
  const compact = compactQuery(query);
  if (isUuidQuery(compact)) {
    const lower = compact.toLowerCase();
    const [from, to] = [c.bind(lower), c.bind(prefixUpperBound(lower))];
    return ['owner_uuid', 'subscription_uuid', 'reservation_org_uuid', 'did_reservation_uuid']
      .map((column) => `(n.${column} >= ${from} AND n.${column} < ${to})`)
      .join(' OR ');
  }
  const pattern = queryPattern(query);
  return pattern ? patternCondition(c, pattern) : 'FALSE';
}

export function whereClause(filter: ParsedSearchFilter, options: { ignoreStates?: boolean } = {}): Conditions {
  const c = new Conditions();
  const anyOf = (column: string, values: readonly unknown[]) => `${column} = ANY(${c.bind([...values])})`;
  if (filter.states?.length && !options.ignoreStates) c.add(anyOf('n.state', filter.states));
  if (filter.pattern) c.add(patternCondition(c, filter.pattern));
  if (filter.skus?.length) c.add(anyOf('n.sku', filter.skus));
  if (filter.vendors?.length) c.add(anyOf('n.vendor', filter.vendors));
  if (filter.countries?.length) c.add(anyOf('n.country', filter.countries));
  // Literal column names, never parameters: the partial indexes WHERE cap_fax match only them.
  if (filter.capabilities?.length) c.add(filter.capabilities.map((capability) => `n.cap_${capability}`).join(' OR '));
  if (filter.routings?.length) c.add(anyOf('n.routing', filter.routings));
  if (filter.golden !== undefined) c.add(filter.golden ? 'n.golden' : 'NOT n.golden');
  if (filter.portedIn !== undefined) c.add(filter.portedIn ? 'n.ported_in' : 'NOT n.ported_in');
  if (filter.visibleTo?.length) c.add(`n.id IN (SELECT v.number_id FROM number_visibility v WHERE ${anyOf('v.domain', filter.visibleTo)})`);
  if (filter.subscriptionUuid) c.add(`n.subscription_uuid = ${c.bind(filter.subscriptionUuid)}`);
  if (filter.ownerUuid) {
    const owner = c.bind(filter.ownerUuid);
    c.add(`n.owner_uuid = ${owner} OR n.reservation_org_uuid = ${owner}`);
  }
  if (filter.expiresBefore) c.add(`n.expires_at < ${c.bind(new Date(filter.expiresBefore).toISOString())}`);
  if (filter.expiresAfter) c.add(`n.expires_at > ${c.bind(new Date(filter.expiresAfter).toISOString())}`);
  if (filter.query) c.add(queryCondition(c, filter.query));
  return c;
}

const zeroCounts = () => Object.fromEntries(NUMBER_STATES.map((s) => [s, 0])) as Record<NumberState, number>;

async function countsWhere(client: Queryable, filter: ParsedSearchFilter): Promise<Record<NumberState, number>> {
  const where = whereClause(filter, { ignoreStates: true });
  const counts = zeroCounts();
  const { rows } = await client.query<{ state: NumberState; c: number }>(
    `SELECT n.state, count(*) AS c FROM numbers n WHERE ${where.sql} GROUP BY n.state`,
    where.params,
  );
  for (const { state, c } of rows) counts[state] = c;
  return counts;
}

/** Numbers per state under a filter, ignoring the filter's own state choice (the tabs show every state). */
export async function countByState(client: Queryable, rawFilter: unknown): Promise<Record<NumberState, number>> {
  return countsWhere(client, parseOrThrow(searchFilterSchema, rawFilter ?? {}, 'Search'));
}

export async function searchNumbers(client: Queryable, rawRequest: unknown): Promise<SearchResult<NumberRecord>> {
  const request = parseOrThrow(searchRequestSchema, rawRequest ?? {}, 'Search');
  const where = whereClause(request.filter);
  // As on SQLite: without withTotal the total is still given where it is only a state choice.
  let total: number | null = null;
  if (request.withTotal || onlyStates(request.filter)) {
    const { rows } = await client.query<{ c: number }>(`SELECT count(*) AS c FROM numbers n WHERE ${where.sql}`, where.params);
    total = rows[0].c;
  }
  const offset = request.page * request.pageSize;
  const { rows } = await client.query<NumberRow>(
    `SELECT ${PG_NUMBER_COLUMNS} FROM numbers n WHERE ${where.sql} ORDER BY ${orderBy(request.sort)}
     LIMIT ${where.bind(request.pageSize)} OFFSET ${where.bind(offset)}`,
    where.params,
  );
  return { total, page: request.page, pageSize: request.pageSize, rows: rows.map(toRecord) };
}

/** Up to `limit` numbers a filter matches, in number order (a bulk action's target). */
export async function matchingNumbers(client: Queryable, rawFilter: unknown, limit: number): Promise<string[]> {
  const filter = parseOrThrow(searchFilterSchema, rawFilter ?? {}, 'Search');
  const where = whereClause(filter);
  const { rows } = await client.query<{ number: string }>(
    `SELECT n.number FROM numbers n WHERE ${where.sql} ORDER BY n.number LIMIT ${where.bind(limit)}`,
    where.params,
  );
  return rows.map((r) => r.number);
}
