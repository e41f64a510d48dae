// A streaming CSV writer: lines are encoded into chunks of 1 MB and written synchronously (the
// export runs in a worker thread, so blocking writes keep memory flat without backpressure).
import fs from 'node:fs';
import { csvLine } from './csv-cell';
import { Utf8Chunks } from './utf8-chunks';

const CHUNK = 1 << 20;

export class CsvStreamWriter {
  private readonly fd: number;
  private readonly chunks: Utf8Chunks;
  private rowCount = 0;

  constructor(path: string) {
    this.fd = fs.openSync(path, 'w');
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
    fs.closeSync(this.fd);
  }

  abort(): void {
    fs.closeSync(this.fd);
  }
}
