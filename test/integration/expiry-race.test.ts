// An operator acting on a number while the sweep releases it: whatever the order, each number ends
// with exactly one outcome (released by the sweep with its notice, or the operator's change), never
// both, and no notice for a number the sweep did not release.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sweepWithNotices } from '../../electron/core/expiry/sweep';
import { Inventory } from '../../electron/core/inventory';
import { isInventoryError } from '../../shared/errors';
import { buildCliOnce, runCli } from '../helpers/cli';
import { addSgNumbers, DID_1, freshInventory, ORG_A, T0, type TestInventory } from '../helpers/inventory';
import { noticeDump, plusDays } from '../helpers/expiry';

let t: TestInventory;
beforeEach(() => {
  t = freshInventory();
});
afterEach(() => t.close());

function outcomes(db: Inventory['db']) {
  return db
    .prepare(
      `SELECT n.number, n.state, group_concat(e.action, ',') AS actions FROM numbers n JOIN events e ON e.number_id = n.id
       WHERE e.action NOT IN ('add', 'lock', 'reserve') GROUP BY n.id ORDER BY n.number`,
    )
    .all() as { number: string; state: string; actions: string }[];
}

describe('an operator action racing the sweep', () => {
  it('two connections, the sweep in small batches interleaved with unlocks and extends: each number one outcome', async () => {
    const numbers = await addSgNumbers(t.inventory, 40);
    for (const n of numbers.slice(0, 20)) await t.inventory.act('lock', { number: n, remark: 'x' });
    for (const n of numbers.slice(20)) await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'x' });
    t.clock.set(plusDays(T0, 28));
    const operator = Inventory.open(t.file, { clock: t.clock, actor: 'operator' });
    try {
      const operatorWork = (async () => {
        for (let i = 0; i < numbers.length; i++) {
          const n = numbers[(i * 7) % numbers.length];
          try {
            if (i % 2 === 0 && numbers.indexOf(n) < 20) await operator.act('unlock', { number: n, remark: 'race' });
            else await operator.act('extend', { number: n, didReservationUuid: DID_1, paidUntil: plusDays(T0, 90) });
          } catch (error) {
            // Losing the race is a typed refusal: the number was already released (or is not that state).
            if (!isInventoryError(error) || error.code !== 'ILLEGAL_TRANSITION') throw error;
          }
          await new Promise((r) => setImmediate(r));
        }
      })();
      const report = await sweepWithNotices(t.inventory.context, t.clock.now().toISOString(), 3);
      await operatorWork;

      const released = new Set(report.released.map((r) => r.number));
      for (const row of outcomes(t.inventory.db)) {
        const actions = row.actions.split(',');
        expect(actions, row.number).toHaveLength(1);
        if (actions[0] === 'expire') expect(released.has(row.number)).toBe(true);
        else expect(released.has(row.number)).toBe(false);
      }
      const noticed = noticeDump(t.inventory.db).filter((x) => x.kind.endsWith('expired'));
      expect(noticed.map((x) => x.number).sort()).toEqual([...released].sort());
      // Both sides really acted, so the race was run, not one side alone.
      expect(released.size).toBeGreaterThan(0);
      expect(outcomes(t.inventory.db).some((r) => r.actions !== 'expire')).toBe(true);
      // Everything due was dealt with by one side or the other.
      expect(await t.inventory.sweepReport()).toMatchObject({ released: [] });
    } finally {
      operator.close();
    }
  });
});

describe('the CLI sweep in another process while the app unlocks', () => {
  beforeAll(() => buildCliOnce());

  it('no number is both released and unlocked; every expiry notice belongs to a release', async () => {
    const numbers = [...(await addSgNumbers(t.inventory, 50)), ...(await addSgNumbers(t.inventory, 10, 6561240000))];
    for (const n of numbers) await t.inventory.act('lock', { number: n, remark: 'x' });
    const due = plusDays(T0, 29);
    t.clock.set(due);
    const child = runCli(['--json', 'sweep'], { db: t.file, now: due });
    let childDone = false;
    void child.then(() => (childDone = true));
    const unlocked: string[] = [];
    for (const n of [...numbers].reverse()) {
      if (childDone) break;
      try {
        await t.inventory.act('unlock', { number: n, remark: 'race' });
        unlocked.push(n);
      } catch (error) {
        if (!isInventoryError(error) || error.code !== 'ILLEGAL_TRANSITION') throw error;
      }
      // Paced to span the child's run; the interleaving varies with load, the invariants must hold for any.
      await new Promise((r) => setTimeout(r, 40));
    }
    const run = await child;
    expect(run.code).toBe(0);
    const released = run.json<{ released: { number: string }[] }>().released.map((r) => r.number);
    expect(released.filter((n) => unlocked.includes(n))).toEqual([]);
    // Whatever neither side reached is released by the next sweep; then all 60 are Available.
    const rest = (await t.inventory.sweepReport()).released.map((r) => r.number);
    expect([...released, ...unlocked, ...rest].sort()).toEqual([...numbers].sort());
    expect(
      noticeDump(t.inventory.db)
        .map((x) => x.number)
        .sort(),
    ).toEqual([...released, ...rest].sort());
    expect((await t.inventory.counts()).available).toBe(60);
  }, 120_000);
});
