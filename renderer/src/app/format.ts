// How values are written on screen. Instants are shown in UTC, the zone deadlines are stored in,
// so every desktop shows the same deadline for the same number.
import type { Capability, DeleteReason, ReservationKind } from '../../../shared/domain';
import { DELETE_REASON_LABELS } from '../../../shared/domain';
import { DAY_MS } from '../../../shared/settings';
import { formatUtc } from '../../../shared/time';

// The state names live beside the states, as the core's messages use them too.
export { STATE_LABELS } from '../../../shared/domain';

export const CAPABILITY_LABELS: Record<Capability, string> = { voice: 'Voice', fax: 'Fax', sms: 'SMS' };

export const KIND_LABELS: Record<ReservationKind, string> = { free: 'Free', charged: 'Charged' };

/** "2026-03-30 09:00 UTC"; empty for no instant. */
export function formatInstant(iso: string | null | undefined): string {
  return iso ? formatUtc(iso) : '';
}

/** Whole days left before a deadline, rounded up; 0 once it has passed. */
export function daysLeft(expiresAt: string | null | undefined, now: number = Date.now()): number | null {
  if (!expiresAt) return null;
  const ms = Date.parse(expiresAt) - now;
  return Number.isNaN(ms) ? null : Math.max(0, Math.ceil(ms / DAY_MS));
}

export function reasonLabel(reason: DeleteReason | null | undefined): string {
  return reason ? DELETE_REASON_LABELS[reason] : '';
}

export function capabilitiesLabel(capabilities: readonly Capability[]): string {
  return capabilities.map((capability) => CAPABILITY_LABELS[capability]).join(', ');
}
