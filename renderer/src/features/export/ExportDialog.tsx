// Export the current search: choose XLSX or CSV and the file, then follow the export (it runs in a
// worker in the core) with a progress bar; Cancel stops it and leaves no file behind. Where the file
// may be typed (browser mode) the path is an editable field; in the desktop app it is chosen with
// "Choose file…" (the system's Save dialog), the only file the app then exports to.
import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { call } from '../../api/client';
import type { ActivityFilter } from '../../../../shared/activity';
import type { SearchFilter } from '../../../../shared/search';
import type { ExportFormat, ExportStatus } from '../../../../shared/transfer';

const POLL_MS = 300;

/** What is exported: the numbers of a search (the default), or the activity log's events. */
export interface ExportTarget {
  title: string;
  /** Leads the description: "Every number of the current search". */
  lead: string;
  fileName: string;
  /** What the rows are, in the progress line: "numbers", "events". */
  rowsName: string;
  activity?: ActivityFilter;
}

const NUMBERS_TARGET: ExportTarget = {
  title: 'Export numbers',
  lead: 'Every number of the current search',
  fileName: 'numbers',
  rowsName: 'numbers',
};

export function ExportDialog(props: {
  open: boolean;
  filter: SearchFilter;
  description: string;
  onClose: () => void;
  target?: ExportTarget;
}) {
  const { open, filter, description, onClose, target = NUMBERS_TARGET } = props;
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [file, setFile] = useState('');
  /** Whether the path may be typed; null until the core has said. */
  const [editable, setEditable] = useState<boolean | null>(null);
  const [status, setStatus] = useState<ExportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typedFile = useRef(false);
  // A suggestion for the format is on its way: the path is not typed into meanwhile, or the
  // suggestion would land in the middle of what is being typed.
  const [suggesting, setSuggesting] = useState(true);
  const running = status?.state === 'running';

  const suggestedName = () => `${target.fileName}-${new Date().toISOString().slice(0, 10)}`;

  // Offer a file for the format where it may be typed; learn whether it may.
  useEffect(() => {
    if (!open || running) return;
    call('export:choose-file', { format, suggestedName: suggestedName(), ask: false })
      .then((offer) => {
        setSuggesting(false);
        setEditable(offer.editable);
        // A path the user typed wins over a suggestion; a chosen file of the other format is dropped.
        if (offer.path && !typedFile.current) setFile(offer.path);
        if (!offer.editable) setFile((chosen) => (chosen.toLowerCase().endsWith(`.${format}`) ? chosen : ''));
      })
      .catch((e: Error) => {
        setSuggesting(false);
        setError(e.message);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, format]);

  const chooseFile = async () => {
    setError(null);
    try {
      const chosen = await call('export:choose-file', { format, suggestedName: suggestedName(), ask: true });
      if (chosen.path) setFile(chosen.path);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // The dialog is mounted while open (see toolbar-item.tsx): each opening starts afresh.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const follow = (id: string) => {
    timer.current = setTimeout(() => {
      call('export:status', { id })
        .then((next) => {
          setStatus(next);
          if (next.state === 'running') follow(id);
        })
        .catch((e: Error) => setError(e.message));
    }, POLL_MS);
  };

  const start = async () => {
    setError(null);
    try {
      const started = await call('export:start', { format, out: file, filter, ...(target.activity ? { activity: target.activity } : {}) });
      setStatus(started);
      follow(started.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const cancel = async () => {
    if (!status) return;
    try {
      setStatus(await call('export:cancel', { id: status.id }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const percent = status && status.total > 0 ? Math.min(100, (100 * status.rows) / status.total) : 0;
  return (
    <Dialog open={open} onClose={running ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="export-title">
      <DialogTitle id="export-title">{target.title}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography variant="body2">
            {target.lead}: {description}.
          </Typography>
          <RadioGroup
            row
            aria-label="File format"
            value={format}
            onChange={(e) => {
              setSuggesting(true);
              setFormat(e.target.value as ExportFormat);
            }}
          >
            <FormControlLabel value="xlsx" control={<Radio />} label="Excel workbook (XLSX)" disabled={running} />
            <FormControlLabel value="csv" control={<Radio />} label="CSV" disabled={running} />
          </RadioGroup>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label="Save to file"
              value={file}
              onChange={(e) => {
                typedFile.current = true;
                setFile(e.target.value);
              }}
              disabled={running}
              fullWidth
              size="small"
              placeholder={editable === false ? 'No file chosen' : undefined}
              // Read-only until the core says the path may be typed; the label stays up so "No file chosen" shows.
              slotProps={{ input: { readOnly: editable !== true || suggesting }, inputLabel: editable === false ? { shrink: true } : {} }}
              helperText={
                editable === false
                  ? 'Choose where to save; the file appears only when the export is complete.'
                  : 'The file appears only when the export is complete.'
              }
            />
            {editable === false && (
              <Button variant="outlined" onClick={() => void chooseFile()} disabled={running} sx={{ flexShrink: 0, mt: 0.25 }}>
                Choose file…
              </Button>
            )}
          </Stack>
          {status && (
            <Stack spacing={0.5}>
              <LinearProgress variant={status.total ? 'determinate' : 'indeterminate'} value={percent} aria-label="Export progress" />
              <Typography role="status" aria-live="polite" variant="body2">
                {status.state === 'running' &&
                  `Exported ${status.rows.toLocaleString()} of ${status.total.toLocaleString()} ${target.rowsName}…`}
                {status.state === 'done' && `Exported ${status.rows.toLocaleString()} ${target.rowsName} to ${status.file}`}
                {status.state === 'cancelled' && 'Export cancelled; no file was written.'}
                {status.state === 'failed' && `Export failed: ${status.error?.message ?? 'unknown error'}`}
              </Typography>
            </Stack>
          )}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button color="warning" onClick={() => void cancel()}>
            Cancel export
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>Close</Button>
            <Button variant="contained" disabled={!file.trim()} onClick={() => void start()}>
              Export
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
