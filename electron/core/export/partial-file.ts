// The file an export writes before renaming it into place, FILE.partial. It is created exclusively:
// never through a link planted at its name, never an existing file (O_CREAT | O_EXCL | O_NOFOLLOW),
// and it is known afterwards by device, inode and time of creation (a file made later in its place
// may get the same inode back), so the export renames or removes it only while it is still the
// file it created.
import fs from 'node:fs';
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';

export const PARTIAL_SUFFIX = '.partial';
const partialPath = (file: string) => `${file}${PARTIAL_SUFFIX}`;

/** FILE.partial by path and identity (decimal strings: an inode may not fit a double). */
export interface PartialFile {
  path: string;
  dev: string;
  ino: string;
  /** Its time of creation in nanoseconds ("0" where the file system does not keep it). */
  born: string;
}

// O_NOFOLLOW does not exist on Windows, where O_EXCL alone refuses any existing name, link or not.
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const CREATE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NO_FOLLOW;
const REOPEN_FLAGS = fs.constants.O_WRONLY | NO_FOLLOW;

const identityOf = (stats: fs.BigIntStats) => ({ dev: String(stats.dev), ino: String(stats.ino), born: String(stats.birthtimeNs) });
const isThe = (partial: PartialFile, stats: fs.BigIntStats) => {
  const now = identityOf(stats);
  return stats.isFile() && now.dev === partial.dev && now.ino === partial.ino && now.born === partial.born;
};

/** A name short enough to quote in a message. */
function quoted(name: string): string {
  return name.length > 60 ? `${name.slice(0, 40)}…${name.slice(-12)}` : name;
}

/** Why FILE.partial could not be created, in the words of someone choosing where to save. */
function creationRefusal(error: unknown, out: string): unknown {
  const code = (error as { code?: unknown }).code;
  const name = path.basename(out);
  const folder = path.dirname(out);
  switch (code) {
    case 'EEXIST':
      return new InventoryError(
        'INVALID_INPUT',
        `Export: ${quoted(name)}${PARTIAL_SUFFIX} already exists in ${folder} (an export writing it now, or something else of that name). Remove it or choose another file name.`,
      );
    case 'ENAMETOOLONG':
      return new InventoryError(
        'INVALID_INPUT',
        `Export: the file name ${quoted(name)} is too long (${Buffer.byteLength(name)} bytes). While it is written it is named ${PARTIAL_SUFFIX} longer, and most disks allow 255 bytes at most: choose a shorter name.`,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return new InventoryError('INVALID_INPUT', `Export: the folder ${folder} does not exist`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new InventoryError('INVALID_INPUT', `Export: the folder ${folder} cannot be written; choose another folder`);
    default:
      return error;
  }
}

/** Creates FILE.partial exclusively for `out` (an absolute path); returns it with its open descriptor. */
export function createPartial(out: string): { partial: PartialFile; fd: number } {
  const file = partialPath(out);
  let fd: number;
  try {
    fd = fs.openSync(file, CREATE_FLAGS, 0o666);
  } catch (error) {
    throw creationRefusal(error, out);
  }
  return { partial: { path: file, ...identityOf(fs.fstatSync(fd, { bigint: true })) }, fd };
}

/** Opens the FILE.partial created earlier (by the export's host) for writing, if it is still that file. */
export function reopenPartial(partial: PartialFile): number {
  const fd = fs.openSync(partial.path, REOPEN_FLAGS);
  if (isThe(partial, fs.fstatSync(fd, { bigint: true }))) return fd;
  fs.closeSync(fd);
  throw new InventoryError('INVALID_INPUT', `Export: ${partial.path} was replaced by another file; nothing was exported`);
}

/** Renames the complete FILE.partial to the file (replacing a file or link of that name, never writing through it). */
export function commitPartial(partial: PartialFile, out: string): void {
  if (!isThe(partial, fs.lstatSync(partial.path, { bigint: true }))) {
    throw new InventoryError(
      'INVALID_INPUT',
      `Export: ${partial.path} was replaced by another file while the export ran; nothing was saved`,
    );
  }
  fs.renameSync(partial.path, out);
}

/**
 * Removes FILE.partial if it is still the export's own file. Never throws (it runs from event
 * handlers and at quit); answers whether nothing of it is left (removed, or already gone).
 */
export function discardPartial(partial: PartialFile): boolean {
  try {
    if (isThe(partial, fs.lstatSync(partial.path, { bigint: true }))) fs.unlinkSync(partial.path);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'ENOENT';
  }
}
