// The activity log on a team database: the same filters, order (newest first: at, then id),
// cursor and bounded count as activity/list.ts, written for PostgreSQL. Each filter has its index
// ending in (at, id) (migration 2), so a page walks one index backwards from its cursor; the
// operator is matched without regard to ASCII case, as SQLite's NOCASE.
import type pg from 'pg';
import {
  activityRequestSchema,
  ACTIVITY_COUNT_LIMIT,
  type ActivityEvent,
  type ActivityPage,
  type ParsedActivityFilter,
} from '../../../../shared/activity';
import { batchIdOf } from '../../activity/list';
import { parseOrThrow } from '../../validation';
import { PG_EVENT_COLUMNS, toHistoryEvent, type PgEventRow } from './numbers';
import { Conditions, patternCondition } from './search';

type Client = Pick<pg.ClientBase, 'query'>;

/** ASCII letters in lower case, as lower() in COLLATE "C" and SQLite's NOCASE fold them. */
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function whereOf(c: Conditions, filter: ParsedActivityFilter, after?: { at: string; id: number }): string {
  if (filter.actors?.length) c.add(`lower(e.actor COLLATE "C") = ANY(${c.bind(filter.actors.map(asciiLower))})`);
  if (filter.actions?.length) c.add(`e.action = ANY(${c.bind([...filter.actions])})`);
  if (filter.since) c.add(`e.at >= ${c.bind(new Date(filter.since).toISOString())}`);
  if (filter.until) c.add(`e.at < ${c.bind(new Date(filter.until).toISOString())}`);
  if (filter.pattern) c.add(patternCondition(c, filter.pattern));
  if (after) c.add(`(e.at, e.id) < (${c.bind(after.at)}::timestamptz, ${c.bind(after.id)}::bigint)`);
  return c.sql;
}

function toEvent(r: PgEventRow): ActivityEvent {
  return { ...toHistoryEvent(r), batchId: batchIdOf(r.details) };
}

export async function listActivity(client: Client, rawRequest: unknown): Promise<ActivityPage> {
  const request = parseOrThrow(activityRequestSchema, rawRequest ?? {}, 'Activity');
  const page = new Conditions();
  const pageWhere = whereOf(page, request.filter, request.after);
  // One row more than the page tells whether another page follows.
  const rows = (
    await client.query<PgEventRow>(
      `SELECT ${PG_EVENT_COLUMNS} FROM events e JOIN numbers n ON n.id = e.number_id WHERE ${pageWhere}
       ORDER BY e.at DESC, e.id DESC LIMIT ${page.bind(request.pageSize + 1)}`,
      page.params,
    )
  ).rows.map(toEvent);
  const more = rows.length > request.pageSize;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  const count = new Conditions();
  const countWhere = whereOf(count, request.filter);
  // Counted up to one past the limit: "more than 1,000" costs no more than 1,001. Without a pattern the events alone.
  const from = request.filter.pattern ? 'events e JOIN numbers n ON n.id = e.number_id' : 'events e';
  const [{ total }] = (
    await client.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM (SELECT 1 FROM ${from} WHERE ${countWhere} LIMIT ${count.bind(ACTIVITY_COUNT_LIMIT + 1)}) m`,
      count.params,
    )
  ).rows;
  return {
    rows,
    next: more && last ? { at: last.at, id: last.id } : null,
    total: total > ACTIVITY_COUNT_LIMIT ? null : total,
  };
}
