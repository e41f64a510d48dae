// Exports in flight, recorded beside the database, so that the next start removes the FILE.partial
// of an export whose process was killed (kill -9, a crash, a power cut) before it could.
//
// Why small files beside the database and not a table in it: an export must work on a database
// opened read-only, and a row written for every export would wake every window watching the
// database for changes. One record file per export, written and removed by the process running
// it, needs no locking between processes (the desktop app, browser mode and the CLI may share a
// database). A record is written to a temporary name and renamed, so a reader never sees half.
//
// The next start (of any of them) removes the partial file of each record whose process is gone,
// if it is still the file the export created (a regular file of the same device, inode and time of
// creation), then the record. Records of live processes, or of another machine sharing the folder, are left alone.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { discardPartial, PARTIAL_SUFFIX, type PartialFile } from './partial-file';

const RECORD = '.json';

const recordSchema = z.object({
  partial: z.object({ path: z.string().endsWith(PARTIAL_SUFFIX), dev: z.string(), ino: z.string(), born: z.string() }),
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(),
});

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

export class ExportJournal {
  /** Null for a database without a file (in memory): its exports cannot outlive it. */
  private readonly folder: string | null;

  constructor(databaseFile: string) {
    this.folder = databaseFile === '' || databaseFile === ':memory:' ? null : `${path.resolve(databaseFile)}-exports`;
  }

  /**
   * Records an export in flight; answers the record's id, or null when the folder cannot be
   * written (a database in a read-only folder): the export then runs, unrecorded.
   */
  record(partial: PartialFile): string | null {
    if (!this.folder) return null;
    const id = randomUUID();
    const record: z.infer<typeof recordSchema> = { partial, pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
    const temporary = path.join(this.folder, `${id}.tmp`);
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify(record), { flag: 'wx', mode: 0o600 });
      fs.renameSync(temporary, path.join(this.folder, `${id}${RECORD}`));
      return id;
    } catch {
      fs.rmSync(temporary, { force: true });
      return null;
    }
  }

  /** Removes a record (the export ended and its partial file is gone). Never throws. */
  forget(id: string | null): void {
    if (!this.folder || id === null) return;
    try {
      fs.rmSync(path.join(this.folder, `${id}${RECORD}`), { force: true });
      // The last record gone, the folder goes too (fails harmlessly while others remain).
      fs.rmdirSync(this.folder);
    } catch {
      // Not empty, or not ours to remove: the next start looks again.
    }
  }

  /** Removes what the exports of processes no longer running left behind. Never throws. */
  removeLeftovers(): void {
    if (!this.folder) return;
    let names: string[];
    try {
      names = fs.readdirSync(this.folder);
    } catch {
      return; // no exports recorded (the usual case)
    }
    for (const name of names.filter((n) => n.endsWith(RECORD))) {
      const record = this.read(path.join(this.folder, name));
      if (record && (record.host !== os.hostname() || isRunning(record.pid))) continue;
      // An unreadable record names nothing to remove; a partial file that cannot be removed keeps its record.
      if (record === null || discardPartial(record.partial)) this.forget(name.slice(0, -RECORD.length));
    }
  }

  private read(file: string): z.infer<typeof recordSchema> | null {
    try {
      const parsed = recordSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
