// Files the user names for the core to read (an inventory file, an organizations CSV): only a
// regular file. A FIFO would block the reader forever and a device such as /dev/zero never ends;
// both are refused from their type (stat never blocks) before anything opens them.
import fs from 'node:fs';
import { InventoryError } from '../../shared/errors';
import { NOT_UTF8_TEXT } from './import/refusal';

/** The file's size; refused when it does not exist or is not a regular file. */
export function requireRegularFile(file: string, what: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InventoryError('NOT_FOUND', `${what}: ${file} does not exist or cannot be read`);
  }
  if (!stat.isFile()) throw new InventoryError('INVALID_INPUT', `${what}: ${file} is not a regular file`);
  return stat.size;
}

/** A regular file of at most `maxBytes`, as UTF-8 text (refused if it is not). */
export function readUtf8File(file: string, maxBytes: number, what: string): string {
  if (requireRegularFile(file, what) > maxBytes)
    throw new InventoryError('INVALID_INPUT', `${what}: ${file} is larger than ${maxBytes} bytes`);
  // Opened without blocking, in case the file was swapped for a FIFO since the check; read by the
  // size of what was opened.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes)
      throw new InventoryError('INVALID_INPUT', `${what}: ${file} is not a regular file of at most ${maxBytes} bytes`);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = fs.readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, read));
    } catch {
      throw new InventoryError('INVALID_INPUT', `${what}: ${file} is refused: ${NOT_UTF8_TEXT}`);
    }
  } finally {
    fs.closeSync(fd);
  }
}
