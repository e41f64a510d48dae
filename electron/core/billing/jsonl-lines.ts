// Reading a JSON Lines file, streaming, within the import's limits (IMPORT_LIMITS): its size, its
// lines, each line's length, UTF-8 throughout. Memory stays flat whatever the file holds: a line
// is refused as soon as its bytes could not be within the limit, before it is gathered.
import fs from 'node:fs';
import { IMPORT_LIMITS } from '../import/limits';
import { NOT_UTF8_TEXT, refuseImport, tooManyRows } from '../import/refusal';

const LF = 0x0a;

export interface JsonLine {
  /** Line in the file, from 1. */
  line: number;
  text: string;
}

export async function* jsonLines(file: string, limits = IMPORT_LIMITS): AsyncGenerator<JsonLine> {
  if (fs.statSync(file).size > limits.maxCsvBytes) throw refuseImport(file, `it is larger than ${limits.maxCsvBytes} bytes`);
  // A character takes at most 4 bytes of UTF-8.
  const maxLineBytes = limits.maxRowChars * 4;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 0;
  let lines = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const finish = (bytes: Buffer): JsonLine | null => {
    line++;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw refuseImport(file, `${NOT_UTF8_TEXT}; line ${line} is the first that is not`);
    }
    if (line === 1 && text.startsWith('\ufeff')) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.length > limits.maxRowChars)
      throw refuseImport(file, `line ${line} holds ${text.length} characters (at most ${limits.maxRowChars})`);
    if (text.trim() === '') return null;
    if (++lines > limits.maxRows) throw tooManyRows(file, limits.maxRows);
    return { line, text };
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(LF); end !== -1; end = chunk.indexOf(LF, start)) {
      const piece = chunk.subarray(start, end);
      const bytes = pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingBytes = 0;
      if (bytes.length > maxLineBytes) throw refuseImport(file, `line ${line + 1} is longer than ${limits.maxRowChars} characters`);
      const read = finish(bytes);
      if (read) yield read;
      start = end + 1;
    }
    const rest = chunk.subarray(start);
    pendingBytes += rest.length;
    if (pendingBytes > maxLineBytes) throw refuseImport(file, `line ${line + 1} is longer than ${limits.maxRowChars} characters`);
    if (rest.length) pending.push(Buffer.from(rest));
  }
  if (pendingBytes > 0) {
    const read = finish(Buffer.concat(pending));
    if (read) yield read;
  }
}
