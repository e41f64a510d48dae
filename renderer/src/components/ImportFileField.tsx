// Choosing the file for an import, wherever the app runs: in the desktop app "Choose file…" shows
// the system's Open dialog in the main process (the core then accepts that file's path); in browser
// mode an ordinary file input reads the file in the page, which uploads its content with its name.
// Reusable by every import the app offers (billing events, numbers).
import { useEffect, useId, useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { IMPORT_UPLOAD_MAX_CHARS, type ImportSource } from '../../../shared/import-source';
import { call } from '../api/client';

export interface ChosenImport {
  source: ImportSource;
  /** The file's name, to show. */
  name: string;
}

function base64Of(bytes: ArrayBuffer): string {
  let text = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

export function ImportFileField(props: {
  /** What is imported ("Billing events file"): the field's label and the dialog's title. */
  label: string;
  /** Extensions offered, without the dot. */
  extensions: string[];
  /** Send the file's bytes (base64) rather than its text, for binary formats such as XLSX. */
  binary?: boolean;
  disabled?: boolean;
  chosen: ChosenImport | null;
  onChosen: (chosen: ChosenImport | null) => void;
  onError: (message: string) => void;
}) {
  const { label, extensions, binary, disabled, chosen, onChosen, onError } = props;
  /** Whether the page uploads the file; null until the core has said. */
  const [upload, setUpload] = useState<boolean | null>(null);
  const inputId = useId();

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

  const readUpload = async (file: File | undefined) => {
    if (!file) return onChosen(null);
    // Base64 takes 4 characters for every 3 bytes.
    const characters = binary ? Math.ceil(file.size / 3) * 4 : file.size;
    if (characters > IMPORT_UPLOAD_MAX_CHARS) {
      onChosen(null);
      return onError(
        `${file.name} is too large to upload here (at most ${IMPORT_UPLOAD_MAX_CHARS.toLocaleString()} bytes); use the command line for it.`,
      );
    }
    try {
      const content = binary ? base64Of(await file.arrayBuffer()) : await file.text();
      onChosen({ source: { kind: 'upload', name: file.name, encoding: binary ? 'base64' : 'utf8', content }, name: file.name });
    } catch (e) {
      onError(`${file.name} could not be read: ${(e as Error).message}`);
    }
  };

  if (upload === null) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {upload ? (
        <>
          <Typography component="label" htmlFor={inputId} variant="body2">
            {label}
          </Typography>
          <input
            id={inputId}
            type="file"
            accept={extensions.map((e) => `.${e}`).join(',')}
            disabled={disabled}
            onChange={(e) => void readUpload(e.target.files?.[0])}
          />
        </>
      ) : (
        <>
          <Button variant="outlined" onClick={() => void chooseInDialog()} disabled={disabled}>
            Choose file…
          </Button>
          <Typography variant="body2" aria-label={label}>
            {chosen?.name ?? 'No file chosen'}
          </Typography>
        </>
      )}
    </Stack>
  );
}
