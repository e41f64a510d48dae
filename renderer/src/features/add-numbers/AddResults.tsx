// What happened to each entry of an Add new numbers request.
import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { AddResult } from '../../../../shared/domain';
import { STATE_LABELS } from '../../app/format';
import { MONO_FONTS } from '../../app/theme';

function resultText(result: AddResult): string {
  switch (result.status) {
    case 'added':
      return 'Added';
    case 'invalid':
      return `Invalid: ${result.reason ?? 'not a valid number'}`;
    case 'exists':
      return `Already present (${result.state ? STATE_LABELS[result.state] : 'in the inventory'})`;
    case 'repeated':
      return 'Repeated in this list';
  }
}

function summary(results: AddResult[]): string {
  const count = (status: AddResult['status']) => results.filter((result) => result.status === status).length;
  return `${count('added')} added, ${count('invalid')} invalid, ${count('exists')} already present, ${count('repeated')} repeated`;
}

export function AddResults({ results }: { results: AddResult[] }) {
  const allAdded = results.every((result) => result.status === 'added');
  return (
    <>
      <Alert severity={allAdded ? 'success' : 'warning'} role="status">
        {summary(results)}
      </Alert>
      <TableContainer sx={{ maxHeight: 260 }}>
        <Table size="small" stickyHeader aria-label="Add results">
          <TableHead>
            <TableRow>
              <TableCell>Entry</TableCell>
              <TableCell>Number</TableCell>
              <TableCell>Result</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {results.map((result, index) => (
              <TableRow key={`${index}-${result.input}`}>
                <TableCell>{result.input}</TableCell>
                <TableCell sx={{ fontFamily: MONO_FONTS }}>{result.number ?? ''}</TableCell>
                <TableCell
                  sx={{ color: result.status === 'added' ? 'success.main' : result.status === 'invalid' ? 'error.main' : 'text.primary' }}
                >
                  {resultText(result)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
