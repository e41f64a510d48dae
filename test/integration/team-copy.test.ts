// `number-inventory db copy --from FILE.db --to postgres://...`: a seeded inventory file copied
// into an empty team database reads back the same through the port, table by table (numbers and
// their history, organizations, settings, saved searches, notifications, the outbox, the activity
// log, the dashboard; billing's own tables row by row); new rows continue after the copied ids; a
// target that is not empty is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamInventory } from '../../electron/core/store/postgres/team-inventory';
import { DAY_MS } from '../../shared/settings';
import { buildCliOnce, runCli } from '../helpers/cli';
import { addSgNumbers, DID_1, freshInventory, ORG_A, ORG_B, SUB_1, T0, type TestInventory } from '../helpers/inventory';
import { freshPgDatabase, type PgTestDatabase } from '../helpers/pg-database';
import { dumpTeamDatabase } from '../helpers/team-inventory';

const plus = (days: number) => new Date(Date.parse(T0) + days * DAY_MS).toISOString();

let file: TestInventory;
let target: PgTestDatabase;
let team: TeamInventory;

/** A little of everything a local inventory holds. */
async function seed(t: TestInventory): Promise<void> {
  const inventory = t.inventory;
  await inventory.updateSettings({
    operatorSupportEmail: 'noc@b3.example',
    partnerSupportEmail: 'support@partner.example',
    lowStockThreshold: 3,
  });
  await inventory.saveOrganization({ uuid: ORG_A, name: 'Acme', type: 'customer', billingEmail: 'billing@acme.example' });
  await inventory.saveOrganization({ uuid: ORG_B, name: 'Partner', type: 'partner', ownerEmail: 'owner@partner.example' });
  const numbers = await addSgNumbers(inventory, 6);
  await inventory.add({
    numbers: '+442071230000',
    vendor: 'BT',
    country: 'GB',
    sku: 'GB-GEO',
    capabilities: ['voice', 'sms'],
    golden: true,
    visibleTo: ['b.example', 'a.example'],
  });
  await inventory.act('reserve', { number: numbers[0], orgUuid: ORG_A, remark: 'pilot' });
  await inventory.act('extend', { number: numbers[0], didReservationUuid: DID_1, paidUntil: '2026-03-31' });
  await inventory.act('lock', { number: numbers[1], remark: 'faulty' });
  await inventory.act('assign', { number: numbers[2], subscriptionUuid: SUB_1, ownerUuid: ORG_B });
  await inventory.act('delete', { number: numbers[3], reason: 'faulty', remark: 'dead' });
  await inventory.act('reserve', { number: numbers[4], orgUuid: ORG_B, remark: 'short' });
  await inventory.saveSearch({ name: 'Golden', filter: { golden: true } });
  await inventory.saveSearch({ name: 'Held', filter: { states: ['reserved', 'locked'] } });
  // Warnings and an expiry (with their emails), then a billing event for the subscription.
  t.clock.set(plus(21));
  await inventory.sweepReport();
  t.clock.set(plus(28));
  await inventory.sweepReport();
  await inventory.recordBillingEvent({ event: { kind: 'subscription', subscriptionUuid: SUB_1, event: 'terminated' }, dryRun: false });
}

beforeAll(async () => {
  buildCliOnce();
  file = freshInventory();
  await seed(file);
  target = await freshPgDatabase();
}, 60_000);
afterAll(async () => {
  await team?.close();
  file.close();
  await target.drop();
});

describe('db copy', () => {
  it('copies every table into an empty team database, with progress on stderr', async () => {
    const run = await runCli(['--json', 'db', 'copy', '--from', file.file, '--to', target.url]);
    expect([run.code, run.stderr.includes('error')]).toEqual([0, false]);
    expect(run.stderr).toContain('copying numbers: 7 of 7');
    expect(run.stderr).toContain('copying events: ');
    const copied = run.json<{ copied: Record<string, number> }>().copied;
    expect(copied).toMatchObject({ numbers: 7, organizations: 2, saved_searches: 2, number_visibility: 2 });
    expect(copied.events).toBeGreaterThan(10);
    expect(copied.outbox).toBeGreaterThan(0);
    expect(copied.billing_events).toBe(1);

    team = new TeamInventory(target.url, { clock: file.clock, actor: 'tester' });
    const local = file.inventory;
    const all = { pageSize: 100, withTotal: true, sort: { field: 'number', direction: 'asc' } } as const;
    const numbers = await local.search(all);
    expect(numbers.total).toBe(7);
    expect(await team.search(all)).toEqual(numbers);
    for (const { number } of numbers.rows) expect(await team.show(number)).toEqual(await local.show(number));
    expect(await team.counts()).toEqual(await local.counts());
    expect(await team.organizations()).toEqual(await local.organizations());
    expect(await team.savedSearches()).toEqual(await local.savedSearches());
    expect(await team.allSettings()).toEqual(await local.allSettings());
    expect(await team.notifications({ pageSize: 100 })).toEqual(await local.notifications({ pageSize: 100 }));
    expect(await team.outbox({ pageSize: 100 })).toEqual(await local.outbox({ pageSize: 100 }));
    expect(await team.activity({ pageSize: 100 })).toEqual(await local.activity({ pageSize: 100 }));
    expect(await team.dashboard()).toEqual(await local.dashboard());
    // Billing's own record, row by row (instants as the file writes them).
    const iso = (rows: Record<string, unknown>[]) =>
      rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])));
    expect(
      iso(
        await target.query(
          'SELECT id::int AS id, key, kind, uuid, event, effective_at, number, until, file, actor, recorded_at FROM billing_events ORDER BY id',
        ),
      ),
    ).toEqual(local.db.prepare('SELECT * FROM billing_events ORDER BY id').all());
    expect(await target.query('SELECT billing_event_id::int, number_id::int, audit_event_id::int FROM billing_event_numbers')).toEqual(
      local.db.prepare('SELECT billing_event_id, number_id, audit_event_id FROM billing_event_numbers').all(),
    );
    expect(await target.query('SELECT country, sku, notification_id::int FROM low_stock_pairs ORDER BY 1, 2')).toEqual(
      local.db.prepare('SELECT country, sku, notification_id FROM low_stock_pairs ORDER BY 1, 2').all(),
    );

    // The team database goes on from there: new numbers, events and notices after the copied ids.
    const [added] = await addSgNumbers(team, 1, 6569990000);
    const detail = await team.show(added);
    const lastLocalEvent = (await local.activity({ pageSize: 1 })).rows[0].id;
    expect(detail.history[0].id).toBeGreaterThan(lastLocalEvent);
  });

  it('refuses a team database that is not empty, naming what it holds, and writes nothing', async () => {
    const before = await dumpTeamDatabase(target);
    const run = await runCli(['--json', 'db', 'copy', '--from', file.file, '--to', target.url]);
    expect(run.code).toBe(1);
    const { error } = run.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('ALREADY_EXISTS');
    expect(error.message).toMatch(
      /is not empty \(it holds 2 organizations, .*, 8 numbers, .*\): db copy copies an inventory only into an empty team database\. Nothing was written\./,
    );
    expect(await dumpTeamDatabase(target)).toBe(before);
  });

  it('refuses a --to that is not a team database URL, and a --from that does not exist', async () => {
    const notUrl = await runCli(['db', 'copy', '--from', file.file, '--to', '/tmp/other.db']);
    expect([notUrl.code, notUrl.stderr]).toEqual([2, 'error: --to must be a team database URL (postgres://...), not "/tmp/other.db"\n']);
    const missing = await runCli(['--json', 'db', 'copy', '--from', '/nonexistent/inventory.db', '--to', target.url]);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
  });
});
