// Sends a file chosen in the page (browser mode's file input) to the core in pieces, and answers
// the upload it became: the page never learns or names where the core keeps it.
import { IMPORT_UPLOAD_CHUNK_CHARS, type ImportSource } from '../../../shared/import-source';
import { call } from '../api/client';

/** Bytes per piece: base64 writes 4 characters for every 3 bytes. */
const PIECE_BYTES = (IMPORT_UPLOAD_CHUNK_CHARS / 4) * 3;

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its characters as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function uploadForImport(file: File, onProgress: (sent: number) => void): Promise<ImportSource> {
  let uploadId: string | undefined;
  for (let start = 0; start === 0 || start < file.size; start += PIECE_BYTES) {
    const bytes = new Uint8Array(await file.slice(start, start + PIECE_BYTES).arrayBuffer());
    uploadId = (await call('import:upload', { uploadId, name: file.name, chunk: base64Of(bytes) })).uploadId;
    onProgress(Math.min(file.size, start + PIECE_BYTES));
  }
  // The loop runs at least once, so the first piece's answer named the upload.
  return { kind: 'upload', uploadId: uploadId as string };
}
