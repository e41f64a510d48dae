// A fresh inventory on a real SQLite file in its own temporary folder, for each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../electron/core/clock';
import { Inventory } from '../../electron/core/inventory';
import type { InventoryPort } from '../../electron/core/inventory-port';

export const ORG_A = '11111111-1111-4111-8111-111111111111';
export const ORG_B = '22222222-2222-4222-8222-222222222222';
export const SUB_1 = '33333333-3333-4333-8333-333333333333';
export const DID_1 = '44444444-4444-4444-8444-444444444444';
export const T0 = '2026-01-05T09:00:00.000Z';

export function tempDir(prefix = 'ni-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestInventory {
  inventory: Inventory;
  clock: ManualClock;
  file: string;
  dir: string;
  close(): void;
}

export function freshInventory(start = T0): TestInventory {
  const dir = tempDir();
  const file = path.join(dir, 'inventory.db');
  const clock = new ManualClock(start);
  const inventory = Inventory.open(file, { clock, actor: 'tester' });
  return {
    inventory,
    clock,
    file,
    dir,
    close() {
      inventory.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds valid Singapore numbers +6561230000 upwards and returns them. */
export async function addSgNumbers(inventory: Pick<InventoryPort, 'add'>, count: number, first = 6561230000): Promise<string[]> {
  const numbers = Array.from({ length: count }, (_, i) => `+${first + i}`);
  const results = await inventory.add({ numbers: numbers.join(','), vendor: 'Singtel', country: 'SG', sku: 'SG-DID' });
  const failed = results.filter((r) => r.status !== 'added');
  if (failed.length) throw new Error(`test setup: could not add ${JSON.stringify(failed)}`);
  return numbers;
}

/** A second test org and subscription, for tests that need more than one. */
export const ORG_C = '55555555-5555-4555-8555-555555555555';
export const SUB_2 = '66666666-6666-4666-8666-666666666666';
