// A field taking several values (SKU, vendor, country...): type a value and press Enter; each value
// is a chip; any of them matches.
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';

export function MultiValueField(props: {
  label: string;
  values: string[] | undefined;
  onChange: (values: string[]) => void;
  options?: readonly string[];
  helperText?: string;
  transform?: (value: string) => string;
}) {
  const { label, values, onChange, options = [], helperText, transform = (v) => v.trim() } = props;
  return (
    <Autocomplete
      multiple
      freeSolo
      size="small"
      options={options as string[]}
      value={values ?? []}
      onChange={(_event, next) => onChange([...new Set(next.map((v) => transform(String(v))).filter(Boolean))])}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => <Chip size="small" label={option} {...getItemProps({ index })} key={option} />)
      }
      renderInput={(params) => (
        <TextField {...params} label={label} helperText={helperText ?? 'Type a value and press Enter; any of them matches'} />
      )}
    />
  );
}
