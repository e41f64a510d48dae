// A first, fast pass over a CSV file, before any row is parsed: it is UTF-8, no record has more
// cells than IMPORT_LIMITS allows, and it has no more records than the limit. Each is refused at the
// byte that crosses it, with memory flat whatever the file holds.
//
// Why a pass of its own: the parser (csv-parse) builds a whole record before anyone can count its
// cells (100,000,000 commas on one line took 5.5 GB), its only per-cell hook (cast) made parsing
// ten times slower, and it reads a 2,000,000-row file in about 25 s where this pass takes about 1 s,
// so a file over the row limit is refused before the slow reading starts. The parser is told the
// same record delimiters (csv-rows.ts) and keeps every check of its own, so this pass only ever
// refuses sooner.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { IMPORT_LIMITS } from './limits';
import { NOT_UTF8_TEXT, refuseImport, tooManyRows } from './refusal';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Bytes at the end of `chunk` that start a UTF-8 character the chunk does not finish. */
function unfinishedTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** Offset of the first byte of `bytes` that is not UTF-8 (they are known not to be). */
function firstInvalidByte(bytes: Buffer): number {
  // A prefix decodes cleanly, in streaming mode, exactly when it holds no invalid byte.
  const clean = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (clean(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

const countLines = (bytes: Buffer) => {
  let lines = 0;
  for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) lines++;
  return lines;
};

export async function scanCsv(file: string, limits = IMPORT_LIMITS): Promise<void> {
  const maxRecords = limits.maxRows + 1; // and the header
  let line = 1;
  let lineFeeds = 0; // for the line of a byte that is not UTF-8
  let records = 0;
  let cells = 1;
  let filled = false;
  let quoted = false;
  let afterCr = false;
  let carry: Buffer = Buffer.alloc(0);
  for await (const read of fs.createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    const chunk = carry.length ? Buffer.concat([carry, read]) : read;
    const complete = chunk.length - unfinishedTail(chunk);
    const text = chunk.subarray(0, complete);
    if (!isUtf8(text)) {
      const bad = firstInvalidByte(text);
      throw refuseImport(file, `${NOT_UTF8_TEXT}; line ${lineFeeds + countLines(text.subarray(0, bad)) + 1} is the first that is not`);
    }
    carry = chunk.subarray(complete);
    lineFeeds += countLines(text);
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c > COMMA) {
        filled = true;
        afterCr = false;
        continue;
      }
      if (c === LF && afterCr) {
        afterCr = false;
        continue; // the rest of a CRLF
      }
      afterCr = c === CR;
      if (c === QUOTE) {
        quoted = !quoted; // "" inside a quoted cell toggles twice
        filled = true;
      } else if (c === LF || c === CR) {
        line++;
        if (quoted) continue;
        if (filled && ++records > maxRecords) throw tooManyRows(file, limits.maxRows);
        cells = 1;
        filled = false;
      } else if (quoted) {
        continue;
      } else if (c === COMMA) {
        filled = true;
        if (++cells > limits.maxColumns)
          throw refuseImport(file, `row ${line} has more than ${limits.maxColumns} cells (at most ${limits.maxColumns})`);
      } else {
        filled = true;
      }
    }
  }
  if (carry.length) throw refuseImport(file, `${NOT_UTF8_TEXT}; its last character is cut short`);
  if (filled && records + 1 > maxRecords) throw tooManyRows(file, limits.maxRows);
}
