// Typed errors: every refusal the core can give, with a stable code the UI and CLI can rely on.

export const ERROR_CODES = [
  'NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'INVALID_INPUT',
  'ORG_MISMATCH',
  'STALE_VERSION',
  'LIMIT_EXCEEDED',
  'ALREADY_EXISTS',
  'DATABASE_TOO_NEW',
  /** Another program holds the database's write lock (longer than the wait allows). */
  'DATABASE_BUSY',
  /** The database file or its folder cannot be written: it can be read, not changed. */
  'DATABASE_READ_ONLY',
  /** The database file is corrupted or not a database at all. */
  'DATABASE_DAMAGED',
  /** The disk holding the database or the file being written is full. */
  'DISK_FULL',
  /** A team database's server cannot be reached (down, wrong host or port, a network fault, a timeout). */
  'DATABASE_UNREACHABLE',
  /** A team database refused the login: wrong user or password, no such database, no right to connect. */
  'DATABASE_LOGIN_FAILED',
  /** The operation is not available on this kind of inventory yet (a team database, for some operations). */
  'UNSUPPORTED',
  /** The caller is not the app's own window (IPC) or lacks the browser-mode token. */
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export class InventoryError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'InventoryError';
    this.code = code;
  }

  toJSON(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export function isInventoryError(value: unknown): value is InventoryError {
  return value instanceof InventoryError;
}
