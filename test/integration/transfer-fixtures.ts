// Shared setup for the search, export and import tests: a realistic inventory (the benchmark's
// generator at a small N, every state and field represented) loaded through the import, and the
// export worker bundled once so worker-thread tests can start it.
import fs from 'node:fs';
import path from 'node:path';
import { csvLine } from '../../electron/core/export/csv-cell';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import type { Inventory } from '../../electron/core/inventory';
import { bundleForNode, EXPORT_WORKER_ENTRY } from '../../electron/tools/bundle-node.cjs';
import { benchRows } from '../bench/dataset';

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
  const report = await inventory.importFile({ file, dryRun: false });
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
