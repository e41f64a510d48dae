// A refusal of one number in a bulk action, in the words the single action gives: a refusal of
// one never stops the others. Anything that is not a refusal (a fault, a full disk) is thrown on.
import type { BulkRefusal } from '../../../shared/bulk';
import { typedRefusal } from '../failures';
import { withStateContext } from '../lifecycle/perform';
import type { NumberRow } from '../numbers/rows';

/** Refusals that concern the database as a whole, not the one number: they stop the bulk action. */
const WHOLE_ACTION_CODES = new Set(['DATABASE_BUSY', 'DATABASE_READ_ONLY', 'DATABASE_DAMAGED', 'DISK_FULL', 'INTERNAL']);

export function refusalOf(error: unknown, row: NumberRow | undefined, e164: string): BulkRefusal {
  const refusal = typedRefusal(withStateContext(error, row));
  if (!refusal || WHOLE_ACTION_CODES.has(refusal.code)) throw error;
  return { number: e164, code: refusal.code, message: refusal.message };
}
