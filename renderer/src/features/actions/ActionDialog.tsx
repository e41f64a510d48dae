// One life-cycle action on one number: the fields the document asks for, validated with the shared
// schema before submit; the core's refusal shown here with the input kept; the new detail handed
// back on success. The version shown when the action was chosen goes along, so a stale view is refused.
import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { actionInputSchemas } from '../../../../shared/actions';
import { ACTION_CHANNELS } from '../../../../shared/contract';
import type { NumberDetail } from '../../../../shared/domain';
import { ACTION_RULES, type OperatorAction } from '../../../../shared/lifecycle';
import { call } from '../../api/client';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/zod-errors';
import { STATE_LABELS } from '../../app/format';
import { ActionFieldInput } from './ActionFieldInput';
import { ACTION_FIELDS, ACTION_HELP, type ActionField } from './action-fields';

interface Props {
  action: OperatorAction;
  /** The number as the operator saw it when choosing the action. */
  detail: NumberDetail;
  onCancel: () => void;
  onDone: (updated: NumberDetail) => void;
}

// Every action channel takes its own input type; the input was just validated by that action's schema.
type AnyActionCall = (channel: string, input: Record<string, unknown>) => Promise<NumberDetail>;
const callAction = call as unknown as AnyActionCall;

export function ActionDialog({ action, detail, onCancel, onDone }: Props) {
  const rule = ACTION_RULES[action];
  const fields = ACTION_FIELDS[action];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((field) => [field.key, field.initial?.(detail) ?? ''])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `action-${action}-title`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const input: Record<string, unknown> = { number: detail.number, expectedVersion: detail.version };
    for (const field of fields) {
      const value = values[field.key].trim();
      // Optional fields left empty are not sent at all.
      if (value !== '' || field.required) input[field.key] = value;
    }
    const parsed = actionInputSchemas[action].safeParse(input);
    // A required field left empty is named as missing, not as malformed.
    const missing = Object.fromEntries(
      fields.filter((field) => field.required && input[field.key] === '').map((field) => [field.key, `${field.label} is required`]),
    );
    if (!parsed.success || Object.keys(missing).length > 0) {
      const found = parsed.success
        ? { byField: {}, other: [] }
        : fieldErrors(
            parsed.error,
            fields.map((field) => field.key),
          );
      setErrors({ ...found.byField, ...missing });
      setFailure(found.other.length ? { message: found.other.join('; ') } : null);
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      // The raw input goes to the core, which validates it again with the same schema.
      onDone(await callAction(ACTION_CHANNELS[action], input));
    } catch (error) {
      setFailure(toShownError(error));
    } finally {
      setBusy(false);
    }
  };

  const fieldProps = (field: ActionField, index: number) => ({
    label: field.label,
    value: values[field.key],
    required: field.required,
    autoFocus: index === 0,
    error: errors[field.key],
    helper: field.helper,
    onChange: (value: string) => {
      setValues((current) => ({ ...current, [field.key]: value }));
      // A message about the old value no longer applies.
      setErrors(({ [field.key]: _fixed, ...rest }) => rest);
    },
  });

  return (
    <Dialog open onClose={busy ? undefined : onCancel} aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        {/* Named with its number, so a dialog over the detail (or a screen reader) says which one it acts on. */}
        <DialogTitle id={titleId}>
          {rule.label} {detail.number}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {detail.number} · {STATE_LABELS[detail.state]} → {STATE_LABELS[rule.to]}. {ACTION_HELP[action]}
          </DialogContentText>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {fields.map((field, index) => (
              <ActionFieldInput key={field.key} field={field} {...fieldProps(field, index)} />
            ))}
            <ErrorAlert error={failure} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy} color={action === 'delete' ? 'error' : 'primary'}>
            {rule.confirm}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
