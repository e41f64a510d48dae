// Every failure as what the user is told: the one mapping from an exception to a typed error, used
// by the IPC and HTTP dispatch, the desktop's native operations, the export worker and the CLI.
//
// An InventoryError is passed on as it is: its text was written for the user (an INTERNAL one too,
// such as an export whose worker failed, already reported by its reference). What SQLite or the
// file system report about the database or the disk (busy, full, read-only, damaged) becomes a
// typed refusal in plain words: nothing was written, as every change is one transaction. Anything
// else is a fault of this program: its text may hold SQL or file paths, so it is logged with a
// short reference, and the user sees only the reference.
import { randomBytes } from 'node:crypto';
import { InventoryError, isInventoryError, type ErrorInfo } from '../../shared/errors';

const DATABASE_BUSY_MESSAGE = 'Another program is writing to the inventory; nothing was changed. Try again in a moment.';
const DISK_FULL_MESSAGE = 'The disk is full; nothing was saved. Free some space and try again.';
const READ_ONLY_MESSAGE =
  'The inventory is read-only (its file or folder cannot be written), so changes are not possible. Ask for write access, or work on a copy in a folder you can write to.';
const DAMAGED_MESSAGE =
  'The inventory database is damaged and cannot be used. Restore it from a backup copy, or start a new inventory and import your last export into it.';

/** SQLite's primary result codes (extended codes such as SQLITE_BUSY_SNAPSHOT start with them). */
const SQLITE_REFUSALS: [prefix: string, refusal: () => InventoryError][] = [
  ['SQLITE_BUSY', () => new InventoryError('DATABASE_BUSY', DATABASE_BUSY_MESSAGE)],
  ['SQLITE_LOCKED', () => new InventoryError('DATABASE_BUSY', DATABASE_BUSY_MESSAGE)],
  ['SQLITE_FULL', () => new InventoryError('DISK_FULL', DISK_FULL_MESSAGE)],
  ['SQLITE_READONLY', () => new InventoryError('DATABASE_READ_ONLY', READ_ONLY_MESSAGE)],
  ['SQLITE_CORRUPT', () => new InventoryError('DATABASE_DAMAGED', DAMAGED_MESSAGE)],
  ['SQLITE_NOTADB', () => new InventoryError('DATABASE_DAMAGED', DAMAGED_MESSAGE)],
];

/** Node's codes for a file system that has no room left (a full disk, a quota). */
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The typed error a failure stands for: the core's own (InventoryError), and what SQLite or the
 * file system say about the database or the disk. Null for anything else (a fault of the program).
 */
export function typedRefusal(error: unknown): InventoryError | null {
  if (isInventoryError(error)) return error;
  const code = codeOf(error);
  if (code === undefined) return null;
  if (DISK_FULL_CODES.has(code)) return new InventoryError('DISK_FULL', DISK_FULL_MESSAGE);
  const match = SQLITE_REFUSALS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  return match ? match[1]() : null;
}

/** Where the detail of an internal error goes, with the reference the user is shown. */
export type InternalErrorLog = (reference: string, error: unknown) => void;

const logToConsole: InternalErrorLog = (reference, error) => console.error(`Number Inventory internal error (ref ${reference}):`, error);

/** A short reference that finds the detail in the log: six hexadecimal digits, e.g. 8F3A2C. */
function newReference(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}

/** The message shown for an internal error: no detail, only the reference to find it by. */
function internalErrorMessage(reference: string): string {
  return `Something went wrong (ref ${reference}); the details are in the log.`;
}

/** Any failure as the error to show: a typed refusal as it is, anything else INTERNAL with a reference (its detail logged). */
export function errorInfoOf(error: unknown, log: InternalErrorLog = logToConsole): ErrorInfo {
  const refusal = typedRefusal(error);
  if (refusal) return refusal.toJSON();
  const reference = newReference();
  log(reference, error);
  return { code: 'INTERNAL', message: internalErrorMessage(reference) };
}

/** For a failure nobody waits for (in an event handler): logged with a reference when it is a fault. */
export function logFailure(error: unknown): void {
  errorInfoOf(error);
}

/** A failed Outcome for any failure (see errorInfoOf). */
export function failureOutcome(error: unknown, log?: InternalErrorLog): { ok: false; error: ErrorInfo } {
  return { ok: false, error: errorInfoOf(error, log) };
}
