// Run in a child process with TZ set (see timer-timezones.test.ts): locks and reservations made
// just before a DST change, driven through the real wake loop with a manual clock and fake timers.
// Prints one JSON line: the zone in effect and every deadline, warning and release instant.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../electron/core/clock';
import { createBackgroundServices } from '../../electron/core/expiry/service';
import { Inventory } from '../../electron/core/inventory';
import { FakeTimers } from '../helpers/fake-timers';

async function scenario(start: string, until: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ni-dst-'));
  const clock = new ManualClock(start);
  const inventory = Inventory.open(path.join(dir, 'inventory.db'), { clock, actor: 'dst' });
  try {
    await inventory.add({ numbers: '+6561230000,+6561230001', vendor: 'V', country: 'SG', sku: 'S' });
    const lock = await inventory.act('lock', { number: '+6561230000', remark: 'dst' });
    const reserve = await inventory.act('reserve', {
      number: '+6561230001',
      orgUuid: '11111111-1111-4111-8111-111111111111',
      remark: 'dst',
    });
    const timers = new FakeTimers(clock);
    const events: string[] = [];
    const services = createBackgroundServices({
      inventory,
      timers,
      onSwept: (r) => {
        for (const x of r.released) events.push(`${r.at} released ${x.number}`);
        for (const x of r.notified) events.push(`${r.at} ${x.kind} ${x.number} ${x.deadline}`);
      },
    });
    await services.start();
    await timers.advanceTo(Date.parse(until), async () => {
      await services.expiry.idle();
      await services.delivery.idle();
    });
    services.stop();
    return { lockExpiresAt: lock.expiresAt, reservationExpiresAt: reserve.expiresAt, events, maxDelay: Math.max(...timers.delays) };
  } finally {
    inventory.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const offsets = [
    new Date('2026-01-15T12:00:00Z'),
    new Date('2026-07-15T12:00:00Z'),
    new Date('2018-10-15T12:00:00Z'),
    new Date('2018-12-15T12:00:00Z'),
  ].map((d) => d.getTimezoneOffset());
  const result = {
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsets,
    // Berlin springs forward 2026-03-29 01:00 UTC and falls back 2026-10-25 01:00 UTC.
    berlinSpring: await scenario('2026-03-20T09:00:00.000Z', '2026-04-20T00:00:00.000Z'),
    berlinAutumn: await scenario('2026-10-20T23:30:00.000Z', '2026-11-20T00:00:00.000Z'),
    // Sao Paulo last sprang forward 2018-11-04 03:00 UTC.
    saoPauloSpring: await scenario('2018-10-30T02:30:00.000Z', '2018-12-01T00:00:00.000Z'),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
