// Settings live in the database (key → JSON value) so every process sees the same values and a
// change takes effect without a restart.
import { DEFAULT_LIFECYCLE_SETTINGS, lifecycleSettingsSchema, type LifecycleSettings } from '../../shared/settings';
import type { Db } from './db/connection';

export function readSetting(db: Db, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row === undefined ? undefined : JSON.parse(row.value);
}

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
