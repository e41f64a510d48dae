// What PostgreSQL or the network say, as the typed refusals the rest of the product shows: each
// names the team database (never its password) and says what to do. Nothing was written in any of
// these cases: every change is one transaction, rolled back on error.
import { InventoryError } from '../../../../shared/errors';

/** SQLSTATE classes and codes (PostgreSQL's appendix A) this product answers in plain words. */
const LOGIN_FAILED = new Set(['28P01', '28000', '3D000', '42501']);
const BUSY = new Set(['55P03', '40001', '40P01', '57014']);
const UNREACHABLE_NODE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
const SERVER_GONE = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
const DISK_FULL = new Set(['53100']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A connection that could not be made or was lost: pg reports some without a code (a timeout, an ended connection). */
function unreachable(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined) return UNREACHABLE_NODE.has(code) || SERVER_GONE.has(code);
  return /timeout|Connection terminated|ended unexpectedly|not queryable/i.test(messageOf(error));
}

/** The refusal a failure on the team database `server` stands for, or null (a fault of this program). */
function pgRefusal(error: unknown, server: string): InventoryError | null {
  if (error instanceof InventoryError) return error;
  const code = codeOf(error);
  if (code === '28P01') {
    return new InventoryError(
      'DATABASE_LOGIN_FAILED',
      `The team database ${server} refused the login: the password is wrong for that user. Nothing was changed.`,
    );
  }
  if (/client password must be/.test(messageOf(error))) {
    return new InventoryError(
      'DATABASE_LOGIN_FAILED',
      `The team database ${server} asks for a password and none was given: put it in the URL, in PGPASSWORD or in ~/.pgpass. Nothing was changed.`,
    );
  }
  if (code === '3D000')
    return new InventoryError('DATABASE_LOGIN_FAILED', `The team database ${server} does not exist on that server. Nothing was changed.`);
  if (code === '42501') {
    return new InventoryError(
      'DATABASE_LOGIN_FAILED',
      `The login on the team database ${server} is not allowed to do this (${messageOf(error)}). Ask an administrator to run "number-inventory db grant" for it. Nothing was changed.`,
    );
  }
  if (code !== undefined && LOGIN_FAILED.has(code)) {
    return new InventoryError(
      'DATABASE_LOGIN_FAILED',
      `The team database ${server} refused the login (${messageOf(error)}). Nothing was changed.`,
    );
  }
  if (code !== undefined && BUSY.has(code)) {
    return new InventoryError(
      'DATABASE_BUSY',
      `Another desktop is changing the same rows on ${server}; nothing was changed. Try again in a moment.`,
    );
  }
  if (code !== undefined && DISK_FULL.has(code)) {
    return new InventoryError('DISK_FULL', `The server of the team database ${server} has no disk space left; nothing was saved.`);
  }
  if (
    code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    /SSL|TLS|certificate/i.test(messageOf(error))
  ) {
    return new InventoryError(
      'DATABASE_UNREACHABLE',
      `The team database ${server} could not be reached securely (${messageOf(error)}). Check the URL's sslmode and the server's certificate. Nothing was changed.`,
    );
  }
  if (unreachable(error)) {
    return new InventoryError(
      'DATABASE_UNREACHABLE',
      `The team database ${server} cannot be reached (${messageOf(error)}). Check that the server is running and the host and port are right. Nothing was changed.`,
    );
  }
  return null;
}

/** Runs `work`, turning what the server or network say into typed refusals; a fault of the program passes as it is. */
export async function refusingAs<T>(server: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw pgRefusal(error, server) ?? error;
  }
}
