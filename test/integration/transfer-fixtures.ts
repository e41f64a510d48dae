// Shared setup for the search, export and import tests: a realistic inventory (the benchmark's
// generator at a small N, every state and field represented) loaded through the import, and the
// export worker bundled once so worker-thread tests can start it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { csvLine } from '../../electron/core/export/csv-cell';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { exportToFile } from '../../electron/core/export/run-export';
import type { Inventory } from '../../electron/core/inventory';
import { bundleForNode, EXPORT_WORKER_ENTRY } from '../../electron/tools/bundle-node.cjs';
import { isInventoryError } from '../../shared/errors';
import { benchRows } from '../bench/dataset';
import { freshInventory, type TestInventory } from '../helpers/inventory';

export const ROOT = path.resolve(__dirname, '..', '..');

export function writeInventoryCsv(file: string, rows: Iterable<string[]>): void {
  let text = csvLine(TRANSFER_COLUMNS);
  for (const cells of rows) text += csvLine(cells);
  fs.writeFileSync(file, text);
}

/** Loads n generated numbers (due of them reservations already past BENCH_NOW) through the import. */
export async function loadGenerated(inventory: Inventory, dir: string, n: number, due = Math.floor(n / 10)): Promise<void> {
  const file = path.join(dir, `generated-${n}.csv`);
  writeInventoryCsv(file, benchRows(n, due));
  const report = await inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
  if (report.imported !== n)
    throw new Error(
      `test setup: imported ${report.imported} of ${n}: ${JSON.stringify(report.results.filter((r) => r.status !== 'add').slice(0, 5))}`,
    );
}

/** Bundles the export worker (as the CLI build does) under out/ (packages resolve from the repository); returns its path. */
export function buildExportWorker(): string {
  const outfile = path.join(ROOT, 'out', 'test', `export-worker-${process.pid}-${Date.now()}.cjs`);
  return bundleForNode(EXPORT_WORKER_ENTRY, outfile);
}

/** A maker of fresh inventories, each closed (and its folder removed) after its test. */
export function freshInventories(): () => TestInventory {
  const open: TestInventory[] = [];
  afterEach(() => {
    for (const t of open.splice(0)) t.close();
  });
  return () => {
    const t = freshInventory();
    open.push(t);
    return t;
  };
}

/** Everything about every number, as the inventory holds it (no ids). */
export function inventorySnapshot(t: TestInventory): unknown[] {
  return t.inventory.db
    .prepare(
      `SELECT number, country, vendor, sku, cap_voice, cap_fax, cap_sms, routing, golden, ported_in, state, owner_uuid, subscription_uuid,
         reservation_kind, reservation_origin, reservation_org_uuid, did_reservation_uuid, expires_at, deleted_reason, created_at, updated_at,
         (SELECT group_concat(domain) FROM (SELECT domain FROM number_visibility v WHERE v.number_id = n.id ORDER BY domain)) AS visible_to
       FROM numbers n ORDER BY number`,
    )
    .all();
}

export const numberCount = (t: TestInventory): number => t.inventory.db.prepare('SELECT count(*) FROM numbers').pluck().get() as number;

/** Exports the whole inventory (in this process) to export.FORMAT in its folder. */
export async function exportInventory(t: TestInventory, format: 'csv' | 'xlsx'): Promise<string> {
  const out = path.join(t.dir, `export.${format}`);
  const db = openDatabase(t.file, { readonly: true });
  try {
    await exportToFile(db, { format, out, filter: {} });
  } finally {
    db.close();
  }
  return out;
}

/** The refusal an import (or any core call) ends with; fails when it succeeds. */
export async function refusalOf(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (isInventoryError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}
