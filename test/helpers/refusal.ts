// Asserting a refusal: the typed error code, and a database left exactly as it was.
import { expect } from 'vitest';
import type { ErrorCode, InventoryError } from '../../shared/errors';
import { isInventoryError } from '../../shared/errors';
import type { Inventory } from '../../electron/core/inventory';
import { dumpDatabase } from './dump';

/** Runs `attempt`, expects it to be refused with `code`, and checks no table changed. Returns the error. */
export async function expectRefusal(inventory: Inventory, code: ErrorCode, attempt: () => Promise<unknown>): Promise<InventoryError> {
  const before = dumpDatabase(inventory.db);
  let caught: unknown;
  try {
    await attempt();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a ${code} refusal, but the action succeeded`).toBeDefined();
  if (!isInventoryError(caught)) throw caught;
  expect({ code: caught.code, message: caught.message }).toMatchObject({ code });
  expect(inventory.db.inTransaction).toBe(false);
  expect(dumpDatabase(inventory.db)).toBe(before);
  return caught;
}
