// Files uploaded for import (browser mode's file input), kept in a private folder under the
// system's temporary folder until the inventory closes, so that a dry run and the import after it
// read the same file. Each upload is written piece by piece into a folder of its own under the
// name the operator chose, so that the import's messages and its audit name the file they know.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';
import { importUploadSchema, type ImportUpload } from '../../../shared/import-source';
import { parseOrThrow } from '../validation';

/** The most one upload may hold: each import's own file limit applies after this. */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/** An uploaded file: where it is kept, and the name the operator chose. */
export interface UploadedFile {
  file: string;
  name: string;
}

/** The chosen name as a plain file name: no folders, nothing a file system treats specially. */
const safeName = (name: string) => path.basename(name.replace(/\\/g, '/')).replace(/[^\p{L}\p{N} ._()-]/gu, '_');

export class ImportUploads {
  private folder: string | null = null;
  private readonly uploads = new Map<string, UploadedFile & { bytes: number }>();

  add(raw: unknown): ImportUpload {
    const piece = parseOrThrow(importUploadSchema, raw, 'Import');
    const bytes = Buffer.from(piece.chunk, 'base64');
    if (piece.uploadId === undefined) {
      const uploadId = randomUUID();
      const folder = path.join(this.ensureFolder(), uploadId);
      fs.mkdirSync(folder, { mode: 0o700 });
      const name = safeName(piece.name);
      const file = path.join(folder, name);
      fs.writeFileSync(file, bytes, { flag: 'wx', mode: 0o600 });
      this.uploads.set(uploadId, { file, name, bytes: bytes.length });
      return { uploadId, bytes: bytes.length };
    }
    const upload = this.known(piece.uploadId);
    if (upload.bytes + bytes.length > MAX_UPLOAD_BYTES) throw new InventoryError('LIMIT_EXCEEDED', 'Import: the file is larger than 2 GB.');
    fs.appendFileSync(upload.file, bytes);
    upload.bytes += bytes.length;
    return { uploadId: piece.uploadId, bytes: upload.bytes };
  }

  /** The upload named by `uploadId`, or a refusal telling the operator to choose the file again. */
  fileOf(uploadId: string): UploadedFile {
    const { file, name } = this.known(uploadId);
    return { file, name };
  }

  /** Removes every upload (when the inventory closes). */
  clear(): void {
    if (this.folder) fs.rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
    this.uploads.clear();
  }

  private known(uploadId: string): UploadedFile & { bytes: number } {
    const upload = this.uploads.get(uploadId);
    if (!upload)
      throw new InventoryError('NOT_FOUND', 'Import: that upload is not known (it may have been cleared); choose the file again.');
    return upload;
  }

  private ensureFolder(): string {
    this.folder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'number-inventory-import-'));
    return this.folder;
  }
}
