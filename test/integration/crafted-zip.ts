// Zip files written byte by byte, for the import tests that need what no zip tool writes: a central
// directory that lies about an entry's size, or an entry that inflates to a gigabyte from a few
// kilobytes (built in milliseconds, see repeatDeflated).
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface CraftedEntry {
  name: string;
  /** The entry's content; deflated here unless `deflated` is given. */
  data?: Buffer | string;
  /** Raw deflate data and the size and CRC of what it inflates to, for entries built elsewhere. */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** The uncompressed size the central directory (and the local header) declares, when it should lie. */
  declaredSize?: number;
}

/**
 * Raw deflate data inflating to `head`, then `block` repeated `times`, then `tail`. Each piece ends
 * with a full flush (byte-aligned, no reference to earlier data), so the block is compressed once
 * and its bytes repeated: a gigabyte of content costs the time of compressing one block.
 */
export function repeatDeflated(head: string, block: Buffer, times: number, tail: string): { bytes: Buffer; size: number; crc: number } {
  const flushed = (data: Buffer) => zlib.deflateRawSync(data, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  const blockDeflated = flushed(block);
  const pieces = [flushed(headBytes), ...Array<Buffer>(times).fill(blockDeflated), zlib.deflateRawSync(tailBytes)];
  let crc = zlib.crc32(headBytes);
  for (let i = 0; i < times; i++) crc = zlib.crc32(block, crc);
  crc = zlib.crc32(tailBytes, crc);
  return { bytes: Buffer.concat(pieces), size: headBytes.length + block.length * times + tailBytes.length, crc };
}

export function writeCraftedZip(file: string, entries: CraftedEntry[]): void {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const content = entry.deflated ?? deflate(entry.data ?? '');
    const declared = entry.declaredSize ?? content.size;
    const header = (signature: number, length: number) => {
      const b = Buffer.alloc(length);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(content.crc >>> 0, 14);
    local.writeUInt32LE(content.bytes.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, content.bytes);

    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(8, 10); // deflate
    central.writeUInt32LE(content.crc >>> 0, 16);
    central.writeUInt32LE(content.bytes.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += local.length + name.length + content.bytes.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, directoryBytes, end]));
}

function deflate(data: Buffer | string): { bytes: Buffer; size: number; crc: number } {
  const raw = Buffer.from(data);
  return { bytes: zlib.deflateRawSync(raw), size: raw.length, crc: zlib.crc32(raw) };
}

/** The parts every workbook has, around a first sheet at xl/worksheets/sheet1.xml. */
export const WORKBOOK_PARTS: CraftedEntry[] = [
  {
    name: '[Content_Types].xml',
    data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  },
  {
    name: 'xl/workbook.xml',
    data:
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Numbers" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data:
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
      '</Relationships>',
  },
];
