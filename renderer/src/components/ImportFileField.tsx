// Choosing the file for an import, wherever the app runs, for every import the app offers
// (numbers, billing events): in the desktop app "Choose file…" shows the system's Open dialog in
// the main process (the core then accepts that file's path); in browser mode a file input reads
// the file in the page, which uploads it in pieces with a progress bar.
import { useEffect, useState, type ChangeEvent } from 'react';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ImportSource } from '../../../shared/import-source';
import { call } from '../api/client';
import { uploadForImport } from './upload-for-import';

const orList = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? ''));

export interface ChosenImport {
  source: ImportSource;
  /** The file's name, to show. */
  name: string;
}

export function ImportFileField(props: {
  /** What is imported ("Billing events file"): the field's accessible name and the dialog's title. */
  label: string;
  /** What the button says ("Choose a CSV or XLSX file"). */
  buttonText?: string;
  /** Extensions offered, without the dot. */
  extensions: string[];
  disabled?: boolean;
  chosen: ChosenImport | null;
  onChosen: (chosen: ChosenImport | null) => void;
  onError: (message: string) => void;
}) {
  const { label, buttonText = 'Choose file…', extensions, disabled, chosen, onChosen, onError } = props;
  /** Whether the page uploads the file; null until the core has said. */
  const [upload, setUpload] = useState<boolean | null>(null);
  const [sending, setSending] = useState<{ name: string; sent: number; size: number } | null>(null);

  useEffect(() => {
    call('import:choose-file', { title: label, extensions, ask: false })
      .then((answer) => setUpload(answer.upload))
      .catch((e: Error) => onError(e.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const chooseInDialog = async () => {
    try {
      const answer = await call('import:choose-file', { title: label, extensions, ask: true });
      if (answer.path) onChosen({ source: { kind: 'path', path: answer.path }, name: answer.path.split(/[\\/]/).pop() ?? answer.path });
    } catch (e) {
      onError((e as Error).message);
    }
  };

  const sendChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so that choosing the same file again (after fixing it) is a change too.
    event.target.value = '';
    if (!file) return;
    onChosen(null);
    // The file input only suggests the extensions; a file of another kind is refused before it is sent.
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!extensions.includes(extension))
      return onError(`${file.name} cannot be imported here: choose a file ending in ${orList(extensions.map((e) => `.${e}`))}.`);
    setSending({ name: file.name, sent: 0, size: file.size });
    try {
      const source = await uploadForImport(file, (sent) => setSending({ name: file.name, sent, size: file.size }));
      onChosen({ source, name: file.name });
    } catch (e) {
      onError(`${file.name} could not be read: ${(e as Error).message}`);
    } finally {
      setSending(null);
    }
  };

  if (upload === null) return null;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        {upload ? (
          <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={disabled || sending !== null}>
            {buttonText}
            <input hidden type="file" accept={extensions.map((e) => `.${e}`).join(',')} onChange={sendChosen} aria-label={label} />
          </Button>
        ) : (
          <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => void chooseInDialog()} disabled={disabled}>
            {buttonText}
          </Button>
        )}
        <Typography variant="body2">{sending?.name ?? chosen?.name ?? 'No file chosen'}</Typography>
      </Stack>
      {sending && (
        <LinearProgress
          variant="determinate"
          value={sending.size ? (100 * sending.sent) / sending.size : 100}
          aria-label={`Reading ${sending.name}`}
        />
      )}
    </Stack>
  );
}
