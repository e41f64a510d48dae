// The numbers table row and its mapping to the domain record.
import type { Capability, DeleteReason, NumberRecord, NumberState, ReservationKind, ReservationOrigin } from '../../../shared/domain';

export interface NumberRow {
  id: number;
  number: string;
  country: string;
  vendor: string;
  sku: string;
  cap_voice: 0 | 1;
  cap_fax: 0 | 1;
  cap_sms: 0 | 1;
  routing: string | null;
  golden: 0 | 1;
  ported_in: 0 | 1;
  state: NumberState;
  owner_uuid: string | null;
  subscription_uuid: string | null;
  reservation_kind: ReservationKind | null;
  reservation_origin: ReservationOrigin | null;
  reservation_org_uuid: string | null;
  did_reservation_uuid: string | null;
  expires_at: string | null;
  deleted_reason: DeleteReason | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** Comma-joined visible-to domains, as selected by NUMBER_COLUMNS. */
  visible_to: string | null;
}

/** The visible-to domains of the number `n`, sorted and comma-joined (NULL when there are none). */
export const VISIBLE_TO_SQL = `(SELECT group_concat(domain, ',') FROM (SELECT domain FROM number_visibility v WHERE v.number_id = n.id ORDER BY domain))`;

/** Columns to select for a full record, with the visible-to domains folded into one column. */
export const NUMBER_COLUMNS = `n.*, ${VISIBLE_TO_SQL} AS visible_to`;

export function capabilitiesOf(row: Pick<NumberRow, 'cap_voice' | 'cap_fax' | 'cap_sms'>): Capability[] {
  const caps: Capability[] = [];
  if (row.cap_voice) caps.push('voice');
  if (row.cap_fax) caps.push('fax');
  if (row.cap_sms) caps.push('sms');
  return caps;
}

export function toRecord(row: NumberRow): NumberRecord {
  const reservation =
    row.state === 'reserved' && row.reservation_kind && row.reservation_origin && row.reservation_org_uuid && row.expires_at
      ? {
          kind: row.reservation_kind,
          origin: row.reservation_origin,
          orgUuid: row.reservation_org_uuid,
          didReservationUuid: row.did_reservation_uuid,
          expiresAt: row.expires_at,
        }
      : null;
  return {
    number: row.number,
    country: row.country,
    vendor: row.vendor,
    sku: row.sku,
    capabilities: capabilitiesOf(row),
    routing: row.routing,
    golden: row.golden === 1,
    portedIn: row.ported_in === 1,
    visibleTo: row.visible_to ? row.visible_to.split(',') : [],
    state: row.state,
    ownerUuid: row.owner_uuid,
    subscriptionUuid: row.subscription_uuid,
    reservation,
    lockExpiresAt: row.state === 'locked' ? row.expires_at : null,
    expiresAt: row.expires_at,
    deletedReason: row.deleted_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
