// The store: numbered migrations tracked in user_version, each in its own transaction; a database
// newer than the code is refused; durable pragmas on every connection.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type Db } from '../../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../electron/core/db/migrations/index';
import { Inventory } from '../../electron/core/inventory';
import { ManualClock } from '../../electron/core/clock';
import { isInventoryError } from '../../shared/errors';
import { dumpDatabase } from '../helpers/dump';
import { T0, tempDir } from '../helpers/inventory';

let dir: string;
let file: string;
const open: Db[] = [];
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'inventory.db');
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
const track = (db: Db) => {
  open.push(db);
  return db;
};
const raw = () => track(new Database(file));

function refusalOf(fn: () => unknown): { code?: string; message: string } {
  try {
    fn();
  } catch (error) {
    return { code: isInventoryError(error) ? error.code : undefined, message: (error as Error).message };
  }
  throw new Error('expected a refusal');
}

describe('migrations', () => {
  it('are numbered 1, 2, 3... with no gap, the last being the schema version', () => {
    // A gap is a hazard: a database already past it would never run the migration that fills it later.
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('bring a new file to the latest version with every table', () => {
    const db = track(openDatabase(file));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['events', 'number_visibility', 'numbers', 'organizations', 'settings']));
  });

  it('reopening is idempotent and keeps the data', async () => {
    const inventory = Inventory.open(file, { clock: new ManualClock(T0), actor: 'tester' });
    await inventory.add({ numbers: '+6561230000', vendor: 'V', country: 'SG', sku: 'S' });
    const before = dumpDatabase(inventory.db);
    inventory.close();
    for (let i = 0; i < 2; i++) {
      const db = track(openDatabase(file));
      expect(dumpDatabase(db)).toBe(before);
      db.close();
    }
  });

  it('refuse to open a database newer than the code, leaving it untouched', () => {
    track(openDatabase(file)).close();
    const setup = raw();
    setup.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    // A newer version may have chosen another journal mode; refusing must not switch it back.
    setup.pragma('journal_mode = DELETE');
    const before = dumpDatabase(setup);
    setup.close();
    const refusal = refusalOf(() => openDatabase(file));
    expect(refusal.code).toBe('DATABASE_TOO_NEW');
    expect(refusal.message).toContain(String(LATEST_SCHEMA_VERSION + 1));
    const after = raw();
    expect(dumpDatabase(after)).toBe(before);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
  });

  it('apply each migration once, in its own transaction, and roll back one that fails', () => {
    const m1: Migration = { version: 1, name: 'one', sql: `CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);` };
    const m2bad: Migration = {
      version: 2,
      name: 'two',
      sql: `CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (2); INSERT INTO nowhere VALUES (3);`,
    };
    const m2: Migration = { version: 2, name: 'two', sql: `CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (2);` };

    const refusal = refusalOf(() => openDatabase(file, { migrations: [m1, m2bad] }));
    expect(refusal.message).toContain('nowhere');
    let db = raw();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'b'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT x FROM a').pluck().all()).toEqual([1]);
    db.close();

    db = track(openDatabase(file, { migrations: [m1, m2] }));
    expect(schemaVersion(db)).toBe(2);
    db.close();
    db = track(openDatabase(file, { migrations: [m1, m2] }));
    expect(db.prepare('SELECT x FROM a ORDER BY x').pluck().all()).toEqual([1, 2]);
  });

  it('upgrade a database of schema version 1 with its data to the latest version, every feature working on the old rows', async () => {
    const v1 = track(openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) }));
    expect(schemaVersion(v1)).toBe(1);
    const insert = v1.prepare(
      `INSERT INTO numbers (number, country, vendor, sku, cap_voice, state, reservation_kind, reservation_origin, reservation_org_uuid, expires_at, created_at, updated_at)
       VALUES (?, 'SG', 'Singtel', 'SG-DID', 1, ?, ?, ?, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
    );
    insert.run('+6561230000', 'available', null, null, null, null);
    insert.run('+6561238888', 'reserved', 'free', 'manual', '11111111-1111-4111-8111-111111111111', '2026-01-10T00:00:00.000Z');
    insert.run('+6561230002', 'locked', null, null, null, null);
    v1.close();

    const clock = new ManualClock(T0);
    const inventory = Inventory.open(file, { clock, actor: 'tester' });
    try {
      expect(schemaVersion(inventory.db)).toBe(LATEST_SCHEMA_VERSION);
      expect(await inventory.counts()).toEqual({ available: 1, reserved: 1, locked: 1, assigned: 0, deleted: 0 });
      const found = await inventory.search({ filter: { pattern: '888' } });
      expect(found.rows.map((r) => r.number)).toEqual(['+6561238888']);
      expect((await inventory.search({ filter: { states: ['locked'] } })).rows.map((r) => r.number)).toEqual(['+6561230002']);
      await inventory.act('lock', { number: '+6561230000', remark: 'after upgrade' });
      expect(await inventory.counts()).toEqual({ available: 0, reserved: 1, locked: 2, assigned: 0, deleted: 0 });
      // The old permanent lock stays; the old reservation expires on time.
      clock.set('2026-01-10T00:00:00.000Z');
      expect((await inventory.sweep()).map((r) => r.number)).toEqual(['+6561238888']);
    } finally {
      inventory.close();
    }
  });

  it('refuse to open a database whose migrations are newer than a custom list', () => {
    const m1: Migration = { version: 1, name: 'one', sql: `CREATE TABLE a (x INTEGER);` };
    const m2: Migration = { version: 2, name: 'two', sql: `CREATE TABLE b (y INTEGER);` };
    track(openDatabase(file, { migrations: [m1, m2] })).close();
    expect(refusalOf(() => openDatabase(file, { migrations: [m1] })).code).toBe('DATABASE_TOO_NEW');
  });
});

describe('connection pragmas', () => {
  it('use WAL, foreign keys, synchronous FULL and a busy timeout', () => {
    const db = track(openDatabase(file));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });

  it('enforce foreign keys and the per-state checks of the schema', () => {
    const db = track(openDatabase(file));
    expect(() =>
      db.prepare(`INSERT INTO events (number_id, at, actor, action, to_state) VALUES (999, 'x', 'a', 'add', 'available')`).run(),
    ).toThrow(/FOREIGN KEY/);
    const insert = `INSERT INTO numbers (number, country, vendor, sku, state, created_at, updated_at) VALUES ('+6561230000', 'SG', 'V', 'S', ?, 't', 't')`;
    // A reserved number must say for whom and until when; an assigned one must have its subscription.
    expect(() => db.prepare(insert).run('reserved')).toThrow(/CHECK/);
    expect(() => db.prepare(insert).run('assigned')).toThrow(/CHECK/);
    expect(() => db.prepare(insert).run('deleted')).toThrow(/CHECK/);
    expect(() => db.prepare(insert).run('sold')).toThrow(/CHECK/);
  });
});
