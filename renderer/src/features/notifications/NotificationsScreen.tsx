// The in-app notification list: every warning and expiry notice the sweep recorded, newest first,
// with the emails it queued, a page at a time with the total (filtered by kind on the server). The
// same notices as the desktop notifications, so nothing depends on the operating system showing a
// toast. Clicking one opens the number where it now is.
import { useCallback, useState } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { call } from '../../api/client';
import { useRevision } from '../../app/changes';
import { formatInstant } from '../../app/format';
import { ToggleChips } from '../../components/ToggleChips';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  isHoldNotice,
  NOTICE_KIND_FACTS,
  NOTIFICATION_KINDS,
  type NavigationRequest,
  type NotificationKind,
  type NotificationRecord,
} from '../../../../shared/notifications';
import { NOTIFICATION_KIND_LABELS, ROLE_LABELS, STATUS_COLORS, STATUS_LABELS } from './labels';
import { useNavigation, useNavigationRequests } from './navigation';
import { PagedListGrid } from './PagedListGrid';
import { useListPage } from './use-list-page';

/** Where a notice's number is now worth looking: the held tab for a warning, Available after an expiry. */
function navigationFor(n: NotificationRecord): NavigationRequest {
  if (!isHoldNotice(n.kind) || n.number === null) {
    const pair = n.stock ? { countries: [n.stock.country], skus: [n.stock.sku] } : {};
    return { view: 'numbers', state: 'available', filter: { states: ['available'], ...pair } };
  }
  const state = NOTICE_KIND_FACTS[n.kind].moment === 'warning' ? n.state : 'available';
  return { view: 'numbers', state, filter: { states: [state], pattern: n.number } };
}

const COLUMNS: GridColDef<NotificationRecord>[] = [
  {
    field: 'kind',
    headerName: 'Notice',
    width: 190,
    sortable: false,
    valueFormatter: (kind: NotificationKind) => NOTIFICATION_KIND_LABELS[kind],
  },
  {
    field: 'number',
    headerName: 'Number',
    width: 190,
    sortable: false,
    cellClassName: 'monospace',
    // A low-stock notice is about a country and SKU, not one number.
    valueGetter: (number: string | null, row) =>
      number ?? (row.stock ? `${row.stock.country} · ${row.stock.sku}: ${row.stock.available} available` : ''),
  },
  { field: 'deadline', headerName: 'Deadline', width: 180, sortable: false, valueFormatter: (v: string | null) => formatInstant(v) },
  { field: 'createdAt', headerName: 'Recorded', width: 180, sortable: false, valueFormatter: (v: string) => formatInstant(v) },
  {
    field: 'emails',
    headerName: 'Emails',
    flex: 1,
    minWidth: 300,
    sortable: false,
    renderCell: ({ row }) => (
      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center', height: '100%' }}>
        {row.emails.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            in the app only
          </Typography>
        )}
        {row.emails.map((e) => (
          <Chip
            key={e.id}
            size="small"
            color={STATUS_COLORS[e.status]}
            label={`${e.recipient ?? ROLE_LABELS[e.role]}: ${STATUS_LABELS[e.status]}`}
          />
        ))}
      </Box>
    ),
  },
];

export function NotificationsScreen() {
  const revision = useRevision('notifications');
  const outboxRevision = useRevision('outbox');
  const numbersRevision = useRevision('numbers');
  const [kinds, setKinds] = useState<NotificationKind[]>([]);
  const { navigateTo } = useNavigation();

  useNavigationRequests(
    'notifications',
    useCallback((request) => setKinds(request.kinds ?? []), []),
  );

  const fetchPage = useCallback(
    (page: number, pageSize: number) => call('notifications:list', { kinds: kinds.length ? kinds : undefined, page, pageSize }),
    [kinds],
  );
  const list = useListPage(fetchPage, `${revision}|${outboxRevision}|${numbersRevision}`);
  const noRowsLabel = kinds.length
    ? 'No notifications of these kinds.'
    : 'No notifications yet. Warnings appear here when a reservation or lock is within the warning lead (see Settings) of its deadline.';

  return (
    <Stack spacing={1.5} sx={{ flex: 1, minHeight: 0, minWidth: 0 }}>
      <ToggleChips label="Show kinds" values={NOTIFICATION_KINDS} labels={NOTIFICATION_KIND_LABELS} selected={kinds} onChange={setKinds} />
      <ErrorAlert error={list.error} />
      <Box sx={{ flex: 1, minHeight: 0, minWidth: 0 }}>
        <PagedListGrid
          label="Notifications"
          list={list}
          columns={COLUMNS}
          noRowsLabel={noRowsLabel}
          onRowClick={(row) => navigateTo(navigationFor(row))}
          autoRowHeight
        />
      </Box>
    </Stack>
  );
}
