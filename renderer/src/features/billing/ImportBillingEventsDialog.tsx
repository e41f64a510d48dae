// "Import billing events": choose a feed file from billing (CSV or JSON Lines), see the dry run
// as a table of per-row results with counts and filters, then apply it. The rows are applied in
// order, each its own transaction, idempotently: running the same file again changes nothing.
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BILLING_OUTCOMES, type BillingFeedReport, type BillingOutcome, type BillingRowStatus } from '../../../../shared/billing';
import { call } from '../../api/client';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import { ImportFileField, type ChosenImport } from '../../components/ImportFileField';
import { ToggleChips } from '../../components/ToggleChips';
import { BillingResultsTable, type BillingResultRow } from './BillingResultsTable';
import { OUTCOME_LABELS, ROW_STATUS_LABELS } from './labels';

const ROW_STATUSES: readonly BillingRowStatus[] = ['applied', 'unchanged', 'unmatched', 'invalid'];
const MAX_SHOWN = 500;

/** Every number result of the feed, and a row of its own for a row that reached no number. */
function resultRows(report: BillingFeedReport): (BillingResultRow & { status: BillingRowStatus })[] {
  return report.results.flatMap((row) =>
    row.report && row.report.results.length
      ? row.report.results.map((r) => ({ ...r, line: row.line, status: row.status }))
      : [
          {
            line: row.line,
            status: row.status,
            rowLabel: ROW_STATUS_LABELS[row.status],
            number: '',
            // Placeholders: the row label is shown instead of an outcome and states.
            outcome: 'refused' as const,
            from: 'available' as const,
            to: 'available' as const,
            expiresAt: null,
            reason: row.reason,
          },
        ],
  );
}

function countsText(report: BillingFeedReport): string {
  const c = report.counts;
  const o = report.outcomes;
  return (
    `${report.rows.toLocaleString()} rows: ${c.applied} ${report.dryRun ? 'to apply' : 'applied'}, ${c.unchanged} with nothing to change, ` +
    `${c.unmatched} for subscriptions not here, ${c.invalid} invalid. Numbers: ${BILLING_OUTCOMES.map((k) => `${o[k]} ${OUTCOME_LABELS[k].toLowerCase()}`).join(', ')}.`
  );
}

export function ImportBillingEventsDialog({ onClose, onApplied }: { onClose: () => void; onApplied: (report: BillingFeedReport) => void }) {
  const [chosen, setChosen] = useState<ChosenImport | null>(null);
  const [report, setReport] = useState<BillingFeedReport | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState<'checking' | 'applying' | null>(null);
  const [statuses, setStatuses] = useState<BillingRowStatus[]>([...ROW_STATUSES]);
  const [outcomes, setOutcomes] = useState<BillingOutcome[]>([...BILLING_OUTCOMES]);
  const applied = report !== null && !report.dryRun;

  const run = async (dryRun: boolean) => {
    if (!chosen) return;
    setBusy(dryRun ? 'checking' : 'applying');
    setError(null);
    try {
      const answer = await call('billing:import', { source: chosen.source, dryRun });
      setReport(answer);
      if (!dryRun) onApplied(answer);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };

  const rows = useMemo(() => (report ? resultRows(report) : []), [report]);
  const shown = rows.filter((r) => statuses.includes(r.status) && (r.number === '' || outcomes.includes(r.outcome)));

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="lg" fullWidth aria-labelledby="import-billing-title">
      <DialogTitle id="import-billing-title">Import billing events</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography variant="body2">
            A CSV or JSON Lines export from billing, with subscription_uuid or did_reservation_uuid, event, effective_at, and number
            (swapped-out) or until (renewed). Check it first: nothing is written until you apply it.
          </Typography>
          <ImportFileField
            label="Billing events file"
            extensions={['csv', 'jsonl', 'json', 'txt']}
            disabled={busy !== null || applied}
            chosen={chosen}
            onChosen={(next) => {
              // A new file clears what the last one showed.
              setChosen(next);
              setReport(null);
              setError(null);
            }}
            onError={(message) => setError({ message })}
          />
          {busy && (
            <Stack spacing={0.5}>
              <LinearProgress aria-label={busy === 'checking' ? 'Checking the file' : 'Applying the file'} />
              <Typography role="status" variant="body2">
                {busy === 'checking' ? 'Checking every row…' : 'Applying the rows in order…'}
              </Typography>
            </Stack>
          )}
          {report && !busy && (
            <>
              <Alert severity={applied ? 'success' : 'info'} role="status">
                {applied ? 'Applied. ' : 'Dry run: nothing written yet. '}
                {countsText(report)}
              </Alert>
              <ToggleChips label="Rows" values={ROW_STATUSES} labels={ROW_STATUS_LABELS} selected={statuses} onChange={setStatuses} />
              <ToggleChips label="Numbers" values={BILLING_OUTCOMES} labels={OUTCOME_LABELS} selected={outcomes} onChange={setOutcomes} />
              <BillingResultsTable
                rows={shown.slice(0, MAX_SHOWN)}
                label={applied ? 'Import results' : 'Dry run results'}
                maxHeight={360}
              />
              {(shown.length > MAX_SHOWN || report.resultsTruncated) && (
                <Typography variant="body2" color="text.secondary">
                  Showing the first {Math.min(shown.length, MAX_SHOWN).toLocaleString()} results; the counts above are complete.
                </Typography>
              )}
            </>
          )}
          <ErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy !== null}>
          {applied ? 'Close' : 'Cancel'}
        </Button>
        {!applied && (
          <Button onClick={() => void run(true)} disabled={busy !== null || !chosen}>
            Check file
          </Button>
        )}
        {!applied && (
          <Button variant="contained" onClick={() => void run(false)} disabled={busy !== null || report === null}>
            Apply
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
