// Bulk actions on both stores (a real SQLite file and a team database): the preview asks the single action's rules and writes
// nothing; the apply gives each number its own audited event sharing one batch id, refuses one
// number without blocking the others (in the same batch too), works in batches it can be
// cancelled between, and resolves "every number matching" from the search filter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { BulkJobs, sqliteBatches } from '../../electron/core/bulk/jobs';
import { readBulkRequest } from '../../electron/core/bulk/bulk-request';
import { MAX_BULK_NUMBERS } from '../../shared/bulk';
import type { ChangeEvent } from '../../shared/contract';
import { eventCount } from '../helpers/dump';
import { addSgNumbers, freshInventory, ORG_A, type TestInventory } from '../helpers/inventory';
import { expectStoreRefusal, STORES, type StoreUnderTest } from '../helpers/stores';
import type { InventoryPort } from '../../electron/core/inventory-port';

/** Six numbers, two of them not available: reserving those is refused. */
async function sixNumbers(inventory: InventoryPort): Promise<string[]> {
  const numbers = await addSgNumbers(inventory, 6);
  await inventory.act('lock', { number: numbers[1], remark: 'held' });
  await inventory.act('reserve', { number: numbers[4], orgUuid: ORG_A, remark: 'earlier' });
  return numbers;
}

describe.each(STORES)('on the $name', (store) => {
  let t: StoreUnderTest;
  let numbers: string[];
  beforeEach(async () => {
    t = await store.open();
    numbers = await sixNumbers(t.inventory);
  });
  afterEach(() => t.close());

  const reserveFields = { orgUuid: ORG_A, remark: 'campaign' };

  describe('bulk preview', () => {
    it('says per number will apply or refused and why, and writes nothing', async () => {
      const before = await t.dump();
      const preview = await t.inventory.previewBulk({
        action: 'reserve',
        fields: reserveFields,
        target: { numbers: [...numbers, '+6599999999', 'not a number'] },
      });
      expect(await t.dump()).toBe(before);
      expect(preview.willApply).toBe(4);
      expect(preview.refused).toBe(4);
      const byNumber = new Map(preview.rows.map((r) => [r.number, r]));
      expect(byNumber.get(numbers[0])).toEqual({ number: numbers[0], state: 'available', outcome: 'apply' });
      expect(byNumber.get(numbers[1])).toMatchObject({ state: 'locked', outcome: 'refused', refusal: { code: 'ILLEGAL_TRANSITION' } });
      expect(byNumber.get(numbers[1])?.refusal?.message).toContain('it is Locked');
      expect(byNumber.get(numbers[4])).toMatchObject({ state: 'reserved', outcome: 'refused' });
      expect(byNumber.get('+6599999999')).toMatchObject({ state: null, refusal: { code: 'NOT_FOUND' } });
      expect(byNumber.get('not a number')).toMatchObject({ state: null, refusal: { code: 'INVALID_INPUT' } });
    });

    it('refuses fields the action does not accept, naming them, before looking at any number', async () => {
      const error = await expectStoreRefusal(t, 'INVALID_INPUT', () =>
        t.inventory.previewBulk({ action: 'reserve', fields: { orgUuid: 'nope', remark: '' }, target: { numbers } }),
      );
      expect(error.message).toContain('Org UUID');
      expect(error.message).toContain('Remark is required');
    });

    it('resolves every number a search filter matches, in the core', async () => {
      const preview = await t.inventory.previewBulk({
        action: 'lock',
        fields: { remark: 'x' },
        target: { filter: { states: ['available'] } },
      });
      expect(preview.rows.map((r) => r.number)).toEqual([numbers[0], numbers[2], numbers[3], numbers[5]]);
      expect(preview.willApply).toBe(4);
    });

    it('refuses a list of more numbers than one bulk action takes, with nothing written', async () => {
      const tooMany = Array.from({ length: MAX_BULK_NUMBERS + 1 }, (_, i) => `+65612${String(i).padStart(5, '0')}`);
      const error = await expectStoreRefusal(t, 'INVALID_INPUT', () =>
        t.inventory.previewBulk({ action: 'lock', fields: { remark: 'x' }, target: { numbers: tooMany } }),
      );
      expect(error.message).toContain('at most 10,000 numbers');
    });

    it('refuses a filter that matches nothing in words', async () => {
      await expectStoreRefusal(t, 'NOT_FOUND', () =>
        t.inventory.previewBulk({ action: 'lock', fields: { remark: 'x' }, target: { filter: { pattern: '+44' } } }),
      );
    });
  });

  describe('bulk apply', () => {
    it('gives each number its own audited event, all sharing the batch id, and refuses one without blocking the others', async () => {
      const eventsBefore = await t.eventCount();
      const started = await t.inventory.startBulk({ action: 'reserve', fields: reserveFields, target: { numbers } });
      expect(started.state).toBe('running');
      const status = await t.inventory.bulkFinished(started.id);
      expect(status).toMatchObject({ state: 'finished', total: 6, processed: 6, applied: 4 });
      expect(status.refusals.map((r) => [r.number, r.code])).toEqual([
        [numbers[1], 'ILLEGAL_TRANSITION'],
        [numbers[4], 'ILLEGAL_TRANSITION'],
      ]);
      expect(await t.eventCount()).toBe(eventsBefore + 4);
      for (const n of [numbers[0], numbers[2], numbers[3], numbers[5]]) {
        const detail = await t.inventory.show(n);
        expect(detail.state).toBe('reserved');
        const last = detail.history[detail.history.length - 1];
        expect(last).toMatchObject({ action: 'reserve', from: 'available', to: 'reserved', remark: 'campaign', actor: 'tester' });
        expect(last.details.batchId).toBe(status.batchId);
      }
      // The refused numbers are untouched, their earlier history without the batch.
      const locked = await t.inventory.show(numbers[1]);
      expect(locked.state).toBe('locked');
      expect(locked.history.some((e) => e.details.batchId !== undefined)).toBe(false);
    });

    it('a second bulk action has a batch id of its own', async () => {
      const first = await t.inventory.bulkFinished(
        (await t.inventory.startBulk({ action: 'lock', fields: { remark: 'a' }, target: { numbers: [numbers[0]] } })).id,
      );
      const second = await t.inventory.bulkFinished(
        (await t.inventory.startBulk({ action: 'lock', fields: { remark: 'b' }, target: { numbers: [numbers[2]] } })).id,
      );
      expect(first.applied).toBe(1);
      expect(second.applied).toBe(1);
      expect(first.batchId).not.toBe(second.batchId);
    });

    it('through dispatch: announces the change once, when it ends, naming the numbers and states', async () => {
      const events: ChangeEvent[] = [];
      const outcome = await dispatch(
        t.inventory,
        'bulk:apply',
        { action: 'lock', fields: { remark: 'x' }, target: { filter: { states: ['available'] } } },
        (event) => events.push(event),
      );
      if (!outcome.ok) throw new Error(outcome.error.message);
      const id = (outcome.value as { id: string }).id;
      expect(events).toEqual([]);
      await t.inventory.bulkFinished(id);
      expect(events).toEqual([
        { scope: 'numbers', numbers: [numbers[0], numbers[2], numbers[3], numbers[5]], states: ['locked', 'available'] },
      ]);
    });

    it('refuses invalid fields at start with nothing written', async () => {
      await expectStoreRefusal(t, 'INVALID_INPUT', () =>
        t.inventory.startBulk({ action: 'delete', fields: { reason: 'bored', remark: 'x' }, target: { numbers } }),
      );
    });

    it('refuses an unknown job id in words', async () => {
      await expect(t.inventory.bulkStatus('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});

describe('on an inventory file', () => {
  let t: TestInventory;
  let numbers: string[];
  beforeEach(async () => {
    t = freshInventory();
    numbers = await sixNumbers(t.inventory);
  });
  afterEach(() => t.close());

  it('refuses a filter matching more numbers than one bulk action takes, naming the limit', () => {
    const read = () => readBulkRequest(t.inventory.db, { action: 'lock', fields: { remark: 'x' }, target: { filter: {} } }, 5);
    expect(read).toThrow(/More than 5 numbers match this search; a bulk action takes at most 5/);
    expect(readBulkRequest(t.inventory.db, { action: 'lock', fields: { remark: 'x' }, target: { filter: {} } }, 6).numbers).toEqual(
      numbers,
    );
  });

  it('works in batches, answering status between them, and stops at cancel with whole numbers only', async () => {
    const many = await addSgNumbers(t.inventory, 50, 6563000000);
    const jobs = new BulkJobs(sqliteBatches(() => t.inventory.context));
    const plan = readBulkRequest(t.inventory.db, { action: 'lock', fields: { remark: 'bulk' }, target: { numbers: many } });
    const eventsBefore = eventCount(t.inventory.db);
    const started = jobs.start(plan, undefined, 10);
    expect(started.processed).toBe(0);
    // Wait until at least one batch is in, then cancel: the job must be between batches.
    let status = jobs.status(started.id);
    while (status.processed === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      status = jobs.status(started.id);
    }
    expect(status.state).toBe('running');
    expect(status.processed % 10).toBe(0);
    jobs.cancel(started.id);
    const ended = await jobs.finished(started.id);
    expect(ended.state).toBe('cancelled');
    expect(ended.applied).toBeGreaterThan(0);
    expect(ended.applied).toBeLessThan(50);
    expect(eventCount(t.inventory.db)).toBe(eventsBefore + ended.applied);
    const lockedCount = (await t.inventory.counts({ pattern: '+656300' })).locked;
    expect(lockedCount).toBe(ended.applied);
  });
});
