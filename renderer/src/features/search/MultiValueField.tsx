// A field taking several values (SKU, vendor, country...): type a value and press Enter (or type
// several separated by commas); each value is a chip; any of them matches. The text typed but not
// yet confirmed is the parent's (`typed`), so Apply can take it rather than drop it. The values
// the inventory holds are offered as suggestions.
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { addValues, type MultiValueKey } from './filter-fields';

export function MultiValueField(props: {
  field: MultiValueKey;
  label: string;
  values: string[] | undefined;
  onChange: (values: string[]) => void;
  typed: string;
  onTypedChange: (text: string) => void;
  helperText?: string;
  /** The values the inventory holds, offered as the operator types (any case matches). */
  options?: readonly string[];
}) {
  const { field, label, values, onChange, typed, onTypedChange, helperText, options = [] } = props;
  return (
    <Autocomplete
      multiple
      freeSolo
      size="small"
      options={[...options]}
      filterSelectedOptions
      filterOptions={(list, { inputValue }) => list.filter((option) => option.toLowerCase().includes(inputValue.trim().toLowerCase()))}
      value={values ?? []}
      inputValue={typed}
      onInputChange={(_event, text) => onTypedChange(text)}
      onChange={(_event, next) => onChange(addValues(field, [], next))}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => <Chip size="small" label={option} {...getItemProps({ index })} key={option} />)
      }
      renderInput={(params) => (
        <TextField {...params} label={label} helperText={helperText ?? 'Type a value and press Enter; any of them matches'} />
      )}
    />
  );
}
