// Every field of a number, as a description list.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { NumberDetail } from '../../../../shared/domain';
import { formatInternational } from '../../../../shared/phone';
import { KIND_LABELS, STATE_LABELS, capabilitiesLabel, daysLeft, formatInstant, reasonLabel } from '../../app/format';
import { useAppNow } from '../../api/app-clock';
import { useOrgDirectory } from '../../app/org-directory';
import { MONO_FONTS } from '../../app/theme';

const ORIGIN_LABELS: Record<string, string> = {
  manual: 'Manual reservation',
  'subscription-expired': 'Subscription expired',
  'subscription-terminated': 'Subscription terminated',
  'swapped-out': 'Swapped out',
};

export function FieldList({ detail }: { detail: NumberDetail }) {
  const { byUuid } = useOrgDirectory();
  const now = useAppNow();
  const withOrg = (uuid: string | null | undefined) => {
    if (!uuid) return null;
    const name = byUuid.get(uuid.toLowerCase())?.name;
    return name ? `${name} (${uuid})` : uuid;
  };
  const reservation = detail.reservation;
  const left = now === null ? null : daysLeft(detail.expiresAt, now);
  const fields: [string, string | null, boolean?][] = [
    ['Number', detail.number, true],
    ['Formatted', formatInternational(detail.number)],
    ['State', STATE_LABELS[detail.state]],
    ['Country', detail.country],
    ['Vendor', detail.vendor],
    ['SKU', detail.sku],
    ['Capabilities', capabilitiesLabel(detail.capabilities) || 'None'],
    ['Routing', detail.routing],
    ['Golden', detail.golden ? 'Yes' : 'No'],
    ['Ported-In', detail.portedIn ? 'Yes' : 'No'],
    ['Visible to', detail.visibleTo.join(', ') || 'Everyone'],
    ['Reserver org', withOrg(reservation?.orgUuid)],
    ['Reservation kind', reservation ? KIND_LABELS[reservation.kind] : null],
    ['Reservation origin', reservation ? (ORIGIN_LABELS[reservation.origin] ?? reservation.origin) : null],
    ['DID Reservation UUID', reservation?.didReservationUuid ?? null, true],
    ['Lock', detail.state === 'locked' ? (detail.lockExpiresAt ? `Until ${formatInstant(detail.lockExpiresAt)}` : 'Permanent') : null],
    ['Expires', detail.expiresAt ? formatInstant(detail.expiresAt) : null],
    ['Days left', left === null ? null : String(left)],
    ['Subscription UUID', detail.subscriptionUuid, true],
    ['Owner', withOrg(detail.ownerUuid)],
    ['Delete reason', detail.deletedReason ? reasonLabel(detail.deletedReason) : null],
    ['Added', formatInstant(detail.createdAt)],
    ['Last change', formatInstant(detail.updatedAt)],
    ['Version', String(detail.version)],
  ];
  return (
    <Box
      component="dl"
      aria-label="Number fields"
      sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}
    >
      {fields
        .filter(([, value]) => value !== null && value !== '')
        .map(([label, value, mono]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: mono ? MONO_FONTS : undefined, wordBreak: 'break-all' }}>
              {value}
            </Typography>
          </Box>
        ))}
    </Box>
  );
}
