// The complete history of a number, newest first: what happened, the state change, when, who,
// the remark and the action's details.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { BATCH_DETAIL_KEY, actionLabel } from '../../../../shared/activity';
import { DELETE_REASON_LABELS, type DeleteReason, type HistoryEvent, type ReservationKind } from '../../../../shared/domain';
import { KIND_LABELS, STATE_LABELS, formatInstant } from '../../app/format';
import { useOrgDirectory } from '../../app/org-directory';

/** orgUuid -> "org UUID", periodDays -> "period days". */
function humanKey(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\buuid\b/g, 'UUID')
    .replace(/\bdid\b/g, 'DID');
}

/** The billing event an audit event records: "billing: expired of subscription … at … (from feed.csv)". */
function billingText(value: Record<string, unknown>): string {
  const source = value.file ? `from ${String(value.file)}` : `entered by ${String(value.enteredBy)}`;
  const at = typeof value.effectiveAt === 'string' ? formatInstant(value.effectiveAt) : '';
  return `${String(value.event)} of ${String(value.kind)} ${String(value.uuid)} at ${at} (${source})`;
}

/** Words for the values the life-cycle document names: a reason, a kind, a period, an organization. */
function wordsFor(key: string, value: unknown, orgName: (uuid: string) => string | undefined): string | null {
  if ((key === 'reason' || key === 'previousReason') && typeof value === 'string' && value in DELETE_REASON_LABELS)
    return DELETE_REASON_LABELS[value as DeleteReason];
  if (key === 'kind' && typeof value === 'string' && value in KIND_LABELS) return KIND_LABELS[value as ReservationKind];
  if (key === 'periodDays' && typeof value === 'number') return `${value} day${value === 1 ? '' : 's'}`;
  if ((key === 'orgUuid' || key === 'ownerUuid') && typeof value === 'string') {
    const name = orgName(value);
    return name ? `${name} (${value})` : null;
  }
  return null;
}

function humanValue(value: unknown): string {
  // The billing object of an audit event's details (billing/apply.ts writes it); JSON gives plain objects.
  if (typeof value === 'object' && value !== null && 'kind' in value && 'event' in value)
    return billingText(value as Record<string, unknown>);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatInstant(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function detailsText(details: Record<string, unknown>, orgName: (uuid: string) => string | undefined): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${humanKey(key)}: ${wordsFor(key, value, orgName) ?? humanValue(value)}`)
    .join(' · ');
}

export function HistoryTimeline({ history }: { history: HistoryEvent[] }) {
  const events = [...history].sort((a, b) => b.id - a.id);
  const { byUuid } = useOrgDirectory();
  const orgName = (uuid: string) => byUuid.get(uuid.toLowerCase())?.name;
  return (
    <Box component="ol" aria-label="History" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {events.map((event, index) => {
        // A bulk action's batch id gets a line of its own: it ties this event to the others of that action.
        const { [BATCH_DETAIL_KEY]: batchId, ...rest } = event.details;
        const details = detailsText(rest, orgName);
        return (
          <Box
            component="li"
            key={event.id}
            sx={{
              position: 'relative',
              pl: 3,
              pb: index === events.length - 1 ? 0 : 2,
              '&::before': {
                content: '""',
                position: 'absolute',
                left: 5,
                top: 6,
                width: 10,
                height: 10,
                borderRadius: '50%',
                bgcolor: index === 0 ? 'primary.main' : 'text.disabled',
              },
              '&::after':
                index === events.length - 1
                  ? undefined
                  : { content: '""', position: 'absolute', left: 9, top: 20, bottom: 0, width: 2, bgcolor: 'divider' },
            }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {actionLabel(event.action)}: {event.from ? `${STATE_LABELS[event.from]} → ` : ''}
              {STATE_LABELS[event.to]}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p">
              {formatInstant(event.at)} · {event.actor}
            </Typography>
            {typeof batchId === 'string' && (
              <Typography variant="caption" color="text.secondary" component="p">
                Bulk action · batch {batchId}
              </Typography>
            )}
            {event.remark && (
              <Typography variant="body2" component="p">
                Remark: {event.remark}
              </Typography>
            )}
            {details && (
              <Typography
                variant="caption"
                color="text.secondary"
                component="p" // Long UUIDs may wrap anywhere; words wrap only between words.
                sx={{ overflowWrap: 'anywhere' }}
              >
                {details}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
