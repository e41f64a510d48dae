// Settings the life cycle depends on. Durations are whole days; deadlines computed from them are
// absolute UTC instants stored on each number, so a change applies to new deadlines only.
import { z } from 'zod';

/** The longest period the inventory sets or accepts: ten years (a duration setting, a paid-until date). */
export const LONGEST_PERIOD_DAYS = 3650;

/** A whole number from `min` to `max`; any other value is refused with the same sentence. */
const wholeNumber = (min: number, max: number, unit = '') => {
  const error = `must be a whole number from ${min} to ${max}${unit}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const days = wholeNumber(1, LONGEST_PERIOD_DAYS, ' days');

const lifecycleSettingsSchema = z.object({
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
  warningLeadDays: wholeNumber(0, 365, ' days'),
  /** Written as the actor of every change unless another is given. */
  operatorName: z.string().trim().max(200, { error: 'is longer than 200 characters' }),
});
export type LifecycleSettings = z.infer<typeof lifecycleSettingsSchema>;

const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = {
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

// Who is told about locks, how email is sent, and the combined settings the Settings screen and
// `number-inventory settings` edit. Kept flat (one key per value) so the CLI can set one key at a time.
const emailOrEmpty = z.union([z.literal(''), z.email({ error: 'must be an email address (or empty to clear it)' })]);

export const SMTP_SECURITY = ['none', 'starttls', 'tls'] as const;

const notificationSettingsSchema = z.object({
  /** Partner support: told 7 days before a lock expires and when it expires. */
  partnerSupportEmail: emailOrEmpty,
  /** The operator's own support ("B3 support"): told about locks like partner support. */
  operatorSupportEmail: emailOrEmpty,
  /** SMTP server; empty host means email is not configured and the outbox waits. */
  smtpHost: z.string().trim().max(253, { error: 'is longer than 253 characters' }),
  smtpPort: wholeNumber(1, 65535),
  /** none: plain; starttls: upgrade on the submission port; tls: implicit TLS (port 465). */
  smtpSecurity: z.enum(SMTP_SECURITY),
  smtpUser: z.string().max(320, { error: 'is longer than 320 characters' }),
  smtpPassword: z.string().max(1000, { error: 'is longer than 1000 characters' }),
  /** The sender address of every email. */
  smtpFrom: emailOrEmpty,
});
type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  partnerSupportEmail: '',
  operatorSupportEmail: '',
  smtpHost: '',
  smtpPort: 587,
  smtpSecurity: 'starttls',
  smtpUser: '',
  smtpPassword: '',
  smtpFrom: '',
};

// The dashboard's low-stock warning.
const stockSettingsSchema = z.object({
  /**
   * A country and SKU with fewer available numbers than this is low on stock; 0 (the default)
   * turns the warning off: what is low depends on each team's stock, so a new inventory does not
   * guess and warn about every pair.
   */
  lowStockThreshold: wholeNumber(0, 1_000_000),
});

export const appSettingsSchema = lifecycleSettingsSchema.extend(notificationSettingsSchema.shape).extend(stockSettingsSchema.shape);
export type AppSettings = z.infer<typeof appSettingsSchema>;
export const DEFAULT_APP_SETTINGS: AppSettings = {
  ...DEFAULT_LIFECYCLE_SETTINGS,
  ...DEFAULT_NOTIFICATION_SETTINGS,
  lowStockThreshold: 0,
};
export type SettingKey = keyof AppSettings;
export const SETTING_KEYS = Object.keys(DEFAULT_APP_SETTINGS) as SettingKey[];

/** A change to some settings; unknown keys are refused, not ignored. */
export const settingsPatchSchema = appSettingsSchema.partial().strict();

/** What is shown outside the main process: the SMTP password never leaves it, only whether it is set. */
export type SettingsView = Omit<AppSettings, 'smtpPassword'> & { smtpPasswordSet: boolean };

export const SETTING_DESCRIPTIONS: Record<SettingKey, string> = {
  reservationDays: 'manual reservation period, days (Available -> Reserved)',
  subscriptionExpiredDays: 'reservation after a subscription expires, days',
  subscriptionTerminatedDays: 'reservation after a subscription is terminated, days',
  swappedOutDays: 'reservation after a number is swapped out, days',
  lockPeriodDays: 'lock period, days (new locks are released after it)',
  warningLeadDays: 'warn this many days before a reservation or lock expires (0 = no warnings)',
  operatorName: 'operator name recorded on changes',
  partnerSupportEmail: 'partner support address (lock warnings and expiries)',
  operatorSupportEmail: 'operator (B3) support address (lock warnings and expiries)',
  smtpHost: 'SMTP server host (empty: email not configured, the outbox waits)',
  smtpPort: 'SMTP server port',
  smtpSecurity: `SMTP security: ${SMTP_SECURITY.join(', ')}`,
  smtpUser: 'SMTP user name (empty: no authentication)',
  smtpPassword: 'SMTP password',
  smtpFrom: 'sender address of every email',
  lowStockThreshold: 'low stock: warn when a country and SKU has fewer available numbers than this (0 = off)',
};

/** Whether email can be sent with these settings. */
export function smtpConfigured(settings: Pick<AppSettings, 'smtpHost' | 'smtpFrom'>): boolean {
  return settings.smtpHost !== '' && settings.smtpFrom !== '';
}
