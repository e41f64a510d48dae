// Importing an inventory file (CSV or XLSX, the format export writes).
//
// A dry run reads the whole file and answers, per row: to add, invalid (why), duplicate (already
// in the inventory or earlier in the file, identical) or conflicting (already there, different).
// Either first checks what needs no parsing (size, encoding, cells per record, row count: precheck)
// so a hostile file is refused at once. A committed import then checks the whole file's shape
// (header, every limit) so a hostile or foreign file is refused with nothing written, then adds
// the new rows in batches, each its own transaction: killing the process loses at most the batch
// in flight, and running the import again skips what was already added (as duplicates).
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';
import { importRequestSchema, type ImportReport, type ImportRowResult, type ImportRowStatus } from '../../../shared/transfer';
import type { CoreContext } from '../context';
import { rowToCells, TRANSFER_COLUMNS } from '../export/columns';
import type { NumberRow } from '../numbers/rows';
import { requireRegularFile } from '../regular-file';
import { parseOrThrow } from '../validation';
import { cellsByColumn, readHeader, type HeaderMap } from './header';
import { detectFormat, precheck, readRows, type ImportFormat } from './read-rows';
import { readImportRow, type ImportCandidate } from './validate-row';
import { BatchWriter, type ImportAudit, type ImportLine, type ImportTarget } from './write-batch';

/**
 * Rows per transaction. Each commit writes out every index page its rows touched, so larger batches
 * write a page shared by several rows once: 200,000 rows into an empty inventory imported
 * 1.15x faster at 5000 than at 2000, and one batch still holds the process about a second.
 */
export const IMPORT_BATCH_SIZE = 5000;
const MAX_LISTED_PROBLEMS = 10_000;
const MAX_LISTED_ADDS = 1_000;

interface ImportProgress {
  /** Data rows processed so far. */
  rows: number;
  /** Data rows in the file (known for a committed import after its check pass). */
  total: number | null;
  imported: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  batchSize?: number;
  /** Stops the import between batches: what was committed stays, the rest is not read. */
  signal?: AbortSignal;
}

/** The candidate as the row it would become, to compare with what the inventory holds. */
function asRow(c: ImportCandidate): NumberRow {
  const caps = new Set(c.number.capabilities);
  return {
    id: 0,
    number: c.number.number,
    country: c.number.country,
    vendor: c.number.vendor,
    sku: c.number.sku,
    cap_voice: caps.has('voice') ? 1 : 0,
    cap_fax: caps.has('fax') ? 1 : 0,
    cap_sms: caps.has('sms') ? 1 : 0,
    routing: c.number.routing,
    golden: c.number.golden ? 1 : 0,
    ported_in: c.number.portedIn ? 1 : 0,
    ...c.fields,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    version: 1,
    visible_to: [...c.number.visibleTo].sort().join(',') || null,
  };
}

/** Columns whose values differ, timestamps aside (they say when, not what). */
function differences(existing: NumberRow, candidate: ImportCandidate): string[] {
  const a = rowToCells(existing);
  const b = rowToCells(asRow(candidate));
  return TRANSFER_COLUMNS.filter((c, i) => c !== 'created_at' && c !== 'updated_at' && a[i] !== b[i]);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads the whole file once for its shape alone: header and limits. Returns the data row count. */
async function checkShape(file: string, format: ImportFormat): Promise<number> {
  let header: HeaderMap | null = null;
  let rows = 0;
  for await (const row of readRows(file, format)) {
    if (!header) header = readHeader(file, row.cells);
    else rows++;
  }
  if (!header) throw new InventoryError('INVALID_INPUT', `Import: ${file} is not an inventory file: it is empty`);
  return rows;
}

export async function importFile(ctx: CoreContext, rawRequest: unknown, options: ImportOptions = {}): Promise<ImportReport> {
  return importFileInto(new BatchWriter(ctx.db), { at: ctx.clock.now().toISOString(), actor: ctx.actor }, rawRequest, options);
}

/** The import into any store: `target` writes the batches, every number's audit event at `audit.at` by `audit.actor`. */
export async function importFileInto(
  target: ImportTarget,
  audit: Omit<ImportAudit, 'file'>,
  rawRequest: unknown,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const request = parseOrThrow(importRequestSchema, rawRequest, 'Import');
  const file = path.resolve(request.file);
  requireRegularFile(file, 'Import');
  const format = detectFormat(file);
  await precheck(file, format);
  const total = request.dryRun ? null : await checkShape(file, format);
  // The connection's page cache (connection.ts) keeps the index pages a large import touches over
  // and over in memory.
  return runImport(target, { ...audit, file: path.basename(file) }, request.dryRun, file, format, total, options);
}

async function runImport(
  target: ImportTarget,
  audit: ImportAudit,
  dryRun: boolean,
  file: string,
  format: ImportFormat,
  total: number | null,
  options: ImportOptions,
): Promise<ImportReport> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const counts: Record<ImportRowStatus, number> = { add: 0, invalid: 0, duplicate: 0, conflicting: 0 };
  const results: ImportRowResult[] = [];
  let truncated = false;
  let listedAdds = 0;
  let listedProblems = 0;
  const record = (result: ImportRowResult) => {
    counts[result.status]++;
    const listable = result.status === 'add' ? listedAdds++ < MAX_LISTED_ADDS : listedProblems++ < MAX_LISTED_PROBLEMS;
    if (listable) results.push(result);
    else truncated = true;
  };

  // First line of each number in the file, to report repeats.
  const seen = new Map<string, number>();
  let header: HeaderMap | null = null;
  let rows = 0;
  let imported = 0;
  let batch: ImportLine[] = [];

  /** Sorts a batch by what the inventory holds: the lines to add, and the rows it holds already (same or different). */
  const sortBatch = (existingRows: ReadonlyMap<string, NumberRow>) => {
    const toAdd: ImportLine[] = [];
    const held: ImportRowResult[] = [];
    for (const item of batch) {
      const { line, candidate } = item;
      const number = candidate.number.number;
      const existing = existingRows.get(number);
      if (!existing) {
        toAdd.push(item);
        continue;
      }
      const diff = differences(existing, candidate);
      if (diff.length === 0) held.push({ line, number, status: 'duplicate', reason: 'already in the inventory with the same fields' });
      else
        held.push({
          line,
          number,
          status: 'conflicting',
          reason: `already in the inventory (${existing.state}) with a different ${diff.join(', ')}`,
        });
    }
    return { toAdd, held };
  };

  const flush = async () => {
    let sorted: ReturnType<typeof sortBatch> = { toAdd: [], held: [] };
    const added = await target.writeBatch(
      batch,
      (existingRows) => {
        sorted = sortBatch(existingRows);
        return sorted.toAdd;
      },
      audit,
      dryRun,
    );
    // Recorded once the batch is written: a batch whose transaction failed reports nothing.
    for (const result of sorted.held) record(result);
    for (const { line, candidate } of sorted.toAdd) {
      const number = candidate.number.number;
      if (!added.has(number)) {
        record({ line, number, status: 'duplicate', reason: 'added to the inventory meanwhile, by another client' });
        continue;
      }
      if (!dryRun) imported++;
      record({ line, number, status: 'add' });
    }
    batch = [];
    options.onProgress?.({ rows, total, imported });
    await yieldToEventLoop();
  };
  let cancelled = false;

  for await (const row of readRows(file, format)) {
    if (!header) {
      header = readHeader(file, row.cells);
      continue;
    }
    if (row.cells.every((c) => c.trim() === '')) continue;
    rows++;
    const reading = readImportRow(cellsByColumn(header, row.cells), audit.at);
    if (!reading.ok) {
      record({ line: row.line, number: reading.number, status: 'invalid', reason: reading.reason });
      continue;
    }
    const number = reading.candidate.number.number;
    const firstLine = seen.get(number);
    if (firstLine !== undefined) {
      record({ line: row.line, number, status: 'duplicate', reason: `repeats line ${firstLine} of the file` });
      continue;
    }
    seen.set(number, row.line);
    batch.push({ line: row.line, candidate: reading.candidate });
    if (batch.length >= batchSize) await flush();
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
  }
  if (!header) throw new InventoryError('INVALID_INPUT', `Import: ${file} is not an inventory file: it is empty`);
  if (!cancelled) await flush();
  results.sort((a, b) => a.line - b.line);
  return {
    file,
    dryRun,
    rows,
    counts,
    imported,
    results,
    resultsTruncated: truncated,
    ignoredColumns: header.ignored,
    ...(cancelled ? { cancelled } : {}),
  };
}
