// A release by the expiry sweep is the system's act, recorded as such on its audit event: never as
// the operator whose name is in settings, nor the CLI's --actor, in the CLI sweep and the app's
// timer alike. The operator's own actions keep the operator's name.
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { createBackgroundServices } from '../../electron/core/expiry/service';
import { Inventory } from '../../electron/core/inventory';
import { buildCliOnce, runCli } from '../helpers/cli';
import { plusDays } from '../helpers/expiry';
import { FakeTimers } from '../helpers/fake-timers';
import { addSgNumbers, T0, tempDir } from '../helpers/inventory';

const SYSTEM = 'system (expiry sweep)';
let file: string;
beforeEach(async () => {
  file = path.join(tempDir('ni-actor-'), 'inventory.db');
  // No fixed actor: the operator name in settings is the actor, as in the app.
  const setup = Inventory.open(file, { clock: new ManualClock(T0) });
  try {
    await setup.updateSettings({ operatorName: 'Jane Ops' });
    const [first, second] = await addSgNumbers(setup, 2);
    await setup.act('lock', { number: first, remark: 'hold' });
    await setup.updateSettings({ lockPeriodDays: 10 });
    await setup.act('lock', { number: second, remark: 'short hold' });
  } finally {
    setup.close();
  }
});

function actors(inventory: Inventory): { action: string; actor: string }[] {
  return inventory.db.prepare('SELECT DISTINCT action, actor FROM events ORDER BY action').all() as { action: string; actor: string }[];
}

describe('who the audit trail names for a release by the sweep', () => {
  let inventory: Inventory | undefined;
  afterEach(() => inventory?.close());

  it("the app's timer: the system, not the operator named in settings", async () => {
    const clock = new ManualClock(plusDays(T0, 28));
    inventory = Inventory.open(file, { clock });
    const services = createBackgroundServices({ inventory, timers: new FakeTimers(clock) });
    await services.start();
    services.stop();
    expect(actors(inventory)).toEqual([
      { action: 'add', actor: 'Jane Ops' },
      { action: 'expire', actor: SYSTEM },
      { action: 'lock', actor: 'Jane Ops' },
    ]);
  });

  describe('the CLI', () => {
    beforeAll(() => buildCliOnce(), 180_000);

    it('sweep, with or without --actor: the system', async () => {
      // The short lock is released by a plain sweep, the other by one naming an actor.
      const plain = await runCli(['--json', 'sweep'], { db: file, now: plusDays(T0, 10) });
      expect(plain.code).toBe(0);
      expect(plain.json<{ released: unknown[] }>().released).toHaveLength(1);
      const withActor = await runCli(['--json', '--actor', 'Ann Admin', 'sweep'], { db: file, now: plusDays(T0, 28) });
      expect(withActor.code).toBe(0);
      expect(withActor.json<{ released: unknown[] }>().released).toHaveLength(1);
      inventory = Inventory.open(file);
      expect(actors(inventory)).toEqual([
        { action: 'add', actor: 'Jane Ops' },
        { action: 'expire', actor: SYSTEM },
        { action: 'lock', actor: 'Jane Ops' },
      ]);
    }, 120_000);
  });
});
