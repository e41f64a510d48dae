// Saved searches in the advanced search panel: pick one to load its filter; save the current one
// under a name (Enter in the name saves), which replaces a saved search of that name, as the button
// says before it is pressed; delete one after confirming. Each attempt clears the last one's message.
import { useCallback, useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import DeleteIcon from '@mui/icons-material/Delete';
import { call } from '../../api/client';
import type { SearchFilter } from '../../../../shared/search';
import type { SavedSearch } from '../../../../shared/transfer';

export function SavedSearches(props: {
  filter: SearchFilter;
  onPick: (filter: SearchFilter) => void;
  /** A message about the last attempt, or null to clear it. */
  onMessage: (text: string | null) => void;
}) {
  const { filter, onPick, onMessage } = props;
  const [list, setList] = useState<SavedSearch[]>([]);
  const [picked, setPicked] = useState<number | ''>('');
  const [name, setName] = useState('');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const refresh = useCallback(() => {
    call('searches:list', {})
      .then(setList)
      .catch((error: Error) => onMessage(error.message));
  }, [onMessage]);
  useEffect(refresh, [refresh]);

  // The core matches names exactly, so does the button's promise.
  const existing = list.find((saved) => saved.name === name.trim());
  const pickedSearch = list.find((saved) => saved.id === picked);

  const save = async () => {
    onMessage(null);
    try {
      const saved = await call('searches:save', { name, filter, overwrite: existing !== undefined });
      onMessage(existing ? `Replaced "${saved.name}"` : `Saved "${saved.name}"`);
      setName('');
      setPicked(saved.id);
      refresh();
    } catch (error) {
      onMessage((error as Error).message);
    }
  };

  const remove = async () => {
    setConfirmingDelete(false);
    if (!pickedSearch) return;
    onMessage(null);
    try {
      await call('searches:delete', { id: pickedSearch.id });
      onMessage(`Deleted "${pickedSearch.name}"`);
      setPicked('');
      refresh();
    } catch (error) {
      onMessage((error as Error).message);
    }
  };

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
      <TextField
        select
        size="small"
        label="Saved searches"
        value={picked}
        sx={{ minWidth: 220, flex: 1 }}
        onChange={(event) => {
          const id = Number(event.target.value);
          setPicked(id);
          const chosen = list.find((s) => s.id === id);
          if (chosen) {
            onPick(chosen.filter);
            // Saving again under its name replaces it: the way to change a saved search.
            setName(chosen.name);
          }
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
          <IconButton aria-label="Delete saved search" disabled={!pickedSearch} onClick={() => setConfirmingDelete(true)}>
            <DeleteIcon />
          </IconButton>
        </span>
      </Tooltip>
      <TextField
        size="small"
        label="Save as"
        placeholder="Name of this search"
        value={name}
        sx={{ minWidth: 200, flex: 1 }}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          // Enter here saves the search, rather than applying the panel it sits in.
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (name.trim()) void save();
        }}
        helperText={existing ? `Replaces the saved "${existing.name}"` : ' '}
      />
      <Button
        variant="outlined"
        disabled={!name.trim()}
        onClick={() => void save()}
        sx={{ whiteSpace: 'nowrap', flexShrink: 0, minWidth: 'max-content' }}
      >
        {existing ? 'Replace saved search' : 'Save search'}
      </Button>
      <Dialog open={confirmingDelete} onClose={() => setConfirmingDelete(false)} aria-labelledby="delete-saved-search-title">
        <DialogTitle id="delete-saved-search-title">Delete saved search?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            &ldquo;{pickedSearch?.name}&rdquo; will be deleted for everyone using this inventory. Its conditions stay in the panel.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmingDelete(false)}>Cancel</Button>
          <Button color="error" variant="contained" onClick={() => void remove()}>
            Delete
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
