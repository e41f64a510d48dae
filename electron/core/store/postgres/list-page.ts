// One page of a list table (notifications, outbox) on a team database, newest first, filtered on
// one column, with the total matching the filter (read in one snapshot, see TeamInventory): the team database's
// copy of notifications/list-page.ts, the same query written for PostgreSQL.
import type pg from 'pg';
import type { ListPage } from '../../../../shared/notifications';
import type { ListPageQuery } from '../../notifications/list-page';

type Queryable = Pick<pg.ClientBase, 'query'>;

export async function listPage<Row extends pg.QueryResultRow, Out>(
  client: Queryable,
  q: ListPageQuery,
  toOut: (row: Row) => Out | Promise<Out>,
): Promise<ListPage<Out>> {
  const values = q.values ?? [];
  const where = values.length ? `WHERE ${q.column} = ANY($1)` : '';
  const params: unknown[] = values.length ? [[...values]] : [];
  const [{ total }] = (await client.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${q.table} ${where}`, params)).rows;
  const rows = (
    await client.query<Row>(`SELECT * FROM ${q.table} ${where} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
      ...params,
      q.pageSize,
      q.page * q.pageSize,
    ])
  ).rows;
  const out: Out[] = [];
  for (const row of rows) out.push(await toOut(row));
  return { total, page: q.page, pageSize: q.pageSize, rows: out };
}
