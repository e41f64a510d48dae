// Upgrading a schema-6 database to migration 9: the stock counts start equal to a count of the
// numbers, and the rebuilt notifications and outbox keep every row with its id.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/db/connection';
import { MIGRATIONS } from '../../electron/core/db/migrations/index';
import { T0, tempDir } from '../helpers/inventory';

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'inventory.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('keeps every notice and email, and counts the existing stock', () => {
  const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 6) });
  expect(schemaVersion(old)).toBe(6);
  const insert = old.prepare(
    `INSERT INTO numbers (number, country, vendor, sku, state, created_at, updated_at) VALUES (?, ?, ?, ?, 'available', ?, ?)`,
  );
  insert.run('+6561230001', 'SG', 'Singtel', 'SG-DID', T0, T0);
  insert.run('+6561230002', 'SG', 'Singtel', 'SG-DID', T0, T0);
  insert.run('+442071230001', 'GB', 'BT', 'GB-GEO', T0, T0);
  old.prepare(`UPDATE numbers SET state = 'locked', expires_at = ? WHERE number = '+6561230002'`).run('2026-02-01T00:00:00.000Z');
  old
    .prepare(
      `INSERT INTO notifications (id, number, kind, deadline, state, created_at) VALUES (7, '+6561230002', 'lock-warning', '2026-02-01T00:00:00.000Z', 'locked', ?)`,
    )
    .run(T0);
  old
    .prepare(
      `INSERT INTO outbox (id, notification_id, recipient_role, recipient, subject, body, status, created_at) VALUES (11, 7, 'operator-support', 'noc@b3.example', 's', 'b', 'queued', ?)`,
    )
    .run(T0);
  const notices = old.prepare('SELECT * FROM notifications').all();
  const emails = old.prepare('SELECT * FROM outbox').all();
  old.close();

  const db = openDatabase(file);
  expect(schemaVersion(db)).toBeGreaterThanOrEqual(9);
  expect(
    db.prepare('SELECT id, number, kind, deadline, state, org_uuid, created_at, desktop_at, hold_event_id FROM notifications').all(),
  ).toEqual(notices);
  expect(db.prepare('SELECT * FROM outbox').all()).toEqual(emails);
  expect(db.prepare('SELECT state, country, vendor, sku, count FROM number_stock_counts ORDER BY 1, 2').all()).toEqual([
    { state: 'available', country: 'GB', vendor: 'BT', sku: 'GB-GEO', count: 1 },
    { state: 'available', country: 'SG', vendor: 'Singtel', sku: 'SG-DID', count: 1 },
    { state: 'locked', country: 'SG', vendor: 'Singtel', sku: 'SG-DID', count: 1 },
  ]);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
});
