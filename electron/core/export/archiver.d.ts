// The small part of archiver's API the XLSX writer uses (archiver ships no types and
// @types/archiver is not installed; archiver itself is installed as exceljs's dependency).
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream';

  interface ZipOptions {
    zlib?: { level?: number; chunkSize?: number };
    forceZip64?: boolean;
  }
  interface EntryData {
    name: string;
    date?: Date;
  }
  interface Archiver extends Transform {
    append(source: string | Buffer | Readable, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
    pointer(): number;
  }
  function archiver(format: 'zip', options?: ZipOptions): Archiver;
  export = archiver;
}
