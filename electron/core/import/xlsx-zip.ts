// The zip an XLSX workbook is, opened for reading within IMPORT_LIMITS.
//
// The central directory is checked before anything is inflated: the entry count, each entry's
// declared uncompressed size and compression ratio, and their total. Then each part is inflated
// from where the directory says (yauzl reads by the directory, never by scanning local headers),
// with yauzl's byte count on the inflated stream (validateEntrySizes): an entry that inflates past
// the size its directory declared fails at that byte, so what is inflated in total never exceeds the
// declared total the directory checks allowed. A lying directory is refused within one inflate chunk.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { isInventoryError } from '../../../shared/errors';
import { IMPORT_LIMITS } from './limits';
import { refuseImport } from './refusal';

export interface XlsxZip {
  /** The entry of that name, or undefined. */
  has(name: string): boolean;
  /** The part inflated, refused when its declared size is over `maxBytes` or it inflates past its declared size. */
  open(name: string, maxBytes: number): Promise<Readable>;
  close(): void;
}

/** Declared sizes below this never count as a bomb, whatever their ratio (empty parts compress "infinitely"). */
const SMALL_ENTRY = 4096;

export async function openXlsxZip(file: string, limits = IMPORT_LIMITS): Promise<XlsxZip> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, validateEntrySizes: true, autoClose: false, decodeStrings: true });
  } catch (error) {
    throw refuseImport(file, `it is not a valid XLSX (zip) file (${(error as Error).message})`);
  }
  try {
    if (zip.entryCount > limits.maxZipEntries)
      throw refuseImport(file, `it holds ${zip.entryCount} zip entries (at most ${limits.maxZipEntries})`);
    const entries = new Map<string, Entry>();
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (entries.has(name)) throw refuseImport(file, `its zip holds two entries named ${name}`);
      total += entry.uncompressedSize;
      if (total > limits.maxUncompressedBytes)
        throw refuseImport(file, `it would inflate to more than ${limits.maxUncompressedBytes} bytes`);
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > SMALL_ENTRY && ratio > limits.maxCompressionRatio)
        throw refuseImport(file, `its entry ${name} inflates ${Math.round(ratio)}x (a zip bomb; at most ${limits.maxCompressionRatio}x)`);
      entries.set(name, entry);
    }
    return {
      has: (name) => entries.has(name),
      async open(name, maxBytes) {
        const entry = entries.get(name);
        if (!entry) throw refuseImport(file, `it is not an XLSX workbook: it has no ${name}`);
        if (entry.uncompressedSize > maxBytes)
          throw refuseImport(file, `its part ${name} is ${entry.uncompressedSize} bytes (at most ${maxBytes})`);
        try {
          return await zip.openReadStreamPromise(entry);
        } catch (error) {
          throw refuseImport(file, `its part ${name} cannot be read (${(error as Error).message})`);
        }
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    if (isInventoryError(error)) throw error;
    throw refuseImport(file, `its zip directory is damaged (${(error as Error).message})`);
  }
}

/** The words for a failure of an inflated part's stream: yauzl's size check, or damaged data. */
export function describePartFailure(part: string, error: Error): string {
  if (/^too many bytes in the stream/.test(error.message))
    return `its part ${part} inflates to more than the size its zip directory declares (a damaged file or a zip bomb)`;
  return `its part ${part} cannot be read (${error.message})`;
}
