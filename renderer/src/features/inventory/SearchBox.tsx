// The basic search box: a number pattern or a UUID, applied server-side as filter.query as it is
// typed (the page of each keystroke is fetched at once; the tab counts wait for a pause, see
// useCounts). Enter applies it too. Words that are neither (a vendor, a SKU) get a hint pointing to
// the advanced search, rather than silently finding nothing.
import { useState } from 'react';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';

/** Letters no number or UUID holds: the operator typed a word (a vendor, a SKU). */
const WORD_LETTERS = /[g-z]/i;

export function SearchBox({ onSearch }: { onSearch: (query: string) => void }) {
  const [text, setText] = useState('');
  return (
    <TextField
      type="search"
      label="Search"
      placeholder="+65*, 888 or a UUID"
      value={text}
      helperText={WORD_LETTERS.test(text) ? 'Searches numbers and UUIDs only; for vendor, SKU or routing use Advanced search' : undefined}
      onChange={(event) => {
        setText(event.target.value);
        onSearch(event.target.value.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onSearch(text.trim());
      }}
      fullWidth={false}
      sx={{ width: 360 }}
      slotProps={{
        formHelperText: { role: 'status', sx: { position: 'absolute', top: '100%', m: 0, mt: 0.25 } },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
