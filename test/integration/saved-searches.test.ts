// Saved searches through the contract's dispatch (what IPC and browser mode call): saved filters
// persist across reopening; names are unique; bad input is a typed error that changes nothing.
// (The export and import channels: export-channels.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { Inventory } from '../../electron/core/inventory';
import { ManualClock } from '../../electron/core/clock';
import type { SavedSearch } from '../../shared/transfer';
import { freshInventory, T0, type TestInventory } from '../helpers/inventory';

let t: TestInventory | undefined;
afterEach(() => t?.close());

async function call<T>(inventory: Inventory, channel: string, payload: unknown): Promise<T> {
  const outcome = await dispatch(inventory, channel, payload);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
  return outcome.value as T;
}

describe('saved searches', () => {
  it('save, list (by name), overwrite, refuse a duplicate name, delete; they persist', async () => {
    t = freshInventory();
    const filter = { states: ['available', 'reserved'], countries: ['sg'], pattern: '+65 61*', golden: true };
    const saved = await call<SavedSearch>(t.inventory, 'searches:save', { name: 'Golden SG', filter });
    expect(saved.filter).toEqual({ states: ['available', 'reserved'], countries: ['SG'], pattern: '+6561*', golden: true });
    await call(t.inventory, 'searches:save', { name: 'Assigned', filter: { states: ['assigned'] } });
    await expect(call(t.inventory, 'searches:save', { name: 'golden sg', filter: {} })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(call(t.inventory, 'searches:save', { name: '', filter: {} })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(t.inventory, 'searches:save', { name: 'x', filter: { pattern: 'abc' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const replaced = await call<SavedSearch>(t.inventory, 'searches:save', {
      name: 'Golden SG',
      filter: { golden: true },
      overwrite: true,
    });
    expect(replaced.id).toBe(saved.id);

    t.inventory.close();
    const reopened = Inventory.open(t.file, { clock: new ManualClock(T0), actor: 'tester' });
    try {
      const list = await call<SavedSearch[]>(reopened, 'searches:list', {});
      expect(list.map((s) => [s.name, s.filter])).toEqual([
        ['Assigned', { states: ['assigned'] }],
        ['Golden SG', { golden: true }],
      ]);
      await call(reopened, 'searches:delete', { id: saved.id });
      await expect(call(reopened, 'searches:delete', { id: saved.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await call<SavedSearch[]>(reopened, 'searches:list', {})).map((s) => s.name)).toEqual(['Assigned']);
    } finally {
      reopened.close();
      t.inventory = Inventory.open(t.file, { clock: new ManualClock(T0), actor: 'tester' });
    }
  });
});
