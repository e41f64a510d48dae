// The expiry timer: re-arms for the next deadline or warning in steps of at most an hour, sweeps on
// start, on resume and at each wake, never overlaps runs, and never asks Node for a timeout that
// overflows (which would fire at once with a TimeoutOverflowWarning).
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { Inventory } from '../../electron/core/inventory';
import { createBackgroundServices } from '../../electron/core/expiry/service';
import { MAX_TIMER_STEP_MS, nodeTimers, RETRY_AFTER_RUN_MS, stepDelay, WakeLoop } from '../../electron/core/expiry/wake-loop';
import { FakeTimers } from '../helpers/fake-timers';
import { addSgNumbers, freshInventory, T0, type TestInventory } from '../helpers/inventory';
import { plusDays } from '../helpers/expiry';

const HOUR = 60 * 60 * 1000;
let t: TestInventory | undefined;
afterEach(() => t?.close());

describe('stepDelay', () => {
  it('waits until the target but never more than an hour, and never a negative time', () => {
    expect(stepDelay(null, 0)).toBe(HOUR);
    expect(stepDelay(60 * 24 * HOUR, 0)).toBe(HOUR);
    expect(stepDelay(2 ** 31 + 5, 0)).toBe(HOUR);
    expect(stepDelay(1500, 1000)).toBe(500);
    expect(stepDelay(1000, 5000)).toBe(0);
    expect(stepDelay(Number.NaN, 0)).toBe(HOUR);
    expect(stepDelay(10 * HOUR, 0, 10 * HOUR)).toBe(HOUR);
  });
});

describe('WakeLoop', () => {
  it('runs on start, then at each step, coalescing wakes that arrive during a run', async () => {
    const clock = new ManualClock(T0);
    const timers = new FakeTimers(clock);
    const reasons: string[] = [];
    let release: () => void = () => {};
    const loop = new WakeLoop({
      clock,
      timers,
      run: async (reason) => {
        reasons.push(reason);
        due = null;
        if (reason === 'start') await new Promise<void>((r) => (release = r));
      },
      nextAt: () => due,
    });
    let due: string | null = null;
    const started = loop.start();
    expect(loop.isRunning).toBe(true);
    void loop.wake('resume');
    void loop.wake('change');
    release();
    await started;
    await loop.idle();
    // Two wakes during the first run made one more run, with the latest reason.
    expect(reasons).toEqual(['start', 'change']);
    expect(timers.count).toBe(1);
    expect(timers.delays.at(-1)).toBe(HOUR);
    // Nothing due: each hourly step only looks again.
    await timers.advanceTo(clock.now().getTime() + 3 * HOUR, () => loop.idle());
    expect(reasons).toEqual(['start', 'change']);
    expect(timers.delays).toEqual([HOUR, HOUR, HOUR, HOUR]);
    // Something became due (another process wrote a deadline): the next step runs the job.
    due = new Date(clock.now().getTime() + 90 * 60 * 1000).toISOString();
    await timers.advanceTo(clock.now().getTime() + 3 * HOUR, () => loop.idle());
    expect(reasons).toEqual(['start', 'change', 'timer']);
    expect(timers.delays.slice(4)).toEqual([30 * 60 * 1000, HOUR, HOUR]);
    loop.stop();
    expect(timers.count).toBe(0);
    await loop.wake('resume');
    expect(reasons.length).toBe(3);
  });

  it('reports a failing run and retries after a pause, never spinning on work that stays due', async () => {
    const clock = new ManualClock(T0);
    const timers = new FakeTimers(clock);
    const errors: unknown[] = [];
    const loop = new WakeLoop({
      clock,
      timers,
      run: async () => Promise.reject(new Error('disk full')),
      nextAt: () => T0,
      onError: (e) => errors.push(e),
    });
    await loop.start();
    expect(errors.map((e) => (e as Error).message)).toEqual(['disk full']);
    expect(timers.delays).toEqual([RETRY_AFTER_RUN_MS]);
    await timers.advanceTo(Date.parse(T0) + 60_000, () => loop.idle());
    // One try every pause: 12 in a minute, each followed by the same pause.
    expect(errors).toHaveLength(13);
    expect(new Set(timers.delays)).toEqual(new Set([RETRY_AFTER_RUN_MS]));
    loop.stop();
  });
});

describe('the expiry service on a real inventory with a fake clock', () => {
  it('a lock 28 days out: armed in hour steps, warned and released at their exact instants', async () => {
    t = freshInventory();
    const [n] = await addSgNumbers(t.inventory, 1);
    await t.inventory.act('lock', { number: n, remark: 'x' });
    const timers = new FakeTimers(t.clock);
    const swept: { at: string; released: string[]; notified: string[] }[] = [];
    const services = createBackgroundServices({
      inventory: t.inventory,
      timers,
      onSwept: (r) => swept.push({ at: r.at, released: r.released.map((x) => x.number), notified: r.notified.map((x) => x.kind) }),
    });
    await services.start();
    expect(await t.inventory.nextDueInstant()).toBe(plusDays(T0, 21));
    const settle = async () => {
      await services.expiry.idle();
      await services.delivery.idle();
    };
    await timers.advanceTo(Date.parse(plusDays(T0, 30)), settle);
    expect(swept).toEqual([
      { at: plusDays(T0, 21), released: [], notified: ['lock-warning'] },
      { at: plusDays(T0, 28), released: [n], notified: ['lock-expired'] },
    ]);
    // Every timer asked for was at most an hour.
    expect(Math.max(...timers.delays)).toBeLessThanOrEqual(MAX_TIMER_STEP_MS);
    expect(timers.delays.length).toBeGreaterThan(30 * 24);
    services.stop();
  });

  it('a wake on resume after a long sleep catches up at once', async () => {
    t = freshInventory();
    const [n] = await addSgNumbers(t.inventory, 1);
    await t.inventory.act('lock', { number: n, remark: 'x' });
    const timers = new FakeTimers(t.clock);
    const services = createBackgroundServices({ inventory: t.inventory, timers });
    await services.start();
    // The machine sleeps through the deadline: no timer fired, the clock jumped.
    t.clock.set(plusDays(T0, 40));
    await services.wake('resume');
    expect((await t.inventory.show(n)).state).toBe('available');
    expect((await t.inventory.notifications()).rows).toHaveLength(1);
    services.stop();
  });

  it('on a read-only inventory does nothing (nothing can be released) and reports no error at every wake', async () => {
    t = freshInventory();
    const [n] = await addSgNumbers(t.inventory, 1);
    await t.inventory.act('lock', { number: n, remark: 'x' });
    t.clock.set(plusDays(T0, 40));
    const readOnly = Inventory.open(t.file, { clock: t.clock, readonly: true });
    try {
      const timers = new FakeTimers(t.clock);
      const errors: unknown[] = [];
      const services = createBackgroundServices({ inventory: readOnly, timers, onError: (error) => errors.push(error) });
      await services.start();
      await services.wake('resume');
      expect(errors).toEqual([]);
      expect(timers.delays).toEqual([]);
      expect((await readOnly.show(n)).state).toBe('locked');
      services.stop();
    } finally {
      readOnly.close();
    }
  });
});

describe('email delivery loop', () => {
  it('with emails queued but SMTP not configured it waits a full step instead of spinning', async () => {
    t = freshInventory();
    const [n] = await addSgNumbers(t.inventory, 1);
    await t.inventory.updateSettings({ operatorSupportEmail: 'support@b3.test' });
    await t.inventory.act('lock', { number: n, remark: 'x' });
    t.clock.set(plusDays(T0, 22));
    const timers = new FakeTimers(t.clock);
    const services = createBackgroundServices({ inventory: t.inventory, timers, stepMs: 60_000 });
    await services.start();
    expect((await t.inventory.outbox()).rows.map((e) => e.status)).toContain('queued');
    expect(services.delivery.lastDelayMs).toBe(60_000);
    // Configured later: the next step finds the due email and tries it (here: nothing listens on port 9).
    await t.inventory.updateSettings({ smtpHost: '127.0.0.1', smtpPort: 9, smtpSecurity: 'none', smtpFrom: 'ni@operator.test' });
    await timers.advanceTo(t.clock.now().getTime() + 60_000, async () => {
      await services.expiry.idle();
      await services.delivery.idle();
    });
    const queued = (await t.inventory.outbox()).rows.find((e) => e.recipient === 'support@b3.test');
    expect(queued).toMatchObject({ status: 'failed', attempts: 1 });
    expect(services.delivery.lastDelayMs).toBe(60_000);
    services.stop();
  });
});

describe('no TimeoutOverflowWarning', () => {
  it('Node warns for a timeout past 2^31-1 ms (so the listener below can see one)', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.name);
    process.on('warning', listen);
    const handle = setTimeout(() => {}, 2 ** 31);
    clearTimeout(handle);
    // Node emits the warning on the next tick.
    await new Promise((r) => setImmediate(r));
    process.off('warning', listen);
    expect(warnings).toContain('TimeoutOverflowWarning');
  });

  it('the real timer armed for deadlines 60 days and 10 years out emits none', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.name);
    process.on('warning', listen);
    t = freshInventory();
    const [a, b] = await addSgNumbers(t.inventory, 2);
    await t.inventory.updateSettings({ lockPeriodDays: 60 });
    await t.inventory.act('lock', { number: a, remark: 'x' });
    await t.inventory.updateSettings({ lockPeriodDays: 3650, warningLeadDays: 0 });
    await t.inventory.act('lock', { number: b, remark: 'x' });
    const services = createBackgroundServices({ inventory: t.inventory, timers: nodeTimers });
    await services.start();
    expect(services.expiry.lastDelayMs).toBe(HOUR);
    // Any warning for the timers just armed is emitted on the next tick.
    await new Promise((r) => setImmediate(r));
    services.stop();
    process.off('warning', listen);
    expect(warnings).toEqual([]);
  });
});
