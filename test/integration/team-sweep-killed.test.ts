// On a team database: a sweep killed mid-batch (a CLI `sweep` process, SIGKILL while its batches
// commit) loses nothing: what it committed stays, the next sweep finishes the job, and every
// release and every notice (with its emails) happens exactly once. And two clients of one team
// database (two processes, two pools in one process) see each other's changes at once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TeamInventory } from '../../electron/core/store/postgres/team-inventory';
import { DAY_MS } from '../../shared/settings';
import { buildCliOnce, runCli } from '../helpers/cli';
import { addSgNumbers, ORG_A, T0 } from '../helpers/inventory';
import { freshTeamInventory, type TestTeamInventory } from '../helpers/team-inventory';

const CLI_BIN = path.resolve(__dirname, '..', '..', 'electron', 'cli', 'bin.cjs');
const DUE = 3000;
const plus = (days: number) => new Date(Date.parse(T0) + days * DAY_MS).toISOString();

let t: TestTeamInventory;
beforeAll(() => buildCliOnce());
beforeEach(async () => {
  t = await freshTeamInventory();
});
afterEach(() => t.close());

const count = async (sql: string) => (await t.database.query<{ n: number }>(sql))[0].n;

describe('a sweep killed mid-batch', () => {
  it('keeps every committed batch; the next sweep finishes; each release and notice exactly once', async () => {
    await t.inventory.updateSettings({ partnerSupportEmail: 'support@partner.test', operatorSupportEmail: 'support@b3.test' });
    await t.database.query(
      `INSERT INTO numbers (number, country, vendor, sku, state, expires_at, created_at, updated_at)
       SELECT '+6562' || lpad(i::text, 6, '0'), 'SG', 'Singtel', 'SG-DID', 'locked', $1, $2, $2 FROM generate_series(0, $3 - 1) i`,
      [plus(28), T0, DUE],
    );
    const child = spawn(process.execPath, [CLI_BIN, 'sweep'], {
      env: { ...process.env, NUMBER_INVENTORY_DB: t.database.url, NUMBER_INVENTORY_NOW: plus(28) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed as soon as its first batch has committed, while the next ones are being written.
    let released = 0;
    while (released === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      released = await count("SELECT count(*)::int AS n FROM events WHERE action = 'expire'");
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const committed = await count("SELECT count(*)::int AS n FROM events WHERE action = 'expire'");
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(DUE);
    // What it committed is whole: each released number has its event and its notice with both emails.
    expect(await count("SELECT count(*)::int AS n FROM numbers WHERE state = 'available'")).toBe(committed);
    expect(await count("SELECT count(*)::int AS n FROM notifications WHERE kind = 'lock-expired'")).toBe(committed);
    expect(await count('SELECT count(*)::int AS n FROM outbox')).toBe(2 * committed);

    t.clock.set(plus(28));
    const rest = await t.inventory.sweepReport();
    expect(rest.released).toHaveLength(DUE - committed);
    expect(await count("SELECT count(*)::int AS n FROM numbers WHERE state = 'available'")).toBe(DUE);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT number_id FROM events WHERE action = 'expire' GROUP BY number_id HAVING count(*) = 1) once`,
      ),
    ).toBe(DUE);
    expect(await count("SELECT count(*)::int AS n FROM events WHERE action = 'expire'")).toBe(DUE);
    expect(await count(`SELECT count(DISTINCT number)::int AS n FROM notifications WHERE kind = 'lock-expired'`)).toBe(DUE);
    expect(await count(`SELECT count(*)::int AS n FROM notifications`)).toBe(DUE);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT notification_id, recipient_role FROM outbox GROUP BY 1, 2 HAVING count(*) = 1) once`,
      ),
    ).toBe(2 * DUE);
    expect(await count('SELECT count(*)::int AS n FROM outbox')).toBe(2 * DUE);
    const again = await t.inventory.sweepReport();
    expect([again.released, again.notified]).toEqual([[], []]);
  }, 120_000);
});

describe('two clients of one team database', () => {
  it('two pools in one process: each sees the other\u2019s changes at once, and a stale view is refused', async () => {
    const other = new TeamInventory(t.database.url, { clock: t.clock, actor: 'bob' });
    try {
      const [n] = await addSgNumbers(t.inventory, 1);
      const seen = await other.show(n);
      expect(seen.state).toBe('available');
      await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'for Acme' });
      expect((await other.show(n)).state).toBe('reserved');
      await other.saveOrganization({ uuid: ORG_A, name: 'Acme', type: 'customer' });
      expect((await t.inventory.organizations()).map((o) => o.name)).toEqual(['Acme']);
      await other.updateSettings({ lowStockThreshold: 5 });
      expect((await t.inventory.settingsView()).lowStockThreshold).toBe(5);
      // Bob acts on the number as he saw it before the reservation: refused, nothing written.
      await expect(other.act('lock', { number: n, remark: 'check', expectedVersion: seen.version })).rejects.toMatchObject({
        code: 'STALE_VERSION',
      });
      expect((await t.inventory.show(n)).history.map((e) => `${e.actor} ${e.action}`)).toEqual(['tester add', 'tester reserve']);
    } finally {
      await other.close();
    }
  });

  it('two processes: the CLI\u2019s change is seen here, and this one\u2019s by the CLI', async () => {
    const added = await runCli(['add', '+6561234567', '--vendor', 'Singtel', '--country', 'SG', '--sku', 'SG-DID'], {
      db: t.database.url,
      now: T0,
    });
    expect([added.code, added.stderr]).toEqual([0, '']);
    expect((await t.inventory.show('+6561234567')).state).toBe('available');
    await t.inventory.act('lock', { number: '+6561234567', remark: 'check' });
    const shown = await runCli(['--json', 'show', '+6561234567'], { db: t.database.url, now: T0 });
    expect(shown.json<{ state: string }>().state).toBe('locked');
  });
});
