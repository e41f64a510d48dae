// The in-app notification list: every warning and expiry notice the sweep recorded, newest first,
// with the emails it queued. The same notices as the desktop notifications, so nothing depends on
// the operating system showing a toast. Clicking one opens the number where it now is.
import { useCallback, useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { call } from '../../api/client';
import { useRevision } from '../../app/changes';
import { formatInstant } from '../../app/format';
import { ToggleChips } from '../../components/ToggleChips';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import {
  NOTIFICATION_KINDS,
  type NavigationRequest,
  type NotificationKind,
  type NotificationRecord,
} from '../../../../shared/notifications';
import { NOTIFICATION_KIND_LABELS, ROLE_LABELS, STATUS_COLORS, STATUS_LABELS } from './labels';
import { useNavigation, useNavigationRequests } from './navigation';

/** Where a notice's number is now worth looking: the held tab for a warning, Available after an expiry. */
function navigationFor(n: NotificationRecord): NavigationRequest {
  const state = n.kind.endsWith('warning') ? n.state : 'available';
  return { view: 'numbers', state, filter: { states: [state], pattern: n.number } };
}

export function NotificationsScreen() {
  const revision = useRevision('notifications');
  const outboxRevision = useRevision('outbox');
  const numbersRevision = useRevision('numbers');
  const [kinds, setKinds] = useState<NotificationKind[]>([]);
  const [rows, setRows] = useState<NotificationRecord[] | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const { navigateTo } = useNavigation();

  useNavigationRequests(
    'notifications',
    useCallback((request) => setKinds(request.kinds ?? []), []),
  );

  useEffect(() => {
    let current = true;
    call('notifications:list', { kinds: kinds.length ? kinds : undefined, limit: 500 })
      .then((list) => current && (setRows(list), setError(null)))
      .catch((reason: unknown) => current && setError(toShownError(reason)));
    return () => {
      current = false;
    };
  }, [kinds, revision, outboxRevision, numbersRevision]);

  return (
    <Stack spacing={1.5} sx={{ flex: 1, minHeight: 0 }}>
      <ToggleChips label="Show kinds" values={NOTIFICATION_KINDS} labels={NOTIFICATION_KIND_LABELS} selected={kinds} onChange={setKinds} />
      <ErrorAlert error={error} />
      <TableContainer component={Paper} variant="outlined" sx={{ flex: 1, minHeight: 0 }}>
        <Table size="small" stickyHeader aria-label="Notifications">
          <TableHead>
            <TableRow>
              <TableCell>Notice</TableCell>
              <TableCell>Number</TableCell>
              <TableCell>Deadline</TableCell>
              <TableCell>Recorded</TableCell>
              <TableCell>Emails</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows?.map((n) => (
              <TableRow key={n.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigateTo(navigationFor(n))}>
                <TableCell>{NOTIFICATION_KIND_LABELS[n.kind]}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{n.number}</TableCell>
                <TableCell>{formatInstant(n.deadline)}</TableCell>
                <TableCell>{formatInstant(n.createdAt)}</TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                    {n.emails.length === 0 && (
                      <Typography variant="body2" color="text.secondary">
                        in the app only
                      </Typography>
                    )}
                    {n.emails.map((e) => (
                      <Chip
                        key={e.id}
                        size="small"
                        color={STATUS_COLORS[e.status]}
                        label={`${e.recipient ?? ROLE_LABELS[e.role]}: ${STATUS_LABELS[e.status]}`}
                      />
                    ))}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
            {rows?.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>
                  No notifications yet. Warnings appear here when a reservation or lock is within the warning lead (see Settings) of its
                  deadline.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
