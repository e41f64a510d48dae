// Notices commits made to the database by other processes (the CLI beside the app, a second
// browser-mode server). SQLite's data_version changes for a connection exactly when another
// connection has committed, so our own writes (already announced) do not trigger it.
// No electron import: browser mode uses it too.
import type { Db } from './connection';

const DATABASE_WATCH_INTERVAL_MS = 2000;

export function watchDatabase(db: Db, onExternalChange: () => void, intervalMs = DATABASE_WATCH_INTERVAL_MS): () => void {
  const read = (): number | null => {
    try {
      return db.open ? (db.pragma('data_version', { simple: true }) as number) : null;
    } catch {
      return null;
    }
  };
  let last = read();
  const timer = setInterval(() => {
    const current = read();
    if (current === null) return;
    if (last !== null && current !== last) onExternalChange();
    last = current;
  }, intervalMs);
  // Never keep the process alive just to watch.
  timer.unref?.();
  return () => clearInterval(timer);
}
