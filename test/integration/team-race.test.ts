// Many desktops, one truth: eight CLI processes racing for one number on a team database give one
// winner and seven typed refusals (the number changed meanwhile, or is no longer available),
// never a deadlock, a hang or a driver error; and "now" is the server's clock unless fixed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, overlapped, runCli } from '../helpers/cli';
import { ORG_A, ORG_B, T0 } from '../helpers/inventory';
import { freshPgDatabase, type PgTestDatabase } from '../helpers/pg-database';
import { DAY_MS } from '../../shared/settings';

let database: PgTestDatabase;
beforeAll(async () => {
  buildCliOnce();
  database = await freshPgDatabase();
  const migrated = await runCli(['db', 'migrate'], { db: database.url });
  expect(migrated.code).toBe(0);
});
afterAll(() => database.drop());

const add = (number: string, now?: string) =>
  runCli(['add', number, '--vendor', 'Singtel', '--country', 'SG', '--sku', 'SG-DID'], { db: database.url, ...(now ? { now } : {}) });

describe('eight processes racing for one number', () => {
  it('one reserves it; the seven others are refused with a typed reason and nothing of theirs is written', async () => {
    expect((await add('+6561234567', T0)).code).toBe(0);
    const orgs = Array.from({ length: 8 }, (_, i) => (i % 2 ? ORG_A : ORG_B));
    const runs = await Promise.all(
      orgs.map((org, i) =>
        runCli(['--json', '--actor', `desk ${i}`, 'reserve', '+6561234567', '--org', org, '--remark', `desk ${i}`], {
          db: database.url,
          now: T0,
        }),
      ),
    );
    expect(overlapped(...runs)).toBe(true);
    const winners = runs.filter((r) => r.code === 0);
    const losers = runs.filter((r) => r.code !== 0);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => r.code)).toEqual(Array(7).fill(1));
    for (const loser of losers) {
      const { error } = loser.json<{ error: { code: string; message: string } }>();
      expect(['STALE_VERSION', 'ILLEGAL_TRANSITION']).toContain(error.code);
      expect(error.message).toContain('+6561234567');
    }
    const events = await database.query<{ action: string; actor: string }>(
      "SELECT e.action, e.actor FROM events e JOIN numbers n ON n.id = e.number_id WHERE n.number = '+6561234567' ORDER BY e.id",
    );
    const winner = winners[0].json<{ history: { actor: string }[] }>();
    expect(events.map((e) => e.action)).toEqual(['add', 'reserve']);
    expect(events[1].actor).toBe(winner.history.at(-1)?.actor);
    expect(await database.query("SELECT state, version FROM numbers WHERE number = '+6561234567'")).toEqual([
      { state: 'reserved', version: 2 },
    ]);
  });
});

describe('time on a team database', () => {
  it("takes the server's clock for deadlines when NUMBER_INVENTORY_NOW is unset", async () => {
    expect((await add('+6561230001')).code).toBe(0);
    const [{ before }] = await database.query<{ before: Date }>('SELECT now() AS before');
    const run = await runCli(['--json', 'lock', '+6561230001', '--remark', 'check'], { db: database.url });
    const [{ after }] = await database.query<{ after: Date }>('SELECT now() AS after');
    expect(run.code).toBe(0);
    const number = run.json<{ updatedAt: string; expiresAt: string }>();
    const updated = Date.parse(number.updatedAt);
    expect(updated).toBeGreaterThanOrEqual(before.getTime());
    expect(updated).toBeLessThanOrEqual(after.getTime());
    expect(Date.parse(number.expiresAt) - updated).toBe(28 * DAY_MS);
  });

  it('keeps NUMBER_INVENTORY_NOW as the clock when it is set', async () => {
    expect((await add('+6561230002', '2030-06-01T12:00:00.000Z')).code).toBe(0);
    const run = await runCli(['--json', 'lock', '+6561230002', '--remark', 'fixed'], { db: database.url, now: '2030-06-01T12:00:00.000Z' });
    expect(run.json<{ expiresAt: string }>().expiresAt).toBe('2030-06-29T12:00:00.000Z');
  });
});
