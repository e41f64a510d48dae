// Settings live in the database (key → JSON value) so every process sees the same values and a
// change takes effect without a restart.
import {
  appSettingsSchema,
  DEFAULT_APP_SETTINGS,
  settingsPatchSchema,
  type AppSettings,
  type SettingKey,
  type SettingsView,
} from '../../shared/settings';
import type { Db } from './db/connection';
import { prepared } from './db/statements';
import { parseOrThrow } from './validation';

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(DEFAULT_APP_SETTINGS, key);
}

/** A stored value as its setting reads it, or undefined when it is not valid JSON of a valid value. */
function storedValue(key: SettingKey, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const field = appSettingsSchema.shape[key].safeParse(value);
  return field.success ? field.data : undefined;
}

/**
 * Every setting: each stored value over its default. A stored value that does not validate (left by
 * an older version or a hand edit) falls back to its own default, never taking the others with it,
 * so what Settings shows is what the life cycle uses.
 */
export function appSettings(db: Db): AppSettings {
  return settingsFromRows(prepared(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[]);
}

/** Every setting from the stored rows (key, JSON value): each valid stored value over its default. */
export function settingsFromRows(rows: readonly { key: string; value: string }[]): AppSettings {
  const stored: Partial<Record<SettingKey, unknown>> = {};
  for (const { key, value } of rows) {
    if (!isSettingKey(key)) continue;
    const read = storedValue(key, value);
    if (read !== undefined) stored[key] = read;
  }
  // Every value is valid by now: parsing the merge types it as the settings without a cast.
  return appSettingsSchema.parse({ ...DEFAULT_APP_SETTINGS, ...stored });
}

export function settingsView(settings: AppSettings): SettingsView {
  const { smtpPassword, ...rest } = settings;
  return { ...rest, smtpPasswordSet: smtpPassword !== '' };
}

/**
 * Validates and stores a change to some settings in one transaction: a bad or unknown key refuses
 * the whole change and nothing is written. The only writer of the settings table, so an invalid
 * value can never be stored. Deadlines already stored on numbers are not touched, so new durations
 * apply to new deadlines only.
 */
export function updateSettings(db: Db, patch: unknown): AppSettings {
  const changes = readSettingsPatch(patch);
  const write = prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) write.run(key, JSON.stringify(value));
  }).immediate();
  return appSettings(db);
}

/** The validated change to store: each key with its value as the settings table holds it (JSON). */
export function readSettingsPatch(patch: unknown): Partial<Record<SettingKey, unknown>> {
  return parseOrThrow(settingsPatchSchema, patch, 'Settings');
}
