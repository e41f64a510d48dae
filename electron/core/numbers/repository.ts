// Reading and writing numbers and their audit events. Callers own the transaction.
import type { HistoryEvent, NumberDetail, NumberState } from '../../../shared/domain';
import { InventoryError } from '../../../shared/errors';
import { readPhoneNumber } from '../../../shared/phone';
import { stateFieldProblem, type StateField } from '../../../shared/state-fields';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { NUMBER_COLUMNS, toRecord, type NumberRow } from './rows';

/** The columns an action may change; identity and timestamps are managed here. */
export type StateFields = Pick<NumberRow, 'state' | StateField>;

export const NO_STATE_FIELDS: Omit<StateFields, 'state'> = {
  owner_uuid: null,
  subscription_uuid: null,
  reservation_kind: null,
  reservation_origin: null,
  reservation_org_uuid: null,
  did_reservation_uuid: null,
  expires_at: null,
  deleted_reason: null,
};

/**
 * The fields a number in `state` is written with: the values given, every other field empty, held
 * to the per-state rules (shared/state-fields.ts) before the database sees them. A transition that
 * breaks them is a defect of the product, not of the operator's input.
 */
export function fieldsFor(state: NumberState, given: Partial<Omit<StateFields, 'state'>> = {}): StateFields {
  const fields: StateFields = { ...NO_STATE_FIELDS, ...given, state };
  const problem = stateFieldProblem(state, fields);
  if (problem) throw new InventoryError('INTERNAL', `Refused to write ${problem}`);
  return fields;
}

export interface AuditEvent {
  numberId: number;
  at: string;
  actor: string;
  action: string;
  from: NumberState | null;
  to: NumberState;
  remark: string | null;
  details: Record<string, unknown>;
}

/** Reads user input into the E.164 form numbers are stored under; refuses what is not a number. */
export function numberKey(input: unknown): string {
  const reading = readPhoneNumber(input);
  if (!reading.ok) throw new InventoryError('INVALID_INPUT', `Number ${reading.reason}`);
  return reading.e164;
}

export function findRow(db: Db, e164: string): NumberRow | undefined {
  return prepared(db, `SELECT ${NUMBER_COLUMNS} FROM numbers n WHERE n.number = ?`).get(e164) as NumberRow | undefined;
}

export function requireRow(db: Db, e164: string): NumberRow {
  const row = findRow(db, e164);
  if (!row) throw new InventoryError('NOT_FOUND', `${e164} is not in the inventory`);
  return row;
}

/** Writes new state fields if the row is still at the version read; false when someone else changed it. */
export function updateState(db: Db, row: NumberRow, fields: StateFields, at: string): boolean {
  const result = prepared(
    db,
    `UPDATE numbers SET state = @state, owner_uuid = @owner_uuid, subscription_uuid = @subscription_uuid,
       reservation_kind = @reservation_kind, reservation_origin = @reservation_origin,
       reservation_org_uuid = @reservation_org_uuid, did_reservation_uuid = @did_reservation_uuid,
       expires_at = @expires_at, deleted_reason = @deleted_reason, updated_at = @at, version = version + 1
     WHERE id = @id AND version = @version`,
  ).run({ ...fields, at, id: row.id, version: row.version });
  return result.changes === 1;
}

export function insertEvent(db: Db, event: AuditEvent): void {
  prepared(
    db,
    `INSERT INTO events (number_id, at, actor, action, from_state, to_state, remark, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(event.numberId, event.at, event.actor, event.action, event.from, event.to, event.remark, JSON.stringify(event.details));
}

/** An audit event as the history and the activity log read it (EVENT_COLUMNS). */
export interface EventRow {
  id: number;
  number: string;
  at: string;
  actor: string;
  action: string;
  from_state: NumberState | null;
  to_state: NumberState;
  remark: string | null;
  details: string;
}

/** The columns of an EventRow, from events `e` joined with numbers `n`. */
export const EVENT_COLUMNS = 'e.id, n.number, e.at, e.actor, e.action, e.from_state, e.to_state, e.remark, e.details';

export function toHistoryEvent(r: EventRow): HistoryEvent {
  return {
    id: r.id,
    number: r.number,
    action: r.action,
    from: r.from_state,
    to: r.to_state,
    at: r.at,
    actor: r.actor,
    remark: r.remark,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}

function historyOf(db: Db, numberId: number): HistoryEvent[] {
  const rows = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events e JOIN numbers n ON n.id = e.number_id WHERE e.number_id = ? ORDER BY e.id`)
    .all(numberId) as EventRow[];
  return rows.map(toHistoryEvent);
}

export function detailOf(db: Db, row: NumberRow): NumberDetail {
  return { ...toRecord(row), history: historyOf(db, row.id) };
}
