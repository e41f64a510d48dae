// One number parser for every command: the actions, show, Add, import and the IPC boundary refuse the
// same junk with a message that quotes it (libphonenumber alone reads "+65612300[0-0]" as
// +6561230000, drops "ext. 5", and skips full-width digits, NUL and zero-width characters), while
// the ways people really write a number are read alike everywhere.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { importFile } from '../../electron/core/import/run-import';
import { addSgNumbers, freshInventory, type TestInventory } from '../helpers/inventory';
import { expectRefusal } from '../helpers/refusal';

let t: TestInventory;
let n: string;
beforeEach(async () => {
  t = freshInventory();
  [n] = await addSgNumbers(t.inventory, 1);
  expect(n).toBe('+6561230000');
});
afterEach(() => t.close());

/** Text that names +6561230000 only to a lenient reader, and how the refusal must quote it. */
const JUNK: { text: string; quoted: string; names: string }[] = [
  { text: '+65612300[0-0]', quoted: '"+65612300[0-0]"', names: '"[", "]"' },
  { text: '+65 6123 0000 ext. 5', quoted: '"+65 6123 0000 ext. 5"', names: '"e", "x", "t"' },
  { text: '+６５６１２３００００', quoted: '"+６５６１２３００００"', names: '"６" (U+FF16)' },
  { text: '+6561230000\u0000', quoted: '"+6561230000\\u{0000}"', names: 'U+0000' },
  { text: '+65\u200b61230000', quoted: '"+65\\u{200B}61230000"', names: 'U+200B' },
  { text: '\ufeff+6561230000', quoted: '"\\u{FEFF}+6561230000"', names: 'U+FEFF' },
  { text: 'tel:+6561230000', quoted: '"tel:+6561230000"', names: '"t", "e", "l", ":"' },
];

describe('actions and show refuse junk, quoting it', () => {
  for (const { text, quoted, names } of JUNK) {
    it(`refuses ${JSON.stringify(text)} for an action, show and the IPC boundary`, async () => {
      const lock = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.act('lock', { number: text, remark: 'r' }));
      expect(lock.message).toContain(quoted);
      expect(lock.message).toContain(`not part of a phone number: ${names}`);
      const show = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.show(text));
      expect(show.message).toContain(quoted);
      for (const channel of ['numbers:show', 'numbers:lock'] as const) {
        const answer = await dispatch(t.inventory, channel, { number: text, remark: 'r' });
        expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(quoted) } });
      }
    });
  }

  it('refuses a + after the first digit and more than 15 digits', async () => {
    const inner = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.show('65+61230000'));
    expect(inner.message).toContain('"65+61230000" has a + after its first digit');
    const long = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.show('+65 6123 0000 1234 56'));
    expect(long.message).toContain('"+65 6123 0000 1234 56" has 16 digits; a phone number has at most 15');
  });

  it('reads the ways people write a number: spaces, dashes, dots, brackets, a no-break space', async () => {
    for (const text of ['+65 6123 0000', '+65-6123-0000', '+65.6123.0000', '(+65) 6123 0000', '+65\u00a061230000', ' +6561230000 ']) {
      expect((await t.inventory.show(text)).number).toBe(n);
    }
  });
});

describe('Add and import read numbers with the same parser', () => {
  it('Add answers every junk entry as invalid, quoting it, and adds nothing', async () => {
    const results = await t.inventory.add({
      numbers: JUNK.map((j) => j.text.replace('+6561230000', '+6561230001')).join(';'),
      vendor: 'V',
      country: 'SG',
      sku: 'S',
    });
    expect(results.map((r) => [r.input, r.status])).toEqual(results.map((r) => [r.input, 'invalid']));
    expect(results).toHaveLength(JUNK.length);
    for (const result of results) expect(result.reason).toMatch(/not part of a phone number/);
    expect((await t.inventory.counts()).available).toBe(1);
  });

  it('import reports a junk number as invalid, quoting it', async () => {
    const file = path.join(t.dir, 'junk.csv');
    const row = (number: string) =>
      TRANSFER_COLUMNS.map((c) => ({ number, state: 'available', country: 'SG', vendor: 'V', sku: 'S' })[c as string] ?? '').join(',');
    fs.writeFileSync(file, [TRANSFER_COLUMNS.join(','), row('+65612300[0-1]'), row('+6561230002')].join('\n'));
    const report = await importFile(t.inventory.context, { file, dryRun: true });
    expect(report.counts).toMatchObject({ add: 1, invalid: 1 });
    expect(report.results.find((r) => r.status === 'invalid')?.reason).toContain(
      '"+65612300[0-1]" holds characters that are not part of a phone number',
    );
  });
});

describe('search patterns', () => {
  it('refuse characters a pattern cannot hold, naming them', async () => {
    const refusal = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.search({ filter: { pattern: '+６５*' } }));
    expect(refusal.message).toContain('"+６５*" may hold only digits, +, * and ?, not "６" (U+FF16), "５" (U+FF15)');
  });

  it('ignore the separators a number is written with', async () => {
    const found = await t.inventory.search({ filter: { pattern: '(+65) 6123-0000' } });
    expect(found.rows.map((r) => r.number)).toEqual([n]);
  });
});
