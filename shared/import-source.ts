// Where a file to import comes from, for every import the app offers: a path the desktop app's
// Open dialog chose (the main process shows it and accepts only what was chosen there), or the
// content of a file the page read itself and uploads with its name (browser mode's file input).
import { z } from 'zod';

/** Characters of an uploaded file: within browser mode's 32 MB request limit (base64 grows bytes by a third). */
export const IMPORT_UPLOAD_MAX_CHARS = 30_000_000;

export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().trim().min(1).max(4096) }),
  z.object({
    kind: z.literal('upload'),
    name: z.string().trim().min(1, { error: 'File name is required' }).max(255, { error: 'File name is longer than 255 characters' }),
    /** The file's text (utf8), or its bytes in base64 (a binary file such as XLSX). */
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    content: z.string().max(IMPORT_UPLOAD_MAX_CHARS, { error: `The file is larger than ${IMPORT_UPLOAD_MAX_CHARS} characters` }),
  }),
]);
export type ImportSource = z.input<typeof importSourceSchema>;
export type ParsedImportSource = z.output<typeof importSourceSchema>;

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
 * send its content; otherwise `path` is the file chosen in the desktop app's Open dialog (null:
 * cancelled).
 */
export interface ChosenImportFile {
  upload: boolean;
  path: string | null;
}
