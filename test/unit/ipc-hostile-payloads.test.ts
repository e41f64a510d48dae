// Every registered IPC handler, given random and hostile payloads, answers an Outcome (a typed error,
// or a valid result for payloads that happen to be valid reads), never throws, and leaves the
// database exactly as it was. A foreign sender is refused even with a valid payload.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { registerIpcHandlers } from '../../electron/main/ipc';
import { CHANNELS, contract, type Channel, type ChangeEvent } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';
import { addSgNumbers, freshInventory, ORG_A, type TestInventory } from '../helpers/inventory';

type Handler = (event: unknown, payload: unknown) => Promise<unknown>;

let t: TestInventory;
let numbers: string[];
const handlers = new Map<string, Handler>();
const changes: ChangeEvent[] = [];
let trusted = true;

/** Every row of every table, so any write at all shows up. */
function snapshot(): string {
  const tables = t.inventory.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const rows = tables.map(({ name }) => [
    name,
    t.inventory.db
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort(),
  ]);
  return JSON.stringify({ version: t.inventory.db.pragma('user_version', { simple: true }), rows });
}

/** The field names a channel's input schema knows, to aim random values past the outer checks. */
function fieldNames(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let i = 0; i < 5 && current; i++) {
    const candidate = current as { shape?: Record<string, unknown>; def?: { innerType?: unknown; in?: unknown } };
    if (candidate.shape) return Object.keys(candidate.shape);
    current = candidate.def?.innerType ?? candidate.def?.in;
  }
  return [];
}

const hostileValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

function hostilePayload(channel: Channel): fc.Arbitrary<unknown> {
  const keys = fieldNames(contract[channel].input as z.ZodType);
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((key) => [key, hostileValue])), { requiredKeys: [] })
    : fc.constant(undefined);
  const polluted = fc.constantFrom<unknown>(
    JSON.parse('{"__proto__":{"polluted":true},"number":"+6561230000"}'),
    { constructor: { prototype: { polluted: true } } },
    '\u0000',
    'x'.repeat(100_000),
    [],
    null,
  );
  return fc.oneof(hostileValue, shaped, polluted);
}

function isOutcome(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const outcome = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (outcome.ok === true) return 'value' in outcome;
  return (
    outcome.ok === false && (ERROR_CODES as readonly unknown[]).includes(outcome.error?.code) && typeof outcome.error?.message === 'string'
  );
}

beforeAll(async () => {
  t = freshInventory();
  numbers = await addSgNumbers(t.inventory, 4);
  await t.inventory.saveOrganization({ uuid: ORG_A, name: 'Acme', type: 'customer', billingEmail: 'billing@acme.example' }, 'add');
  await t.inventory.act('reserve', { number: numbers[0], orgUuid: ORG_A, remark: 'held' });
  await t.inventory.act('lock', { number: numbers[1], remark: 'locked' });
  registerIpcHandlers({
    ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn), removeHandler: () => {} } as never,
    inventory: t.inventory,
    isTrustedSender: () => trusted,
    onChange: (event) => changes.push(event),
  });
});
afterAll(() => t.close());

describe('hostile IPC payloads', () => {
  it('reach a handler for every channel', () => {
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)('%s answers a typed Outcome, never throws, and changes nothing', async (channel) => {
    changes.length = 0;
    let before = snapshot();
    const handler = handlers.get(channel)!;
    await fc.assert(
      fc.asyncProperty(hostilePayload(channel), async (payload) => {
        const outcome = (await handler({}, payload)) as { ok?: boolean };
        expect(isOutcome(outcome)).toBe(true);
        // A refused payload changes nothing. Random data can also form a valid request (a saved
        // search named "[,,]" with an empty filter); that one may write, and becomes the new baseline.
        if (outcome.ok) before = snapshot();
        else expect(snapshot()).toBe(before);
      }),
      { numRuns: 40 },
    );
    // A hostile payload may be a valid no-op (e.g. settings:set with no known field), never a
    // change to the numbers or organizations.
    expect(changes.filter((change) => change.scope === 'numbers' || change.scope === 'organizations')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a foreign sender even with a valid payload, and changes nothing', async () => {
    const before = snapshot();
    changes.length = 0;
    trusted = false;
    try {
      const outcome = await handlers.get('numbers:unlock')!({}, { number: numbers[1], remark: 'from a foreign page' });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      trusted = true;
    }
    expect(snapshot()).toBe(before);
    // The same payload from the app's window works, proving the refusal was the sender check.
    expect(await handlers.get('numbers:unlock')!({}, { number: numbers[1], remark: 'from the app' })).toMatchObject({ ok: true });
    expect(snapshot()).not.toBe(before);
    expect(changes).toEqual([{ scope: 'numbers', numbers: [numbers[1]], states: ['locked', 'available'] }]);
    // Put it back, so the other tests find the inventory as they expect in any order.
    await t.inventory.act('lock', { number: numbers[1], remark: 'locked again' });
  });
});
