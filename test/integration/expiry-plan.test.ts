// No query of the sweep (releases with their notices, the warning scan) or of nextDueInstant
// scans the numbers table, nor the events, notices or emails, which all grow with the inventory.
// Every statement the sweep really prepares is caught on its connection and its plan read with
// EXPLAIN QUERY PLAN and the arguments it ran with; without ANALYZE statistics SQLite plans the
// same at any size, so a small database shows the plan a million-number one gets.
import type { Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import type { Db } from '../../electron/core/db/connection';
import { HOLD_EVENT_SQL } from '../../electron/core/expiry/hold';
import { EARLIEST_DEADLINE_SQL, NEXT_WARNING_DEADLINE_SQL, nextDueInstant, sweepWithNotices } from '../../electron/core/expiry/sweep';
import { WARNING_PENDING_SQL, WARNINGS_DUE_SQL } from '../../electron/core/expiry/warnings';
import { Inventory } from '../../electron/core/inventory';
import { DUE_LIST_SQL, DUE_ROW_SQL } from '../../electron/core/lifecycle/sweep';
import { CUSTOMER_ORG, plusDays } from '../helpers/expiry';
import { addSgNumbers, freshInventory, T0, type TestInventory } from '../helpers/inventory';

interface Ran {
  sql: string;
  args: unknown[];
}

/** Records every statement prepared on `db` from now on, with the arguments of each run. */
function recordStatements(db: Db): Ran[] {
  const ran: Ran[] = [];
  const prepare = db.prepare.bind(db);
  const running = new Set(['run', 'get', 'all', 'iterate']);
  const chaining = new Set(['pluck', 'raw', 'expand', 'safeIntegers', 'bind']);
  // A statement's methods check `this`, so each call goes to the real statement; the chaining ones
  // return it, and are answered with the proxy so later runs are recorded too.
  const watch = (sql: string, statement: Statement): Statement => {
    const proxy: Statement = new Proxy(statement, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) => {
          if (running.has(property)) ran.push({ sql, args });
          const result: unknown = Reflect.apply(value, target, args);
          return chaining.has(property) ? proxy : result;
        };
      },
    });
    return proxy;
  };
  // Replacing the method on this one connection object; the wrapper keeps better-sqlite3's signature.
  db.prepare = ((sql: string) => watch(sql, prepare(sql))) as Db['prepare'];
  return ran;
}

function plan(db: Db, { sql, args }: Ran): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}

/** A table read row by row without an index ("SCAN n"; "SCAN n USING INDEX" walks an index). Settings are a handful of rows. */
const fullScans = (details: string[]) =>
  details.filter((d) => /^SCAN (?!settings\b)\w+(?!.*USING)/.test(d) && !/^SCAN CONSTANT ROW/.test(d));

let t: TestInventory;
let sweeper: Inventory;
let ran: Ran[];
beforeAll(async () => {
  t = freshInventory();
  await t.inventory.saveOrganization({ uuid: CUSTOMER_ORG, name: 'Acme', type: 'customer', billingEmail: 'billing@acme.test' });
  await t.inventory.updateSettings({ partnerSupportEmail: 'support@partner.test', operatorSupportEmail: 'support@b3.test' });
  const numbers = await addSgNumbers(t.inventory, 8);
  // Due at T+28: a reservation and a lock. Warned at T+28: a reservation and a lock due at T+30.
  await t.inventory.act('reserve', { number: numbers[0], orgUuid: CUSTOMER_ORG, remark: 'due' });
  await t.inventory.act('lock', { number: numbers[1], remark: 'due' });
  t.clock.set(plusDays(T0, 2));
  await t.inventory.act('reserve', { number: numbers[2], orgUuid: CUSTOMER_ORG, remark: 'warned' });
  await t.inventory.act('lock', { number: numbers[3], remark: 'warned' });
  // Held without any audit event (written by another tool): its notices are keyed by deadline.
  t.inventory.db.prepare(`UPDATE numbers SET state = 'locked', expires_at = ? WHERE number = ?`).run(plusDays(T0, 29), numbers[4]);
  t.inventory.db.prepare(`DELETE FROM events WHERE number_id = (SELECT id FROM numbers WHERE number = ?)`).run(numbers[4]);

  // The sweep on a connection of its own, so every statement it uses is prepared (and seen) afresh.
  sweeper = Inventory.open(t.file, { clock: new ManualClock(plusDays(T0, 28)) });
  ran = recordStatements(sweeper.db);
  const now = plusDays(T0, 28);
  const report = await sweepWithNotices(sweeper.context, now, 1);
  expect(report.released).toHaveLength(2);
  expect(report.notified.map((n) => n.kind).sort()).toEqual([
    'lock-expired',
    'lock-warning',
    'lock-warning',
    'reservation-expired',
    'reservation-warning',
  ]);
  expect(nextDueInstant(sweeper.context, now)).toBe(plusDays(T0, 29));
});
afterAll(() => {
  sweeper?.close();
  t?.close();
});

describe('query plans of the sweep and nextDueInstant', () => {
  it('ran every query of the releases, their notices, the warning scan and nextDueInstant', () => {
    const seen = new Set(ran.map((r) => r.sql));
    for (const sql of [
      DUE_LIST_SQL,
      DUE_ROW_SQL,
      HOLD_EVENT_SQL,
      WARNING_PENDING_SQL,
      WARNINGS_DUE_SQL,
      EARLIEST_DEADLINE_SQL,
      NEXT_WARNING_DEADLINE_SQL,
    ])
      expect(seen, sql).toContain(sql);
    for (const statement of [/^UPDATE numbers SET state/, /^INSERT INTO events/, /^INSERT INTO notifications/, /^\s*INSERT INTO outbox/])
      expect(
        [...seen].some((sql) => statement.test(sql.trim())),
        String(statement),
      ).toBe(true);
  });

  it('none of them reads a table row by row', () => {
    const offenders = [...new Map(ran.map((r) => [r.sql, r])).values()]
      .filter((r) => /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)/i.test(r.sql))
      .map((r) => ({ sql: r.sql, details: plan(sweeper.db, r) }))
      .filter((p) => fullScans(p.details).length > 0);
    expect(offenders).toEqual([]);
  });

  it('the warning scan reads the held numbers from the deadline index, and each hold and notice by index', () => {
    const details = plan(sweeper.db, { sql: WARNINGS_DUE_SQL, args: [plusDays(T0, 28), plusDays(T0, 35), 10] }).join(' | ');
    expect(details).toMatch(/SEARCH n USING (COVERING )?INDEX numbers_state_expires_at \(state=\? AND expires_at>\? AND expires_at<\?\)/);
    expect(details).toMatch(/SEARCH e USING (COVERING )?INDEX events_number/);
    expect(details).toMatch(/INDEX notifications_per_hold/);
    expect(details).toMatch(/INDEX notifications_per_deadline/);
  });

  it('detects a scan when there is one (the check can fail)', () => {
    expect(fullScans(plan(sweeper.db, { sql: 'SELECT * FROM notifications WHERE org_uuid = ?', args: ['x'] }))).not.toEqual([]);
    expect(fullScans(plan(sweeper.db, { sql: 'SELECT * FROM numbers n WHERE n.expires_at IS NULL', args: [] }))).not.toEqual([]);
  });
});
