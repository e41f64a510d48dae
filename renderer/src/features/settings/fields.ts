// The Settings screen's fields, grouped as the operator thinks of them, each validated by the same
// zod schema the core applies.
import { appSettingsSchema, SETTING_DESCRIPTIONS, SMTP_SECURITY, type SettingKey } from '../../../../shared/settings';
import { describeIssues } from '../../../../shared/actions';

export interface SettingField {
  key: SettingKey;
  label: string;
  kind: 'days' | 'number' | 'text' | 'email' | 'password' | 'security';
}

export interface SettingGroup {
  title: string;
  note?: string;
  fields: SettingField[];
}

export const SETTING_GROUPS: SettingGroup[] = [
  {
    title: 'Durations (days)',
    note: 'Apply to new deadlines only: numbers already reserved or locked keep their deadline.',
    fields: [
      { key: 'reservationDays', label: 'Manual reservation', kind: 'days' },
      { key: 'subscriptionExpiredDays', label: 'After a subscription expires', kind: 'days' },
      { key: 'subscriptionTerminatedDays', label: 'After a subscription is terminated', kind: 'days' },
      { key: 'swappedOutDays', label: 'After a number is swapped out', kind: 'days' },
      { key: 'lockPeriodDays', label: 'Lock period', kind: 'days' },
      { key: 'warningLeadDays', label: 'Warn before expiry', kind: 'days' },
    ],
  },
  {
    title: 'Notifications',
    note: 'Lock warnings and lock expiries go to both support addresses; an address left empty queues its emails as "no recipient".',
    fields: [
      { key: 'partnerSupportEmail', label: 'Partner support email', kind: 'email' },
      { key: 'operatorSupportEmail', label: 'Operator (B3) support email', kind: 'email' },
      { key: 'operatorName', label: 'Operator name', kind: 'text' },
      { key: 'lowStockThreshold', label: 'Low stock below', kind: 'number' },
    ],
  },
  {
    title: 'Email (SMTP)',
    note: 'Without a host and sender, emails wait in the outbox.',
    fields: [
      { key: 'smtpHost', label: 'SMTP host', kind: 'text' },
      { key: 'smtpPort', label: 'SMTP port', kind: 'number' },
      { key: 'smtpSecurity', label: 'Security', kind: 'security' },
      { key: 'smtpUser', label: 'User name', kind: 'text' },
      { key: 'smtpPassword', label: 'Password', kind: 'password' },
      { key: 'smtpFrom', label: 'Sender address', kind: 'email' },
    ],
  },
];

export const SECURITY_OPTIONS = SMTP_SECURITY;

export function helpOf(key: SettingKey): string {
  return SETTING_DESCRIPTIONS[key];
}

/** The typed value of a field's text, or the reason it is not valid. */
export function readField(field: SettingField, text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  let value: unknown = text;
  if (field.kind === 'days' || field.kind === 'number') {
    if (!/^-?\d+$/.test(text.trim())) return { ok: false, reason: 'Enter a whole number' };
    value = Number(text.trim());
  }
  const parsed = appSettingsSchema.shape[field.key].safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: describeIssues(parsed.error) };
}
