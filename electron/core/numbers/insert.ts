// The one way a number enters the inventory (Add, import): its row, its visible-to domains and its
// first audit event. The statements are prepared once per connection, so an import of a million
// rows prepares them once, not three million times.
import type { NumberAttributes } from '../../../shared/add-numbers';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { insertEvent, type StateFields } from './repository';

export interface NewNumber extends NumberAttributes {
  number: string;
}

export interface InsertAudit {
  at: string;
  actor: string;
  action: 'add' | 'import';
  remark: string | null;
  details: Record<string, unknown>;
}

/** When the number was added and last changed: now for Add; an import keeps its file's. */
export interface InsertTimes {
  createdAt: string;
  updatedAt: string;
}

const INSERT_NUMBER = `INSERT INTO numbers (number, country, vendor, sku, cap_voice, cap_fax, cap_sms, routing, golden, ported_in, state,
    owner_uuid, subscription_uuid, reservation_kind, reservation_origin, reservation_org_uuid, did_reservation_uuid,
    expires_at, deleted_reason, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_VISIBILITY = 'INSERT OR IGNORE INTO number_visibility (number_id, domain) VALUES (?, ?)';

/** Inserts the number with its first audit event; runs inside the caller's transaction. Returns its id. */
export function insertNumber(db: Db, num: NewNumber, fields: StateFields, times: InsertTimes, audit: InsertAudit): number {
  const { lastInsertRowid } = prepared(db, INSERT_NUMBER).run(
    num.number,
    num.country,
    num.vendor,
    num.sku,
    num.capabilities.includes('voice') ? 1 : 0,
    num.capabilities.includes('fax') ? 1 : 0,
    num.capabilities.includes('sms') ? 1 : 0,
    num.routing,
    num.golden ? 1 : 0,
    num.portedIn ? 1 : 0,
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
  );
  const id = Number(lastInsertRowid);
  if (num.visibleTo.length > 0) {
    const visibility = prepared(db, INSERT_VISIBILITY);
    for (const domain of num.visibleTo) visibility.run(id, domain);
  }
  insertEvent(db, { numberId: id, from: null, to: fields.state, ...audit });
  return id;
}
