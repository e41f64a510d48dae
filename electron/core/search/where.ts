// Builds the SQL condition for a search filter. Every value is a bound parameter.
import { PATTERN_CHARS, withPlusForZeroZero, type ParsedSearchFilter } from '../../../shared/search';
import { patternCondition, prefixUpperBound, trigramGlob } from './pattern';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

const UUID_FRAGMENT = /^[0-9a-f-]*[a-f-][0-9a-f-]*$/i;

function inList(column: string, values: readonly unknown[]): SqlCondition {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

export interface WhereOptions {
  /** Leave the state choice out (the tab counts show every state). */
  ignoreStates?: boolean;
  /**
   * How number patterns use the trigram index (see search.ts, which probes it):
   * - 'lead': the matches are few, so they drive the query and each one's state is checked
   *   (`+n.state` keeps SQLite from walking the state's index entry by entry instead);
   * - 'skip': the matches are many, so the pattern is tested while walking the sort order.
   * Unset: the trigram index narrows the rows and SQLite picks the order of work.
   */
  trigrams?: 'lead' | 'skip';
}

export function whereClause(filter: ParsedSearchFilter, options: WhereOptions = {}): SqlCondition {
  const parts: SqlCondition[] = [];
  const useTrigrams = options.trigrams !== 'skip';
  const trigramsLead = options.trigrams === 'lead' && trigramGlobs(filter).length > 0;
  if (filter.states?.length && !options.ignoreStates) parts.push(inList(trigramsLead ? '+n.state' : 'n.state', filter.states));
  if (filter.pattern) parts.push(patternCondition(filter.pattern, useTrigrams));
  if (filter.skus?.length) parts.push(inList('n.sku', filter.skus));
  if (filter.vendors?.length) parts.push(inList('n.vendor', filter.vendors));
  if (filter.countries?.length) parts.push(inList('n.country', filter.countries));
  // A multi-value field matches any of its values: voice,sms = voice OR sms.
  if (filter.capabilities?.length) parts.push({ sql: filter.capabilities.map((c) => `n.cap_${c} = 1`).join(' OR '), params: [] });
  if (filter.routings?.length) parts.push(inList('n.routing', filter.routings));
  // Literals, not parameters: only then can SQLite use the partial indexes WHERE golden = 1.
  if (filter.golden !== undefined) parts.push({ sql: `n.golden = ${filter.golden ? 1 : 0}`, params: [] });
  if (filter.portedIn !== undefined) parts.push({ sql: `n.ported_in = ${filter.portedIn ? 1 : 0}`, params: [] });
  if (filter.visibleTo?.length) {
    // IN (subquery) rather than a correlated EXISTS: a rare domain then drives the query from its
    // (domain, number_id) index instead of testing every number.
    const domains = inList('v.domain', filter.visibleTo);
    parts.push({ sql: `n.id IN (SELECT v.number_id FROM number_visibility v WHERE ${domains.sql})`, params: domains.params });
  }
  if (filter.subscriptionUuid) parts.push({ sql: 'n.subscription_uuid = ?', params: [filter.subscriptionUuid] });
  if (filter.didReservationUuid) parts.push({ sql: 'n.did_reservation_uuid = ?', params: [filter.didReservationUuid] });
  // The owner of a number is its assignee, or the org it is reserved for.
  if (filter.ownerUuid)
    parts.push({ sql: '(n.owner_uuid = ? OR n.reservation_org_uuid = ?)', params: [filter.ownerUuid, filter.ownerUuid] });
  if (filter.expiresBefore) parts.push({ sql: 'n.expires_at < ?', params: [new Date(filter.expiresBefore).toISOString()] });
  if (filter.expiresAfter) parts.push({ sql: 'n.expires_at > ?', params: [new Date(filter.expiresAfter).toISOString()] });
  if (filter.query) parts.push(queryCondition(filter.query, useTrigrams));
  if (parts.length === 0) return { sql: '1', params: [] };
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

export const compactQuery = (query: string) => query.replace(/[\s().]/g, '');
export const isUuidQuery = (compact: string) => UUID_FRAGMENT.test(compact) && compact.length >= 4;

/** The number pattern the basic search box's text stands for; null for a UUID or no pattern at all. */
export function queryPattern(query: string): string | null {
  const compact = compactQuery(query);
  if (isUuidQuery(compact)) return null;
  const pattern = withPlusForZeroZero(compact.replace(/-/g, ''));
  return pattern !== '' && PATTERN_CHARS.test(pattern) ? pattern : null;
}

/** The GLOBs the filter asks the trigram index (from the pattern and the search box). */
export function trigramGlobs(filter: ParsedSearchFilter): string[] {
  const patterns = [filter.pattern || null, filter.query ? queryPattern(filter.query) : null];
  return patterns.map((p) => (p ? trigramGlob(p) : null)).filter((g): g is string => g !== null);
}

/** The basic search box: a UUID (or its start) of any party, otherwise a number pattern. */
function queryCondition(query: string, trigrams: boolean): SqlCondition {
  const compact = compactQuery(query);
  if (isUuidQuery(compact)) {
    const lower = compact.toLowerCase();
    const bound = prefixUpperBound(lower);
    const columns = ['owner_uuid', 'subscription_uuid', 'reservation_org_uuid', 'did_reservation_uuid'];
    return {
      sql: columns.map((c) => `(n.${c} >= ? AND n.${c} < ?)`).join(' OR '),
      params: columns.flatMap(() => [lower, bound]),
    };
  }
  const pattern = queryPattern(query);
  return pattern ? patternCondition(pattern, trigrams) : { sql: '0', params: [] };
}
