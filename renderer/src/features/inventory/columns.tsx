// The grid columns of each tab: View and Number first (pinned: they stay in place while the grid
// scrolls sideways), then what matters in that state, then what is common to every number.
// Sortable columns are exactly those the core can sort on (SORT_FIELDS); the field names match,
// except Days left, which sorts as its deadline does.
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { GRID_CHECKBOX_SELECTION_COL_DEF, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import type { NumberRecord, NumberState, Organization } from '../../../../shared/domain';
import { formatInternational } from '../../../../shared/phone';
import { SORT_FIELDS, type SortField } from '../../../../shared/search';
import { KIND_LABELS, capabilitiesLabel, daysLeft, formatInstant, reasonLabel } from '../../app/format';
import { MONO_FONTS } from '../../app/theme';

export function isSortField(field: string): field is SortField {
  return (SORT_FIELDS as readonly string[]).includes(field);
}

/** The core's sort field of a column: its own field, but Days left sorts by the deadline. */
export const sortFieldOf = (column: string): string => (column === 'daysLeft' ? 'expiresAt' : column);

/** A row as the grid shows it: the record, with its days left counted from the app's clock. */
export type GridRow = NumberRecord & { daysLeft: number | null };

/** `now` null: the app's clock is not known yet, and days left are not shown. */
export function gridRows(rows: NumberRecord[], now: number | null): GridRow[] {
  return rows.map((row) => ({ ...row, daysLeft: now === null ? null : daysLeft(row.expiresAt, now) }));
}

type Column = GridColDef<GridRow>;

/** Wide enough for "2026-03-30 09:00 UTC" in full. */
const INSTANT_WIDTH = 190;
const VIEW_WIDTH = 64;
const NUMBER_WIDTH = 150;

/** The pinned columns and where each sticks, from the grid's left edge. */
export const PINNED_COLUMNS: { field: string; left: number }[] = [
  { field: GRID_CHECKBOX_SELECTION_COL_DEF.field, left: 0 },
  { field: 'view', left: GRID_CHECKBOX_SELECTION_COL_DEF.width ?? 50 },
  { field: 'number', left: (GRID_CHECKBOX_SELECTION_COL_DEF.width ?? 50) + VIEW_WIDTH },
];

const NUMBER_CELL_CLASS = 'inventory-number';
/** The Number column's look, for the grid's sx. */
export const NUMBER_CELL_SX = { [`& .${NUMBER_CELL_CLASS}`]: { fontFamily: MONO_FONTS, fontWeight: 600 } };

/** Hidden unless the operator shows it (Columns menu): Number already shows the same number. */
export const HIDDEN_BY_DEFAULT: Record<string, boolean> = { formatted: false };

function orgLabel(uuid: string | null | undefined, orgs: Map<string, Organization>): string {
  if (!uuid) return '';
  const name = orgs.get(uuid.toLowerCase())?.name;
  return name ? `${name} (${uuid})` : uuid;
}

const text = (field: string, headerName: string, width: number, value: (row: GridRow) => string, sortable = false): Column => ({
  field,
  headerName,
  width,
  sortable,
  valueGetter: (_value, row) => value(row),
});

const daysLeftColumn: Column = {
  field: 'daysLeft',
  headerName: 'Days left',
  type: 'number',
  width: 100,
  valueGetter: (_value, row) => row.daysLeft,
};

function leading(onView: (number: string) => void): Column[] {
  return [
    {
      field: 'view',
      type: 'actions',
      headerName: 'View',
      width: VIEW_WIDTH,
      resizable: false,
      hideable: false,
      getActions: ({ row }) => [
        <GridActionsCellItem key="view" icon={<VisibilityOutlined />} label={`View ${row.number}`} onClick={() => onView(row.number)} />,
      ],
    },
    {
      field: 'number',
      headerName: 'Number',
      width: NUMBER_WIDTH,
      resizable: false,
      hideable: false,
      // Styled by class (NUMBER_CELL_SX), not a rendered element: the grid's cheapest cell.
      cellClassName: NUMBER_CELL_CLASS,
    },
  ];
}

function common(): Column[] {
  return [
    text('country', 'Country', 90, (row) => row.country, true),
    text('vendor', 'Vendor', 130, (row) => row.vendor, true),
    text('sku', 'SKU', 120, (row) => row.sku, true),
    text('capabilities', 'Capabilities', 140, (row) => capabilitiesLabel(row.capabilities)),
    {
      field: 'properties',
      headerName: 'Properties',
      width: 170,
      sortable: false,
      valueGetter: (_value, row) => [row.golden && 'Golden', row.portedIn && 'Ported-In'].filter(Boolean).join(', '),
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
          {row.golden && <Chip size="small" color="warning" variant="outlined" label="Golden" />}
          {row.portedIn && <Chip size="small" color="info" variant="outlined" label="Ported-In" />}
        </Stack>
      ),
    },
    text('formatted', 'Formatted', 160, (row) => formatInternational(row.number)),
  ];
}

/** The columns that matter in a state: before the common ones, so they show without scrolling. */
function byState(state: NumberState, orgs: Map<string, Organization>): { first: Column[]; last: Column[] } {
  switch (state) {
    case 'available':
      return {
        first: [],
        last: [
          text('routing', 'Routing', 130, (row) => row.routing ?? '', true),
          text('createdAt', 'Added', INSTANT_WIDTH, (row) => formatInstant(row.createdAt), true),
        ],
      };
    case 'reserved':
      return {
        first: [
          text('reserver', 'Reserver org', 240, (row) => orgLabel(row.reservation?.orgUuid, orgs)),
          text('kind', 'Kind', 90, (row) => (row.reservation ? KIND_LABELS[row.reservation.kind] : '')),
          text('expiresAt', 'Expires', INSTANT_WIDTH, (row) => formatInstant(row.expiresAt), true),
          daysLeftColumn,
        ],
        last: [],
      };
    case 'locked':
      return {
        first: [
          text('expiresAt', 'Expires', INSTANT_WIDTH, (row) => (row.lockExpiresAt ? formatInstant(row.lockExpiresAt) : 'Permanent'), true),
          daysLeftColumn,
          text('updatedAt', 'Locked since', INSTANT_WIDTH, (row) => formatInstant(row.updatedAt), true),
        ],
        last: [],
      };
    case 'assigned':
      return {
        first: [
          text('subscription', 'Subscription', 300, (row) => row.subscriptionUuid ?? ''),
          text('owner', 'Owner', 300, (row) => orgLabel(row.ownerUuid, orgs)),
        ],
        last: [],
      };
    case 'deleted':
      return {
        first: [
          text('reason', 'Reason', 170, (row) => reasonLabel(row.deletedReason)),
          text('updatedAt', 'Deleted at', INSTANT_WIDTH, (row) => formatInstant(row.updatedAt), true),
        ],
        last: [],
      };
  }
}

/** A tab's columns, with the widths the operator set. */
export function columnsFor(
  state: NumberState,
  onView: (number: string) => void,
  orgs: Map<string, Organization>,
  widths: Record<string, number> = {},
): Column[] {
  const { first, last } = byState(state, orgs);
  return [...leading(onView), ...first, ...common(), ...last].map((column) =>
    widths[column.field] && column.resizable !== false ? { ...column, width: widths[column.field] } : column,
  );
}
