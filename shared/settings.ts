// Settings the life cycle depends on. Durations are whole days; deadlines computed from them are
// absolute UTC instants stored on each number, so a change applies to new deadlines only.
import { z } from 'zod';

const days = z.number().int().min(1).max(3650);

export const lifecycleSettingsSchema = z.object({
  /** Manual reservation: Available to Reserved. */
  reservationDays: days,
  /** Assigned to Reserved after the subscription expires. */
  subscriptionExpiredDays: days,
  /** Assigned to Reserved after the subscription is terminated. */
  subscriptionTerminatedDays: days,
  /** Assigned to Reserved after the number is swapped out of a subscription. */
  swappedOutDays: days,
  /** Locked numbers are released after this period. */
  lockPeriodDays: days,
  /** Reservation and lock warnings go out this long before the deadline. */
  warningLeadDays: z.number().int().min(0).max(365),
  /** Written as the actor of every change unless another is given. */
  operatorName: z.string().trim().max(200),
});
export type LifecycleSettings = z.infer<typeof lifecycleSettingsSchema>;

export const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = {
  reservationDays: 28,
  subscriptionExpiredDays: 56,
  subscriptionTerminatedDays: 28,
  swappedOutDays: 1,
  lockPeriodDays: 28,
  warningLeadDays: 7,
  operatorName: '',
};

export const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(isoInstant: string, days: number): string {
  return new Date(Date.parse(isoInstant) + days * DAY_MS).toISOString();
}
