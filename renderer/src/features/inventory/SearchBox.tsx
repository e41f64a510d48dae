// The basic search box: a number pattern or a UUID, applied server-side as filter.query as it is
// typed (the page of each keystroke is fetched at once; the tab counts wait for a pause, see
// useCounts). Enter applies it too.
import { useState } from 'react';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';

export function SearchBox({ onSearch }: { onSearch: (query: string) => void }) {
  const [text, setText] = useState('');
  return (
    <TextField
      type="search"
      label="Search"
      placeholder="Number pattern or UUID, e.g. +65*"
      value={text}
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
