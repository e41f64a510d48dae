// What an export is asked to do and what it reports, shared by the worker, its host and the API.
import type { z } from 'zod';
import { exportStartSchema, type ExportFormat, type ExportStart } from '../../../shared/transfer';

export { EXPORT_FORMATS, type ExportFormat } from '../../../shared/transfer';

export const exportRequestSchema = exportStartSchema;
export type ExportRequest = ExportStart;
/** A request as validated: its defaults filled in. */
export type ParsedExportRequest = z.output<typeof exportStartSchema>;

export interface ExportProgress {
  rows: number;
  total: number;
}

export interface ExportSummary {
  file: string;
  format: ExportFormat;
  rows: number;
}
