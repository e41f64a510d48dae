// Add or edit one organization. The UUID identifies it and cannot change once saved.
import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { organizationSchema } from '../../../../shared/organizations';
import { ORG_TYPES, type Organization, type OrgType } from '../../../../shared/domain';
import { call } from '../../api/client';
import { useChanges } from '../../app/changes';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/zod-errors';

const draftSchema = organizationSchema('UUID');
const FIELDS = ['uuid', 'name', 'type', 'billingEmail', 'ownerEmail'];
const TYPE_LABELS: Record<OrgType, string> = { customer: 'Customer', partner: 'Partner' };

interface Props {
  /** The organization to edit; null to add a new one. */
  editing: Organization | null;
  onClose: () => void;
  onSaved: (organization: Organization) => void;
  /** A new organization's UUID, already known (typed in an action dialog). */
  newUuid?: string;
}

export function OrganizationDialog({ editing, onClose, onSaved, newUuid }: Props) {
  const { bump } = useChanges();
  const [draft, setDraft] = useState({
    uuid: editing?.uuid ?? newUuid ?? '',
    name: editing?.name ?? '',
    type: editing?.type ?? 'customer',
    billingEmail: editing?.billingEmail ?? '',
    ownerEmail: editing?.ownerEmail ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof draft, value: string) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _fixed, ...rest }) => rest);
  };
  const title = editing ? `Edit ${editing.name}` : 'Add organization';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = draftSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, FIELDS).byField);
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      const organization = await call('orgs:save', {
        mode: editing ? 'update' : 'add',
        organization: parsed.data,
      });
      bump('organizations');
      onSaved(organization);
    } catch (error) {
      setFailure(toShownError(error));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof typeof draft, label: string, extra: { required?: boolean; disabled?: boolean; type?: string } = {}) => (
    <TextField
      label={label}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      required={extra.required}
      disabled={extra.disabled}
      type={extra.type}
      error={Boolean(errors[key])}
      helperText={errors[key]}
      autoFocus={key === (editing ? 'name' : 'uuid')}
    />
  );

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="org-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="org-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {field('uuid', 'UUID', { required: true, disabled: Boolean(editing) })}
            {field('name', 'Name', { required: true })}
            <TextField
              select
              label="Type"
              value={draft.type}
              onChange={(event) => set('type', event.target.value)}
              slotProps={{ select: { native: true } }}
              error={Boolean(errors.type)}
              helperText={errors.type ?? 'Customers are notified at their billing email, partners at their owner email'}
            >
              {ORG_TYPES.map((type) => (
                <option key={type} value={type}>
                  {TYPE_LABELS[type]}
                </option>
              ))}
            </TextField>
            {field('billingEmail', 'Billing email', { type: 'email' })}
            {field('ownerEmail', 'Owner email', { type: 'email' })}
            <ErrorAlert error={failure} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
