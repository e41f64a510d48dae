// One process of the expiry race (see expiry-race.test.ts), bundled and started several times on
// one database with one fixed clock: an operator acting on the shared numbers, or a sweeper sweeping
// until told to stop. It prints "ready", waits for "go" on stdin, and ends by printing one JSON line
// with the wall-clock instants of its first and last act, so the test can prove the processes
// overlapped. A refusal for losing a race (the number changed state) is expected and counted; any
// other error fails the process.
import readline from 'node:readline';
import { fixedClock } from '../../electron/core/clock';
import { sweepWithNotices } from '../../electron/core/expiry/sweep';
import { Inventory } from '../../electron/core/inventory';
import { isInventoryError } from '../../shared/errors';
import type { NumberDetail } from '../../shared/domain';

interface Options {
  role: 'operator' | 'sweeper';
  db: string;
  now: string;
  numbers: string[];
  /** The operator's organization and subscription; how many steps it takes; where it starts. */
  org?: string;
  subscription?: string;
  steps?: number;
  offset?: number;
}

// Losing a race (the number changed since it was read), or assigning a number another operator's org holds.
const LOST_RACE = new Set(['ILLEGAL_TRANSITION', 'STALE_VERSION', 'ORG_MISMATCH']);
const DAY_MS = 24 * 60 * 60 * 1000;
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

async function main() {
  const options = JSON.parse(process.argv[2]) as Options;
  const lines = readline.createInterface({ input: process.stdin });
  const said = new Set<string>();
  const heard = (word: string) =>
    new Promise<void>((resolve) => (said.has(word) ? resolve() : lines.on('line', (l) => l === word && resolve())));
  lines.on('line', (line) => said.add(line));
  const inventory = Inventory.open(options.db, { clock: fixedClock(options.now), actor: `${options.role} ${process.pid}` });
  process.stdout.write('ready\n');
  await heard('go');
  const start = Date.now();
  const result = options.role === 'operator' ? await operate(inventory, options) : await sweep(inventory, options, heard('stop'));
  const end = Date.now();
  inventory.close();
  lines.close();
  process.stdout.write(`${JSON.stringify({ role: options.role, pid: process.pid, start, end, ...result })}\n`);
}

/** The next move on a number as this operator finds it: every move starts or ends a hold. */
async function step(inventory: Inventory, o: Options, number: string, i: number): Promise<string> {
  const shown: NumberDetail = await inventory.show(number);
  const aDayAgo = new Date(Date.parse(o.now) - DAY_MS).toISOString();
  const inTwoDays = new Date(Date.parse(o.now) + 2 * DAY_MS).toISOString();
  const expected = { number, expectedVersion: shown.version };
  switch (shown.state) {
    case 'available':
      if (i % 3 === 0) return (await inventory.act('lock', { ...expected, remark: 'race' }), 'lock');
      return (
        await inventory.act('assign', { ...expected, subscriptionUuid: o.subscription as string, ownerUuid: o.org as string }),
        'assign'
      );
    case 'assigned':
      // Swapped out a day ago: a one-day hold that ends now, due at once. Otherwise a day from now, inside the lead.
      if (i % 2 === 0) return (await inventory.act('swapped-out', { ...expected, at: aDayAgo }), 'swapped-out (due)');
      return (await inventory.act('swapped-out', { ...expected }), 'swapped-out');
    case 'reserved':
      if (i % 4 === 1 && (shown.expiresAt ?? '') < inTwoDays)
        return (
          await inventory.act('extend', { ...expected, didReservationUuid: o.subscription as string, paidUntil: inTwoDays }),
          'extend'
        );
      if (i % 2 === 0) return (await inventory.act('release', { ...expected, remark: 'race' }), 'release');
      return (
        await inventory.act('assign', { ...expected, subscriptionUuid: o.subscription as string, ownerUuid: o.org as string }),
        'assign'
      );
    case 'locked':
      return (await inventory.act('unlock', { ...expected, remark: 'race' }), 'unlock');
    default:
      return 'none';
  }
}

async function operate(inventory: Inventory, o: Options) {
  let acted = 0;
  let refused = 0;
  for (let i = 0; i < (o.steps ?? 0); i++) {
    const number = o.numbers[((o.offset ?? 0) + i * 7) % o.numbers.length];
    try {
      if ((await step(inventory, o, number, i)) !== 'none') acted++;
    } catch (error) {
      if (!isInventoryError(error) || !LOST_RACE.has(error.code)) throw error;
      refused++;
    }
    await yieldNow();
  }
  return { acted, refused };
}

async function sweep(inventory: Inventory, o: Options, stop: Promise<void>) {
  let stopped = false;
  void stop.then(() => (stopped = true));
  let sweeps = 0;
  let released = 0;
  let notified = 0;
  // Until the test says stop (every operator has finished), and at least once after that.
  do {
    const report = await sweepWithNotices(inventory.context, o.now, 3);
    sweeps++;
    released += report.released.length;
    notified += report.notified.length;
    await yieldNow();
  } while (!stopped);
  return { sweeps, released, notified };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
