// Saved searches through the contract's dispatch (what IPC and browser mode call), on both stores:
// saved filters persist and another client of the same inventory sees them; names are unique
// regardless of case; bad input is a typed error that changes nothing.
// (The export and import channels: export-channels.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import type { InventoryPort } from '../../electron/core/inventory-port';
import { InventoryError } from '../../shared/errors';
import type { SavedSearch } from '../../shared/transfer';
import { expectStoreRefusal, STORES, type StoreUnderTest } from '../helpers/stores';

async function call<T>(inventory: InventoryPort, channel: string, payload: unknown): Promise<T> {
  const outcome = await dispatch(inventory, channel, payload);
  if (!outcome.ok) throw new InventoryError(outcome.error.code, outcome.error.message);
  return outcome.value as T;
}

describe.each(STORES)('saved searches on the $name', (store) => {
  let t: StoreUnderTest;
  beforeEach(async () => {
    t = await store.open();
  });
  afterEach(() => t.close());

  it('save, list (by name), overwrite, refuse a duplicate name, delete; another client sees them', async () => {
    const filter = { states: ['available', 'reserved'], countries: ['sg'], pattern: '+65 61*', golden: true };
    const saved = await call<SavedSearch>(t.inventory, 'searches:save', { name: 'Golden SG', filter });
    expect(saved.filter).toEqual({ states: ['available', 'reserved'], countries: ['SG'], pattern: '+6561*', golden: true });
    await call(t.inventory, 'searches:save', { name: 'Assigned', filter: { states: ['assigned'] } });
    await expectStoreRefusal(t, 'ALREADY_EXISTS', () => call(t.inventory, 'searches:save', { name: 'golden sg', filter: {} }));
    await expectStoreRefusal(t, 'INVALID_INPUT', () => call(t.inventory, 'searches:save', { name: '', filter: {} }));
    await expectStoreRefusal(t, 'INVALID_INPUT', () => call(t.inventory, 'searches:save', { name: 'x', filter: { pattern: 'abc' } }));
    const replaced = await call<SavedSearch>(t.inventory, 'searches:save', {
      name: 'Golden SG',
      filter: { golden: true },
      overwrite: true,
    });
    expect(replaced.id).toBe(saved.id);

    const other = t.anotherClient();
    const list = await call<SavedSearch[]>(other, 'searches:list', {});
    expect(list.map((s) => [s.name, s.filter])).toEqual([
      ['Assigned', { states: ['assigned'] }],
      ['Golden SG', { golden: true }],
    ]);
    await call(other, 'searches:delete', { id: saved.id });
    await expectStoreRefusal(t, 'NOT_FOUND', () => call(other, 'searches:delete', { id: saved.id }));
    expect((await call<SavedSearch[]>(t.inventory, 'searches:list', {})).map((s) => s.name)).toEqual(['Assigned']);
  });
});
