// The sweep lists due numbers in number order, a bounded list at a time, and releases them in
// batches: every due number is released exactly once, with its event, whatever the list and batch
// sizes; numbers not due, and permanent locks, stay as they are.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sweepAll } from '../../electron/core/lifecycle/sweep';
import { addSgNumbers, freshInventory, ORG_A, T0, type TestInventory } from '../helpers/inventory';
import { plusDays } from '../helpers/expiry';

let t: TestInventory;
beforeEach(() => {
  t = freshInventory();
});
afterEach(() => t.close());

it('releases every due number once across several lists and batches, in number order', async () => {
  const numbers = await addSgNumbers(t.inventory, 13);
  // Ten reservations made at T0 (due after 30 days), one made later (not yet due), and one free number.
  for (const n of numbers.slice(0, 10)) await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'due' });
  t.clock.set(plusDays(T0, 20));
  await t.inventory.act('reserve', { number: numbers[10], orgUuid: ORG_A, remark: 'later' });
  t.clock.set(plusDays(T0, 31));

  // Lists of 3, batches of 2: four lists, the last one short.
  const released = await sweepAll(t.inventory.context, t.clock.now().toISOString(), 2, {}, 3);

  const due = [...numbers.slice(0, 10)].sort();
  expect(released.map((r) => r.number)).toEqual(due);
  const states = t.inventory.db.prepare('SELECT number, state FROM numbers ORDER BY number').all() as { number: string; state: string }[];
  expect(states.filter((s) => s.state === 'available').map((s) => s.number)).toEqual([...due, numbers[11], numbers[12]].sort());
  expect(states.find((s) => s.number === numbers[10])?.state).toBe('reserved');
  const expireEvents = t.inventory.db.prepare(`SELECT count(*) FROM events WHERE action = 'expire'`).pluck().get();
  expect(expireEvents).toBe(10);
});
