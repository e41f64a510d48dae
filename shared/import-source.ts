// Where a file to import comes from, for every import the app offers (numbers, billing events):
// a path (the CLI's argument, or the file the desktop app's Open dialog chose: the main process
// shows it and accepts only what was chosen there), or a file the page uploaded in pieces (browser
// mode's file input), named by the id its first piece was given. The page never names a path of
// its own and never learns where an upload is kept.
import { z } from 'zod';

/** Characters of base64 per upload piece: 6 MB of file, well inside one request. */
export const IMPORT_UPLOAD_CHUNK_CHARS = 8 * 1024 * 1024;

/** What the imports read: inventory files (CSV, XLSX) and billing feeds (CSV, JSON Lines). */
const IMPORT_FILE_EXTENSIONS = ['csv', 'xlsx', 'jsonl', 'json', 'txt'] as const;

const uploadId = z.string().uuid({ error: 'The upload is not known; choose the file again' });

export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().trim().min(1).max(4096) }),
  z.object({ kind: z.literal('upload'), uploadId }),
]);
export type ImportSource = z.input<typeof importSourceSchema>;
export type ParsedImportSource = z.output<typeof importSourceSchema>;

/** An import from a source: a dry run (the default) reports per row and writes nothing. */
export const importRunSchema = z.object({ source: importSourceSchema, dryRun: z.boolean().default(true) });
export type ImportRun = z.input<typeof importRunSchema>;

/** One piece of an upload: the first names the file, the rest the upload its answer named. */
export const importUploadSchema = z.object({
  /** Absent on the first piece. */
  uploadId: uploadId.optional(),
  name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(new RegExp(`\\.(${IMPORT_FILE_EXTENSIONS.join('|')})$`, 'i'), {
      error: `Choose a file ending in ${IMPORT_FILE_EXTENSIONS.map((e) => `.${e}`).join(', ')}`,
    }),
  chunk: z.string().max(IMPORT_UPLOAD_CHUNK_CHARS).base64({ error: 'The file piece is not base64' }),
});

export interface ImportUpload {
  uploadId: string;
  /** Bytes received so far. */
  bytes: number;
}

export const chooseImportFileSchema = z.object({
  /** The dialog's title ("Import billing events"). */
  title: z.string().trim().min(1).max(100),
  /** File name extensions the dialog offers, without the dot. */
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/))
    .max(10)
    .default([]),
  /** false: only say how the file is chosen (upload or dialog), show no dialog. */
  ask: z.boolean().default(true),
});

/**
 * How the page gets the file: `upload: true` (browser mode) means read it with a file input and
 * upload it in pieces; otherwise `path` is the file chosen in the desktop app's Open dialog (null:
 * cancelled).
 */
export interface ChosenImportFile {
  upload: boolean;
  path: string | null;
}
