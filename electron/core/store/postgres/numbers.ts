// Reading and writing numbers and their audit events on a team database, in the row shape the
// SQLite side reads (numbers/rows.ts), so the same transition(), records and texts apply. Callers
// own the transaction: every function takes the checked-out client.
import type pg from 'pg';
import type { HistoryEvent, NumberDetail } from '../../../../shared/domain';
import { InventoryError } from '../../../../shared/errors';
import type { NewNumber } from '../../numbers/insert';
import type { AuditEvent, StateFields } from '../../numbers/repository';
import { toRecord, type NumberRow } from '../../numbers/rows';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** A full record's columns, flags as 0/1 as NumberRow holds them, the visible-to domains folded into one. */
export const PG_NUMBER_COLUMNS = `n.id, n.number, n.country, n.vendor, n.sku, n.cap_voice::int AS cap_voice, n.cap_fax::int AS cap_fax,
  n.cap_sms::int AS cap_sms, n.routing, n.golden::int AS golden, n.ported_in::int AS ported_in, n.state, n.owner_uuid,
  n.subscription_uuid, n.reservation_kind, n.reservation_origin, n.reservation_org_uuid, n.did_reservation_uuid, n.expires_at,
  n.deleted_reason, n.created_at, n.updated_at, n.version,
  (SELECT string_agg(v.domain, ',' ORDER BY v.domain COLLATE "C") FROM number_visibility v WHERE v.number_id = n.id) AS visible_to`;

export async function findRow(client: Queryable, e164: string): Promise<NumberRow | undefined> {
  return (await client.query<NumberRow>(`SELECT ${PG_NUMBER_COLUMNS} FROM numbers n WHERE n.number = $1`, [e164])).rows[0];
}

export async function requireRow(client: Queryable, e164: string): Promise<NumberRow> {
  const row = await findRow(client, e164);
  if (!row) throw notInInventory(e164);
  return row;
}

export const notInInventory = (e164: string) => new InventoryError('NOT_FOUND', `${e164} is not in the inventory`);

/** Writes new state fields if the row is still at the version read; false when someone else changed it first. */
export async function updateState(
  client: Queryable,
  row: Pick<NumberRow, 'id' | 'version'>,
  fields: StateFields,
  at: string,
): Promise<boolean> {
  const result = await client.query(
    `UPDATE numbers SET state = $1, owner_uuid = $2, subscription_uuid = $3, reservation_kind = $4, reservation_origin = $5,
       reservation_org_uuid = $6, did_reservation_uuid = $7, expires_at = $8, deleted_reason = $9, updated_at = $10, version = version + 1
     WHERE id = $11 AND version = $12`,
    [
      fields.state,
      fields.owner_uuid,
      fields.subscription_uuid,
      fields.reservation_kind,
      fields.reservation_origin,
      fields.reservation_org_uuid,
      fields.did_reservation_uuid,
      fields.expires_at,
      fields.deleted_reason,
      at,
      row.id,
      row.version,
    ],
  );
  return result.rowCount === 1;
}

/** Appends an audit event; the server adds the database login (events.db_login, a trigger). Returns its id. */
export async function insertEvent(client: Queryable, event: AuditEvent): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO events (number_id, at, actor, action, from_state, to_state, remark, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [event.numberId, event.at, event.actor, event.action, event.from, event.to, event.remark, JSON.stringify(event.details)],
  );
  return rows[0].id;
}

/** Inserts a new number unless one with that number exists (then undefined: the caller says so). */
export async function insertNumberIfNew(
  client: Queryable,
  num: NewNumber,
  fields: StateFields,
  times: { createdAt: string; updatedAt: string },
): Promise<number | undefined> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO numbers (number, country, vendor, sku, cap_voice, cap_fax, cap_sms, routing, golden, ported_in, state, owner_uuid,
       subscription_uuid, reservation_kind, reservation_origin, reservation_org_uuid, did_reservation_uuid, expires_at, deleted_reason,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     ON CONFLICT (number) DO NOTHING RETURNING id`,
    [
      num.number,
      num.country,
      num.vendor,
      num.sku,
      num.capabilities.includes('voice'),
      num.capabilities.includes('fax'),
      num.capabilities.includes('sms'),
      num.routing,
      num.golden,
      num.portedIn,
      fields.state,
      fields.owner_uuid,
      fields.subscription_uuid,
      fields.reservation_kind,
      fields.reservation_origin,
      fields.reservation_org_uuid,
      fields.did_reservation_uuid,
      fields.expires_at,
      fields.deleted_reason,
      times.createdAt,
      times.updatedAt,
    ],
  );
  const id = rows[0]?.id;
  if (id !== undefined && num.visibleTo.length > 0) {
    await client.query('INSERT INTO number_visibility (number_id, domain) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [
      id,
      num.visibleTo,
    ]);
  }
  return id;
}

/** An audit event as the history and the activity log read it (PG_EVENT_COLUMNS): the details already parsed by the driver. */
export interface PgEventRow {
  id: number;
  number: string;
  at: string;
  actor: string;
  action: string;
  from_state: HistoryEvent['from'];
  to_state: HistoryEvent['to'];
  remark: string | null;
  details: Record<string, unknown>;
}

/** The columns of a PgEventRow, from events `e` joined with numbers `n`. */
export const PG_EVENT_COLUMNS = 'e.id, n.number, e.at, e.actor, e.action, e.from_state, e.to_state, e.remark, e.details';

export function toHistoryEvent(r: PgEventRow): HistoryEvent {
  return {
    id: r.id,
    number: r.number,
    action: r.action,
    from: r.from_state,
    to: r.to_state,
    at: r.at,
    actor: r.actor,
    remark: r.remark,
    details: r.details,
  };
}

export async function detailOf(client: Queryable, row: NumberRow): Promise<NumberDetail> {
  const { rows } = await client.query<PgEventRow>(
    `SELECT ${PG_EVENT_COLUMNS} FROM events e JOIN numbers n ON n.id = e.number_id WHERE e.number_id = $1 ORDER BY e.id`,
    [row.id],
  );
  const history = rows.map(toHistoryEvent);
  return { ...toRecord(row), history };
}
