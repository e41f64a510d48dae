// Sweeps from several desktops at once on one team database: every due release and every notice
// happens exactly once (FOR UPDATE SKIP LOCKED batches plus the notices' unique key), and between
// them the sweeps release every due number, no more.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TeamInventory } from '../../electron/core/store/postgres/team-inventory';
import { DAY_MS } from '../../shared/settings';
import { addSgNumbers, ORG_A, T0 } from '../helpers/inventory';
import { freshTeamInventory, type TestTeamInventory } from '../helpers/team-inventory';

let t: TestTeamInventory;
beforeEach(async () => {
  t = await freshTeamInventory();
});
afterEach(() => t.close());

const plus = (days: number) => new Date(Date.parse(T0) + days * DAY_MS).toISOString();

describe('three sweeps at once', () => {
  it('release and notify each due number exactly once, and warn each hold in the lead once', async () => {
    await t.inventory.updateSettings({ partnerSupportEmail: 'support@partner.test' });
    const numbers = [
      ...(await addSgNumbers(t.inventory, 50, 6561230000)),
      ...(await addSgNumbers(t.inventory, 50, 6561231000)),
      ...(await addSgNumbers(t.inventory, 40, 6561232000)),
    ];
    const [reserved, locked, later] = [numbers.slice(0, 60), numbers.slice(60, 100), numbers.slice(100)];
    for (const number of reserved) await t.inventory.act('reserve', { number, orgUuid: ORG_A, remark: 'hold' });
    for (const number of locked) await t.inventory.act('lock', { number, remark: 'check' });
    t.clock.set(plus(5));
    for (const number of later) await t.inventory.act('reserve', { number, orgUuid: ORG_A, remark: 'later' });

    // Due at T0 + 28 days: the first 100; the later 40 end at T0 + 33 days, inside the 7-day lead.
    t.clock.set(plus(28));
    const sweepers = [0, 1, 2].map(() => new TeamInventory(t.database.url, { clock: t.clock, sweepBatchSize: 7 }));
    const reports = await Promise.all(sweepers.map((s) => s.sweepReport()));
    await Promise.all(sweepers.map((s) => s.close()));

    const released = reports.flatMap((r) => r.released.map((x) => x.number)).sort();
    expect(released).toEqual([...reserved, ...locked].sort());
    // Each sweep did part of the work (the batches interleaved), none did it twice.
    expect(reports.filter((r) => r.released.length > 0).length).toBeGreaterThan(1);

    const expires = await t.database.query<{ number: string; n: number }>(
      "SELECT n.number, count(*)::int AS n FROM events e JOIN numbers n ON n.id = e.number_id WHERE e.action = 'expire' GROUP BY n.number",
    );
    expect(expires.map((r) => r.number).sort()).toEqual(released);
    expect(expires.every((r) => r.n === 1)).toBe(true);

    const notices = await t.database.query<{ kind: string; n: number; numbers: number }>(
      'SELECT kind, count(*)::int AS n, count(DISTINCT number)::int AS numbers FROM notifications GROUP BY kind ORDER BY kind',
    );
    expect(notices).toEqual([
      { kind: 'lock-expired', n: 40, numbers: 40 },
      { kind: 'reservation-expired', n: 60, numbers: 60 },
      { kind: 'reservation-warning', n: 40, numbers: 40 },
    ]);
    // Lock expiries email partner support (set) and operator support (not set: no recipient), once each.
    expect(await t.database.query('SELECT recipient_role, status, count(*)::int AS n FROM outbox GROUP BY 1, 2 ORDER BY 1, 2')).toEqual([
      { recipient_role: 'operator-support', status: 'no-recipient', n: 40 },
      { recipient_role: 'partner-support', status: 'queued', n: 40 },
      { recipient_role: 'reserver', status: 'no-recipient', n: 40 },
    ]);
    const summed = reports.flatMap((r) => r.notified).length;
    expect(summed).toBe(140);

    // Nothing more is due: a fourth sweep finds nothing and writes nothing.
    const again = await t.inventory.sweepReport();
    expect([again.released, again.notified]).toEqual([[], []]);
  });
});
