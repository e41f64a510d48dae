// Inserting new numbers with their first audit event.
import type { NumberAttributes } from '../../../shared/add-numbers';
import type { Db } from '../db/connection';
import { insertEvent } from './repository';
import type { StateFields } from './repository';

export interface NewNumber extends NumberAttributes {
  number: string;
}

export interface InsertAudit {
  at: string;
  actor: string;
  action: 'add' | 'import';
  remark?: string | null;
  details?: Record<string, unknown>;
}

export function insertNumber(db: Db, num: NewNumber, fields: StateFields, audit: InsertAudit): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO numbers (number, country, vendor, sku, cap_voice, cap_fax, cap_sms, routing, golden, ported_in, state,
         owner_uuid, subscription_uuid, reservation_kind, reservation_origin, reservation_org_uuid, did_reservation_uuid,
         expires_at, deleted_reason, created_at, updated_at)
       VALUES (@number, @country, @vendor, @sku, @cap_voice, @cap_fax, @cap_sms, @routing, @golden, @ported_in, @state,
         @owner_uuid, @subscription_uuid, @reservation_kind, @reservation_origin, @reservation_org_uuid, @did_reservation_uuid,
         @expires_at, @deleted_reason, @at, @at)`,
    )
    .run({
      number: num.number,
      country: num.country,
      vendor: num.vendor,
      sku: num.sku,
      cap_voice: num.capabilities.includes('voice') ? 1 : 0,
      cap_fax: num.capabilities.includes('fax') ? 1 : 0,
      cap_sms: num.capabilities.includes('sms') ? 1 : 0,
      routing: num.routing,
      golden: num.golden ? 1 : 0,
      ported_in: num.portedIn ? 1 : 0,
      ...fields,
      at: audit.at,
    });
  const id = Number(lastInsertRowid);
  const visibility = db.prepare('INSERT OR IGNORE INTO number_visibility (number_id, domain) VALUES (?, ?)');
  for (const domain of num.visibleTo) visibility.run(id, domain);
  insertEvent(db, {
    numberId: id,
    at: audit.at,
    actor: audit.actor,
    action: audit.action,
    from: null,
    to: fields.state,
    remark: audit.remark ?? null,
    details: audit.details ?? {},
  });
  return id;
}
