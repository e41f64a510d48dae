// The grid columns of each tab: what is common to every number, then what matters in that state.
// Sortable columns are exactly those the core can sort on (SORT_FIELDS); the field names match.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import type { NumberRecord, NumberState, Organization } from '../../../../shared/domain';
import { formatInternational } from '../../../../shared/phone';
import { SORT_FIELDS, type SortField } from '../../../../shared/search';
import { KIND_LABELS, capabilitiesLabel, daysLeft, formatInstant, reasonLabel } from '../../app/format';
import { MONO_FONTS } from '../../app/theme';

export function isSortField(field: string): field is SortField {
  return (SORT_FIELDS as readonly string[]).includes(field);
}

type Column = GridColDef<NumberRecord>;

/** Wide enough for "2026-03-30 09:00 UTC" in full. */
const INSTANT_WIDTH = 190;

function orgLabel(uuid: string | null | undefined, orgs: Map<string, Organization>): string {
  if (!uuid) return '';
  const name = orgs.get(uuid.toLowerCase())?.name;
  return name ? `${name} (${uuid})` : uuid;
}

const text = (field: string, headerName: string, width: number, value: (row: NumberRecord) => string, sortable = false): Column => ({
  field,
  headerName,
  width,
  sortable,
  valueGetter: (_value, row) => value(row),
});

function common(onView: (number: string) => void): Column[] {
  return [
    {
      field: 'view',
      type: 'actions',
      headerName: 'View',
      width: 64,
      getActions: ({ row }) => [
        <GridActionsCellItem key="view" icon={<VisibilityOutlined />} label={`View ${row.number}`} onClick={() => onView(row.number)} />,
      ],
    },
    {
      field: 'number',
      headerName: 'Number',
      width: 150,
      renderCell: ({ row }) => (
        <Box component="span" sx={{ fontFamily: MONO_FONTS, fontWeight: 600 }}>
          {row.number}
        </Box>
      ),
    },
    text('formatted', 'Formatted', 160, (row) => formatInternational(row.number)),
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
  ];
}

function byState(state: NumberState, orgs: Map<string, Organization>, now: number): Column[] {
  switch (state) {
    case 'available':
      return [
        text('routing', 'Routing', 130, (row) => row.routing ?? '', true),
        text('createdAt', 'Added', INSTANT_WIDTH, (row) => formatInstant(row.createdAt), true),
      ];
    case 'reserved':
      return [
        text('reserver', 'Reserver org', 240, (row) => orgLabel(row.reservation?.orgUuid, orgs)),
        text('kind', 'Kind', 90, (row) => (row.reservation ? KIND_LABELS[row.reservation.kind] : '')),
        text('expiresAt', 'Expires', INSTANT_WIDTH, (row) => formatInstant(row.expiresAt), true),
        {
          field: 'daysLeft',
          headerName: 'Days left',
          type: 'number',
          width: 100,
          sortable: false,
          valueGetter: (_value, row) => daysLeft(row.expiresAt, now),
        },
      ];
    case 'locked':
      return [
        text('expiresAt', 'Expires', INSTANT_WIDTH, (row) => (row.lockExpiresAt ? formatInstant(row.lockExpiresAt) : 'Permanent'), true),
        text('updatedAt', 'Locked since', INSTANT_WIDTH, (row) => formatInstant(row.updatedAt), true),
      ];
    case 'assigned':
      return [
        text('subscription', 'Subscription', 300, (row) => row.subscriptionUuid ?? ''),
        text('owner', 'Owner', 300, (row) => orgLabel(row.ownerUuid, orgs)),
      ];
    case 'deleted':
      return [
        text('reason', 'Reason', 170, (row) => reasonLabel(row.deletedReason)),
        text('updatedAt', 'Deleted at', INSTANT_WIDTH, (row) => formatInstant(row.updatedAt), true),
      ];
  }
}

export function columnsFor(state: NumberState, onView: (number: string) => void, orgs: Map<string, Organization>, now: number): Column[] {
  return [...common(onView), ...byState(state, orgs, now)];
}
