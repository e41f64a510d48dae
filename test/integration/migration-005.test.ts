// Upgrading a database that already has notices to migration 5 (notices keyed by their hold): every
// notice and email is kept with its id, each old notice is given the hold it was recorded for, and
// the sweep after the upgrade neither repeats an old notice nor misses a new hold.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { openDatabase, schemaVersion, type Db } from '../../electron/core/db/connection';
import { MIGRATIONS } from '../../electron/core/db/migrations/index';
import { Inventory } from '../../electron/core/inventory';
import { ORG_A, T0, tempDir } from '../helpers/inventory';
import { plusDays } from '../helpers/expiry';

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'inventory.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const D1 = plusDays(T0, 28);
const D2 = plusDays(T0, 25);
const D3 = plusDays(T0, 10);
const D4 = plusDays(T0, 30);
const D4_LATER = plusDays(T0, 40);

/** A schema-4 database as the product wrote it: numbers, their audit events, notices and emails. */
function writeVersion4(): Record<string, number> {
  const db: Db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 4) });
  expect(schemaVersion(db)).toBe(4);
  const number = db.prepare(
    `INSERT INTO numbers (number, country, vendor, sku, state, reservation_kind, reservation_origin, reservation_org_uuid, expires_at, created_at, updated_at)
     VALUES (?, 'SG', 'Singtel', 'SG-DID', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = db.prepare(
    `INSERT INTO events (number_id, at, actor, action, from_state, to_state, details) VALUES (?, ?, 'ops', ?, ?, ?, ?)`,
  );
  const notice = db.prepare(
    `INSERT INTO notifications (number, kind, deadline, state, org_uuid, created_at, desktop_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const email = db.prepare(
    `INSERT INTO outbox (notification_id, recipient_role, recipient, subject, body, status, attempts, next_attempt_at, created_at, sent_at)
     VALUES (?, ?, ?, ?, 'body', ?, ?, ?, ?, ?)`,
  );
  const id = (r: Database.RunResult) => Number(r.lastInsertRowid);
  const ids: Record<string, number> = {};

  // Reserved with audit events, warned at T0+21.
  ids.n1 = id(number.run('+6561230001', 'reserved', 'free', 'manual', ORG_A, D1, T0, T0));
  event.run(ids.n1, T0, 'add', null, 'available', '{}');
  ids.n1Reserve = id(
    event.run(
      ids.n1,
      T0,
      'reserve',
      'available',
      'reserved',
      JSON.stringify({ orgUuid: ORG_A, kind: 'free', expiresAt: D1, periodDays: 28 }),
    ),
  );
  ids.n1Warning = id(notice.run('+6561230001', 'reservation-warning', D1, 'reserved', ORG_A, plusDays(T0, 21), plusDays(T0, 21)));
  email.run(ids.n1Warning, 'reserver', 'billing@a.test', 'Reservation expires', 'queued', 0, plusDays(T0, 21), plusDays(T0, 21), null);

  // Locked by a raw write, without any audit event, and warned.
  ids.n2 = id(number.run('+6561230002', 'locked', null, null, null, D2, T0, T0));
  ids.n2Warning = id(notice.run('+6561230002', 'lock-warning', D2, 'locked', null, plusDays(T0, 18), null));
  email.run(ids.n2Warning, 'partner-support', null, 'Lock expires', 'no-recipient', 0, null, plusDays(T0, 18), null);

  // Locked, released by the sweep with notice; now available.
  ids.n3 = id(number.run('+6561230003', 'available', null, null, null, null, T0, D3));
  event.run(ids.n3, T0, 'add', null, 'available', '{}');
  ids.n3Lock = id(event.run(ids.n3, T0, 'lock', 'available', 'locked', JSON.stringify({ expiresAt: D3, periodDays: 10 })));
  event.run(ids.n3, D3, 'expire', 'locked', 'available', JSON.stringify({ dueAt: D3 }));
  ids.n3Expired = id(notice.run('+6561230003', 'lock-expired', D3, 'locked', null, D3, D3));
  email.run(ids.n3Expired, 'operator-support', 'b3@ops.test', 'Lock expired', 'sent', 1, null, D3, D3);

  // Imported reserved (an import event records no deadline), then warned for two deadlines.
  ids.n4 = id(number.run('+6561230004', 'reserved', 'free', 'manual', ORG_A, D4_LATER, T0, T0));
  ids.n4Import = id(event.run(ids.n4, T0, 'import', null, 'reserved', JSON.stringify({ file: 'stock.csv', line: 2 })));
  ids.n4First = id(notice.run('+6561230004', 'reservation-warning', D4, 'reserved', ORG_A, plusDays(T0, 23), null));
  ids.n4Second = id(notice.run('+6561230004', 'reservation-warning', D4_LATER, 'reserved', ORG_A, plusDays(T0, 33), null));
  db.close();
  return ids;
}

const rows = (db: Db, sql: string) => db.prepare(sql).all();

describe('migration 5 on a database with notices', () => {
  it('keeps every notice and email, gives each old notice its hold, and keeps the foreign key', () => {
    const ids = writeVersion4();
    const before = new Database(file, { readonly: true });
    const noticesBefore = rows(before, 'SELECT * FROM notifications ORDER BY id');
    const outboxBefore = rows(before, 'SELECT * FROM outbox ORDER BY id');
    before.close();

    // Up to migration 5 exactly: later migrations are not what this test is about.
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 5) });
    try {
      expect(schemaVersion(db)).toBe(5);
      expect(rows(db, 'SELECT id, number, kind, deadline, state, org_uuid, created_at, desktop_at FROM notifications ORDER BY id')).toEqual(
        noticesBefore,
      );
      expect(rows(db, 'SELECT * FROM outbox ORDER BY id')).toEqual(outboxBefore);
      expect(rows(db, 'SELECT id, hold_event_id FROM notifications ORDER BY id')).toEqual([
        { id: ids.n1Warning, hold_event_id: ids.n1Reserve },
        // No audit event to name the hold: the number and deadline still do.
        { id: ids.n2Warning, hold_event_id: null },
        { id: ids.n3Expired, hold_event_id: ids.n3Lock },
        // Both would fall on the import: the later (the deadline in force) takes it, the earlier keeps the old key.
        { id: ids.n4First, hold_event_id: null },
        { id: ids.n4Second, hold_event_id: ids.n4Import },
      ]);
      expect(rows(db, 'PRAGMA foreign_key_check')).toEqual([]);
      expect(rows(db, 'PRAGMA foreign_key_list(outbox)')).toEqual([
        expect.objectContaining({ table: 'notifications', from: 'notification_id' }),
      ]);
      expect(rows(db, 'PRAGMA foreign_key_list(notifications)')).toEqual([
        expect.objectContaining({ table: 'events', from: 'hold_event_id' }),
      ]);
      expect(() =>
        db
          .prepare(
            `INSERT INTO outbox (notification_id, recipient_role, recipient, subject, body, status, created_at) VALUES (99999, 'reserver', 'x@y.test', 's', 'b', 'queued', 't')`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      expect(rows(db, `SELECT name FROM sqlite_master WHERE name LIKE '%_v5'`)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('the sweep after the upgrade repeats no old notice and warns a new hold', async () => {
    const ids = writeVersion4();
    // Opened after the last notice above was recorded.
    const clock = new ManualClock(plusDays(T0, 34));
    const inventory = Inventory.open(file, { clock, actor: 'tester' });
    try {
      // The first two are due; the last one's deadline in force was warned before the upgrade.
      const first = await inventory.sweepReport();
      expect(first.released.map((r) => r.number)).toEqual(['+6561230001', '+6561230002']);
      expect(first.notified.map((x) => [x.number, x.kind, x.holdEventId])).toEqual([
        ['+6561230001', 'reservation-expired', ids.n1Reserve],
        ['+6561230002', 'lock-expired', null],
      ]);
      expect(await inventory.sweepReport()).toMatchObject({ released: [], notified: [] });

      // A new reservation of the first number after the upgrade is its own hold, warned once.
      const again = await inventory.act('reserve', { number: '+6561230001', orgUuid: ORG_A, remark: 'after upgrade' });
      expect(again.expiresAt).toBe(plusDays(T0, 62));
      clock.set(plusDays(T0, 55));
      const later = await inventory.sweepReport();
      expect(later.notified.map((x) => [x.number, x.kind, x.holdEventId])).toEqual([
        ['+6561230004', 'reservation-expired', ids.n4Import],
        ['+6561230001', 'reservation-warning', again.history[again.history.length - 1].id],
      ]);
      expect(await inventory.sweepReport()).toMatchObject({ notified: [] });
    } finally {
      inventory.close();
    }
  });
});
