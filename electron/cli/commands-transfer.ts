// CLI commands for moving inventory in and out: export, import, and saved searches.
import { type Command, Option } from 'commander';
import { InventoryError } from '../../shared/errors';
import type { ExportStart, ImportReport } from '../../shared/transfer';
import type { InventoryPort } from '../core/inventory-port';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export/types';
import { IMPORT_BATCH_SIZE } from '../core/import/run-import';
import type { InventoryProvider } from './main';
import { UsageError } from './main';
import { addFilterOptions, filterFromOptions, type FilterOptions } from './filter-options';
import type { Output } from './output';

function printImportReport(out: Output, json: boolean, report: ImportReport, stdout: NodeJS.WritableStream): void {
  if (json) {
    stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  for (const r of report.results) {
    if (r.status === 'add' && !report.dryRun) continue;
    stdout.write(`line ${r.line}: ${r.status.padEnd(11)} ${r.number ?? ''}${r.reason ? `  ${r.reason}` : ''}\n`);
  }
  if (report.resultsTruncated) stdout.write('(more rows not listed; the counts below are complete)\n');
  if (report.ignoredColumns.length) stdout.write(`ignored columns: ${report.ignoredColumns.join(', ')}\n`);
  const c = report.counts;
  const verb = report.dryRun ? 'dry run' : `imported ${report.imported}`;
  stdout.write(
    `${verb}: ${report.rows} rows: ${c.add} to add, ${c.invalid} invalid, ${c.duplicate} duplicate, ${c.conflicting} conflicting\n`,
  );
  void out;
}

/**
 * Runs an export to its end, reporting progress on stderr. Ctrl-C, a closed terminal or a kill
 * stops it and leaves no file.
 */
export async function exportWithProgress(
  inventory: InventoryPort,
  request: ExportStart,
  what: string,
  json: boolean,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<void> {
  let lastReport = 0;
  // Listening before the export starts, so a signal never finds it unwatched (its partial file
  // would stay behind).
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  let exportId: string | undefined;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    if (exportId) void inventory.cancelExport(exportId);
  };
  for (const signal of signals) process.on(signal, onSignal);
  try {
    const started = await inventory.startExport(request, (p) => {
      const now = Date.now();
      if (now - lastReport < 250 && p.rows < p.total) return;
      lastReport = now;
      io.stderr.write(`exported ${p.rows} of ${p.total} rows\n`);
    });
    exportId = started.id;
    if (interrupted) await inventory.cancelExport(started.id);
    const ended = await inventory.exportFinished(started.id);
    if (ended.state === 'cancelled') throw new InventoryError('INVALID_INPUT', 'Export cancelled; no file was written');
    if (ended.state !== 'done') throw new InventoryError(ended.error?.code ?? 'INTERNAL', ended.error?.message ?? 'Export failed');
    const summary = { file: ended.file, format: ended.format, rows: ended.rows };
    if (json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else io.stdout.write(`exported ${summary.rows} ${what} to ${summary.file}\n`);
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
}

export function registerTransferCommands(
  program: Command,
  open: InventoryProvider,
  out: Output,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): void {
  const json = () => Boolean(program.opts().json);

  addFilterOptions(
    program
      .command('export')
      .description('export every number the filters match to CSV or XLSX (progress on stderr; Ctrl-C cancels and leaves no file)')
      .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).makeOptionMandatory())
      .requiredOption('--out <file>', 'file to write'),
  ).action(async (o: FilterOptions & { format: ExportFormat; out: string }) => {
    await exportWithProgress(open(), { format: o.format, out: o.out, filter: filterFromOptions(o) }, 'numbers', json(), io);
  });

  program
    .command('import')
    .description(
      'import numbers from an inventory CSV or XLSX (header row; the columns export writes); --dry-run reports per row and writes nothing',
    )
    .argument('<file>', 'CSV or XLSX file')
    .option('--dry-run', 'check every row and report, write nothing')
    .option('--batch-size <n>', 'rows per committed batch', String(IMPORT_BATCH_SIZE))
    .action(async (file: string, o: { dryRun?: boolean; batchSize: string }) => {
      if (!/^\d+$/.test(o.batchSize) || Number(o.batchSize) < 1) throw new UsageError('--batch-size must be a positive whole number');
      const inventory = open();
      let lastReport = 0;
      const report = await inventory.importFile(
        { source: { kind: 'path', path: file }, dryRun: Boolean(o.dryRun) },
        {
          batchSize: Number(o.batchSize),
          onProgress: (p) => {
            const now = Date.now();
            if (now - lastReport < 250) return;
            lastReport = now;
            io.stderr.write(
              `${o.dryRun ? 'checked' : 'imported'} ${o.dryRun ? p.rows : p.imported} rows${p.total !== null ? ` of ${p.total}` : ''}\n`,
            );
          },
        },
      );
      printImportReport(out, json(), report, io.stdout);
    });

  const searches = program.command('saved-search').description('saved searches: named filters');
  searches.command('list').action(async () => {
    const list = await open().savedSearches();
    if (json()) io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    else for (const s of list) io.stdout.write(`${s.id}  ${s.name}  ${JSON.stringify(s.filter)}\n`);
  });
  addFilterOptions(searches.command('save').argument('<name>').option('--overwrite', 'replace a saved search of the same name')).action(
    async (name: string, o: FilterOptions & { overwrite?: boolean }) => {
      const saved = await open().saveSearch({ name, filter: filterFromOptions(o), overwrite: Boolean(o.overwrite) });
      if (json()) io.stdout.write(`${JSON.stringify(saved, null, 2)}\n`);
      else io.stdout.write(`saved search ${saved.id} "${saved.name}"\n`);
    },
  );
  searches
    .command('delete')
    .argument('<id>')
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) throw new UsageError('saved search id must be a whole number');
      const deleted = await open().deleteSavedSearch(Number(id));
      if (json()) io.stdout.write(`${JSON.stringify(deleted)}\n`);
      else io.stdout.write(`deleted saved search ${id}\n`);
    });
}
