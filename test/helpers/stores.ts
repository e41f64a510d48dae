// The conformance suite's stores: the same tests run on an inventory file (SQLite) and on a team
// database (PostgreSQL), through the port, with what a test must do behind the port's back (count
// audit events, store a raw setting, plant a legacy row) written once per store here.
import { Inventory } from '../../electron/core/inventory';
import type { InventoryPort } from '../../electron/core/inventory-port';
import { TeamInventory } from '../../electron/core/store/postgres/team-inventory';
import type { ManualClock } from '../../electron/core/clock';
import { expect } from 'vitest';
import { deliverDue, type DeliveryResult } from '../../electron/core/outbox/deliver';
import type { MailSender } from '../../electron/core/outbox/transport';
import type { AppSettings } from '../../shared/settings';
import { isInventoryError, type ErrorCode, type InventoryError } from '../../shared/errors';
import { dumpDatabase, eventCount } from './dump';
import { freshInventory } from './inventory';
import { dumpTeamDatabase, freshTeamInventory } from './team-inventory';

export interface StoreUnderTest {
  engine: 'sqlite' | 'postgres';
  inventory: InventoryPort;
  clock: ManualClock;
  eventCount(): Promise<number>;
  /** Every row of every table, order-independent: equal dumps mean nothing changed. */
  dump(): Promise<string>;
  /** Stores a setting's JSON text as it is, past the validation (an older version's or a hand edit's value). */
  setRawSetting(key: string, json: string): Promise<void>;
  /** A number locked before deadlines existed: locked, no deadline, no audit event. */
  insertLegacyLock(number: string, at: string): Promise<void>;
  /** The same inventory with no fixed actor: the operator name from settings is recorded. */
  withoutActor(): InventoryPort;
  /** Another client of the same inventory (a second connection to the file, a second pool to the team database), closed with the store. */
  anotherClient(actor?: string): InventoryPort;
  /** One round of email delivery (the desktop's delivery loop), with this sender. */
  deliver(senderFor: (settings: AppSettings) => MailSender): Promise<DeliveryResult>;
  /** Runs one SQL statement both engines read alike (no placeholders) behind the port's back; a SELECT's rows. */
  rows(sql: string): Promise<unknown[]>;
  /** The stock counts the triggers keep, per state, country, vendor and SKU (those above 0), sorted. */
  stockCounts(): Promise<unknown[]>;
  close(): Promise<void>;
}

/** Counted afresh from the numbers, to hold stockCounts() to. */
export const FRESH_STOCK_SQL =
  'SELECT state, country, vendor, sku, CAST(count(*) AS integer) AS count FROM numbers GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4';

export interface StoreKind {
  name: string;
  open(): Promise<StoreUnderTest>;
}

const sqlite: StoreKind = {
  name: 'inventory file (SQLite)',
  async open() {
    const t = freshInventory();
    const db = t.inventory.db;
    const others: Inventory[] = [];
    return {
      engine: 'sqlite',
      inventory: t.inventory,
      clock: t.clock,
      eventCount: async () => eventCount(db),
      dump: async () => dumpDatabase(db),
      async setRawSetting(key, json) {
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, json);
      },
      async insertLegacyLock(number, at) {
        db.prepare(
          `INSERT INTO numbers (number, country, vendor, sku, state, expires_at, created_at, updated_at) VALUES (?, 'SG', 'Legacy', 'SG-DID', 'locked', NULL, ?, ?)`,
        ).run(number, at, at);
      },
      withoutActor: () => new Inventory(db, { clock: t.clock }),
      deliver: (senderFor) => deliverDue(db, t.clock, senderFor),
      async rows(sql) {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all();
        statement.run();
        return [];
      },
      stockCounts: async () =>
        db.prepare('SELECT state, country, vendor, sku, count FROM number_stock_counts WHERE count > 0 ORDER BY 1, 2, 3, 4').all(),
      anotherClient(actor = 'tester') {
        const other = Inventory.open(t.file, { clock: t.clock, actor });
        others.push(other);
        return other;
      },
      async close() {
        for (const other of others) other.close();
        t.close();
      },
    };
  },
};

const team: StoreKind = {
  name: 'team database (PostgreSQL)',
  async open() {
    const t = await freshTeamInventory();
    const others: TeamInventory[] = [];
    return {
      engine: 'postgres',
      inventory: t.inventory,
      clock: t.clock,
      eventCount: async () => (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0].n,
      dump: () => dumpTeamDatabase(t.database),
      async setRawSetting(key, json) {
        await t.database.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
          key,
          json,
        ]);
      },
      async insertLegacyLock(number, at) {
        await t.database.query(
          `INSERT INTO numbers (number, country, vendor, sku, state, expires_at, created_at, updated_at) VALUES ($1, 'SG', 'Legacy', 'SG-DID', 'locked', NULL, $2, $2)`,
          [number, at],
        );
      },
      // Instants as the SQLite file holds them (ISO 8601 text), so one expectation fits both.
      deliver: (senderFor) => t.inventory.deliverDue(senderFor),
      rows: async (sql) =>
        (await t.database.query(sql)).map((row) =>
          Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value])),
        ),
      stockCounts: () =>
        t.database.query(
          'SELECT state, country, vendor, sku, CAST(count AS integer) AS count FROM number_stock WHERE count > 0 ORDER BY 1, 2, 3, 4',
        ),
      withoutActor() {
        const other = new TeamInventory(t.database.url, { clock: t.clock });
        others.push(other);
        return other;
      },
      anotherClient(actor = 'tester') {
        const other = new TeamInventory(t.database.url, { clock: t.clock, actor });
        others.push(other);
        return other;
      },
      async close() {
        await Promise.all(others.map((other) => other.close()));
        await t.close();
      },
    };
  },
};

export const STORES: readonly StoreKind[] = [sqlite, team];

/** Runs `attempt`, expects it to be refused with `code`, and checks nothing in the store changed. Returns the error. */
export async function expectStoreRefusal(t: StoreUnderTest, code: ErrorCode, attempt: () => Promise<unknown>): Promise<InventoryError> {
  const before = await t.dump();
  let caught: unknown;
  try {
    await attempt();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a ${code} refusal, but the action succeeded`).toBeDefined();
  if (!isInventoryError(caught)) throw caught;
  expect({ code: caught.code, message: caught.message }).toMatchObject({ code });
  expect(await t.dump()).toBe(before);
  return caught;
}
