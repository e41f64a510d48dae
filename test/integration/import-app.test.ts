// Import in the app (issue 12 §1): the chosen file uploaded in pieces to a private folder, the dry
// run over the upload, the committed import followed for its progress and stopped by Cancel, and
// one change event when it added rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { csvLine } from '../../electron/core/export/csv-cell';
import { ImportUploads } from '../../electron/core/import/uploads';
import type { ChangeEvent } from '../../shared/contract';
import type { ImportSource } from '../../shared/import-source';
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

async function upload(text: string, name = 'numbers.csv', pieces = 2): Promise<ImportSource> {
  const size = Math.ceil(text.length / pieces);
  let uploadId: string | undefined;
  for (let i = 0; i < pieces; i++) {
    const answer = await t.inventory.uploadImportFile({ uploadId, name, chunk: base64(text.slice(i * size, (i + 1) * size)) });
    expect(answer.bytes).toBe(Buffer.byteLength(text.slice(0, (i + 1) * size)));
    uploadId = answer.uploadId;
  }
  return { kind: 'upload', uploadId: uploadId as string };
}

describe('import in the app', () => {
  it('keeps an upload, given in pieces, byte for byte in a private file under the plain name chosen, never where the page says', () => {
    const uploads = new ImportUploads();
    try {
      const text = csvOf(['+6561230000', '+6561230001']);
      const first = uploads.add({ name: '../../etc/evil.csv', chunk: base64(text.slice(0, 40)) });
      uploads.add({ uploadId: first.uploadId, name: '../../etc/evil.csv', chunk: base64(text.slice(40)) });
      const { file, name } = uploads.fileOf(first.uploadId);
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
      expect(name).toBe('evil.csv');
      expect(path.basename(file)).toBe('evil.csv');
      expect(path.resolve(file).startsWith(os.tmpdir())).toBe(true);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      uploads.clear();
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      uploads.clear();
    }
  });

  it('refuses a file of a kind no import reads, and an unknown upload, with nothing written', async () => {
    const error = await expectRefusal(t.inventory, 'INVALID_INPUT', () =>
      t.inventory.uploadImportFile({ name: 'numbers.exe', chunk: base64('x') }),
    );
    expect(error.message).toContain('Choose a file ending in .csv, .xlsx');
    await expectRefusal(t.inventory, 'NOT_FOUND', () =>
      t.inventory.uploadImportFile({ uploadId: '00000000-0000-4000-8000-000000000000', name: 'a.csv', chunk: base64('x') }),
    );
    await expectRefusal(t.inventory, 'NOT_FOUND', () =>
      t.inventory.importFile({ source: { kind: 'upload', uploadId: '00000000-0000-4000-8000-000000000000' } }),
    );
  });

  it('names the file as the operator chose it in refusals and in the audit, not where the upload is kept', async () => {
    const refused = await expectRefusal(t.inventory, 'INVALID_INPUT', async () =>
      t.inventory.importFile({ source: await upload('not,an,inventory\n1,2,3\n', 'stock-march.csv'), dryRun: true }),
    );
    expect(refused.message).toContain('Import: stock-march.csv is not an inventory file');
    expect(refused.message).not.toContain(os.tmpdir());
    await t.inventory.importFile({ source: await upload(csvOf(['+6561230000']), 'stock-april.csv'), dryRun: false });
    expect((await t.inventory.show('+6561230000')).history[0]?.details).toMatchObject({ file: 'stock-april.csv' });
  });

  it('dry-runs the upload, then imports it as a job with its report, announcing the change once', async () => {
    const source = await upload(csvOf(['+6561230000', '+6561230001', 'nonsense']));
    const before = dumpDatabase(t.inventory.db);
    const dry = await t.inventory.importFile({ source, dryRun: true });
    expect(dry.counts).toEqual({ add: 2, invalid: 1, duplicate: 0, conflicting: 0 });
    expect(dumpDatabase(t.inventory.db)).toBe(before);

    const events: ChangeEvent[] = [];
    const started = await dispatch(t.inventory, 'import:start', { source }, (event) => events.push(event));
    if (!started.ok) throw new Error(started.error.message);
    const id = (started.value as { id: string }).id;
    const ended = await t.inventory.importFinished(id);
    expect(ended).toMatchObject({ state: 'finished', imported: 2, rows: 3 });
    expect(ended.report?.counts).toEqual({ add: 2, invalid: 1, duplicate: 0, conflicting: 0 });
    expect((await t.inventory.counts()).available).toBe(2);
    expect(events).toEqual([{ scope: 'numbers' }]);
  });

  it('stops at Cancel between batches: nothing after it is read, and the job says so', async () => {
    const source = await upload(csvOf(['+6561230000', '+6561230001']));
    const before = dumpDatabase(t.inventory.db);
    const started = await t.inventory.startImport(source);
    expect(started.state).toBe('running');
    // Cancelled before its first batch was committed: nothing is in the inventory.
    await t.inventory.cancelImport(started.id);
    const ended = await t.inventory.importFinished(started.id);
    expect(ended).toMatchObject({ state: 'cancelled', imported: 0 });
    expect(ended.report?.cancelled).toBe(true);
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  });

  it('a failing import ends as failed with the reason in words', async () => {
    const source = await upload('not,an,inventory\n1,2,3\n');
    const ended = await t.inventory.importFinished((await t.inventory.startImport(source)).id);
    expect(ended.state).toBe('failed');
    expect(ended.error?.code).toBe('INVALID_INPUT');
  });
});
