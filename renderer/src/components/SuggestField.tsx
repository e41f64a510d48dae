// A text field offering the values the inventory already holds (vendor, SKU, routing), matched
// without regard to case, and saying when the typed value would be a new one: a typo is seen
// before it makes a new vendor.
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { storedSpelling } from '../app/field-values';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly string[];
  required?: boolean;
  error?: string;
  helper?: string;
  /** What a new value is called in the hint ("vendor"). */
  noun: string;
}

export function SuggestField({ label, value, onChange, options, required, error, helper, noun }: Props) {
  const known = storedSpelling(options, value);
  const hint =
    value.trim() === '' || options.length === 0
      ? helper
      : known === undefined
        ? `A new ${noun}: no number has it yet`
        : known !== value.trim()
          ? `Stored as "${known}": pick it to keep one spelling`
          : helper;
  return (
    <Autocomplete
      freeSolo
      options={[...options]}
      inputValue={value}
      onInputChange={(_event, text) => onChange(text)}
      filterOptions={(list, { inputValue }) => list.filter((option) => option.toLowerCase().includes(inputValue.trim().toLowerCase()))}
      sx={{ flex: 1, minWidth: 160 }}
      renderInput={(params) => (
        <TextField {...params} label={label} required={required} error={Boolean(error)} helperText={error ?? hint} />
      )}
    />
  );
}
