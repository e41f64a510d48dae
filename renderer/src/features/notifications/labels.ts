// Words for notification kinds, recipients and email statuses on screen.
import type { OutboxStatus, RecipientRole } from '../../../../shared/notifications';

export { NOTIFICATION_KIND_LABELS } from '../../../../shared/notifications';

export const ROLE_LABELS: Record<RecipientRole, string> = {
  reserver: 'Reserver',
  'partner-support': 'Partner support',
  'operator-support': 'Operator support',
};

export const STATUS_LABELS: Record<OutboxStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  'no-recipient': 'No recipient',
};

export const STATUS_COLORS: Record<OutboxStatus, 'default' | 'success' | 'error' | 'warning'> = {
  queued: 'default',
  sent: 'success',
  failed: 'error',
  'no-recipient': 'warning',
};
