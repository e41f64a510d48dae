// Import in the app (issue 12 §1): the chosen file uploaded in pieces to a private folder, the dry
// run over the upload, the committed import followed for its progress and stopped by Cancel, and
// one change event when it added rows.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { csvLine } from '../../electron/core/export/csv-cell';
import type { ChangeEvent } from '../../shared/contract';
import { dumpDatabase } from '../helpers/dump';
import { freshInventory, type TestInventory } from '../helpers/inventory';
import { expectRefusal } from '../helpers/refusal';

let t: TestInventory;
beforeEach(() => {
  t = freshInventory();
});
afterEach(() => t.close());

const AVAILABLE = { state: 'available', country: 'SG', vendor: 'Singtel', sku: 'SG-DID', golden: 'no', ported_in: 'no' };
const csvOf = (numbers: string[]) =>
  [[...TRANSFER_COLUMNS], ...numbers.map((number) => TRANSFER_COLUMNS.map((c) => ({ ...AVAILABLE, number })[c as 'number'] ?? ''))]
    .map((cells) => csvLine(cells))
    .join('');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function upload(text: string, name = 'numbers.csv', pieces = 2): Promise<string> {
  const size = Math.ceil(text.length / pieces);
  let uploadId: string | undefined;
  let file = '';
  for (let i = 0; i < pieces; i++) {
    const answer = await t.inventory.uploadImportFile({ uploadId, name, chunk: base64(text.slice(i * size, (i + 1) * size)) });
    uploadId = answer.uploadId;
    file = answer.file;
  }
  return file;
}

describe('import in the app', () => {
  it('keeps an upload, given in pieces, byte for byte in a private file named by the upload, not by the page', async () => {
    const text = csvOf(['+6561230000', '+6561230001']);
    const file = await upload(text, '../../etc/evil.csv', 3);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(path.basename(file)).toMatch(/^[0-9a-f-]{36}\.csv$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that is not CSV or XLSX by its name, and an unknown upload, with nothing written', async () => {
    const error = await expectRefusal(t.inventory, 'INVALID_INPUT', () =>
      t.inventory.uploadImportFile({ name: 'numbers.txt', chunk: base64('x') }),
    );
    expect(error.message).toContain('Choose a CSV or XLSX file');
    await expectRefusal(t.inventory, 'NOT_FOUND', () =>
      t.inventory.uploadImportFile({ uploadId: '00000000-0000-4000-8000-000000000000', name: 'a.csv', chunk: base64('x') }),
    );
  });

  it('dry-runs the upload, then imports it as a job with its report, announcing the change once', async () => {
    const file = await upload(csvOf(['+6561230000', '+6561230001', 'nonsense']));
    const before = dumpDatabase(t.inventory.db);
    const dry = await t.inventory.importFile({ file, dryRun: true });
    expect(dry.counts).toEqual({ add: 2, invalid: 1, duplicate: 0, conflicting: 0 });
    expect(dumpDatabase(t.inventory.db)).toBe(before);

    const events: ChangeEvent[] = [];
    const started = await dispatch(t.inventory, 'import:start', { file }, (event) => events.push(event));
    if (!started.ok) throw new Error(started.error.message);
    const id = (started.value as { id: string }).id;
    const ended = await t.inventory.importFinished(id);
    expect(ended).toMatchObject({ state: 'finished', imported: 2, rows: 3 });
    expect(ended.report?.counts).toEqual({ add: 2, invalid: 1, duplicate: 0, conflicting: 0 });
    expect((await t.inventory.counts()).available).toBe(2);
    expect(events).toEqual([{ scope: 'numbers' }]);
  });

  it('stops at Cancel between batches: nothing after it is read, and the job says so', async () => {
    const file = await upload(csvOf(['+6561230000', '+6561230001']));
    const before = dumpDatabase(t.inventory.db);
    const started = await t.inventory.startImport(file);
    expect(started.state).toBe('running');
    // Cancelled before its first batch was committed: nothing is in the inventory.
    await t.inventory.cancelImport(started.id);
    const ended = await t.inventory.importFinished(started.id);
    expect(ended).toMatchObject({ state: 'cancelled', imported: 0 });
    expect(ended.report?.cancelled).toBe(true);
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  });

  it('a failing import ends as failed with the reason in words', async () => {
    const file = await upload('not,an,inventory\n1,2,3\n');
    const ended = await t.inventory.importFinished((await t.inventory.startImport(file)).id);
    expect(ended.state).toBe('failed');
    expect(ended.error?.code).toBe('INVALID_INPUT');
  });
});
