// The activity log: every audit event across the inventory (when, who, action, number, from and to
// state, remark, the bulk action's batch), newest first, paged on the server from a cursor,
// filtered by operator, action, time range and number pattern, and exported to CSV or XLSX.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import DownloadIcon from '@mui/icons-material/Download';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { ACTIVITY_COUNT_LIMIT, actionLabel, type ActivityEvent, type ActivityFilter } from '../../../../shared/activity';
import type { NumberState } from '../../../../shared/domain';
import { MAX_PAGE_SIZE } from '../../../../shared/search';
import { useRevision } from '../../app/changes';
import { STATE_LABELS, formatInstant } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportDialog } from '../export/ExportDialog';
import { ActivityFilters } from './ActivityFilters';
import { describeActivityFilter } from './describe';
import { useActivityPage } from './use-activity-page';

const stateLabel = (state: NumberState | null) => (state ? STATE_LABELS[state] : '—');

const COLUMNS: GridColDef<ActivityEvent>[] = [
  { field: 'at', headerName: 'When', width: 190, sortable: false, valueFormatter: (v: string) => formatInstant(v) },
  { field: 'actor', headerName: 'Operator', width: 140, sortable: false },
  { field: 'action', headerName: 'Action', width: 180, sortable: false, valueFormatter: (v: string) => actionLabel(v) },
  { field: 'number', headerName: 'Number', width: 140, sortable: false, cellClassName: 'monospace' },
  { field: 'from', headerName: 'From', width: 110, sortable: false, valueFormatter: (v: NumberState | null) => stateLabel(v) },
  { field: 'to', headerName: 'To', width: 110, sortable: false, valueFormatter: (v: NumberState) => stateLabel(v) },
  { field: 'remark', headerName: 'Remark', flex: 1, minWidth: 200, sortable: false },
  { field: 'batchId', headerName: 'Batch', width: 130, sortable: false, valueFormatter: (v: string | null) => v ?? '' },
];

const PAGE_SIZES = [25, 50, MAX_PAGE_SIZE];

export function ActivityScreen() {
  const revision = useRevision('numbers');
  const [filter, setFilter] = useState<ActivityFilter>({});
  const [exporting, setExporting] = useState(false);
  const page = useActivityPage(filter, String(revision));
  const filtered = Object.keys(filter).length > 0;

  return (
    <Stack spacing={1.5} sx={{ flex: 1, minHeight: 0, minWidth: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <ActivityFilters filter={filter} onApply={setFilter} />
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => setExporting(true)} sx={{ flexShrink: 0 }}>
          Export
        </Button>
      </Stack>
      <ErrorAlert error={page.error} />
      <Box sx={{ flex: 1, minHeight: 0, minWidth: 0 }}>
        <DataGrid
          aria-label="Activity"
          rows={page.rows}
          columns={COLUMNS}
          loading={page.loading}
          paginationMode="server"
          // Unknown beyond the counted limit: the footer then says "of more than …" and Next follows the cursor.
          rowCount={page.total ?? -1}
          paginationMeta={{ hasNextPage: page.hasNext }}
          paginationModel={page.pagination}
          onPaginationModelChange={page.setPagination}
          pageSizeOptions={PAGE_SIZES}
          disableColumnFilter
          disableColumnSorting
          disableRowSelectionOnClick
          localeText={{
            noRowsLabel: filtered ? 'No events match these filters.' : 'No activity yet: every change to a number is listed here.',
            paginationDisplayedRows: ({ from, to, count }) =>
              `${from.toLocaleString()}–${to.toLocaleString()} of ${count === -1 ? `more than ${ACTIVITY_COUNT_LIMIT.toLocaleString()}` : count.toLocaleString()}`,
          }}
          sx={{ bgcolor: 'background.paper', '& .monospace': { fontFamily: 'monospace' } }}
        />
      </Box>
      {exporting && (
        <ExportDialog
          open
          filter={{}}
          description={describeActivityFilter(filter)}
          target={{
            title: 'Export activity',
            lead: 'Every event of the activity log',
            fileName: 'activity',
            rowsName: 'events',
            activity: filter,
          }}
          onClose={() => setExporting(false)}
        />
      )}
    </Stack>
  );
}
