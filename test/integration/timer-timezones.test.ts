// Deadlines are UTC instants: the same in Berlin and Sao Paulo, across DST changes. The scenario
// runs in child processes started with TZ set (TZ is read when a process starts, so setting it here
// would not reliably take effect), and each child proves its zone is really in force.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../electron/tools/bundle-node.cjs';
import { tempDir } from '../helpers/inventory';

let dir: string;
let bundle: string;
beforeAll(() => {
  dir = tempDir('ni-tz-');
  bundle = path.join(dir, 'scenario.cjs');
  bundleForNode(path.join(__dirname, 'timer-dst-scenario.ts'), bundle);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function runIn(tz: string) {
  const out = execFileSync(process.execPath, [bundle], {
    // The bundle lives in a temp folder: resolve better-sqlite3 and the other packages from the project.
    env: { ...process.env, TZ: tz, NODE_PATH: path.resolve(__dirname, '..', '..', 'node_modules') },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) as string);
}

const expected = {
  berlinSpring: {
    lockExpiresAt: '2026-04-17T09:00:00.000Z',
    reservationExpiresAt: '2026-04-17T09:00:00.000Z',
    events: [
      '2026-04-10T09:00:00.000Z lock-warning +6561230000 2026-04-17T09:00:00.000Z',
      '2026-04-10T09:00:00.000Z reservation-warning +6561230001 2026-04-17T09:00:00.000Z',
      '2026-04-17T09:00:00.000Z released +6561230000',
      '2026-04-17T09:00:00.000Z released +6561230001',
      '2026-04-17T09:00:00.000Z lock-expired +6561230000 2026-04-17T09:00:00.000Z',
      '2026-04-17T09:00:00.000Z reservation-expired +6561230001 2026-04-17T09:00:00.000Z',
    ],
  },
  berlinAutumn: { lockExpiresAt: '2026-11-17T23:30:00.000Z' },
  saoPauloSpring: { lockExpiresAt: '2018-11-27T02:30:00.000Z' },
};

describe('deadlines and timer instants do not move with the machine time zone', () => {
  const zones = ['Europe/Berlin', 'America/Sao_Paulo'];
  const results: Record<string, ReturnType<typeof runIn>> = {};
  // Each scenario runs once, before any test, so the tests read the same results in any order.
  beforeAll(() => {
    for (const tz of zones) results[tz] = runIn(tz);
  });

  it.each(zones)('runs the DST scenario under TZ=%s', (tz) => {
    const result = results[tz];
    expect(result.zone).toBe(tz);
    expect(result).toMatchObject(expected);
    expect(result.berlinAutumn.events).toContain('2026-11-17T23:30:00.000Z released +6561230000');
    expect(result.saoPauloSpring.events).toContain('2018-11-20T02:30:00.000Z lock-warning +6561230000 2018-11-27T02:30:00.000Z');
    for (const s of ['berlinSpring', 'berlinAutumn', 'saoPauloSpring']) expect(result[s].maxDelay).toBeLessThanOrEqual(60 * 60 * 1000);
  });

  it('the zones were really in force (their UTC offsets differ) and every result is identical', () => {
    expect(results['Europe/Berlin'].offsets).toEqual([-60, -120, -120, -60]);
    expect(results['America/Sao_Paulo'].offsets).toEqual([180, 180, 180, 120]);
    const strip = (r: Record<string, unknown>) => ({ ...r, zone: undefined, offsets: undefined });
    expect(strip(results['Europe/Berlin'])).toEqual(strip(results['America/Sao_Paulo']));
  });
});
