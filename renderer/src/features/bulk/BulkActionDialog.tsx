// One action over the selected numbers: its fields asked once, then a preview of the outcome per
// number (nothing written yet), then the apply with progress and Cancel, then what happened.
// The apply takes exactly the numbers the preview said will apply; the core checks each again.
import { useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import type { BulkPreview, BulkStatus } from '../../../../shared/bulk';
import type { NumberState } from '../../../../shared/domain';
import { ACTION_RULES, type OperatorAction } from '../../../../shared/lifecycle';
import { call } from '../../api/client';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import { STATE_LABELS } from '../../app/format';
import { ActionFieldInput } from '../actions/ActionFieldInput';
import { ACTION_FIELDS, ACTION_HELP } from '../actions/action-fields';
import { BulkPreviewTable } from './BulkPreviewTable';
import { BulkRefusals } from './BulkRefusals';
import { selectedCount, targetOf, type BulkSelection } from './selection';

/** How often the progress is asked for while the apply runs. */
const PROGRESS_POLL_MS = 250;

interface Props {
  action: OperatorAction;
  state: NumberState;
  selection: BulkSelection;
  onClose: (applied: boolean) => void;
}

type Step = { step: 'fields' } | { step: 'preview'; preview: BulkPreview } | { step: 'applying' | 'done'; status: BulkStatus };

const count = (n: number) => n.toLocaleString('en-US');

export function BulkActionDialog({ action, state, selection, onClose }: Props) {
  const rule = ACTION_RULES[action];
  const fields = ACTION_FIELDS[action];
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.key, ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ step: 'fields' });
  const titleId = `bulk-${action}-title`;

  const fieldValues = () =>
    Object.fromEntries(
      fields.flatMap((field) => {
        const value = values[field.key].trim();
        // Optional fields left empty are not sent at all.
        return value !== '' || field.required ? [[field.key, value]] : [];
      }),
    );

  const preview = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = Object.fromEntries(
      fields.filter((f) => f.required && values[f.key].trim() === '').map((f) => [f.key, `${f.label} is required`]),
    );
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setFailure(null);
    setBusy(true);
    try {
      setStep({ step: 'preview', preview: await call('bulk:preview', { action, fields: fieldValues(), target: targetOf(selection) }) });
    } catch (error) {
      setFailure(toShownError(error));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (step.step !== 'preview' || busy) return;
    const numbers = step.preview.rows.filter((r) => r.outcome === 'apply').map((r) => r.number);
    setFailure(null);
    setBusy(true);
    try {
      setStep({ step: 'applying', status: await call('bulk:apply', { action, fields: fieldValues(), target: { numbers } }) });
    } catch (error) {
      setFailure(toShownError(error));
    } finally {
      setBusy(false);
    }
  };

  // While it runs: ask for progress until it ends.
  const runningId = step.step === 'applying' ? step.status.id : null;
  useEffect(() => {
    if (!runningId) return;
    let current = true;
    const timer = setInterval(() => {
      call('bulk:status', { id: runningId })
        .then((status) => current && setStep({ step: status.state === 'running' ? 'applying' : 'done', status }))
        .catch((error: unknown) => current && setFailure(toShownError(error)));
    }, PROGRESS_POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [runningId]);

  const cancel = async () => {
    if (step.step !== 'applying') return;
    try {
      await call('bulk:cancel', { id: step.status.id });
    } catch (error) {
      setFailure(toShownError(error));
    }
  };

  const running = step.step === 'applying';
  const close = () => onClose(step.step === 'done' || running);
  const title = `${rule.label} ${count(selectedCount(selection))} ${selectedCount(selection) === 1 ? 'number' : 'numbers'}`;

  return (
    <Dialog open onClose={busy || running ? undefined : close} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <form onSubmit={preview} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {STATE_LABELS[state]} → {STATE_LABELS[rule.to]}. {ACTION_HELP[action]} Each number gets its own entry in its history.
          </DialogContentText>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {step.step === 'fields' &&
              fields.map((field, index) => (
                <ActionFieldInput
                  key={field.key}
                  field={field}
                  label={field.label}
                  value={values[field.key]}
                  required={field.required}
                  autoFocus={index === 0}
                  error={errors[field.key]}
                  helper={field.helper}
                  onChange={(value) => {
                    setValues((current) => ({ ...current, [field.key]: value }));
                    setErrors(({ [field.key]: _fixed, ...rest }) => rest);
                  }}
                />
              ))}
            {step.step === 'preview' && (
              <>
                <Alert severity={step.preview.refused ? 'warning' : 'info'} role="status">
                  {count(step.preview.willApply)} will change, {count(step.preview.refused)} refused. Nothing has been changed yet.
                </Alert>
                <BulkPreviewTable preview={step.preview} />
              </>
            )}
            {(step.step === 'applying' || step.step === 'done') && <Progress status={step.status} />}
            <ErrorAlert error={failure} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          {step.step === 'fields' && (
            <>
              <Button onClick={close} disabled={busy}>
                Cancel
              </Button>
              <Button type="submit" variant="contained" disabled={busy}>
                Preview
              </Button>
            </>
          )}
          {step.step === 'preview' && (
            <>
              <Button onClick={() => setStep({ step: 'fields' })} disabled={busy}>
                Back
              </Button>
              <Button onClick={close} disabled={busy}>
                Cancel
              </Button>
              <Button
                variant="contained"
                color={action === 'delete' ? 'error' : 'primary'}
                disabled={busy || step.preview.willApply === 0}
                onClick={apply}
              >
                {rule.confirm} {count(step.preview.willApply)} {step.preview.willApply === 1 ? 'number' : 'numbers'}
              </Button>
            </>
          )}
          {step.step === 'applying' && <Button onClick={cancel}>Cancel</Button>}
          {step.step === 'done' && (
            <Button variant="contained" onClick={close}>
              Close
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}

function Progress({ status }: { status: BulkStatus }) {
  const percent = status.total ? Math.round((100 * status.processed) / status.total) : 100;
  const summary = `${count(status.applied)} changed, ${count(status.refusals.length)} refused`;
  return (
    <Stack spacing={1.5}>
      <LinearProgress variant="determinate" value={percent} aria-label={`Progress: ${count(status.processed)} of ${count(status.total)}`} />
      <Alert
        role="status"
        severity={status.state === 'running' ? 'info' : status.state === 'finished' && status.refusals.length === 0 ? 'success' : 'warning'}
      >
        {status.state === 'running' && `Working: ${count(status.processed)} of ${count(status.total)} numbers. ${summary}.`}
        {status.state === 'finished' && `Done: ${summary}.`}
        {status.state === 'cancelled' && `Cancelled after ${count(status.processed)} of ${count(status.total)} numbers: ${summary}.`}
        {status.state === 'failed' &&
          `Stopped after ${count(status.processed)} of ${count(status.total)} numbers: ${status.error?.message ?? ''} ${summary}.`}
      </Alert>
      {status.refusals.length > 0 && <BulkRefusals refusals={status.refusals} />}
    </Stack>
  );
}
