// Builds the SQL condition for a search filter. Every value is a bound parameter.
import type { ParsedSearchFilter } from '../../../shared/search';
import { patternCondition, prefixUpperBound } from './pattern';

export { patternCondition };

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

const UUID_FRAGMENT = /^[0-9a-f-]*[a-f-][0-9a-f-]*$/i;

function inList(column: string, values: readonly unknown[]): SqlCondition {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

export function whereClause(filter: ParsedSearchFilter, options: { ignoreStates?: boolean } = {}): SqlCondition {
  const parts: SqlCondition[] = [];
  if (filter.states?.length && !options.ignoreStates) parts.push(inList('n.state', filter.states));
  if (filter.pattern) parts.push(patternCondition(filter.pattern));
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
  // The owner of a number is its assignee, or the org it is reserved for.
  if (filter.ownerUuid) parts.push({ sql: '(n.owner_uuid = ? OR n.reservation_org_uuid = ?)', params: [filter.ownerUuid, filter.ownerUuid] });
  if (filter.expiresBefore) parts.push({ sql: 'n.expires_at < ?', params: [new Date(filter.expiresBefore).toISOString()] });
  if (filter.expiresAfter) parts.push({ sql: 'n.expires_at > ?', params: [new Date(filter.expiresAfter).toISOString()] });
  if (filter.query) parts.push(queryCondition(filter.query));
  if (parts.length === 0) return { sql: '1', params: [] };
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** The basic search box: a UUID (or its start) of any party, otherwise a number pattern. */
function queryCondition(query: string): SqlCondition {
  const compact = query.replace(/[\s().]/g, '');
  if (UUID_FRAGMENT.test(compact) && compact.length >= 4) {
    const lower = compact.toLowerCase();
    const bound = prefixUpperBound(lower);
    const columns = ['owner_uuid', 'subscription_uuid', 'reservation_org_uuid', 'did_reservation_uuid'];
    return {
      sql: columns.map((c) => `(n.${c} >= ? AND n.${c} < ?)`).join(' OR '),
      params: columns.flatMap(() => [lower, bound]),
    };
  }
  const pattern = compact.replace(/-/g, '');
  if (pattern === '' || !/^[+0-9*?]+$/.test(pattern)) return { sql: '0', params: [] };
  return patternCondition(pattern);
}
