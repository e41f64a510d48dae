// What a billing event did (or, in a dry run, would do) to each number it concerns.
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { BillingNumberResult } from '../../../../shared/billing';
import { formatInstant, STATE_LABELS } from '../../app/format';
import { MONO_FONTS } from '../../app/theme';
import { OUTCOME_COLORS, OUTCOME_LABELS } from './labels';

export interface BillingResultRow extends BillingNumberResult {
  /** The feed's line, when the results come from a file. */
  line?: number;
  /** A feed row that reached no number (invalid, or about a subscription not here): its status instead of a number's outcome. */
  rowLabel?: string;
}

export function BillingResultsTable({ rows, label, maxHeight = 280 }: { rows: BillingResultRow[]; label: string; maxHeight?: number }) {
  const withLines = rows.some((r) => r.line !== undefined);
  return (
    <TableContainer sx={{ maxHeight }}>
      <Table size="small" stickyHeader aria-label={label}>
        <TableHead>
          <TableRow>
            {withLines && <TableCell>Line</TableCell>}
            <TableCell>Number</TableCell>
            <TableCell>Result</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Deadline</TableCell>
            <TableCell>Why</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={`${r.line ?? ''}-${r.number}-${i}`}>
              {withLines && <TableCell>{r.line}</TableCell>}
              <TableCell sx={{ fontFamily: MONO_FONTS }}>{r.number}</TableCell>
              <TableCell sx={{ color: r.rowLabel ? 'text.secondary' : OUTCOME_COLORS[r.outcome] }}>
                {r.rowLabel ?? OUTCOME_LABELS[r.outcome]}
              </TableCell>
              <TableCell>
                {r.rowLabel ? '' : r.from === r.to ? STATE_LABELS[r.to] : `${STATE_LABELS[r.from]} → ${STATE_LABELS[r.to]}`}
              </TableCell>
              <TableCell>{formatInstant(r.expiresAt)}</TableCell>
              <TableCell>{r.reason ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
