// The columns of an inventory file: what export writes and import reads, in this order, with a
// header row. Every value is text: lists are comma-joined, booleans are yes/no, times ISO 8601 UTC.
// Import reads exactly what export writes, so an exported file loads back with every field unchanged.
import { STATE_FIELDS } from '../../../shared/state-fields';
import type { NumberRow } from '../numbers/rows';
import { capabilitiesOf, VISIBLE_TO_SQL } from '../numbers/rows';

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
  ...STATE_FIELDS,
  'created_at',
  'updated_at',
] as const;
export type TransferColumn = (typeof TRANSFER_COLUMNS)[number];

/** Columns an import file must have: without them the file is not an inventory file. */
export const REQUIRED_COLUMNS: readonly TransferColumn[] = ['number', 'state', 'country', 'vendor', 'sku'];

/**
 * Columns of few distinct values (enumerations, yes/no, and in practice countries, vendors, SKUs and
 * routings): in XLSX their cells refer to the workbook's shared-strings table instead of each
 * holding its text. The table is bounded, so a column holding many values after all still works.
 */
export const FEW_VALUED_COLUMNS: readonly TransferColumn[] = [
  'state',
  'country',
  'vendor',
  'sku',
  'capabilities',
  'routing',
  'golden',
  'ported_in',
  'reservation_kind',
  'reservation_origin',
  'deleted_reason',
];

export const YES = 'yes';
export const NO = 'no';

/** The row as the cells of one line, in TRANSFER_COLUMNS order (formatted as the export formats them). */
export function rowToCells(row: NumberRow): string[] {
  return exportRowToCells([
    row.number,
    row.state,
    row.country,
    row.vendor,
    row.sku,
    row.cap_voice,
    row.cap_fax,
    row.cap_sms,
    row.routing,
    row.golden,
    row.ported_in,
    row.visible_to,
    row.owner_uuid,
    row.subscription_uuid,
    row.reservation_kind,
    row.reservation_origin,
    row.reservation_org_uuid,
    row.did_reservation_uuid,
    row.expires_at,
    row.deleted_reason,
    row.created_at,
    row.updated_at,
  ]);
}

/**
 * The export's select list: the table's columns in TRANSFER_COLUMNS order (the three capability
 * flags in the place of `capabilities`), read with `.raw()` as arrays that exportRowToCells maps by
 * index. Why not NUMBER_COLUMNS and objects: at 1,000,000 rows better-sqlite3 building an object
 * of 25 named properties per row took about 4 s of a 13 s CSV export; arrays take almost nothing.
 */
export const EXPORT_SELECT = [
  'n.number',
  'n.state',
  'n.country',
  'n.vendor',
  'n.sku',
  'n.cap_voice',
  'n.cap_fax',
  'n.cap_sms',
  'n.routing',
  'n.golden',
  'n.ported_in',
  VISIBLE_TO_SQL,
  'n.owner_uuid',
  'n.subscription_uuid',
  'n.reservation_kind',
  'n.reservation_origin',
  'n.reservation_org_uuid',
  'n.did_reservation_uuid',
  'n.expires_at',
  'n.deleted_reason',
  'n.created_at',
  'n.updated_at',
].join(', ');

/** One row as EXPORT_SELECT reads it. */
export type ExportRawRow = [
  string,
  string,
  string,
  string,
  string,
  0 | 1,
  0 | 1,
  0 | 1,
  string | null,
  0 | 1,
  0 | 1,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
];

// The capabilities cell for voice * 4 + fax * 2 + sms, as capabilitiesOf would join it.
const CAPABILITY_CELLS = Array.from({ length: 8 }, (_, bits) =>
  capabilitiesOf({ cap_voice: bits & 4 ? 1 : 0, cap_fax: bits & 2 ? 1 : 0, cap_sms: bits & 1 ? 1 : 0 }).join(','),
);

/** An EXPORT_SELECT row as the cells of one line: every value text, lists comma-joined, flags yes/no. */
export function exportRowToCells(r: ExportRawRow): string[] {
  return [
    r[0],
    r[1],
    r[2],
    r[3],
    r[4],
    CAPABILITY_CELLS[r[5] * 4 + r[6] * 2 + r[7]],
    r[8] ?? '',
    r[9] ? YES : NO,
    r[10] ? YES : NO,
    r[11] ?? '',
    r[12] ?? '',
    r[13] ?? '',
    r[14] ?? '',
    r[15] ?? '',
    r[16] ?? '',
    r[17] ?? '',
    r[18] ?? '',
    r[19] ?? '',
    r[20],
    r[21],
  ];
}
