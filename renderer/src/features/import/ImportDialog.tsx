// Import numbers: choose a CSV or XLSX file (the Open dialog in the desktop app, an upload in
// browser mode), see the dry run per row (nothing written), download
// the rows that will not be added with their reasons, then import with a progress bar and Cancel.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import type { ImportJobStatus } from '../../../../shared/import-app';
import type { ImportSource } from '../../../../shared/import-source';
import type { ImportReport } from '../../../../shared/transfer';
import { call } from '../../api/client';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import { ImportFileField, type ChosenImport } from '../../components/ImportFileField';
import { downloadText } from '../outbox/download';
import { ImportResultsTable } from './ImportResultsTable';

/** How often the progress is asked for while the import runs. */
const PROGRESS_POLL_MS = 250;

type Step =
  | { step: 'choose' }
  | { step: 'checking'; name: string }
  | { step: 'dry-run'; name: string; source: ImportSource; report: ImportReport }
  | { step: 'importing' | 'done'; name: string; status: ImportJobStatus };

const count = (n: number) => n.toLocaleString('en-US');
const TITLE_ID = 'import-numbers-title';

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [failure, setFailure] = useState<ShownError | null>(null);

  const [chosen, setChosen] = useState<ChosenImport | null>(null);

  const dryRun = async (next: ChosenImport | null) => {
    setChosen(next);
    // A new file clears what the last one showed.
    setFailure(null);
    setStep({ step: 'choose' });
    if (!next) return;
    setStep({ step: 'checking', name: next.name });
    try {
      const report = await call('import:file', { source: next.source, dryRun: true });
      setStep({ step: 'dry-run', name: next.name, source: next.source, report });
    } catch (error) {
      setFailure(toShownError(error));
      setStep({ step: 'choose' });
    }
  };

  const start = async () => {
    if (step.step !== 'dry-run') return;
    setFailure(null);
    try {
      setStep({ step: 'importing', name: step.name, status: await call('import:start', { source: step.source }) });
    } catch (error) {
      setFailure(toShownError(error));
    }
  };

  const runningId = step.step === 'importing' ? step.status.id : null;
  const runningName = step.step === 'importing' ? step.name : '';
  useEffect(() => {
    if (!runningId) return;
    let current = true;
    const timer = setInterval(() => {
      call('import:status', { id: runningId })
        .then((status) => current && setStep({ step: status.state === 'running' ? 'importing' : 'done', name: runningName, status }))
        .catch((error: unknown) => current && setFailure(toShownError(error)));
    }, PROGRESS_POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [runningId, runningName]);

  const cancel = async () => {
    if (step.step !== 'importing') return;
    try {
      await call('import:cancel', { id: step.status.id });
    } catch (error) {
      setFailure(toShownError(error));
    }
  };

  const downloadRefused = async (report: ImportReport, name: string) => {
    try {
      const { csv } = await call('import:refused-csv', { rows: report.results });
      downloadText(`${name.replace(/\.(csv|xlsx)$/i, '')}-not-imported.csv`, csv, 'text/csv');
    } catch (error) {
      setFailure(toShownError(error));
    }
  };

  const busy = step.step === 'importing' || step.step === 'checking';
  const finalReport = step.step === 'done' ? step.status.report : undefined;

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={TITLE_ID} maxWidth="md" fullWidth>
      <DialogTitle id={TITLE_ID}>Import numbers</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>
            Choose an inventory file (CSV or XLSX, with the columns an export writes). You see what would happen to each row before anything
            is added.
          </DialogContentText>
          <ImportFileField
            label="Inventory file"
            buttonText="Choose a CSV or XLSX file"
            extensions={['csv', 'xlsx']}
            disabled={busy}
            chosen={chosen}
            onChosen={(next) => void dryRun(next)}
            onError={(message) => setFailure({ message })}
          />
          {step.step === 'checking' && (
            <>
              <DialogContentText role="status">Checking every row of {step.name}…</DialogContentText>
              <LinearProgress aria-label={`Checking ${step.name}`} />
            </>
          )}
          {step.step === 'dry-run' && (
            <>
              <Alert severity={step.report.counts.add ? 'info' : 'warning'} role="status">
                {step.name}: {count(step.report.counts.add)} to add, {count(step.report.counts.invalid)} invalid,{' '}
                {count(step.report.counts.duplicate)} duplicate, {count(step.report.counts.conflicting)} conflicting. Nothing has been
                imported yet.
              </Alert>
              {step.report.resultsTruncated && (
                <Alert severity="info">The table lists the first rows of each kind; the counts above are complete.</Alert>
              )}
              {step.report.ignoredColumns.length > 0 && (
                <Alert severity="info">Columns ignored (not inventory columns): {step.report.ignoredColumns.join(', ')}</Alert>
              )}
              <ImportResultsTable report={step.report} />
            </>
          )}
          {(step.step === 'importing' || step.step === 'done') && <Progress status={step.status} />}
          <ErrorAlert error={failure} />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {step.step === 'dry-run' && step.report.rows > step.report.counts.add && (
          <Button onClick={() => void downloadRefused(step.report, step.name)}>Download rows not imported (CSV)</Button>
        )}
        {finalReport && finalReport.rows > finalReport.counts.add && step.step === 'done' && (
          <Button onClick={() => void downloadRefused(finalReport, step.name)}>Download rows not imported (CSV)</Button>
        )}
        {step.step === 'importing' ? (
          <Button onClick={cancel}>Cancel</Button>
        ) : (
          <Button onClick={onClose} disabled={busy}>
            {step.step === 'done' ? 'Close' : 'Cancel'}
          </Button>
        )}
        {step.step === 'dry-run' && (
          <Button variant="contained" disabled={step.report.counts.add === 0} onClick={start}>
            Import {count(step.report.counts.add)} {step.report.counts.add === 1 ? 'number' : 'numbers'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function Progress({ status }: { status: ImportJobStatus }) {
  const percent = status.total ? Math.round((100 * status.rows) / status.total) : status.state === 'running' ? 0 : 100;
  return (
    <Stack spacing={1.5}>
      <LinearProgress variant="determinate" value={percent} aria-label="Import progress" />
      <Alert role="status" severity={status.state === 'finished' ? 'success' : status.state === 'running' ? 'info' : 'warning'}>
        {status.state === 'running' &&
          `Importing: ${count(status.rows)} of ${status.total === null ? '…' : count(status.total)} rows read, ${count(status.imported)} added.`}
        {status.state === 'finished' && `Done: ${count(status.imported)} numbers added.`}
        {status.state === 'cancelled' &&
          `Cancelled: ${count(status.imported)} numbers were added before it stopped; the rest of the file was not imported.`}
        {status.state === 'failed' && `Stopped: ${status.error?.message ?? ''} ${count(status.imported)} numbers were added.`}
      </Alert>
    </Stack>
  );
}
