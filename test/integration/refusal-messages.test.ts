// Refusals say what was wrong: an over-long or non-text number is not "required", a long org name
// is not "required", far-off or ancient dates are named as such (compared as instants, never as
// text: "+010000-01-01" sorts before "2026"), and nothing changes.
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Inventory } from '../../electron/core/inventory';
import { buildCliOnce, runCli } from '../helpers/cli';
import { addSgNumbers, DID_1, freshInventory, ORG_A, SUB_1, T0, type TestInventory } from '../helpers/inventory';
import { expectRefusal } from '../helpers/refusal';

let t: TestInventory;
let n: string;
beforeEach(async () => {
  t = freshInventory();
  [n] = await addSgNumbers(t.inventory, 1);
});
afterEach(() => t.close());

describe('numbers', () => {
  it('an over-long number is too long, not missing', async () => {
    const long = `+${'6'.repeat(70)}`;
    const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.act('lock', { number: long, remark: 'r' }));
    expect(refusal.message).toContain('is too long for a phone number (71 characters)');
    expect(refusal.message).not.toContain('required');
  });

  it('a number that is not text says so', async () => {
    for (const number of [42, ['+6561230000'], { e164: '+6561230000' }]) {
      const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.act('lock', { number, remark: 'r' } as never));
      expect(refusal.message).toContain('Number must be text such as +6561234567');
    }
    const missing = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.act('lock', { remark: 'r' } as never));
    expect(missing.message).toContain('Number is required');
  });

  it('other fields of the wrong type say so too', async () => {
    const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', () =>
      t.inventory.act('reserve', { number: n, orgUuid: 7, remark: ['r'] } as never),
    );
    expect(refusal.message).toContain('Org UUID must be text');
    expect(refusal.message).toContain('Remark must be text');
  });
});

describe('search', () => {
  it('a Subscription or Owner UUID must be a whole UUID: a fragment matched nothing, silently', async () => {
    for (const filter of [{ subscriptionUuid: '3333' }, { ownerUuid: 'abc-def' }]) {
      const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.search({ filter }));
      expect(refusal.message).toMatch(/must be a UUID like 123e4567-e89b-12d3-a456-426614174000, not "(3333|abc-def)"/);
    }
  });
});

describe('organizations', () => {
  it('a name of 201 characters is too long, not missing', async () => {
    const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', () =>
      t.inventory.saveOrganization({ uuid: ORG_A, name: 'N'.repeat(201), type: 'customer' }),
    );
    expect(refusal.message).toContain('Name is longer than 200 characters');
    expect(refusal.message).not.toContain('required');
  });
});

describe('dates', () => {
  beforeEach(async () => {
    await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'hold' });
  });
  const extend = (paidUntil: string) => () => t.inventory.act('extend', { number: n, didReservationUuid: DID_1, paidUntil });

  it('paid until 9999-12-31 is too far in the future, not "not in the future"', async () => {
    const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', extend('9999-12-31'));
    expect(refusal.message).toContain('"9999-12-31" is too far in the future');
    expect(refusal.message).not.toContain('+010000');
  });

  it('a paid-until date more than ten years ahead is refused, naming the latest allowed', async () => {
    const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', extend('2040-01-01'));
    expect(refusal.message).toContain('the reservation would end at 2040-01-02 00:00 UTC, more than 10 years from now');
    expect(refusal.message).toContain('the latest is 2036-01-03 09:00 UTC');
    // Ten years to the day is still accepted.
    expect((await t.inventory.act('extend', { number: n, didReservationUuid: DID_1, paidUntil: '2036-01-02' })).expiresAt).toBe(
      '2036-01-03T00:00:00.000Z',
    );
  });

  it('a paid-until date in the past is named in UTC as not in the future', async () => {
    const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', extend('2025-12-31'));
    expect(refusal.message).toContain('the reservation would end at 2026-01-01 00:00 UTC, which is not in the future');
  });

  it('a time after the year 9999 is refused however it is written', async () => {
    const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', extend('9999-12-31T23:30:00-05:00'));
    expect(refusal.message).toContain('is after the year 9999');
  });

  it('a subscription event before 1970 is refused, saying so', async () => {
    await t.inventory.act('release', { number: n, remark: 'r' });
    await t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_A });
    for (const at of ['0000-01-01', '1969-12-31T23:59:59Z']) {
      const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.act('subscription-expired', { number: n, at }));
      expect(refusal.message).toContain(`"${at}" is before 1970`);
    }
    // Before the number was added here is fine: that is when it was recorded, not when the subscription began.
    const recorded = await t.inventory.act('subscription-expired', { number: n, at: '2025-06-01' });
    expect(recorded.expiresAt).toBe('2025-07-27T00:00:00.000Z');
  });
});

describe('CLI', () => {
  beforeAll(() => buildCliOnce());

  it('extend --until 9999-12-31 and subscription --at 0000-01-01 are refused in plain words, exit 1', async () => {
    const db = path.join(t.dir, 'cli.db');
    const setup = Inventory.open(db, { actor: 'tester' });
    try {
      const [a, b] = await addSgNumbers(setup, 2);
      await setup.act('reserve', { number: a, orgUuid: ORG_A, remark: 'hold' });
      await setup.act('assign', { number: b, subscriptionUuid: SUB_1, ownerUuid: ORG_A });
    } finally {
      setup.close();
    }
    const far = await runCli(['--json', 'extend', n, '--did-reservation', DID_1, '--until', '9999-12-31'], { db, now: T0 });
    expect(far.code).toBe(1);
    expect(far.json<{ error: { message: string } }>().error.message).toContain('"9999-12-31" is too far in the future');
    const ancient = await runCli(['subscription', '+6561230001', 'expired', '--at', '0000-01-01'], { db, now: T0 });
    expect(ancient.code).toBe(1);
    expect(ancient.stderr).toContain('"0000-01-01" is before 1970');
  }, 120_000);
});
