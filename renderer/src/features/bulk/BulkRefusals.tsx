// The numbers a bulk action refused while applying (someone changed them after the preview).
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { BulkRefusal } from '../../../../shared/bulk';

export function BulkRefusals({ refusals }: { refusals: BulkRefusal[] }) {
  return (
    <TableContainer sx={{ maxHeight: 220 }}>
      <Table size="small" stickyHeader aria-label="Refused numbers">
        <TableHead>
          <TableRow>
            <TableCell>Number</TableCell>
            <TableCell>Why</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {refusals.map((r) => (
            <TableRow key={r.number}>
              <TableCell>{r.number}</TableCell>
              <TableCell>{r.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
