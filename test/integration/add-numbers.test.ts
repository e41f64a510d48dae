// Add new numbers (issue 2 §4): every input answered (added, invalid and why, already there and its
// state, repeated), at most 50 at once, valid numbers of the given country only.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/import/run-import';
import { eventCount } from '../helpers/dump';
import { freshInventory, ORG_A, T0, type TestInventory } from '../helpers/inventory';
import { expectRefusal } from '../helpers/refusal';

let t: TestInventory;
beforeEach(() => {
  t = freshInventory();
});
afterEach(() => t.close());

const base = { vendor: 'Singtel', country: 'SG', sku: 'SG-DID' };
const sgNumbers = (count: number, first = 6561230000) => Array.from({ length: count }, (_, i) => `+${first + i}`);

describe('add numbers', () => {
  it('answers every input: added, invalid with the reason, exists with its state, repeated', async () => {
    await t.inventory.add({ ...base, numbers: '+6561230001, +6561230002' });
    await t.inventory.act('reserve', { number: '+6561230002', orgUuid: ORG_A, remark: 'hold' });
    const results = await t.inventory.add({
      ...base,
      numbers: '+65 6123 0000, +6561230001, +6561230002, +60 3-2123 4567, +65 6123, hello, +6561230000, 6123 0003',
    });
    expect(results).toEqual([
      { input: '+65 6123 0000', status: 'added', number: '+6561230000' },
      { input: '+6561230001', status: 'exists', number: '+6561230001', state: 'available' },
      { input: '+6561230002', status: 'exists', number: '+6561230002', state: 'reserved' },
      { input: '+60 3-2123 4567', status: 'invalid', number: null, reason: expect.stringContaining('not SG') },
      { input: '+65 6123', status: 'invalid', number: null, reason: expect.stringContaining('not a valid SG number') },
      { input: 'hello', status: 'invalid', number: null, reason: expect.stringContaining('hello') },
      { input: '+6561230000', status: 'repeated', number: '+6561230000' },
      // A national number is read in the given country.
      { input: '6123 0003', status: 'added', number: '+6561230003' },
    ]);
    const detail = await t.inventory.show('+6561230003');
    expect(detail).toMatchObject({ state: 'available', country: 'SG', vendor: 'Singtel', sku: 'SG-DID', version: 1 });
    expect(detail.history).toEqual([
      {
        id: expect.any(Number),
        number: '+6561230003',
        action: 'add',
        from: null,
        to: 'available',
        at: T0,
        actor: 'tester',
        remark: null,
        details: {},
      },
    ]);
  });

  it('tolerates spaces, new lines and semicolons between entries', async () => {
    const results = await t.inventory.add({
      ...base,
      numbers: '  +65 6123 0000,\n +6561230001\r\n\n+6561230002 ;, +65 6123 0003 +65 6123 0004 ,',
    });
    expect(results.map((r) => [r.status, r.number])).toEqual(sgNumbers(5).map((n) => ['added', n]));
  });

  it('marks numbers of another country invalid and adds the rest', async () => {
    const results = await t.inventory.add({ ...base, numbers: '+1 212 555 0123, +44 20 7946 0958, +6591234567' });
    expect(results.map((r) => r.status)).toEqual(['invalid', 'invalid', 'added']);
    expect(results[0].reason).toContain('US');
    expect(results[1].reason).toContain('GB');
    expect((await t.inventory.search()).total).toBe(1);
  });

  it('writes nothing when every input is invalid', async () => {
    const before = eventCount(t.inventory.db);
    const results = await t.inventory.add({ ...base, numbers: '+60 3-2123 4567' });
    expect(results[0].status).toBe('invalid');
    expect(eventCount(t.inventory.db)).toBe(before);
  });

  it('adds 50 at once, each with its own add event', async () => {
    const results = await t.inventory.add({ ...base, numbers: sgNumbers(50).join(',') });
    expect(results.filter((r) => r.status === 'added')).toHaveLength(50);
    expect((await t.inventory.search()).total).toBe(50);
    expect(eventCount(t.inventory.db)).toBe(50);
  });

  it('refuses 51 whole with LIMIT_EXCEEDED and writes nothing', async () => {
    await t.inventory.add({ ...base, numbers: '+6591234567' });
    const error = await expectRefusal(t.inventory, 'LIMIT_EXCEEDED', () =>
      t.inventory.add({ ...base, numbers: sgNumbers(51).join(',\n') }),
    );
    expect(error.message).toContain('51');
    expect(error.message).toContain('50');
  });

  it('stores the optional attributes', async () => {
    await t.inventory.add({
      ...base,
      country: 'sg',
      numbers: '+6561230000',
      capabilities: ['sms', 'voice'],
      routing: ' route-7 ',
      golden: true,
      portedIn: true,
      visibleTo: ['Example.com', 'partner.example.org'],
    });
    expect(await t.inventory.show('+6561230000')).toMatchObject({
      country: 'SG',
      capabilities: ['voice', 'sms'],
      routing: 'route-7',
      golden: true,
      portedIn: true,
      visibleTo: ['example.com', 'partner.example.org'],
    });
  });

  it('writes a number the way import does: the same columns, domains and first event', async () => {
    await t.inventory.add({
      ...base,
      numbers: '+6561230000',
      capabilities: ['fax', 'voice'],
      routing: 'r',
      golden: true,
      visibleTo: ['b.example', 'a.example'],
    });
    const file = path.join(t.dir, 'one.csv');
    fs.writeFileSync(
      file,
      [
        'number,state,country,vendor,sku,capabilities,routing,golden,ported_in,visible_to,created_at,updated_at',
        `+6561230001,available,SG,Singtel,SG-DID,"voice,fax",r,yes,no,"a.example,b.example",${T0},${T0}`,
      ].join('\n'),
    );
    expect((await importFile(t.inventory.context, { file, dryRun: false })).imported).toBe(1);
    const rows = t.inventory.db
      .prepare(
        `SELECT n.*, (SELECT group_concat(domain) FROM (SELECT domain FROM number_visibility v WHERE v.number_id = n.id ORDER BY domain)) AS domains,
           e.from_state, e.to_state, e.at FROM numbers n JOIN events e ON e.number_id = n.id ORDER BY n.number`,
      )
      .all() as Record<string, unknown>[];
    const [added, imported] = rows.map(({ id: _id, number: _number, ...rest }) => rest);
    expect(added).toEqual(imported);
    expect(added).toMatchObject({
      cap_voice: 1,
      cap_fax: 1,
      cap_sms: 0,
      golden: 1,
      domains: 'a.example,b.example',
      created_at: T0,
      to_state: 'available',
    });
  });

  const refusals: [string, Record<string, unknown>, string][] = [
    ['vendor missing', { country: 'SG', sku: 'S' }, 'Vendor'],
    ['vendor blank', { vendor: '  ', country: 'SG', sku: 'S' }, 'Vendor'],
    ['country missing', { vendor: 'V', sku: 'S' }, 'Country'],
    ['country not alpha-2', { vendor: 'V', country: 'SGP', sku: 'S' }, 'Country'],
    ['country unknown', { vendor: 'V', country: 'XX', sku: 'S' }, 'Country'],
    ['SKU missing', { vendor: 'V', country: 'SG' }, 'SKU'],
    ['a capability unknown', { ...base, capabilities: ['video'] }, 'Capabilities'],
    ['a visible-to entry not a domain', { ...base, visibleTo: ['not a domain'] }, 'Visible to'],
  ];
  for (const [what, request, mentions] of refusals) {
    it(`refuses the request when ${what}`, async () => {
      const error = await expectRefusal(t.inventory, 'INVALID_INPUT', () =>
        t.inventory.add({ numbers: '+6561230000', ...request } as never),
      );
      expect(error.message).toContain(mentions);
    });
  }

  it('refuses an empty list of numbers', async () => {
    await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.add({ ...base, numbers: ' , \n ' }));
  });
});
