// Export then import, on both stores through the port: an inventory with every state and field
// (hostile text included) exported to CSV and XLSX loads into an empty inventory of the same kind
// with every field unchanged, one `import` event per number, and a second import adds nothing.
// Across stores: the file's export loads into a team database, whose export is the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryPort } from '../../electron/core/inventory-port';
import type { NumberRecord } from '../../shared/domain';
import type { ImportJobStatus } from '../../shared/import-app';
import type { ImportSource } from '../../shared/import-source';
import { addSgNumbers, DID_1, ORG_A, ORG_B, SUB_1, tempDir } from '../helpers/inventory';
import { STORES, type StoreUnderTest } from '../helpers/stores';
import { buildExportWorker } from './transfer-fixtures';

let dir: string;
const opened: StoreUnderTest[] = [];

beforeAll(() => {
  dir = tempDir('ni-round-trip-');
  // The file's exports run in the worker thread, as in the app.
  process.env.NUMBER_INVENTORY_EXPORT_WORKER = buildExportWorker();
}, 120_000);
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(kind: (typeof STORES)[number]): Promise<StoreUnderTest> {
  const t = await kind.open();
  opened.push(t);
  return t;
}

async function build(inventory: InventoryPort): Promise<void> {
  for (let i = 0; i < 6; i++) await addSgNumbers(inventory, 50, 6561230000 + i * 50);
  await inventory.add({
    numbers: '+6562000001,+6562000002,+6562000003,+6562000004,+6562000005',
    vendor: 'V, "q"\\t',
    country: 'SG',
    sku: '=SKU',
    routing: '-r 2 Zürich – 東京 {x}',
    capabilities: ['fax', 'sms'],
    golden: true,
    portedIn: true,
    visibleTo: ['z.example', 'a.example'],
  });
  await inventory.act('reserve', { number: '+6562000001', orgUuid: ORG_A, remark: 'r' });
  await inventory.act('extend', { number: '+6562000001', didReservationUuid: DID_1, paidUntil: '2026-09-30' });
  await inventory.act('assign', { number: '+6562000002', subscriptionUuid: SUB_1, ownerUuid: ORG_B });
  await inventory.act('delete', { number: '+6562000003', reason: 'ported-out', remark: 'gone' });
  await inventory.act('lock', { number: '+6562000004', remark: 'held' });
}

const TOTAL = 305;

async function exportAll(inventory: InventoryPort, format: 'csv' | 'xlsx', name: string): Promise<string> {
  const out = path.join(dir, `${name}.${format}`);
  const started = await inventory.startExport({ format, out, filter: {} });
  expect(await inventory.exportFinished(started.id)).toMatchObject({ state: 'done', rows: TOTAL });
  return out;
}

/** Every number with every field, in number order (but its version: an imported number starts at 1). */
async function everything(inventory: InventoryPort): Promise<Omit<NumberRecord, 'version'>[]> {
  const rows: NumberRecord[] = [];
  for (let page = 0; page * 100 < TOTAL; page++) rows.push(...(await inventory.search({ page, pageSize: 100 })).rows);
  expect(rows.length).toBe(TOTAL);
  return rows.map(({ version: _version, ...fields }) => fields);
}

describe.each(STORES)('round trip on an $name', (kind) => {
  it.each(['csv', 'xlsx'] as const)(
    'an exported %s imports into an empty inventory with every field unchanged, one import event each',
    async (format) => {
      const source = await open(kind);
      await build(source.inventory);
      const file = await exportAll(source.inventory, format, `${kind.name}-source-${format}`.replace(/\W+/g, '-'));

      const target = await open(kind);
      const dry = await target.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: true });
      expect(dry.counts).toEqual({ add: TOTAL, invalid: 0, duplicate: 0, conflicting: 0 });
      expect(await target.eventCount()).toBe(0);
      const report = await target.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false }, { batchSize: 100 });
      expect(report.imported).toBe(TOTAL);
      expect(await everything(target.inventory)).toEqual(await everything(source.inventory));
      expect(await target.eventCount()).toBe(TOTAL);
      const detail = await target.inventory.show('+6562000001');
      expect(detail.history).toEqual([
        // Line 302: after the header and the 300 numbers +6561230000... that sort before it.
        expect.objectContaining({
          action: 'import',
          from: null,
          to: 'reserved',
          actor: 'tester',
          remark: `imported from ${path.basename(file)}`,
          details: { file: path.basename(file), line: 302 },
        }),
      ]);

      // Importing the same file again adds nothing: every row is a duplicate, and nothing changes.
      const before = await target.dump();
      const again = await target.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
      expect(again.imported).toBe(0);
      expect(again.counts.duplicate).toBe(TOTAL);
      expect(await target.dump()).toBe(before);
    },
    120_000,
  );

  it('reports a row the inventory holds with other fields as conflicting, naming the fields', async () => {
    const source = await open(kind);
    await build(source.inventory);
    const file = await exportAll(source.inventory, 'csv', `${kind.name}-conflict`.replace(/\W+/g, '-'));
    const target = await open(kind);
    await target.inventory.add({ numbers: '+6562000005', vendor: 'Other', country: 'SG', sku: 'SG-DID' });
    const dry = await target.inventory.importFile({ source: { kind: 'path', path: file }, dryRun: true });
    expect(dry.counts).toEqual({ add: TOTAL - 1, invalid: 0, duplicate: 0, conflicting: 1 });
    expect(dry.results.find((r) => r.number === '+6562000005')).toMatchObject({
      status: 'conflicting',
      reason: 'already in the inventory (available) with a different vendor, sku, capabilities, routing, golden, ported_in, visible_to',
    });
  }, 120_000);
});

/** Uploads a file in three pieces, as the page does. */
async function upload(inventory: InventoryPort, file: string, name: string): Promise<ImportSource> {
  const bytes = fs.readFileSync(file);
  const size = Math.ceil(bytes.length / 3);
  let uploadId: string | undefined;
  for (let i = 0; i < 3; i++) {
    const chunk = bytes.subarray(i * size, (i + 1) * size).toString('base64');
    uploadId = (await inventory.uploadImportFile({ uploadId, name, chunk })).uploadId;
  }
  return { kind: 'upload', uploadId: uploadId as string };
}

async function jobEnd(inventory: InventoryPort, id: string): Promise<ImportJobStatus> {
  for (;;) {
    const status = await inventory.importStatus(id);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(STORES)('import job from an upload on an $name', (kind) => {
  it('imports the uploaded file as a job, naming the file as chosen in the audit', async () => {
    const source = await open(kind);
    await build(source.inventory);
    const file = await exportAll(source.inventory, 'xlsx', `${kind.name}-upload`.replace(/\W+/g, '-'));
    const target = await open(kind);
    let announced: number | undefined;
    const started = await target.inventory.startImport(await upload(target.inventory, file, 'stock-may.xlsx'), (n) => (announced = n));
    expect(await jobEnd(target.inventory, started.id)).toMatchObject({ state: 'finished', imported: TOTAL, rows: TOTAL });
    expect(announced).toBe(TOTAL);
    expect((await target.inventory.show('+6562000002')).history[0]).toMatchObject({
      remark: 'imported from stock-may.xlsx',
      details: { file: 'stock-may.xlsx' },
    });
  }, 120_000);

  it('stops at Cancel: nothing after it is read, and the job says so', async () => {
    const source = await open(kind);
    await build(source.inventory);
    const file = await exportAll(source.inventory, 'csv', `${kind.name}-cancel`.replace(/\W+/g, '-'));
    const target = await open(kind);
    const started = await target.inventory.startImport(await upload(target.inventory, file, 'stock.csv'));
    await target.inventory.cancelImport(started.id);
    const ended = await jobEnd(target.inventory, started.id);
    expect(ended).toMatchObject({ state: 'cancelled', imported: 0 });
    expect(await target.eventCount()).toBe(0);
  }, 120_000);
});

describe('across stores', () => {
  it("the file's export loads into a team database, whose export is the same bytes", async () => {
    const [sqlite, team] = STORES;
    const local = await open(sqlite);
    await build(local.inventory);
    const fromFile = await exportAll(local.inventory, 'csv', 'across-file');
    const remote = await open(team);
    expect((await remote.inventory.importFile({ source: { kind: 'path', path: fromFile }, dryRun: false })).imported).toBe(TOTAL);
    const fromTeam = await exportAll(remote.inventory, 'csv', 'across-team');
    expect(fs.readFileSync(fromTeam).equals(fs.readFileSync(fromFile))).toBe(true);
  }, 120_000);
});
