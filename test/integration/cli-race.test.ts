// Two real CLI processes racing for one number: exactly one wins, the other is refused with the
// stale/illegal error, and the history holds exactly one winning event.
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Inventory } from '../../electron/core/inventory';
import { ManualClock } from '../../electron/core/clock';
import type { NumberDetail } from '../../shared/domain';
import { buildCliOnce, overlapped, runCli, type CliRun } from '../helpers/cli';
import { ORG_A, ORG_B, T0, tempDir } from '../helpers/inventory';

let dir: string;
let db: string;
const NUMBERS = ['+6561230000', '+6561230001', '+6561230002', '+6561230003', '+6561230004'];

beforeAll(async () => {
  buildCliOnce();
  dir = tempDir('ni-race-');
  db = path.join(dir, 'inventory.db');
  const inventory = Inventory.open(db, { clock: new ManualClock(T0), actor: 'setup' });
  await inventory.add({ numbers: NUMBERS.join(','), vendor: 'Singtel', country: 'SG', sku: 'SG-DID' });
  inventory.close();
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const errorCode = (run: CliRun) => run.json<{ error: { code: string } }>().error.code;

describe('two CLI processes racing for one number', () => {
  it('reserve against reserve for different orgs: exactly one wins, every time', async () => {
    for (const number of NUMBERS.slice(0, 4)) {
      const [a, b] = await Promise.all([
        runCli(['--json', '--actor', 'proc-a', 'reserve', number, '--org', ORG_A, '--remark', 'race A'], { db, now: T0 }),
        runCli(['--json', '--actor', 'proc-b', 'reserve', number, '--org', ORG_B, '--remark', 'race B'], { db, now: T0 }),
      ]);
      expect(overlapped(a, b), 'the two processes ran at the same time').toBe(true);
      const codes = [a.code, b.code].sort();
      expect(codes, `${number}: a=${a.stdout}${a.stderr} b=${b.stdout}${b.stderr}`).toEqual([0, 1]);
      const [winner, loser] = a.code === 0 ? [a, b] : [b, a];
      expect(['ILLEGAL_TRANSITION', 'STALE_VERSION']).toContain(errorCode(loser));
      const shown = (await runCli(['--json', 'show', number], { db, now: T0 })).json<NumberDetail>();
      const reserves = shown.history.filter((e) => e.action === 'reserve');
      expect(reserves).toHaveLength(1);
      expect(shown.reservation?.orgUuid).toBe(winner.json<NumberDetail>().reservation?.orgUuid);
      expect(reserves[0].actor).toBe(winner === a ? 'proc-a' : 'proc-b');
    }
  }, 180_000);

  it('reserve against lock: one wins and the number carries only its event', async () => {
    const number = NUMBERS[4];
    const [reserve, lock] = await Promise.all([
      runCli(['--json', 'reserve', number, '--org', ORG_A, '--remark', 'race'], { db, now: T0 }),
      runCli(['--json', 'lock', number, '--remark', 'race'], { db, now: T0 }),
    ]);
    expect(overlapped(reserve, lock), 'the two processes ran at the same time').toBe(true);
    expect([reserve.code, lock.code].sort()).toEqual([0, 1]);
    const loser = reserve.code === 0 ? lock : reserve;
    expect(['ILLEGAL_TRANSITION', 'STALE_VERSION']).toContain(errorCode(loser));
    const shown = (await runCli(['--json', 'show', number], { db, now: T0 })).json<NumberDetail>();
    expect(shown.history.map((e) => e.action)).toEqual(['add', reserve.code === 0 ? 'reserve' : 'lock']);
  }, 180_000);
});
