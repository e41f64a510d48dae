// Who each notice is emailed to. Reservations: the reserver, a customer org's billing email or a
// partner org's owner email. Locks: partner support and operator support from settings. A role
// with no address resolves to null and the email is queued as "no recipient", never dropped.
import type { NotificationKind, RecipientRole } from '../../../shared/notifications';
import type { AppSettings } from '../../../shared/settings';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';

export interface Recipient {
  role: RecipientRole;
  address: string | null;
}

/** The roles a kind of notice is emailed to; reservation expiries are shown in the app only. */
const EMAIL_ROLES: Record<NotificationKind, RecipientRole[]> = {
  'reservation-warning': ['reserver'],
  'reservation-expired': [],
  'lock-warning': ['partner-support', 'operator-support'],
  'lock-expired': ['partner-support', 'operator-support'],
  // Restocking is the operator's own work.
  'low-stock': ['operator-support'],
};

function reserverAddress(db: Db, orgUuid: string | null): string | null {
  if (!orgUuid) return null;
  const org = prepared(db, 'SELECT type, billing_email, owner_email FROM organizations WHERE uuid = ?').get(orgUuid) as
    { type: 'customer' | 'partner'; billing_email: string | null; owner_email: string | null } | undefined;
  if (!org) return null;
  const address = org.type === 'customer' ? org.billing_email : org.owner_email;
  return address && address.trim() !== '' ? address.trim() : null;
}

export function resolveRecipient(db: Db, settings: AppSettings, role: RecipientRole, orgUuid: string | null): string | null {
  switch (role) {
    case 'reserver':
      return reserverAddress(db, orgUuid);
    case 'partner-support':
      return settings.partnerSupportEmail || null;
    case 'operator-support':
      return settings.operatorSupportEmail || null;
  }
}

export function recipientsFor(db: Db, settings: AppSettings, kind: NotificationKind, orgUuid: string | null): Recipient[] {
  return EMAIL_ROLES[kind].map((role) => ({ role, address: resolveRecipient(db, settings, role, orgUuid) }));
}
