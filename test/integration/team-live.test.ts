// Live changes between clients of one team database: what one client does, the other hears within
// about two seconds (LISTEN/NOTIFY wakes its change feed); a change made while its feed's
// connection was down arrives once it is back; a transaction that took its change id first and
// committed last is not skipped; a client does not hear its own changes back (it announced them).
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TeamInventory } from '../../electron/core/store/postgres/team-inventory';
import type { ChangeEvent } from '../../shared/contract';
import { addSgNumbers, ORG_A } from '../helpers/inventory';
import { freshTeamInventory, type TestTeamInventory } from '../helpers/team-inventory';

let t: TestTeamInventory;
let other: TeamInventory;
const stops: (() => void)[] = [];

beforeEach(async () => {
  t = await freshTeamInventory();
  other = new TeamInventory(t.database.url, { clock: t.clock, actor: 'other desktop' });
});
afterEach(async () => {
  stops.splice(0).forEach((stop) => stop());
  await other.close();
  await t.close();
});

/** Starts watching `inventory`; answers what it heard and whether it could reach the server, as they come. */
function watch(inventory: TeamInventory): { events: ChangeEvent[]; reachable: boolean[] } {
  const heard = { events: [] as ChangeEvent[], reachable: [] as boolean[] };
  stops.push(
    inventory.watchChanges(
      (event) => heard.events.push(event),
      (reachable) => heard.reachable.push(reachable),
    ),
  );
  return heard;
}

async function until(condition: () => boolean, withinMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

const heardNumber = (events: ChangeEvent[], number: string) => events.some((e) => e.scope === 'numbers' && e.numbers?.includes(number));

describe('live changes on a team database', () => {
  it("one client's action reaches the other within two seconds, with the number and its states; not its own feed", async () => {
    const [number] = await addSgNumbers(t.inventory, 1);
    const mine = watch(t.inventory);
    const theirs = watch(other);
    await until(() => mine.reachable.includes(true) && theirs.reachable.includes(true), 5000, 'both feeds connected');

    await t.inventory.act('reserve', { number, orgUuid: ORG_A, remark: 'for a customer' });
    const took = await until(() => heardNumber(theirs.events, number), 2000, 'the other client hears the reservation');
    expect(took).toBeLessThan(2000);
    expect(theirs.events.find((e) => e.numbers?.includes(number))).toEqual({
      scope: 'numbers',
      numbers: [number],
      states: expect.arrayContaining(['available', 'reserved']),
    });

    // And the other way round, as any desktop does it.
    await other.act('release', { number, remark: 'not needed' });
    await until(() => mine.events.some((e) => e.states?.includes('reserved')), 2000, 'the first client hears the release');
    expect(mine.events.filter((e) => e.scope === 'numbers')).toHaveLength(1);
    expect(theirs.events.filter((e) => e.scope === 'numbers')).toHaveLength(1);
  });

  it('a change made while the feed was cut off arrives once it reconnects', async () => {
    const [number] = await addSgNumbers(t.inventory, 1);
    const theirs = watch(other);
    await until(() => theirs.reachable.includes(true), 5000, 'feed connected');
    await t.database.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE '%(change feed)'`);
    await until(() => theirs.reachable.includes(false), 2000, 'the feed notices it is cut off');
    // Made while the feed is away: no NOTIFY reaches it.
    await t.inventory.act('lock', { number, remark: 'held' });
    await until(() => heardNumber(theirs.events, number), 5000, 'the missed change after the reconnect');
    expect(theirs.reachable).toEqual([true, false, true]);
  });

  it('a transaction that took its change id first and committed last is not skipped', async () => {
    const [number] = await addSgNumbers(t.inventory, 1);
    const theirs = watch(other);
    await until(() => theirs.reachable.includes(true), 5000, 'feed connected');
    const slow = new pg.Client({ connectionString: t.database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO settings (key, value) VALUES ('operatorName', '"Slow"') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      );
      // A later change id, committed first and read by the feed.
      await t.inventory.act('lock', { number, remark: 'held' });
      await until(() => heardNumber(theirs.events, number), 2000, 'the later change');
      await slow.query('COMMIT');
      await until(() => theirs.events.some((e) => e.scope === 'settings'), 2000, 'the earlier id, committed last');
    } finally {
      await slow.end();
    }
  });
});
