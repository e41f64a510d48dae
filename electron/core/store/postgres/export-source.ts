// An export's rows from a team database: one read-only REPEATABLE READ transaction (one snapshot,
// so the count, the file and every row agree while other desktops go on writing) on a connection
// of its own, read through a cursor a batch at a time, so memory stays flat at any size. The rows
// have the shape the SQLite export reads (export/columns.ts), so the same cells and files come out.
import Cursor from 'pg-cursor';
import type pg from 'pg';
import { InventoryError } from '../../../../shared/errors';
import type { ParsedSearchFilter } from '../../../../shared/search';
import { exportRowToCells, FEW_VALUED_COLUMNS, TRANSFER_COLUMNS, type ExportRawRow } from '../../export/columns';
import { NUMBERS_SHEET, type ExportSource } from '../../export/source';
import type { ParsedExportRequest } from '../../export/types';
import { refusingAs } from './refusals';
import { whereClause } from './search';

/** Rows per round trip: large enough that the network is not the limit, small enough to hold. */
const FETCH_ROWS = 2000;

/** An instant as the SQLite store holds it (JavaScript's toISOString: UTC, milliseconds). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** EXPORT_SELECT (export/columns.ts) for PostgreSQL: the same columns in the same order, flags as 0/1, instants as text. */
const PG_EXPORT_SELECT = [
  'n.number',
  'n.state',
  'n.country',
  'n.vendor',
  'n.sku',
  'n.cap_voice::int',
  'n.cap_fax::int',
  'n.cap_sms::int',
  'n.routing',
  'n.golden::int',
  'n.ported_in::int',
  `(SELECT string_agg(v.domain, ',' ORDER BY v.domain COLLATE "C") FROM number_visibility v WHERE v.number_id = n.id)`,
  'n.owner_uuid',
  'n.subscription_uuid',
  'n.reservation_kind',
  'n.reservation_origin',
  'n.reservation_org_uuid',
  'n.did_reservation_uuid',
  iso('n.expires_at'),
  'n.deleted_reason',
  iso('n.created_at'),
  iso('n.updated_at'),
].join(', ');

/** Opens the export's source on a connection of `pool`, named `server` in any refusal. */
export async function teamExportSource(pool: pg.Pool, server: string, request: ParsedExportRequest): Promise<ExportSource> {
  if (request.activity) {
    throw new InventoryError(
      'UNSUPPORTED',
      'Exporting the activity log is not available on a team database yet; it works on an inventory file.',
    );
  }
  const client = await refusingAs(server, () => pool.connect());
  try {
    return await refusingAs(server, () => readInSnapshot(client, server, request.filter));
  } catch (error) {
    // A connection that failed is closed, never given back to the pool.
    client.release(true);
    throw error;
  }
}

async function readInSnapshot(client: pg.PoolClient, server: string, filter: ParsedSearchFilter): Promise<ExportSource> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const where = whereClause(filter);
  const { rows } = await client.query<{ total: number }>(`SELECT count(*)::int AS total FROM numbers n WHERE ${where.sql}`, where.params);
  const cursor = client.query(
    new Cursor<ExportRawRow>(`SELECT ${PG_EXPORT_SELECT} FROM numbers n WHERE ${where.sql} ORDER BY n.number`, where.params, {
      rowMode: 'array',
    }),
  );
  let failed = false;
  async function* cells(): AsyncGenerator<string[]> {
    for (;;) {
      let batch: ExportRawRow[];
      try {
        batch = await refusingAs(server, () => cursor.read(FETCH_ROWS));
      } catch (error) {
        failed = true;
        throw error;
      }
      if (batch.length === 0) return;
      for (const row of batch) yield exportRowToCells(row);
    }
  }
  const close = async () => {
    // After a failed read the connection may be gone: closing the cursor would wait for it forever.
    if (failed) return client.release(true);
    try {
      await cursor.close();
      await client.query('COMMIT');
      client.release();
    } catch {
      client.release(true);
    }
  };
  return {
    header: TRANSFER_COLUMNS,
    sheetName: NUMBERS_SHEET,
    total: rows[0].total,
    rows: cells(),
    sharedColumns: FEW_VALUED_COLUMNS.map((c) => TRANSFER_COLUMNS.indexOf(c)),
    close,
  };
}
