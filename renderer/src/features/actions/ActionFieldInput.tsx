// One field of an action's dialog, drawn for its kind: the single action and the bulk action
// dialogs ask the same fields the same way.
import TextField from '@mui/material/TextField';
import { DELETE_REASONS, DELETE_REASON_LABELS } from '../../../../shared/domain';
import type { ActionField } from './action-fields';
import { OrgUuidField } from './OrgUuidField';

interface InputProps {
  field: ActionField;
  label: string;
  value: string;
  required: boolean;
  autoFocus: boolean;
  error?: string;
  helper?: string;
  onChange: (value: string) => void;
}

export function ActionFieldInput({ field, label, value, required, autoFocus, error, helper, onChange }: InputProps) {
  if (field.kind === 'org') return <OrgUuidField {...{ label, value, required, autoFocus, error, helper, onChange }} />;
  const common = {
    label,
    value,
    required,
    autoFocus,
    error: Boolean(error),
    helperText: error ?? helper,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  switch (field.kind) {
    case 'reason':
      return (
        <TextField {...common} select slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}>
          <option value="">Choose a reason</option>
          {DELETE_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {DELETE_REASON_LABELS[reason]}
            </option>
          ))}
        </TextField>
      );
    case 'remark':
      return <TextField {...common} multiline minRows={2} />;
    case 'date':
      return <TextField {...common} type="date" slotProps={{ inputLabel: { shrink: true } }} />;
    case 'datetime':
      return <TextField {...common} type="datetime-local" slotProps={{ inputLabel: { shrink: true } }} />;
    case 'uuid':
      return (
        <TextField
          {...common}
          placeholder="123e4567-e89b-12d3-a456-426614174000"
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
        />
      );
  }
}
