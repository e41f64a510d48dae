// Which files import:file may read depends on how the inventory runs: browser mode's page never
// names a path on this machine (only its own uploads), the desktop app only files chosen in the
// Open dialog (or uploads), the CLI any file. A refused path reads nothing and writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { csvLine } from '../../electron/core/export/csv-cell';
import { ChosenImportFiles, uploadsOnly, type ImportPathPolicy } from '../../electron/core/import/source';
import { Inventory } from '../../electron/core/inventory';
import type { ImportSource } from '../../shared/import-source';
import { tempDir } from '../helpers/inventory';
import { expectRefusal } from '../helpers/refusal';

let dir: string | undefined;
let inventory: Inventory | undefined;
afterEach(() => {
  inventory?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const ROW = { number: '+6561234567', state: 'available', country: 'SG', vendor: 'Singtel', sku: 'SG-DID', golden: 'no', ported_in: 'no' };
const CSV = csvLine([...TRANSFER_COLUMNS]) + csvLine(TRANSFER_COLUMNS.map((c) => (ROW as Record<string, string>)[c] ?? ''));

function open(importPaths?: ImportPathPolicy): { csv: string } {
  dir = tempDir();
  inventory = Inventory.open(path.join(dir, 'inventory.db'), { actor: 'tester', ...(importPaths ? { importPaths } : {}) });
  const csv = path.join(dir, 'numbers.csv');
  fs.writeFileSync(csv, CSV);
  return { csv };
}

const uploaded = async (inv: Inventory): Promise<ImportSource> => ({
  kind: 'upload',
  uploadId: (await inv.uploadImportFile({ name: 'numbers.csv', chunk: Buffer.from(CSV).toString('base64') })).uploadId,
});

describe('import:file paths', () => {
  it('browser mode: a path the page names is refused, with nothing read or written; its own upload imports', async () => {
    const { csv } = open(uploadsOnly);
    const inv = inventory as Inventory;
    for (const file of [csv, '/etc/passwd']) {
      const refused = await expectRefusal(inv, 'INVALID_INPUT', () =>
        inv.importFile({ source: { kind: 'path', path: file }, dryRun: false }),
      );
      expect(refused.message).toContain('choose the file in the page');
    }
    expect((await inv.counts()).available).toBe(0);
    const report = await inv.importFile({ source: await uploaded(inv), dryRun: false });
    expect(report.imported).toBe(1);
  });

  it('desktop app: only a file chosen in the Open dialog, or an upload', async () => {
    const chosen = new ChosenImportFiles();
    const { csv } = open(chosen);
    const inv = inventory as Inventory;
    const refused = await expectRefusal(inv, 'INVALID_INPUT', () => inv.importFile({ source: { kind: 'path', path: csv } }));
    expect(refused.message).toContain('Open dialog');
    chosen.allow(csv);
    expect((await inv.importFile({ source: { kind: 'path', path: csv } })).counts).toMatchObject({ add: 1 });
    expect((await inv.importFile({ source: await uploaded(inv), dryRun: false })).imported).toBe(1);
  });

  it('the CLI (the default): any file', async () => {
    const { csv } = open();
    expect((await (inventory as Inventory).importFile({ source: { kind: 'path', path: csv }, dryRun: false })).imported).toBe(1);
  });
});
