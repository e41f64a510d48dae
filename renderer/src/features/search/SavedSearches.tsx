// Saved searches in the advanced search panel: pick one to load its filter, save the current one
// under a name (Enter in the name saves), delete one.
import { useCallback, useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import DeleteIcon from '@mui/icons-material/Delete';
import { ApiError, call } from '../../api/client';
import type { SearchFilter } from '../../../../shared/search';
import type { SavedSearch } from '../../../../shared/transfer';

export function SavedSearches(props: { filter: SearchFilter; onPick: (filter: SearchFilter) => void; onMessage: (text: string) => void }) {
  const { filter, onPick, onMessage } = props;
  const [list, setList] = useState<SavedSearch[]>([]);
  const [picked, setPicked] = useState<number | ''>('');
  const [name, setName] = useState('');
  const refresh = useCallback(() => {
    call('searches:list', {})
      .then(setList)
      .catch((error: ApiError) => onMessage(error.message));
  }, [onMessage]);
  useEffect(refresh, [refresh]);

  const save = async (overwrite: boolean) => {
    try {
      const saved = await call('searches:save', { name, filter, overwrite });
      onMessage(`Saved "${saved.name}"`);
      setName('');
      setPicked(saved.id);
      refresh();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ALREADY_EXISTS' && window.confirm(`${error.message}. Replace it?`))
        return save(true);
      onMessage((error as Error).message);
    }
  };

  const remove = async () => {
    if (picked === '') return;
    try {
      await call('searches:delete', { id: picked });
      setPicked('');
      refresh();
    } catch (error) {
      onMessage((error as Error).message);
    }
  };

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
      <TextField
        select
        size="small"
        label="Saved searches"
        value={picked}
        sx={{ minWidth: 220 }}
        onChange={(event) => {
          const id = Number(event.target.value);
          setPicked(id);
          const chosen = list.find((s) => s.id === id);
          if (chosen) onPick(chosen.filter);
        }}
        helperText={list.length ? 'Pick one to load its conditions' : 'None saved yet'}
      >
        {list.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {s.name}
          </MenuItem>
        ))}
      </TextField>
      <Tooltip title="Delete the picked saved search">
        <span>
          <IconButton aria-label="Delete saved search" disabled={picked === ''} onClick={remove}>
            <DeleteIcon />
          </IconButton>
        </span>
      </Tooltip>
      <TextField
        size="small"
        label="Save these conditions as"
        value={name}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          // Enter here saves the search, rather than applying the panel it sits in.
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (name.trim()) void save(false);
        }}
        helperText=" "
      />
      <Button
        variant="outlined"
        disabled={!name.trim()}
        onClick={() => void save(false)}
        sx={{ mb: { sm: 2.5 }, whiteSpace: 'nowrap', flexShrink: 0 }}
      >
        Save search
      </Button>
    </Stack>
  );
}
