// An operator acting on a number while the sweep releases it: whatever the order, each number ends
// with exactly one outcome (released by the sweep with its notice, or the operator's change), never
// both, and no notice for a number the sweep did not release. Then operators and sweepers in
// separate processes on one fixed clock, holding and releasing the same numbers again and again to
// the same deadlines: every release has exactly one expiry notice, every hold at most one warning.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../electron/tools/bundle-node.cjs';
import { sweepWithNotices } from '../../electron/core/expiry/sweep';
import { Inventory } from '../../electron/core/inventory';
import { isInventoryError } from '../../shared/errors';
import {
  addSgNumbers,
  DID_1,
  freshInventory,
  ORG_A,
  ORG_B,
  ORG_C,
  SUB_1,
  SUB_2,
  T0,
  tempDir,
  type TestInventory,
} from '../helpers/inventory';
import { noticeDump, plusDays } from '../helpers/expiry';

const ORG_D = '88888888-8888-4888-8888-888888888888';
const SUBSCRIPTIONS = [SUB_1, SUB_2, '99999999-9999-4999-8999-999999999999', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'];

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
      const noticed = (await noticeDump(t.inventory.db)).filter((x) => x.kind.endsWith('expired'));
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

describe('operators and sweepers in separate processes, on one fixed clock', () => {
  let dir: string;
  let bundle: string;
  beforeAll(() => {
    dir = tempDir('ni-race-proc-');
    bundle = path.join(dir, 'race.cjs');
    bundleForNode(path.join(__dirname, 'expiry-race-process.ts'), bundle);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('every release has exactly one expiry notice, every warned hold exactly one warning, every hold in force its warning', async () => {
    // A lead longer than any hold here: every hold is inside it from the start.
    await t.inventory.updateSettings({ warningLeadDays: 30, partnerSupportEmail: 'support@partner.test' });
    const numbers = await addSgNumbers(t.inventory, 16);
    const now = T0;
    const operators = [ORG_A, ORG_B, ORG_C, ORG_D].map((org, i) =>
      startRaceProcess(bundle, {
        role: 'operator',
        db: t.file,
        now,
        numbers,
        org,
        subscription: SUBSCRIPTIONS[i],
        steps: 50,
        offset: i * 5,
      }),
    );
    const sweepers = [0, 1].map(() => startRaceProcess(bundle, { role: 'sweeper', db: t.file, now, numbers }));
    const all = [...operators, ...sweepers];
    await Promise.all(all.map((p) => p.ready));
    for (const p of all) p.say('go');
    const operated = await Promise.all(operators.map((p) => p.done));
    for (const p of sweepers) p.say('stop');
    const swept = await Promise.all(sweepers.map((p) => p.done));
    const runs = [...operated, ...swept];

    // They really ran at the same time: some instant lies inside every process's run.
    expect(Math.max(...runs.map((r) => r.start))).toBeLessThan(Math.min(...runs.map((r) => r.end)));
    for (const r of operated) expect(r.acted, 'each operator acted').toBeGreaterThan(20);
    expect(
      swept.reduce((sum, r) => sum + (r.released ?? 0), 0),
      'the sweepers released numbers while the operators acted',
    ).toBeGreaterThan(0);
    // What was still due or unwarned when the sweepers stopped.
    const last = await sweepWithNotices(t.inventory.context, now);

    const db = t.inventory.db;
    // Every release has its expiry notice, number by number.
    const releasesPerNumber = db
      .prepare(
        `SELECT n.number, count(*) AS c FROM events e JOIN numbers n ON n.id = e.number_id WHERE e.action = 'expire' GROUP BY n.number ORDER BY n.number`,
      )
      .all() as { number: string; c: number }[];
    const expiryNoticesPerNumber = db
      .prepare(
        `SELECT number, count(*) AS c FROM notifications WHERE kind IN ('reservation-expired', 'lock-expired') GROUP BY number ORDER BY number`,
      )
      .all();
    expect(expiryNoticesPerNumber).toEqual(releasesPerNumber);
    expect(swept.reduce((sum, r) => sum + (r.released ?? 0), 0) + last.released.length).toBe(
      releasesPerNumber.reduce((sum, r) => sum + r.c, 0),
    );
    // The case that once went unnoticed happened: one number released twice at the same deadline.
    const sameDeadlineTwice = db
      .prepare(
        `SELECT number_id FROM events WHERE action = 'expire' GROUP BY number_id, json_extract(details, '$.dueAt') HAVING count(*) > 1`,
      )
      .all();
    expect(sameDeadlineTwice.length).toBeGreaterThan(0);

    // Each release's notice belongs to the hold it ended (the number's event just before the release), by the system.
    const releases = db
      .prepare(
        `SELECT r.actor, r.from_state, (SELECT to_state FROM events h WHERE h.id = r.hold) AS held,
                (SELECT count(*) FROM notifications t WHERE t.hold_event_id = r.hold
                   AND t.kind = CASE r.from_state WHEN 'reserved' THEN 'reservation-expired' ELSE 'lock-expired' END) AS notices
         FROM (SELECT e.actor, e.from_state, (SELECT max(p.id) FROM events p WHERE p.number_id = e.number_id AND p.id < e.id) AS hold
               FROM events e WHERE e.action = 'expire') r`,
      )
      .all() as { actor: string; from_state: string; held: string; notices: number }[];
    expect(releases.filter((r) => r.notices !== 1 || r.held !== r.from_state || r.actor !== 'system (expiry sweep)')).toEqual([]);

    // At most one warning per hold, each about the hold's own number, state and deadline.
    const warnings = db
      .prepare(
        `SELECT t.hold_event_id AS hold, count(*) AS c, min(t.number = n.number AND t.state = h.to_state
                  AND t.deadline = json_extract(h.details, '$.expiresAt')) AS matches
         FROM notifications t LEFT JOIN events h ON h.id = t.hold_event_id LEFT JOIN numbers n ON n.id = h.number_id
         WHERE t.kind IN ('reservation-warning', 'lock-warning') GROUP BY t.hold_event_id`,
      )
      .all() as { hold: number | null; c: number; matches: number }[];
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.filter((w) => w.hold === null || w.c !== 1 || w.matches !== 1)).toEqual([]);
    // Holds ending at the same deadline as an earlier hold of the number were warned too.
    const warnedSameDeadlineTwice = db
      .prepare(
        `SELECT number FROM notifications WHERE kind IN ('reservation-warning', 'lock-warning') GROUP BY number, kind, deadline HAVING count(*) > 1`,
      )
      .all();
    expect(warnedSameDeadlineTwice.length).toBeGreaterThan(0);

    // Every hold still in force (each number's latest event, if it holds) has its warning; none is overdue.
    const inForce = db
      .prepare(
        `SELECT n.number, n.expires_at, (SELECT count(*) FROM notifications t WHERE t.hold_event_id =
                  (SELECT max(e.id) FROM events e WHERE e.number_id = n.id) AND t.kind IN ('reservation-warning', 'lock-warning')) AS warned
         FROM numbers n WHERE n.state IN ('reserved', 'locked')`,
      )
      .all() as { number: string; expires_at: string; warned: number }[];
    expect(inForce.filter((h) => h.warned !== 1 || h.expires_at <= now)).toEqual([]);
  }, 180_000);
});

interface RaceRun {
  start: number;
  end: number;
  acted?: number;
  released?: number;
}

/** Starts one race process; `ready` when it has opened the database, `done` with its report when it exits. */
function startRaceProcess(bundle: string, options: Record<string, unknown>) {
  const child = spawn(process.execPath, [bundle, JSON.stringify(options)], {
    // The bundle lives in a temp folder: resolve better-sqlite3 and the other packages from the project.
    env: { ...process.env, NODE_PATH: path.resolve(__dirname, '..', '..', 'node_modules') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<RaceRun>((resolve, reject) =>
    child.on('close', (code) => {
      markReady();
      if (code !== 0) return reject(new Error(`race process failed (exit ${code}):\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1) as string) as RaceRun);
    }),
  );
  return { ready, done, say: (word: string) => child.stdin.write(`${word}\n`) };
}
