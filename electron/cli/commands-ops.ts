// Operations commands: settings show/set and the email outbox.
import type { Command } from 'commander';
import { InventoryError } from '../../shared/errors';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../shared/notifications';
import { DEFAULT_APP_SETTINGS, SETTING_DESCRIPTIONS, SETTING_KEYS, type SettingKey, type SettingsView } from '../../shared/settings';
import type { InventoryProvider } from './main';
import { UsageError } from './main';
import type { Output } from './output';

function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as string[]).includes(key);
}

/** Reads a typed value for `key` from the command line; whole-number settings need digits. */
function settingValue(key: SettingKey, text: string): unknown {
  if (typeof DEFAULT_APP_SETTINGS[key] === 'number') {
    if (!/^-?\d+$/.test(text.trim())) throw new InventoryError('INVALID_INPUT', `Settings: ${key} must be a whole number, got "${text}"`);
    return Number(text.trim());
  }
  return text;
}

function settingLines(view: SettingsView): string[] {
  return SETTING_KEYS.map((key) => {
    const value =
      key === 'smtpPassword' ? (view.smtpPasswordSet ? '(set)' : '(not set)') : String(view[key as Exclude<SettingKey, 'smtpPassword'>]);
    return `${key.padEnd(28)} ${(value === '' ? '(empty)' : value).padEnd(28)} ${SETTING_DESCRIPTIONS[key]}`;
  });
}

export function registerOpsCommands(program: Command, open: InventoryProvider, out: Output): void {
  const settings = program.command('settings').description('durations, warning lead, support addresses, SMTP, operator name');
  settings
    .command('show')
    .description('list every setting key with its value')
    .action(async () => {
      const view = await open().settingsView();
      out.print(view, () => settingLines(view));
    });
  settings
    .command('set')
    .description('set one setting (keys are listed by `settings show`); applies to new deadlines only')
    .argument('<key>')
    .argument('<value>')
    .action(async (key: string, value: string) => {
      if (!isSettingKey(key)) throw new UsageError(`unknown setting "${key}". Keys: ${SETTING_KEYS.join(', ')}`);
      const view = await open().updateSettings({ [key]: settingValue(key, value) });
      out.print(view, () => [`${key} set`]);
    });

  const outbox = program.command('outbox').description('the email outbox: warnings and expiry notices');
  outbox
    .command('list')
    .description('list emails, newest first')
    .option('--status <statuses>', `comma separated: ${OUTBOX_STATUSES.join(',')}`)
    .option('--limit <n>', 'at most this many', '500')
    .action(async (o: { status?: string; limit: string }) => {
      const statuses = o.status ? o.status.split(',').map((s) => s.trim()) : undefined;
      for (const s of statuses ?? []) {
        if (!(OUTBOX_STATUSES as readonly string[]).includes(s))
          throw new UsageError(`unknown status "${s}". Statuses: ${OUTBOX_STATUSES.join(', ')}`);
      }
      if (!/^\d+$/.test(o.limit)) throw new UsageError(`--limit must be a whole number, got "${o.limit}"`);
      const emails = await open().outbox({ statuses: statuses as OutboxStatus[] | undefined, limit: Number(o.limit) });
      out.print(emails, () => [
        ...emails.map((e) =>
          [
            String(e.id).padStart(5),
            e.status.padEnd(12),
            (e.recipient ?? `(${e.role})`).padEnd(32),
            e.subject,
            e.attempts ? ` [${e.attempts} attempt${e.attempts === 1 ? '' : 's'}${e.lastError ? `: ${e.lastError}` : ''}]` : '',
          ].join('  '),
        ),
        emails.length === 0 ? 'the outbox is empty' : `${emails.length} email${emails.length === 1 ? '' : 's'}`,
      ]);
    });
  outbox
    .command('retry')
    .description('try a failed email again now (a "no recipient" one looks its address up again)')
    .argument('<id>')
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) throw new UsageError(`email id must be a whole number, got "${id}"`);
      const email = await open().retryEmail(Number(id));
      out.print(email, () => [`email ${email.id} queued for ${email.recipient}`]);
    });
}
