// A streaming CSV writer: lines are gathered into chunks of about 1 MB and written synchronously
// (the export runs in a worker thread, so blocking writes keep memory flat without backpressure).
import fs from 'node:fs';
import { csvLine } from './csv-cell';

const CHUNK = 1 << 20;

export class CsvStreamWriter {
  private readonly fd: number;
  private buffer = '';
  private rowCount = 0;

  constructor(path: string) {
    this.fd = fs.openSync(path, 'w');
    // A byte order mark so spreadsheet programs read the file as UTF-8.
    this.buffer = '\uFEFF';
  }

  writeRows(rows: readonly (readonly string[])[]): void {
    for (const cells of rows) {
      this.buffer += csvLine(cells);
      this.rowCount++;
    }
    if (this.buffer.length >= CHUNK) this.flush();
  }

  get rowsWritten(): number {
    return this.rowCount;
  }

  private flush(): void {
    if (this.buffer) fs.writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  finish(): void {
    this.flush();
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
  }

  abort(): void {
    fs.closeSync(this.fd);
  }
}
