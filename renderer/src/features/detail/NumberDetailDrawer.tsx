// The detail of one number beside the grid: every field, the history, and exactly the actions the
// transition table allows in its state. Each action opens its dialog on the version shown here.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import type { NumberDetail } from '../../../../shared/domain';
import { ACTION_RULES, allowedActions, type OperatorAction } from '../../../../shared/lifecycle';
import { formatInternational } from '../../../../shared/phone';
import { useChanges } from '../../app/changes';
import { STATE_LABELS } from '../../app/format';
import { MONO_FONTS } from '../../app/theme';
import { ActionDialog } from '../actions/ActionDialog';
import { BillingSection } from '../billing/BillingSection';
import { RecordSubscriptionEventDialog } from '../billing/RecordSubscriptionEventDialog';
import { FieldList } from './FieldList';
import { HistoryTimeline } from './HistoryTimeline';
import { useNumberDetail } from './useNumberDetail';

interface Props {
  number: string;
  onClose: () => void;
  onNotice: (message: string) => void;
}

const STATE_COLORS = { available: 'success', reserved: 'warning', locked: 'secondary', assigned: 'primary', deleted: 'default' } as const;

export function NumberDetailDrawer({ number, onClose, onNotice }: Props) {
  const { detail, setDetail, error } = useNumberDetail(number);
  const { bump } = useChanges();
  // The action being performed, with the detail as it was shown when the operator chose it.
  const [acting, setActing] = useState<{ action: OperatorAction; shown: NumberDetail } | null>(null);
  const [recording, setRecording] = useState<NumberDetail | null>(null);
  const titleId = 'number-detail-title';

  const done = (updated: NumberDetail) => {
    const action = acting?.action;
    setActing(null);
    setDetail(updated);
    bump('numbers');
    if (action) onNotice(`${ACTION_RULES[action].label}: ${updated.number} is now ${STATE_LABELS[updated.state]}`);
  };

  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      slotProps={{ paper: { role: 'dialog', 'aria-labelledby': titleId, sx: { width: { xs: '100%', sm: 520 } } } }}
    >
      <Stack sx={{ p: 2.5, gap: 2, minHeight: '100%' }}>
        <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 1 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography id={titleId} variant="h6" component="h2" sx={{ fontFamily: MONO_FONTS, fontWeight: 700 }}>
              {number}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {formatInternational(number)}
            </Typography>
          </Box>
          {detail && (
            <Chip
              label={STATE_LABELS[detail.state]}
              color={STATE_COLORS[detail.state]}
              aria-label={`State: ${STATE_LABELS[detail.state]}`}
            />
          )}
          <IconButton aria-label="Close detail" onClick={onClose} edge="end">
            <CloseIcon />
          </IconButton>
        </Stack>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {!detail && !error && <CircularProgress aria-label="Loading detail" sx={{ alignSelf: 'center' }} />}
        {detail && (
          <>
            <Box component="section" aria-labelledby="detail-actions-title">
              <Typography id="detail-actions-title" variant="overline" component="h3" color="text.secondary">
                Actions
              </Typography>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
                {allowedActions(detail.state).map((action) => (
                  <Button key={action} variant="outlined" onClick={() => setActing({ action, shown: detail })}>
                    {ACTION_RULES[action].label}
                  </Button>
                ))}
              </Stack>
            </Box>
            <Divider />
            <Box component="section" aria-labelledby="detail-fields-title">
              <Typography id="detail-fields-title" variant="overline" component="h3" color="text.secondary">
                Fields
              </Typography>
              <FieldList detail={detail} />
            </Box>
            <Divider />
            <Box component="section" aria-labelledby="detail-billing-title">
              <Typography id="detail-billing-title" variant="overline" component="h3" color="text.secondary">
                Billing
              </Typography>
              <BillingSection number={detail.number} version={detail.version} />
              {detail.state === 'assigned' && (
                <Button variant="outlined" sx={{ mt: 1 }} onClick={() => setRecording(detail)}>
                  Record subscription event
                </Button>
              )}
            </Box>
            <Divider />
            <Box component="section" aria-labelledby="detail-history-title">
              <Typography id="detail-history-title" variant="overline" component="h3" color="text.secondary">
                History
              </Typography>
              <HistoryTimeline history={detail.history} />
            </Box>
          </>
        )}
      </Stack>
      {recording && (
        <RecordSubscriptionEventDialog
          detail={recording}
          onClose={() => setRecording(null)}
          onApplied={(report) => {
            bump('numbers');
            const changed = report.results.filter((r) => r.outcome === 'changed').length;
            onNotice(`Subscription event recorded: ${changed} number${changed === 1 ? '' : 's'} changed`);
          }}
        />
      )}
      {acting && <ActionDialog action={acting.action} detail={acting.shown} onCancel={() => setActing(null)} onDone={done} />}
    </Drawer>
  );
}
