// Desktop notifications, batched: every notice not yet shown is grouped by kind into one
// notification ("5 locked numbers expire within 7 days") and marked shown in the same
// transaction, so each notice is shown at most once even across restarts.
import {
  isHoldNotice,
  NOTICE_KIND_FACTS,
  type DesktopBatch,
  type NavigationRequest,
  type NotificationKind,
} from '../../../shared/notifications';
import type { Db } from '../db/connection';
import { appSettings } from '../settings-store';
import type { NotificationRow } from './list';

const KIND_ORDER: NotificationKind[] = ['lock-warning', 'reservation-warning', 'lock-expired', 'reservation-expired', 'low-stock'];
/** More than this many pending notices are still one notification each kind, naming a few numbers. */
const NUMBERS_NAMED = 3;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function titleOf(kind: NotificationKind, count: number, leadDays: number): string {
  const within = `within ${plural(leadDays, 'day', 'days')}`;
  switch (kind) {
    case 'lock-warning':
      return `${plural(count, 'locked number expires', 'locked numbers expire')} ${within}`;
    case 'reservation-warning':
      return `${plural(count, 'reserved number expires', 'reserved numbers expire')} ${within}`;
    case 'lock-expired':
      return `${plural(count, 'lock expired', 'locks expired')}: released to the inventory`;
    case 'reservation-expired':
      return `${plural(count, 'reservation expired', 'reservations expired')}: released to the inventory`;
    case 'low-stock':
      return `Low stock: ${plural(count, 'country and SKU', 'country and SKU pairs')} below the threshold`;
  }
}

/** Where a click leads: the held tab filtered to what the warning is about, or the numbers released. */
function navigationOf(kind: NotificationKind, rows: NotificationRow[]): NavigationRequest {
  if (!isHoldNotice(kind)) {
    const [only] = rows;
    if (rows.length === 1 && only.country && only.sku)
      return { view: 'numbers', state: 'available', filter: { states: ['available'], countries: [only.country], skus: [only.sku] } };
    return { view: 'notifications', kinds: [kind] };
  }
  const { state, moment } = NOTICE_KIND_FACTS[kind];
  if (moment === 'warning') {
    const latest = rows.map((r) => r.deadline ?? '').sort()[rows.length - 1];
    // expiresBefore is exclusive: one millisecond past the latest deadline includes it.
    const expiresBefore = new Date(Date.parse(latest) + 1).toISOString();
    return { view: 'numbers', state, filter: { states: [state], expiresBefore } };
  }
  const number = rows[0].number;
  if (rows.length === 1 && number) return { view: 'numbers', state: 'available', filter: { states: ['available'], pattern: number } };
  return { view: 'notifications', kinds: [kind] };
}

export function takeDesktopBatches(db: Db, now: string): DesktopBatch[] {
  return db
    .transaction(() => {
      const pending = db.prepare('SELECT * FROM notifications WHERE desktop_at IS NULL ORDER BY deadline, id').all() as NotificationRow[];
      if (pending.length === 0) return [];
      const lead = appSettings(db).warningLeadDays;
      const batches: DesktopBatch[] = [];
      for (const kind of KIND_ORDER) {
        const rows = pending.filter((r) => r.kind === kind);
        if (rows.length === 0) continue;
        const numbers = rows.map((r) => r.number).filter((n): n is string => n !== null);
        // A low-stock notice names its pair instead of a number.
        const names = rows.map((r) => r.number ?? `${r.country} ${r.sku} (${r.available} available)`);
        const named =
          names.slice(0, NUMBERS_NAMED).join(', ') + (names.length > NUMBERS_NAMED ? ` and ${names.length - NUMBERS_NAMED} more` : '');
        batches.push({
          kind,
          title: titleOf(kind, rows.length, lead),
          body: named,
          numbers,
          notificationIds: rows.map((r) => r.id),
          navigate: navigationOf(kind, rows),
        });
      }
      db.prepare('UPDATE notifications SET desktop_at = ? WHERE desktop_at IS NULL AND id <= ?').run(
        now,
        pending.reduce((max, r) => Math.max(max, r.id), 0),
      );
      return batches;
    })
    .immediate();
}
