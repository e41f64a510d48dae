// Files uploaded for import, kept in a private folder of their own under the system's temporary
// folder until the inventory closes: each upload a fresh file, written piece by piece.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';
import { importUploadSchema, type ImportUpload } from '../../../shared/import-app';
import { parseOrThrow } from '../validation';

/** The most one upload may hold: the import's own file limit applies after this. */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

export class ImportUploads {
  private folder: string | null = null;
  private readonly uploads = new Map<string, { file: string; bytes: number }>();

  add(raw: unknown): ImportUpload {
    const piece = parseOrThrow(importUploadSchema, raw, 'Import');
    const bytes = Buffer.from(piece.chunk, 'base64');
    if (piece.uploadId === undefined) {
      const uploadId = randomUUID();
      // Only the extension of the given name is kept: the name never chooses where to write.
      const file = path.join(this.ensureFolder(), `${uploadId}${path.extname(piece.name).toLowerCase()}`);
      fs.writeFileSync(file, bytes, { flag: 'wx', mode: 0o600 });
      this.uploads.set(uploadId, { file, bytes: bytes.length });
      return { uploadId, file, bytes: bytes.length };
    }
    const upload = this.uploads.get(piece.uploadId);
    if (!upload)
      throw new InventoryError('NOT_FOUND', 'Import: that upload is not known (it may have been cleared); choose the file again.');
    if (upload.bytes + bytes.length > MAX_UPLOAD_BYTES) throw new InventoryError('LIMIT_EXCEEDED', 'Import: the file is larger than 2 GB.');
    fs.appendFileSync(upload.file, bytes);
    upload.bytes += bytes.length;
    return { uploadId: piece.uploadId, file: upload.file, bytes: upload.bytes };
  }

  /** Whether `file` is one of these uploads (the page may name it back for the import). */
  owns(file: string): boolean {
    const target = path.resolve(file);
    for (const upload of this.uploads.values()) if (upload.file === target) return true;
    return false;
  }

  /** Removes every upload (when the inventory closes). */
  clear(): void {
    if (this.folder) fs.rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
    this.uploads.clear();
  }

  private ensureFolder(): string {
    this.folder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'number-inventory-import-'));
    return this.folder;
  }
}
