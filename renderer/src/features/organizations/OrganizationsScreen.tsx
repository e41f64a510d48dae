// The organizations directory: list, add, edit, and import from CSV (read in the renderer as text,
// parsed and validated by the core, all rows or none).
import { useRef, useState, type ChangeEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import EditOutlined from '@mui/icons-material/EditOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { DataGrid, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import type { Organization } from '../../../../shared/domain';
import { call } from '../../api/client';
import { useChanges } from '../../app/changes';
import { formatInstant } from '../../app/format';
import { useOrgDirectory } from '../../app/org-directory';
import { MONO_FONTS } from '../../app/theme';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import { OrganizationDialog } from './OrganizationDialog';
import { NOT_UTF8_TEXT } from '../../../../shared/transfer';

export function OrganizationsScreen() {
  const { organizations, error } = useOrgDirectory();
  const { bump } = useChanges();
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [importFailure, setImportFailure] = useState<ShownError | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const importCsv = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setNotice(null);
    setImportFailure(null);
    try {
      let csv: string;
      try {
        // Strictly: a Latin-1 file must be refused, not stored with replacement characters.
        csv = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
      } catch {
        setImportFailure({ code: 'INVALID_INPUT', message: `Organizations CSV ${file.name} is refused: ${NOT_UTF8_TEXT}` });
        return;
      }
      const imported = await call('orgs:import', { csv });
      bump('organizations');
      setNotice(`Imported ${imported.length} organization${imported.length === 1 ? '' : 's'} from ${file.name}`);
    } catch (failure) {
      setImportFailure(toShownError(failure));
    }
  };

  const columns: GridColDef<Organization>[] = [
    {
      field: 'edit',
      type: 'actions',
      headerName: 'Edit',
      width: 64,
      getActions: ({ row }) => [
        <GridActionsCellItem key="edit" icon={<EditOutlined />} label={`Edit ${row.name}`} onClick={() => setEditing(row)} />,
      ],
    },
    { field: 'name', headerName: 'Name', flex: 1, minWidth: 180 },
    {
      field: 'uuid',
      headerName: 'UUID',
      width: 320,
      renderCell: ({ value }) => (
        <Box component="span" sx={{ fontFamily: MONO_FONTS }}>
          {value as string}
        </Box>
      ),
    },
    { field: 'type', headerName: 'Type', width: 110, valueFormatter: (value: string) => (value === 'partner' ? 'Partner' : 'Customer') },
    { field: 'billingEmail', headerName: 'Billing email', width: 220 },
    { field: 'ownerEmail', headerName: 'Owner email', width: 220 },
    { field: 'updatedAt', headerName: 'Last change', width: 170, valueFormatter: (value: string) => formatInstant(value) },
  ];

  return (
    <Stack spacing={1.5} sx={{ flex: 1, minHeight: 0, minWidth: 0 }}>
      <Paper
        variant="outlined"
        role="toolbar"
        aria-label="Organization tools"
        sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 1.5, py: 1 }}
      >
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          Reservations and assignments name an organization by its UUID. Import a CSV with the columns uuid, name, type, billing_email,
          owner_email.
        </Typography>
        <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => fileInput.current?.click()}>
          Import CSV
        </Button>
        <input ref={fileInput} type="file" accept=".csv,text/csv" aria-label="Organizations CSV file" hidden onChange={importCsv} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
          Add organization
        </Button>
      </Paper>
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <ErrorAlert error={importFailure} />
      {error && <ErrorAlert error={{ message: error }} />}
      <Box sx={{ flex: 1, minHeight: 0, minWidth: 0 }}>
        <DataGrid
          aria-label="Organizations"
          rows={organizations}
          getRowId={(row) => row.uuid}
          columns={columns}
          pageSizeOptions={[25, 50, 100]}
          initialState={{ pagination: { paginationModel: { pageSize: 50 } }, sorting: { sortModel: [{ field: 'name', sort: 'asc' }] } }}
          disableRowSelectionOnClick
          localeText={{ noRowsLabel: 'No organizations yet: add one or import a CSV' }}
          sx={{ bgcolor: 'background.paper' }}
        />
      </Box>
      {editing && (
        <OrganizationDialog
          editing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(organization) => {
            setEditing(null);
            setNotice(`Saved ${organization.name}`);
          }}
        />
      )}
    </Stack>
  );
}
