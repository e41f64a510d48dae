// One page of a list table (notifications, outbox), newest first, filtered on one column on the
// server, with the total matching the filter: the lists grow with the inventory, so the window
// never receives more than a page, and says how many there are in all.
import type { ListPage } from '../../../shared/notifications';
import type { Db } from '../db/connection';

export interface ListPageQuery {
  table: 'notifications' | 'outbox';
  /** The column the filter's values are for (indexed with id after it). */
  column: 'kind' | 'status';
  /** Any of these values; empty or absent is every row. */
  values: readonly string[] | undefined;
  page: number;
  pageSize: number;
}

export function listPage<Row, Out>(db: Db, q: ListPageQuery, toOut: (row: Row) => Out): ListPage<Out> {
  const values = q.values ?? [];
  const where = values.length ? `WHERE ${q.column} IN (${values.map(() => '?').join(', ')})` : '';
  // One read transaction: the page and its total come from the same snapshot.
  return db.transaction(() => {
    const total = db
      .prepare(`SELECT count(*) FROM ${q.table} ${where}`)
      .pluck()
      .get(...values) as number;
    const rows = db
      .prepare(`SELECT * FROM ${q.table} ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...values, q.pageSize, q.page * q.pageSize) as Row[];
    return { total, page: q.page, pageSize: q.pageSize, rows: rows.map(toOut) };
  })();
}
