// Checks an XLSX (a zip) from its central directory alone, before anything is inflated: the entry
// count, each entry's declared uncompressed size and compression ratio, and the total. A zip bomb
// or a sheet too large for the inventory is refused here, before exceljs reads a byte of it.
//
// The central directory is read directly (a few fixed-size records, per APPNOTE.TXT 4.3.12-16):
// the readers at hand (exceljs, unzipper) start inflating as they go, which is what must not happen.
import fs from 'node:fs';
import { InventoryError } from '../../../shared/errors';
import { IMPORT_LIMITS } from './limits';

const EOCD_SIGNATURE = 0x06054b50;
const CD_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const refuse = (file: string, why: string) => new InventoryError('INVALID_INPUT', `Import: ${file} is refused: ${why}`);

export function readZipDirectory(file: string, limits = IMPORT_LIMITS): ZipEntryInfo[] {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - EOCD_MIN; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw refuse(file, 'it is not a valid XLSX (zip) file');
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    // Zip64 markers: an inventory workbook never needs them, a bomb might.
    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
      throw refuse(file, 'it is a Zip64 archive, larger than any inventory workbook');
    if (entries > limits.maxZipEntries) throw refuse(file, `it holds ${entries} zip entries (at most ${limits.maxZipEntries})`);
    if (cdOffset + cdSize > size) throw refuse(file, 'its zip directory is damaged');
    const cd = Buffer.alloc(cdSize);
    fs.readSync(fd, cd, 0, cdSize, cdOffset);
    const result: ZipEntryInfo[] = [];
    let pos = 0;
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (pos + 46 > cd.length || cd.readUInt32LE(pos) !== CD_SIGNATURE) throw refuse(file, 'its zip directory is damaged');
      const compressedSize = cd.readUInt32LE(pos + 20);
      const uncompressedSize = cd.readUInt32LE(pos + 24);
      const nameLength = cd.readUInt16LE(pos + 28);
      const extraLength = cd.readUInt16LE(pos + 30);
      const commentLength = cd.readUInt16LE(pos + 32);
      const name = cd.toString('utf8', pos + 46, pos + 46 + nameLength);
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)
        throw refuse(file, 'it is a Zip64 archive, larger than any inventory workbook');
      total += uncompressedSize;
      if (total > limits.maxUncompressedBytes) {
        throw refuse(file, `it would inflate to more than ${limits.maxUncompressedBytes} bytes`);
      }
      if (uncompressedSize > 4096 && uncompressedSize / Math.max(compressedSize, 1) > limits.maxCompressionRatio) {
        throw refuse(
          file,
          `its entry ${name} inflates ${Math.round(uncompressedSize / Math.max(compressedSize, 1))}x (a zip bomb; at most ${limits.maxCompressionRatio}x)`,
        );
      }
      result.push({ name, compressedSize, uncompressedSize });
      pos += 46 + nameLength + extraLength + commentLength;
    }
    return result;
  } finally {
    fs.closeSync(fd);
  }
}
