// The email outbox: warnings and expiry notices queued for the reserver or support, with their
// delivery status (queued, sent, failed, no recipient), a page at a time with the total (filtered by
// status on the server), a preview, retry, and export as .eml.
import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { call } from '../../api/client';
import { useChanges, useRevision } from '../../app/changes';
import { formatInstant } from '../../app/format';
import { ToggleChips } from '../../components/ToggleChips';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import { OUTBOX_STATUSES, type OutboxEmail, type OutboxStatus } from '../../../../shared/notifications';
import { ROLE_LABELS, STATUS_COLORS, STATUS_LABELS } from '../notifications/labels';
import { useNavigationRequests } from '../notifications/navigation';
import { PagedListGrid } from '../notifications/PagedListGrid';
import { useListPage } from '../notifications/use-list-page';
import { downloadText } from './download';

const COLUMNS: GridColDef<OutboxEmail>[] = [
  {
    field: 'status',
    headerName: 'Status',
    width: 120,
    sortable: false,
    renderCell: ({ row }) => <Chip size="small" color={STATUS_COLORS[row.status]} label={STATUS_LABELS[row.status]} />,
  },
  {
    field: 'recipient',
    headerName: 'To',
    flex: 1,
    minWidth: 140,
    sortable: false,
    valueGetter: (_value, row) => row.recipient ?? `${ROLE_LABELS[row.role]} (not configured)`,
  },
  { field: 'subject', headerName: 'Subject', flex: 2, minWidth: 200, sortable: false },
  { field: 'createdAt', headerName: 'Queued', width: 180, sortable: false, valueFormatter: (v: string) => formatInstant(v) },
  { field: 'attempts', headerName: 'Attempts', width: 80, sortable: false, type: 'number' },
];

export function OutboxScreen() {
  const revision = useRevision('outbox');
  const settingsRevision = useRevision('settings');
  const { bump } = useChanges();
  const [statuses, setStatuses] = useState<OutboxStatus[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [actionError, setActionError] = useState<ShownError | null>(null);
  const [smtpReady, setSmtpReady] = useState<boolean | null>(null);

  useNavigationRequests(
    'outbox',
    useCallback(() => setStatuses([]), []),
  );

  const fetchPage = useCallback(
    (page: number, pageSize: number) => call('outbox:list', { statuses: statuses.length ? statuses : undefined, page, pageSize }),
    [statuses],
  );
  const list = useListPage(fetchPage, String(revision));
  const emails = list.rows;
  const error = actionError ?? list.error;

  useEffect(() => {
    call('settings:get', {})
      .then((s) => setSmtpReady(s.smtpHost !== '' && s.smtpFrom !== ''))
      .catch(() => setSmtpReady(null));
  }, [settingsRevision]);

  const selected = emails.find((e) => e.id === selectedId) ?? null;

  const retry = async (email: OutboxEmail) => {
    try {
      await call('outbox:retry', { id: email.id });
      setActionError(null);
      bump('outbox');
    } catch (reason) {
      setActionError(toShownError(reason));
    }
  };
  const exportEml = async (email: OutboxEmail) => {
    try {
      const { fileName, eml } = await call('outbox:export-eml', { id: email.id });
      downloadText(fileName, eml, 'message/rfc822');
    } catch (reason) {
      setActionError(toShownError(reason));
    }
  };

  return (
    <Stack spacing={1.5} sx={{ flex: 1, minHeight: 0 }}>
      {smtpReady === false && (
        <Alert severity="info">
          Email is not configured: emails wait in the outbox until the SMTP server and sender are set in Settings.
        </Alert>
      )}
      <ToggleChips label="Show statuses" values={OUTBOX_STATUSES} labels={STATUS_LABELS} selected={statuses} onChange={setStatuses} />
      <ErrorAlert error={error} />
      <Box sx={{ display: 'flex', gap: 1.5, flex: 1, minHeight: 0 }}>
        <Box sx={{ flex: 2, minHeight: 0, minWidth: 0 }}>
          <PagedListGrid
            label="Outbox"
            list={list}
            columns={COLUMNS}
            noRowsLabel={statuses.length ? 'No emails with these statuses.' : 'The outbox is empty.'}
            onRowClick={(row) => setSelectedId(row.id)}
            selectedId={selectedId}
          />
        </Box>
        <Paper variant="outlined" component="section" aria-label="Email preview" sx={{ flex: 1, minWidth: 300, p: 1.5, overflow: 'auto' }}>
          {!selected && <Typography color="text.secondary">Select an email to preview it.</Typography>}
          {selected && (
            <Stack spacing={1}>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
                {selected.subject}
              </Typography>
              <Typography variant="body2">
                To: {selected.recipient ?? `no recipient: the ${ROLE_LABELS[selected.role].toLowerCase()} address is not configured`}
              </Typography>
              <Typography variant="body2">
                Status: {STATUS_LABELS[selected.status]}
                {selected.sentAt && `, sent ${formatInstant(selected.sentAt)}`}
                {selected.nextAttemptAt && selected.status !== 'sent' && `, next attempt ${formatInstant(selected.nextAttemptAt)}`}
              </Typography>
              {selected.lastError && <Alert severity="error">Last error: {selected.lastError}</Alert>}
              <Box
                component="pre"
                sx={{
                  whiteSpace: 'pre-wrap',
                  fontFamily: 'monospace',
                  fontSize: '0.85rem',
                  m: 0,
                  p: 1,
                  bgcolor: 'action.hover',
                  borderRadius: 1,
                }}
              >
                {selected.body}
              </Box>
              <Box sx={{ display: 'flex', gap: 1 }}>
                <Button variant="contained" disabled={selected.status === 'sent'} onClick={() => void retry(selected)}>
                  Retry
                </Button>
                <Button variant="outlined" onClick={() => void exportEml(selected)}>
                  Export .eml
                </Button>
              </Box>
            </Stack>
          )}
        </Paper>
      </Box>
    </Stack>
  );
}
