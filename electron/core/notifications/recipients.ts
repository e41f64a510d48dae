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

/** An organization's columns the reserver's address is chosen from. */
export interface ReserverOrg {
  type: 'customer' | 'partner';
  billing_email: string | null;
  owner_email: string | null;
}

function reserverOrg(db: Db, orgUuid: string | null): ReserverOrg | undefined {
  if (!orgUuid) return undefined;
  return prepared(db, 'SELECT type, billing_email, owner_email FROM organizations WHERE uuid = ?').get(orgUuid) as ReserverOrg | undefined;
}

/** The address for a role: a customer's billing email or a partner's owner email for the reserver, else the support address in settings. */
export function addressFor(settings: AppSettings, role: RecipientRole, org: ReserverOrg | undefined): string | null {
  switch (role) {
    case 'reserver': {
      if (!org) return null;
      const address = org.type === 'customer' ? org.billing_email : org.owner_email;
      return address && address.trim() !== '' ? address.trim() : null;
    }
    case 'partner-support':
      return settings.partnerSupportEmail || null;
    case 'operator-support':
      return settings.operatorSupportEmail || null;
  }
}

export function resolveRecipient(db: Db, settings: AppSettings, role: RecipientRole, orgUuid: string | null): string | null {
  return addressFor(settings, role, role === 'reserver' ? reserverOrg(db, orgUuid) : undefined);
}

export function recipientsFor(db: Db, settings: AppSettings, kind: NotificationKind, orgUuid: string | null): Recipient[] {
  return recipientsOf(settings, kind, EMAIL_ROLES[kind].includes('reserver') ? reserverOrg(db, orgUuid) : undefined);
}

/** Who a notice is emailed to, given the reserving org as the caller's store read it. */
export function recipientsOf(settings: AppSettings, kind: NotificationKind, org: ReserverOrg | undefined): Recipient[] {
  return EMAIL_ROLES[kind].map((role) => ({ role, address: addressFor(settings, role, org) }));
}
