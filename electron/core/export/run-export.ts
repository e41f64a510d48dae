// Exporting every row a search matches (in number order), or the activity log's events, to CSV or XLSX.
//
// Streams: rows are read with one iterator (one read snapshot, so the file is consistent even while
// the app goes on writing) and written in batches. The file is written as FILE.partial (created
// exclusively, see partial-file.ts) and renamed only when complete, so a cancelled or failed export
// leaves nothing behind.
import fs from 'node:fs';
import type { Db } from '../db/connection';
import { activityExportSource } from '../activity/export-rows';
import { parseOrThrow } from '../validation';
import { CsvStreamWriter } from './csv-writer';
import { commitPartial, createPartial, discardPartial, reopenPartial, type PartialFile } from './partial-file';
import { numbersExportSource, type ExportSource } from './source';
import { exportRequestSchema, type ExportProgress, type ExportSummary, type ParsedExportRequest } from './types';
import { XlsxStreamWriter } from './xlsx-writer';

const BATCH = 1000;

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled');
    this.name = 'ExportCancelled';
  }
}

export interface ExportHooks {
  onProgress?: (progress: ExportProgress) => void;
  isCancelled?: () => boolean;
  /** Rows between progress reports. */
  progressEvery?: number;
  /** Rows an XLSX sheet holds, header included (Excel's limit unless a test wants a small sheet). */
  rowsPerSheet?: number;
}

/** Where an export's rows come from: the inventory file (below) or a team database (store/postgres/export-source.ts). */
export type OpenExportSource = (request: ParsedExportRequest) => ExportSource | Promise<ExportSource>;

/**
 * Exports to `request.out` through FILE.partial: the one the export's host created (`created`, in
 * the worker), or one created here.
 */
export async function exportToFile(db: Db, rawRequest: unknown, hooks: ExportHooks = {}, created?: PartialFile): Promise<ExportSummary> {
  const open: OpenExportSource = (request) =>
    request.activity ? activityExportSource(db, request.activity) : numbersExportSource(db, request.filter);
  return exportSourceToFile(open, rawRequest, hooks, created);
}

/** Batches of rows; a synchronous source (SQLite's) is read without a promise per row. */
async function* batchesOf(rows: ExportSource['rows'], size: number): AsyncGenerator<string[][]> {
  let batch: string[][] = [];
  if (Symbol.asyncIterator in rows) {
    for await (const cells of rows) {
      batch.push(cells);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  } else {
    for (const cells of rows) {
      batch.push(cells);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  }
  yield batch;
}

/** The export of whatever `open` reads, as exportToFile; the source is closed however the export ends. */
export async function exportSourceToFile(
  open: OpenExportSource,
  rawRequest: unknown,
  hooks: ExportHooks = {},
  created?: PartialFile,
): Promise<ExportSummary> {
  const request = parseOrThrow(exportRequestSchema, rawRequest, 'Export');
  const { partial, fd } = created ? { partial: created, fd: reopenPartial(created) } : createPartial(request.out);
  let writer: CsvStreamWriter | XlsxStreamWriter | undefined;
  let source: ExportSource | undefined;
  let done = 0;
  try {
    source = await open(request);
    const { total } = source;
    const every = hooks.progressEvery ?? 10_000;
    if (request.format === 'csv') {
      writer = new CsvStreamWriter(fd);
      await writer.writeRows([[...source.header]]);
    } else {
      // More rows than a sheet holds continue on further sheets, each with the header.
      writer = new XlsxStreamWriter(fd, {
        header: source.header,
        sheetName: source.sheetName,
        sharedColumns: source.sharedColumns,
        rowsPerSheet: hooks.rowsPerSheet,
      });
    }
    hooks.onProgress?.({ rows: 0, total });
    for await (const batch of batchesOf(source.rows, BATCH)) {
      if (hooks.isCancelled?.()) throw new ExportCancelled();
      await writer.writeRows(batch);
      done += batch.length;
      if (batch.length === BATCH && done % every === 0) hooks.onProgress?.({ rows: done, total });
    }
    await writer.finish();
    commitPartial(partial, request.out);
    hooks.onProgress?.({ rows: done, total });
    return { file: request.out, format: request.format, rows: done };
  } catch (error) {
    // The writer owns the descriptor once made; before that it is closed here.
    if (writer) await writer.abort();
    else closeQuietly(fd);
    discardPartial(partial);
    throw error;
  } finally {
    await source?.close?.();
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Already closed: nothing to release.
  }
}
