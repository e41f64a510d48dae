// Every refusal: each (action, state) pair the life-cycle table does not allow, missing and malformed
// input, unknown numbers, another org's reservation, stale versions. Each answers a typed error and
// leaves every table of the database exactly as it was, on both stores (a SQLite file and a team
// database).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionInput } from '../../shared/actions';
import { NUMBER_STATES, type NumberState } from '../../shared/domain';
import { ACTION_RULES, OPERATOR_ACTIONS, allowedActions, type OperatorAction } from '../../shared/lifecycle';
import { addSgNumbers, DID_1, ORG_A, ORG_B, SUB_1 } from '../helpers/inventory';
import { expectStoreRefusal, STORES, type StoreUnderTest } from '../helpers/stores';
import { driveTo } from '../helpers/states';

/** The table of issue 2 §3, written out independently of shared/lifecycle.ts. */
const TABLE: Record<OperatorAction, { from: NumberState[]; to: NumberState }> = {
  reserve: { from: ['available'], to: 'reserved' },
  extend: { from: ['reserved'], to: 'reserved' },
  release: { from: ['reserved'], to: 'available' },
  lock: { from: ['available'], to: 'locked' },
  unlock: { from: ['locked'], to: 'available' },
  delete: { from: ['available', 'locked'], to: 'deleted' },
  recover: { from: ['deleted'], to: 'available' },
  assign: { from: ['available', 'reserved'], to: 'assigned' },
  'subscription-expired': { from: ['assigned'], to: 'reserved' },
  'subscription-terminated': { from: ['assigned'], to: 'reserved' },
  'swapped-out': { from: ['assigned'], to: 'reserved' },
};

/** A complete, valid input for each action. */
function validInput(action: OperatorAction, number: string): ActionInput<OperatorAction> {
  const inputs: { [A in OperatorAction]: ActionInput<A> } = {
    reserve: { number, orgUuid: ORG_A, remark: 'r' },
    extend: { number, didReservationUuid: DID_1, paidUntil: '2027-01-01' },
    release: { number, remark: 'r' },
    lock: { number, remark: 'r' },
    unlock: { number, remark: 'r' },
    delete: { number, reason: 'faulty', remark: 'r' },
    recover: { number, remark: 'r' },
    assign: { number, subscriptionUuid: SUB_1, ownerUuid: ORG_A },
    'subscription-expired': { number },
    'subscription-terminated': { number },
    'swapped-out': { number },
  };
  return inputs[action];
}

/** The labels the screens give the actions allowed in a state, in the table's order. */
const allowedLabels = (state: NumberState) =>
  OPERATOR_ACTIONS.filter((a) => TABLE[a].from.includes(state))
    .map((a) => ACTION_RULES[a].label)
    .join(', ');

/** A refusal names the number and its state in words, with no error code and no version numbers. */
function expectStateNamed(message: string, number: string, state: NumberState): void {
  expect(message).toContain(number);
  expect(message).toContain(state.charAt(0).toUpperCase() + state.slice(1));
  expect(message).not.toMatch(/[A-Z]{3,}_[A-Z]+|version \d/);
}

/** A refusal about a mistyped field names the number, but not the actions its state allows (irrelevant there). */
function expectOnlyNumberNamed(message: string, number: string): void {
  expect(message).toContain(number);
  expect(message).not.toMatch(/allowed while|can be:/);
}

describe('the transition table', () => {
  it('in shared/lifecycle.ts is exactly the table of the issue', () => {
    expect(Object.keys(ACTION_RULES).sort()).toEqual(Object.keys(TABLE).sort());
    for (const action of OPERATOR_ACTIONS) {
      expect({ action, from: [...ACTION_RULES[action].from].sort(), to: ACTION_RULES[action].to }).toEqual({
        action,
        from: [...TABLE[action].from].sort(),
        to: TABLE[action].to,
      });
    }
  });
});

describe.each(STORES)('on the $name', (store) => {
  let t: StoreUnderTest;
  let n: string;
  beforeEach(async () => {
    t = await store.open();
    [n] = await addSgNumbers(t.inventory, 1);
  });
  afterEach(() => t.close());

  describe('illegal transitions', () => {
    for (const state of NUMBER_STATES) {
      for (const action of OPERATOR_ACTIONS.filter((a) => !TABLE[a].from.includes(state))) {
        it(`refuses ${action} on a ${state} number`, async () => {
          await driveTo(t.inventory, n, state);
          const error = await expectStoreRefusal(t, 'ILLEGAL_TRANSITION', () => t.inventory.act(action, validInput(action, n)));
          // The message names the number, its state and every action allowed in that state, as the screens label them.
          expect(error.message).toContain(n);
          expect(error.message).toContain(`it is ${state.charAt(0).toUpperCase()}${state.slice(1)}`);
          const allowed = OPERATOR_ACTIONS.filter((a) => TABLE[a].from.includes(state));
          expect(allowedActions(state)).toEqual(allowed);
          if (allowed.length)
            expect(error.message).toContain(`${/^[aeiou]/.test(state) ? 'An' : 'A'} ${state} number can be: ${allowedLabels(state)}.`);
          expect(error.message).toContain(`"${ACTION_RULES[action].label}" is not possible`);
        });
      }
    }

    it('refuses actions on a permanent lock except those allowed while locked', async () => {
      await t.insertLegacyLock('+6561239999', '2020-01-01T00:00:00.000Z');
      await expectStoreRefusal(t, 'ILLEGAL_TRANSITION', () => t.inventory.act('reserve', validInput('reserve', '+6561239999')));
    });
  });

  describe('missing or malformed input', () => {
    const bad: { action: OperatorAction; input: Record<string, unknown>; mentions: string }[] = [
      { action: 'reserve', input: { remark: 'r' }, mentions: 'Org UUID' },
      { action: 'reserve', input: { orgUuid: 'not-a-uuid', remark: 'r' }, mentions: 'Org UUID' },
      { action: 'reserve', input: { orgUuid: ORG_A }, mentions: 'Remark' },
      { action: 'reserve', input: { orgUuid: ORG_A, remark: '   ' }, mentions: 'Remark' },
      { action: 'reserve', input: { orgUuid: ORG_A, remark: 'x'.repeat(2001) }, mentions: 'Remark' },
      { action: 'extend', input: { paidUntil: '2027-01-01' }, mentions: 'DID Reservation UUID' },
      { action: 'extend', input: { didReservationUuid: DID_1 }, mentions: 'Paid-until' },
      { action: 'extend', input: { didReservationUuid: DID_1, paidUntil: 'next month' }, mentions: 'Paid-until' },
      { action: 'extend', input: { didReservationUuid: DID_1, paidUntil: '2027-02-30' }, mentions: 'Paid-until' },
      { action: 'extend', input: { didReservationUuid: DID_1, paidUntil: '2027-02-30T10:00:00+01:00' }, mentions: 'Paid-until' },
      { action: 'release', input: {}, mentions: 'Remark' },
      { action: 'lock', input: { remark: '' }, mentions: 'Remark' },
      { action: 'unlock', input: {}, mentions: 'Remark' },
      { action: 'recover', input: {}, mentions: 'Remark' },
      { action: 'delete', input: { remark: 'r' }, mentions: 'Reason' },
      { action: 'delete', input: { reason: 'lost', remark: 'r' }, mentions: 'Reason' },
      { action: 'delete', input: { reason: 'faulty' }, mentions: 'Remark' },
      { action: 'assign', input: { ownerUuid: ORG_A }, mentions: 'Subscription UUID' },
      { action: 'assign', input: { subscriptionUuid: SUB_1 }, mentions: 'Owner UUID' },
      { action: 'assign', input: { subscriptionUuid: SUB_1, ownerUuid: '1234' }, mentions: 'Owner UUID' },
      { action: 'subscription-expired', input: { at: 'yesterday' }, mentions: 'Effective time' },
      { action: 'subscription-terminated', input: { at: '2026-13-01' }, mentions: 'Effective time' },
      { action: 'swapped-out', input: { at: 42 }, mentions: 'Effective time' },
    ];
    for (const { action, input, mentions } of bad) {
      it(`refuses ${action} with ${JSON.stringify(input).slice(0, 60)}`, async () => {
        // Put the number where the action is allowed, so only the input can be wrong.
        const state = TABLE[action].from[0];
        await driveTo(t.inventory, n, state);
        const error = await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.act(action, { number: n, ...input } as never));
        expect(error.message).toContain(mentions);
        expectOnlyNumberNamed(error.message, n);
      });
    }

    for (const number of [undefined, '', '6561230000', '+', '+65 abc', '+0000', 42]) {
      it(`refuses a missing or unreadable number ${JSON.stringify(number)}`, async () => {
        await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.act('lock', { number, remark: 'r' } as never));
      });
    }

    it('refuses a negative or fractional expected version', async () => {
      await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.act('lock', { number: n, remark: 'r', expectedVersion: -1 }));
      await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.act('lock', { number: n, remark: 'r', expectedVersion: 1.5 }));
    });

    it('refuses an unknown action', async () => {
      await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.act('steal' as OperatorAction, { number: n } as never));
    });
  });

  describe('unknown numbers', () => {
    for (const action of OPERATOR_ACTIONS) {
      it(`${action} on a number not in the inventory is NOT_FOUND, naming it in E.164`, async () => {
        const error = await expectStoreRefusal(t, 'NOT_FOUND', () => t.inventory.act(action, validInput(action, '+65 6123 9876')));
        expect(error.message).toContain('+6561239876');
      });
    }

    it('show of an unknown number is NOT_FOUND', async () => {
      await expect(t.inventory.show('+6561239876')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('reserved for another org', () => {
    it('assign to another org is ORG_MISMATCH; the reserver can still assign', async () => {
      await t.inventory.act('reserve', { number: n, orgUuid: ORG_A, remark: 'hold' });
      await t.inventory.saveOrganization({ uuid: ORG_A, name: 'Acme Telecom', type: 'customer', billingEmail: 'billing@acme.example' });
      const error = await expectStoreRefusal(t, 'ORG_MISMATCH', () =>
        t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_B }),
      );
      // The reserver by its directory name; an org not in the directory by its UUID.
      expect(error.message).toBe(
        `${n} is reserved for Acme Telecom and can be assigned only to them. To assign it to ${ORG_B}, release it first.`,
      );
      const detail = await t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_A.toUpperCase() });
      expect(detail.state).toBe('assigned');
    });

    it('after a subscription event the number is held for the former owner only', async () => {
      await t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_B });
      await t.inventory.act('swapped-out', { number: n });
      await expectStoreRefusal(t, 'ORG_MISMATCH', () =>
        t.inventory.act('assign', { number: n, subscriptionUuid: SUB_1, ownerUuid: ORG_A }),
      );
    });
  });

  describe('stale expected version', () => {
    it('refuses an action against an older version and accepts the current one', async () => {
      const shown = await t.inventory.show(n);
      await t.inventory.act('lock', { number: n, remark: 'someone else' });
      const error = await expectStoreRefusal(t, 'STALE_VERSION', () =>
        t.inventory.act('unlock', { number: n, remark: 'mine', expectedVersion: shown.version }),
      );
      expectStateNamed(error.message, n, 'locked');
      const current = await t.inventory.show(n);
      const detail = await t.inventory.act('unlock', { number: n, remark: 'mine', expectedVersion: current.version });
      expect(detail.version).toBe(current.version + 1);
    });

    it('refuses a version from the future too', async () => {
      const error = await expectStoreRefusal(t, 'STALE_VERSION', () =>
        t.inventory.act('lock', { number: n, remark: 'r', expectedVersion: 99 }),
      );
      expectStateNamed(error.message, n, 'available');
    });
  });
});
