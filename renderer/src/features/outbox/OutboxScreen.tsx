// The email outbox: warnings and expiry notices queued for the reserver or support, with their
// delivery status (queued, sent, failed, no recipient), a preview, retry, and export as .eml.
import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
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
import { useChanges, useRevision } from '../../app/changes';
import { formatInstant } from '../../app/format';
import { ToggleChips } from '../../components/ToggleChips';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import { OUTBOX_STATUSES, type OutboxEmail, type OutboxStatus } from '../../../../shared/notifications';
import { ROLE_LABELS, STATUS_COLORS, STATUS_LABELS } from '../notifications/labels';
import { useNavigationRequests } from '../notifications/navigation';
import { downloadText } from './download';

export function OutboxScreen() {
  const revision = useRevision('outbox');
  const settingsRevision = useRevision('settings');
  const { bump } = useChanges();
  const [statuses, setStatuses] = useState<OutboxStatus[]>([]);
  const [emails, setEmails] = useState<OutboxEmail[] | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [smtpReady, setSmtpReady] = useState<boolean | null>(null);

  useNavigationRequests(
    'outbox',
    useCallback(() => setStatuses([]), []),
  );

  useEffect(() => {
    let current = true;
    call('outbox:list', { statuses: statuses.length ? statuses : undefined, limit: 1000 })
      .then((list) => current && (setEmails(list), setError(null)))
      .catch((reason: unknown) => current && setError(toShownError(reason)));
    return () => {
      current = false;
    };
  }, [statuses, revision]);

  useEffect(() => {
    call('settings:get', {})
      .then((s) => setSmtpReady(s.smtpHost !== '' && s.smtpFrom !== ''))
      .catch(() => setSmtpReady(null));
  }, [settingsRevision]);

  const selected = emails?.find((e) => e.id === selectedId) ?? null;

  const retry = async (email: OutboxEmail) => {
    try {
      await call('outbox:retry', { id: email.id });
      setError(null);
      bump('outbox');
    } catch (reason) {
      setError(toShownError(reason));
    }
  };
  const exportEml = async (email: OutboxEmail) => {
    try {
      const { fileName, eml } = await call('outbox:export-eml', { id: email.id });
      downloadText(fileName, eml, 'message/rfc822');
    } catch (reason) {
      setError(toShownError(reason));
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
        <TableContainer component={Paper} variant="outlined" sx={{ flex: 3, minHeight: 0 }}>
          <Table size="small" stickyHeader aria-label="Outbox">
            <TableHead>
              <TableRow>
                <TableCell>Status</TableCell>
                <TableCell>To</TableCell>
                <TableCell>Subject</TableCell>
                <TableCell>Queued</TableCell>
                <TableCell>Attempts</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {emails?.map((e) => (
                <TableRow
                  key={e.id}
                  hover
                  selected={e.id === selectedId}
                  sx={{ cursor: 'pointer' }}
                  onClick={() => setSelectedId(e.id)}
                  aria-selected={e.id === selectedId}
                >
                  <TableCell>
                    <Chip size="small" color={STATUS_COLORS[e.status]} label={STATUS_LABELS[e.status]} />
                  </TableCell>
                  <TableCell>{e.recipient ?? `${ROLE_LABELS[e.role]} (not configured)`}</TableCell>
                  <TableCell>{e.subject}</TableCell>
                  <TableCell>{formatInstant(e.createdAt)}</TableCell>
                  <TableCell>{e.attempts}</TableCell>
                </TableRow>
              ))}
              {emails?.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5}>The outbox is empty.</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <Paper variant="outlined" component="section" aria-label="Email preview" sx={{ flex: 2, minWidth: 280, p: 1.5, overflow: 'auto' }}>
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
