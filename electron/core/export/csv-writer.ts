// A streaming CSV writer: lines are encoded into chunks of 1 MB and written synchronously (the
// export runs in a worker thread, so blocking writes keep memory flat without backpressure). It
// writes to a descriptor it is given (the export's exclusively created FILE.partial) and closes it.
import fs from 'node:fs';
import { csvLine } from './csv-cell';
import { Utf8Chunks } from './utf8-chunks';

const CHUNK = 1 << 20;

export class CsvStreamWriter {
  private readonly fd: number;
  private readonly chunks: Utf8Chunks;
  private rowCount = 0;
  private open = true;

  constructor(fd: number) {
    this.fd = fd;
    this.chunks = new Utf8Chunks(CHUNK, (bytes) => this.writeAll(bytes), false);
    // A byte order mark so spreadsheet programs read the file as UTF-8.
    this.chunks.put('\uFEFF');
  }

  writeRows(rows: readonly (readonly string[])[]): void {
    for (const cells of rows) {
      this.chunks.put(csvLine(cells));
      this.rowCount++;
    }
  }

  get rowsWritten(): number {
    return this.rowCount;
  }

  private writeAll(bytes: Buffer): void {
    let done = 0;
    // writeSync may write less than asked (a full disk returns an error instead).
    while (done < bytes.length) done += fs.writeSync(this.fd, bytes, done, bytes.length - done);
  }

  finish(): void {
    this.chunks.flush();
    fs.fsyncSync(this.fd);
    this.close();
  }

  /** Stops writing (the caller removes the file); may follow a failed finish. */
  abort(): void {
    if (this.open) this.close();
  }

  // Closed exactly once: a descriptor closed twice may by then belong to another file.
  private close(): void {
    this.open = false;
    fs.closeSync(this.fd);
  }
}
