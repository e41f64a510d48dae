// Operations commands: settings show/set and the email outbox.
import type { Command } from 'commander';
import { InventoryError } from '../../shared/errors';
import { OUTBOX_STATUSES, type ListPage, type OutboxStatus } from '../../shared/notifications';
import { MAX_PAGE_SIZE } from '../../shared/search';
import { DEFAULT_APP_SETTINGS, SETTING_DESCRIPTIONS, SETTING_KEYS, type SettingKey, type SettingsView } from '../../shared/settings';
import { positiveInt } from './commands';
import type { InventoryProvider } from './main';
import { UsageError } from './main';
import type { Output } from './output';

/** "showing 50 of 2372 emails (page 1 of 48)": how much of the list this page is. */
function listSummary(list: ListPage<unknown>, what: string): string {
  if (list.total === 0) return `no ${what}`;
  const pages = Math.ceil(list.total / list.pageSize);
  return `showing ${list.rows.length} of ${list.total} ${what} (page ${list.page + 1} of ${pages})`;
}

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
    .description('list emails, newest first, a page at a time')
    .option('--status <statuses>', `comma separated: ${OUTBOX_STATUSES.join(',')}`)
    .option('--page <n>', 'page number, from 1', positiveInt('--page'), 1)
    .option('--page-size <n>', `emails per page (1-${MAX_PAGE_SIZE})`, positiveInt('--page-size'), 50)
    .action(async (o: { status?: string; page: number; pageSize: number }) => {
      const statuses = o.status ? o.status.split(',').map((s) => s.trim()) : undefined;
      for (const s of statuses ?? []) {
        if (!(OUTBOX_STATUSES as readonly string[]).includes(s))
          throw new UsageError(`unknown status "${s}". Statuses: ${OUTBOX_STATUSES.join(', ')}`);
      }
      if (o.page < 1) throw new UsageError('--page starts at 1');
      if (o.pageSize < 1 || o.pageSize > MAX_PAGE_SIZE)
        throw new UsageError(`--page-size must be 1 to ${MAX_PAGE_SIZE}, got ${o.pageSize}`);
      const list = await open().outbox({ statuses: statuses as OutboxStatus[] | undefined, page: o.page - 1, pageSize: o.pageSize });
      out.print(list, () => [
        ...list.rows.map((e) =>
          [
            String(e.id).padStart(5),
            e.status.padEnd(12),
            (e.recipient ?? `(${e.role})`).padEnd(32),
            e.subject,
            e.attempts ? ` [${e.attempts} attempt${e.attempts === 1 ? '' : 's'}${e.lastError ? `: ${e.lastError}` : ''}]` : '',
          ].join('  '),
        ),
        listSummary(list, statuses ? `${statuses.join(' or ')} emails` : 'emails'),
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
