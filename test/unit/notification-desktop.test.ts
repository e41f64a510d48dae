// Desktop notifications with a mocked `electron`: notices batched per kind into one notification,
// shown once per number and deadline, a click focusing the window and asking the renderer to open
// the matching tab with its filter, and a sweep on powerMonitor 'resume'.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '../../shared/contract';
import { FakeTimers } from '../helpers/fake-timers';
import { addSgNumbers, freshInventory, ORG_A, T0, type TestInventory } from '../helpers/inventory';
import { plusDays } from '../helpers/expiry';

type Listener = (...args: unknown[]) => void;
const electronState = vi.hoisted(() => ({
  shown: [] as { title: string; body: string; listeners: Record<string, Listener> }[],
  supported: true,
  powerListeners: {} as Record<string, Listener[]>,
  window: { minimized: true, focused: false, shown: false },
}));

vi.mock('electron', () => {
  class Notification {
    listeners: Record<string, Listener> = {};
    constructor(readonly options: { title: string; body: string }) {}
    static isSupported() {
      return electronState.supported;
    }
    on(event: string, listener: Listener) {
      this.listeners[event] = listener;
      return this;
    }
    show() {
      electronState.shown.push({ title: this.options.title, body: this.options.body, listeners: this.listeners });
    }
  }
  const powerMonitor = {
    on(event: string, listener: Listener) {
      (electronState.powerListeners[event] ??= []).push(listener);
    },
    removeListener(event: string, listener: Listener) {
      electronState.powerListeners[event] = (electronState.powerListeners[event] ?? []).filter((l) => l !== listener);
    },
  };
  const win = {
    isDestroyed: () => false,
    isMinimized: () => electronState.window.minimized,
    restore: () => (electronState.window.minimized = false),
    show: () => (electronState.window.shown = true),
    focus: () => (electronState.window.focused = true),
  };
  const BrowserWindow = { getAllWindows: () => [win] };
  return { Notification, powerMonitor, BrowserWindow, default: { Notification, powerMonitor, BrowserWindow } };
});

const { electronParts } = await import('../../electron/main/expiry/electron-parts');
const { startExpiryServices } = await import('../../electron/main/expiry/index');
const { startBackgroundServices } = await import('../../electron/main/background-services');

let t: TestInventory;
let events: ChangeEvent[];
beforeEach(() => {
  t = freshInventory();
  events = [];
  electronState.shown.length = 0;
  electronState.supported = true;
  electronState.powerListeners = {};
  electronState.window = { minimized: true, focused: false, shown: false };
});
afterEach(() => t.close());

function start() {
  const timers = new FakeTimers(t.clock);
  // Hour steps keep the fake-clock walk through weeks short; the app's own step is a minute.
  const wiring = startExpiryServices({
    inventory: t.inventory,
    notifyChange: (e) => events.push(e),
    timers,
    stepMs: 60 * 60 * 1000,
    ...electronParts(),
  });
  const settle = async () => {
    await wiring.services.expiry.idle();
    await wiring.services.delivery.idle();
  };
  return { ...wiring, timers, settle };
}

describe('desktop notifications', () => {
  it('batches 5 expiring locks into one notification, once per number and deadline; a click opens the Locked tab filtered', async () => {
    const numbers = await addSgNumbers(t.inventory, 6);
    for (const n of numbers.slice(0, 5)) await t.inventory.act('lock', { number: n, remark: 'x' });
    await t.inventory.act('reserve', { number: numbers[5], orgUuid: ORG_A, remark: 'x' });
    const s = start();
    await s.settle();
    expect(electronState.shown).toEqual([]);
    await s.timers.advanceTo(Date.parse(plusDays(T0, 21)), s.settle);
    expect(electronState.shown.map((n) => n.title)).toEqual([
      '5 locked numbers expire within 7 days',
      '1 reserved number expires within 7 days',
    ]);
    expect(electronState.shown[0].body).toBe(`${numbers[0]}, ${numbers[1]}, ${numbers[2]} and 2 more`);

    // Later sweeps (hourly steps, a resume) show nothing more for the same deadlines.
    await s.timers.advanceTo(Date.parse(plusDays(T0, 22)), s.settle);
    for (const listener of electronState.powerListeners.resume ?? []) listener();
    await s.settle();
    expect(electronState.shown).toHaveLength(2);

    electronState.shown[0].listeners.click();
    expect(electronState.window).toEqual({ minimized: false, focused: true, shown: true });
    expect(events.at(-1)).toEqual({
      scope: 'navigate',
      navigate: { view: 'numbers', state: 'locked', filter: { states: ['locked'], expiresBefore: plusDays(T0, 28, 1) } },
    });
    // The in-app list has the same notices.
    expect((await t.inventory.notifications()).rows.filter((n) => n.kind === 'lock-warning')).toHaveLength(5);
    expect(events.some((e) => e.scope === 'notifications')).toBe(true);
    s.stop();
  });

  it('expired locks: one notification; with a single number the click opens Available filtered to it', async () => {
    const [n] = await addSgNumbers(t.inventory, 1);
    await t.inventory.act('lock', { number: n, remark: 'x' });
    t.clock.set(plusDays(T0, 30));
    const s = start();
    await s.settle();
    // Closed through the warning instant: the release notice only, no late warning.
    expect(electronState.shown.map((x) => x.title)).toEqual(['1 lock expired: released to the inventory']);
    electronState.shown[0].listeners.click();
    expect(events.at(-1)?.navigate).toEqual({ view: 'numbers', state: 'available', filter: { states: ['available'], pattern: n } });
    expect(events).toContainEqual({ scope: 'numbers', numbers: [n], states: ['available', 'reserved', 'locked'] });
    s.stop();
  });

  it('when the OS cannot show notifications, the notices are still in the in-app list', async () => {
    electronState.supported = false;
    const [n] = await addSgNumbers(t.inventory, 1);
    await t.inventory.act('lock', { number: n, remark: 'x' });
    t.clock.set(plusDays(T0, 22));
    const s = start();
    await s.settle();
    expect(electronState.shown).toEqual([]);
    const list = (await t.inventory.notifications()).rows;
    expect(list.map((x) => [x.number, x.kind, x.desktopAt])).toEqual([[n, 'lock-warning', plusDays(T0, 22)]]);
    expect(events).toContainEqual({ scope: 'notifications' });
    s.stop();
  });

  it('powerMonitor resume sweeps at once; stop removes the listener', async () => {
    const [n] = await addSgNumbers(t.inventory, 1);
    await t.inventory.act('lock', { number: n, remark: 'x' });
    const s = start();
    await s.settle();
    expect(electronState.powerListeners.resume).toHaveLength(1);
    t.clock.set(plusDays(T0, 40));
    electronState.powerListeners.resume[0]();
    await s.settle();
    expect((await t.inventory.show(n)).state).toBe('available');
    s.stop();
    expect(electronState.powerListeners.resume).toHaveLength(0);
  });

  it('startBackgroundServices (the hook the app calls) sweeps on start and stops cleanly', async () => {
    const [n] = await addSgNumbers(t.inventory, 1);
    await t.inventory.act('lock', { number: n, remark: 'x' });
    t.clock.set(plusDays(T0, 29));
    const stop = startBackgroundServices({ inventory: t.inventory, notifyChange: (e) => events.push(e) });
    await vi.waitFor(() => expect(electronState.shown.map((x) => x.title)).toEqual(['1 lock expired: released to the inventory']));
    stop();
    expect(electronState.powerListeners.resume).toHaveLength(0);
  });
});
