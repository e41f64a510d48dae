// "Record subscription event" from the detail of an assigned number: an event billing reports for
// its subscription, applied to the whole subscription (every number assigned to it) or to just
// this number. Check first (a dry run: what each number would become), then apply.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { SUBSCRIPTION_EVENT_NAMES, type BillingEventReport, type SubscriptionEventName } from '../../../../shared/billing';
import type { NumberDetail } from '../../../../shared/domain';
import { call } from '../../api/client';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import { BillingResultsTable } from './BillingResultsTable';
import { SUBSCRIPTION_EVENT_LABELS } from './labels';

type Scope = 'subscription' | 'number';

function summary(report: BillingEventReport): string {
  if (report.unmatched) return report.unmatched;
  const changed = report.results.filter((r) => r.outcome === 'changed').length;
  const of = `${report.results.length} number${report.results.length === 1 ? '' : 's'}`;
  return report.dryRun ? `Would change ${changed} of ${of}.` : `Changed ${changed} of ${of}.`;
}

export function RecordSubscriptionEventDialog(props: {
  detail: NumberDetail;
  onClose: () => void;
  onApplied: (report: BillingEventReport) => void;
}) {
  const { detail, onClose, onApplied } = props;
  const subscriptionUuid = detail.subscriptionUuid ?? '';
  const [event, setEvent] = useState<SubscriptionEventName>('expired');
  const [scope, setScope] = useState<Scope>('subscription');
  const [at, setAt] = useState('');
  const [report, setReport] = useState<BillingEventReport | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  // A swap-out is always about one number.
  const effectiveScope: Scope = event === 'swapped-out' ? 'number' : scope;

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await call('billing:record', {
        event: {
          kind: 'subscription',
          subscriptionUuid,
          event,
          ...(at ? { at } : {}),
          ...(effectiveScope === 'number' ? { number: detail.number } : {}),
        },
        dryRun,
      });
      setReport(answer);
      if (!dryRun) onApplied(answer);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  };
  // Any change to the event asks for a new check before it can be applied.
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setReport(null);
    };
  const applied = report !== null && !report.dryRun;

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="record-event-title">
      <DialogTitle id="record-event-title">Record subscription event</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography variant="body2">
            Subscription <strong>{subscriptionUuid}</strong>, as billing reports it.
          </Typography>
          <TextField
            select
            size="small"
            label="Event"
            value={event}
            disabled={busy || applied}
            onChange={(e) => changed(setEvent)(e.target.value as SubscriptionEventName)}
          >
            {SUBSCRIPTION_EVENT_NAMES.map((name) => (
              <MenuItem key={name} value={name}>
                {SUBSCRIPTION_EVENT_LABELS[name]}
              </MenuItem>
            ))}
          </TextField>
          <RadioGroup aria-label="Apply to" value={effectiveScope} onChange={(e) => changed(setScope)(e.target.value as Scope)}>
            <FormControlLabel
              value="subscription"
              control={<Radio />}
              label="The whole subscription (every number assigned to it)"
              disabled={busy || applied || event === 'swapped-out'}
            />
            <FormControlLabel value="number" control={<Radio />} label={`Just this number (${detail.number})`} disabled={busy || applied} />
          </RadioGroup>
          <TextField
            size="small"
            type="datetime-local"
            label="Effective time (UTC)"
            helperText="When it took effect in billing; empty means now"
            value={at}
            disabled={busy || applied}
            onChange={(e) => changed(setAt)(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          {report && (
            <>
              <Alert severity={report.unmatched ? 'info' : applied ? 'success' : 'info'} role="status">
                {summary(report)}
              </Alert>
              {report.results.length > 0 && (
                <BillingResultsTable rows={report.results} label={applied ? 'Applied results' : 'Dry run results'} />
              )}
            </>
          )}
          <ErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {applied ? 'Close' : 'Cancel'}
        </Button>
        {!applied && (
          <Button onClick={() => void send(true)} disabled={busy}>
            Check
          </Button>
        )}
        {!applied && (
          <Button variant="contained" onClick={() => void send(false)} disabled={busy || report === null}>
            Apply
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
