// The basic search box: a number pattern or a UUID, applied server-side as filter.query.
// Typing applies after a short pause; Enter applies at once.
import { useEffect, useState } from 'react';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';

const PAUSE_MS = 300;

export function SearchBox({ onSearch }: { onSearch: (query: string) => void }) {
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => onSearch(text.trim()), PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <TextField
      type="search"
      label="Search"
      placeholder="Number pattern or UUID, e.g. +65*"
      value={text}
      onChange={(event) => setText(event.target.value)}
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
