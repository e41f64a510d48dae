import { afterEach, describe, expect, it } from 'vitest';
import { addSgNumbers, freshInventory, ORG_A, type TestInventory } from '../helpers/inventory';

let t: TestInventory;
afterEach(() => t?.close());

describe('inventory smoke', () => {
  it('adds a number and reserves it for 28 days', async () => {
    t = freshInventory();
    const [n] = await addSgNumbers(t.inventory, 1);
    const detail = await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'hold' });
    expect(detail.state).toBe('reserved');
    expect(detail.expiresAt).toBe('2026-02-02T09:00:00.000Z');
    expect(detail.history.map((e) => e.action)).toEqual(['add', 'reserve']);
  });
});
