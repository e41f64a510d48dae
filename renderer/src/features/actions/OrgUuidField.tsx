// A UUID field that suggests the organizations the inventory knows (by name or UUID) and still
// accepts any UUID typed or pasted. A UUID not in the directory is pointed out (its warnings would
// have no recipient), with a button to add the organization there and then.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Organization } from '../../../../shared/domain';
import { uuidSchema } from '../../../../shared/fields';
import { useOrgDirectory } from '../../app/org-directory';
import { OrganizationDialog } from '../organizations/OrganizationDialog';

const isUuid = (text: string) => uuidSchema('UUID').safeParse(text).success;

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  helper?: string;
  required?: boolean;
  autoFocus?: boolean;
}

export function OrgUuidField({ label, value, onChange, error, helper, required, autoFocus }: Props) {
  const { organizations, byUuid } = useOrgDirectory();
  const [adding, setAdding] = useState(false);
  const typed = value.trim();
  const known = byUuid.get(typed.toLowerCase());
  const unknown = !error && isUuid(typed) && !known;
  return (
    <>
      <Autocomplete<Organization, false, false, true>
        freeSolo
        options={organizations}
        inputValue={value}
        onInputChange={(_event, text) => onChange(text)}
        getOptionLabel={(option) => (typeof option === 'string' ? option : option.uuid)}
        filterOptions={(options, { inputValue }) => {
          const needle = inputValue.trim().toLowerCase();
          return options.filter((org) => !needle || org.uuid.includes(needle) || org.name.toLowerCase().includes(needle)).slice(0, 20);
        }}
        renderOption={({ key, ...props }, option) => (
          <Box component="li" key={key} {...props}>
            <Box>
              <Typography variant="body2">{option.name}</Typography>
              <Typography variant="caption" color="text.secondary">
                {option.uuid} · {option.type}
              </Typography>
            </Box>
          </Box>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            label={label}
            required={required}
            autoFocus={autoFocus}
            error={Boolean(error)}
            helperText={
              error ??
              (unknown
                ? 'Not in Organizations: its expiry warning would have no recipient. Add the organization first.'
                : known
                  ? `${known.name} (${known.type})`
                  : helper)
            }
            slotProps={{ ...params.slotProps, formHelperText: { sx: unknown ? { color: 'warning.dark' } : undefined } }}
          />
        )}
      />
      {unknown && (
        <Button size="small" sx={{ alignSelf: 'flex-start', mt: -1 }} onClick={() => setAdding(true)}>
          Add organization {typed}
        </Button>
      )}
      {adding && <OrganizationDialog editing={null} newUuid={typed} onClose={() => setAdding(false)} onSaved={() => setAdding(false)} />}
    </>
  );
}
