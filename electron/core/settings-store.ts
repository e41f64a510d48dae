// Settings live in the database (key → JSON value) so every process sees the same values and a
// change takes effect without a restart.
import {
  appSettingsSchema,
  DEFAULT_APP_SETTINGS,
  DEFAULT_LIFECYCLE_SETTINGS,
  lifecycleSettingsSchema,
  settingsPatchSchema,
  type AppSettings,
  type LifecycleSettings,
  type SettingKey,
  type SettingsView,
} from '../../shared/settings';
import type { Db } from './db/connection';
import { parseOrThrow } from './validation';

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function lifecycleSettings(db: Db): LifecycleSettings {
  const stored: Record<string, unknown> = {};
  for (const { key, value } of db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
    if (key in DEFAULT_LIFECYCLE_SETTINGS) stored[key] = JSON.parse(value);
  }
  const merged = { ...DEFAULT_LIFECYCLE_SETTINGS, ...stored };
  // A stored value that no longer validates falls back to its default rather than breaking every action.
  const parsed = lifecycleSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_LIFECYCLE_SETTINGS;
}

/** Every setting: stored values over the defaults; a stored value that no longer validates falls back to its default. */
export function appSettings(db: Db): AppSettings {
  const result: Record<string, unknown> = { ...DEFAULT_APP_SETTINGS };
  for (const { key, value } of db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
    if (!(key in DEFAULT_APP_SETTINGS)) continue;
    const field = appSettingsSchema.shape[key as SettingKey].safeParse(JSON.parse(value));
    if (field.success) result[key] = field.data;
  }
  return result as AppSettings;
}

export function settingsView(settings: AppSettings): SettingsView {
  const { smtpPassword, ...rest } = settings;
  return { ...rest, smtpPasswordSet: smtpPassword !== '' };
}

/**
 * Validates and stores a change to some settings in one transaction: a bad or unknown key refuses
 * the whole change and nothing is written. Deadlines already stored on numbers are not touched,
 * so new durations apply to new deadlines only.
 */
export function updateSettings(db: Db, patch: unknown): AppSettings {
  const changes = parseOrThrow(settingsPatchSchema, patch, 'Settings');
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) writeSetting(db, key, value);
  }).immediate();
  return appSettings(db);
}
