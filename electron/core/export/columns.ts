// The columns of an inventory file: what export writes and import reads, in this order, with a
// header row. Every value is text: lists are comma-joined, booleans are yes/no, times ISO 8601 UTC.
// Import reads exactly what export writes, so an exported file loads back with every field unchanged.
import type { NumberRow } from '../numbers/rows';
import { capabilitiesOf } from '../numbers/rows';

export const TRANSFER_COLUMNS = [
  'number',
  'state',
  'country',
  'vendor',
  'sku',
  'capabilities',
  'routing',
  'golden',
  'ported_in',
  'visible_to',
  'owner_uuid',
  'subscription_uuid',
  'reservation_kind',
  'reservation_origin',
  'reservation_org_uuid',
  'did_reservation_uuid',
  'expires_at',
  'deleted_reason',
  'created_at',
  'updated_at',
] as const;
export type TransferColumn = (typeof TRANSFER_COLUMNS)[number];

/** Columns an import file must have: without them the file is not an inventory file. */
export const REQUIRED_COLUMNS: readonly TransferColumn[] = ['number', 'state', 'country', 'vendor', 'sku'];

export const YES = 'yes';
export const NO = 'no';

/** The row as the cells of one line, in TRANSFER_COLUMNS order. */
export function rowToCells(row: NumberRow): string[] {
  return [
    row.number,
    row.state,
    row.country,
    row.vendor,
    row.sku,
    capabilitiesOf(row).join(','),
    row.routing ?? '',
    row.golden ? YES : NO,
    row.ported_in ? YES : NO,
    row.visible_to ?? '',
    row.owner_uuid ?? '',
    row.subscription_uuid ?? '',
    row.reservation_kind ?? '',
    row.reservation_origin ?? '',
    row.reservation_org_uuid ?? '',
    row.did_reservation_uuid ?? '',
    row.expires_at ?? '',
    row.deleted_reason ?? '',
    row.created_at,
    row.updated_at,
  ];
}
