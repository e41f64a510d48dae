// Export, import and saved searches: the shapes the IPC contract, the CLI and the renderer share.
import { z } from 'zod';
import type { ErrorInfo } from './errors';
import { activityFilterSchema } from './activity';
import { searchFilterSchema, type SearchFilter } from './search';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportStartSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  /** Absolute path of the file to write (from the save dialog in the app, typed in browser mode). */
  out: z.string().trim().min(1).max(4096),
  filter: searchFilterSchema.default({}),
  /** Export the activity log's events matching this filter instead of the numbers `filter` matches. */
  activity: activityFilterSchema.optional(),
});
export type ExportStart = z.input<typeof exportStartSchema>;

type ExportJobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ExportStatus {
  id: string;
  state: ExportJobState;
  format: ExportFormat;
  file: string;
  rows: number;
  total: number;
  /** Why it failed, when it did. */
  error?: ErrorInfo;
}

export const IMPORT_ROW_STATUSES = ['add', 'invalid', 'duplicate', 'conflicting'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

export interface ImportRowResult {
  /** Line of the row in the file, header = 1. */
  line: number;
  number: string | null;
  status: ImportRowStatus;
  /** Why a row is invalid, a duplicate or conflicting. */
  reason?: string;
}

export interface ImportReport {
  file: string;
  dryRun: boolean;
  /** Data rows read (header excluded). */
  rows: number;
  counts: Record<ImportRowStatus, number>;
  /** Rows written to the inventory (0 on a dry run). */
  imported: number;
  /** Per-row results: every problem row (up to a limit), and the first rows to add. */
  results: ImportRowResult[];
  /** True when some per-row results were left out; the counts are always complete. */
  resultsTruncated: boolean;
  /** Header cells that are not inventory columns, ignored. */
  ignoredColumns: string[];
  /** Stopped by Cancel between batches: the batches before it are in the inventory. */
  cancelled?: boolean;
}

export const importRequestSchema = z.object({
  file: z.string().trim().min(1).max(4096),
  dryRun: z.boolean().default(true),
});

export interface SavedSearch {
  id: number;
  name: string;
  filter: SearchFilter;
  createdAt: string;
  updatedAt: string;
}

export const saveSearchSchema = z.object({
  name: z.string().trim().min(1, { error: 'Name is required' }).max(100, { error: 'Name is longer than 100 characters' }),
  filter: searchFilterSchema,
  /** Replace a saved search of the same name instead of refusing. */
  overwrite: z.boolean().default(false),
});
export type SaveSearchRequest = z.input<typeof saveSearchSchema>;

/** Why a file whose bytes are not UTF-8 is refused (import, organizations CSV), and what the user can do about it. */
export const NOT_UTF8_TEXT = 'the file is not UTF-8 text (save it as CSV UTF-8)';
