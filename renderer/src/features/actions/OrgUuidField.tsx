// A UUID field that suggests the organizations the inventory knows (by name or UUID) and still
// accepts any UUID typed or pasted.
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Organization } from '../../../../shared/domain';
import { useOrgDirectory } from '../../app/org-directory';

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
  const { organizations } = useOrgDirectory();
  return (
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
          helperText={error ?? helper}
        />
      )}
    />
  );
}
