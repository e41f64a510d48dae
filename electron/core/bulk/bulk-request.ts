// Reading a bulk action: its fields validated once against the action's own schema (less the
// number), and its target resolved to the numbers it names: a list given one by one, or every
// number a search filter matches, resolved here so the selection is exactly what the grid shows.
import type { z } from 'zod';
import { actionInputSchemas, type ActionRequest } from '../../../shared/actions';
import { bulkRequestSchema, MAX_BULK_NUMBERS, type BulkRefusal } from '../../../shared/bulk';
import { InventoryError } from '../../../shared/errors';
import { ACTION_RULES, type OperatorAction } from '../../../shared/lifecycle';
import { readPhoneNumber } from '../../../shared/phone';
import type { Db } from '../db/connection';
import { readRequest } from '../lifecycle/perform';
import { matchingNumbers } from '../search/search';
import { parseOrThrow } from '../validation';

export interface BulkPlan {
  action: OperatorAction;
  /** The action's request for one number (already E.164). */
  requestFor: (e164: string) => ActionRequest;
  /** The numbers to act on, E.164, each once, in the order given. */
  numbers: string[];
  /** Given numbers that are not phone numbers at all: refused before anything else. */
  unreadable: BulkRefusal[];
}

/** The fields an action takes besides its target: the same for every number of a bulk action. */
function fieldsSchema(action: OperatorAction): z.ZodObject {
  const schema: z.ZodObject = actionInputSchemas[action];
  return schema.omit({ number: true, expectedVersion: true });
}

/** A bulk request validated, its target not yet resolved: the numbers given, or a filter for the store to match. */
export interface BulkTarget {
  action: OperatorAction;
  requestFor: (e164: string) => ActionRequest;
  filter: unknown;
  given: string[];
}

export function readBulkTarget(raw: unknown): BulkTarget {
  const request = parseOrThrow(bulkRequestSchema, raw, 'Bulk action');
  const { action } = request;
  const fields = parseOrThrow(fieldsSchema(action), request.fields, ACTION_RULES[action].label);
  const requestFor = (e164: string) => readRequest(action, { ...fields, number: e164 });
  const { filter, numbers: given = [] } = request.target;
  return { action, requestFor, filter, given };
}

export function readBulkRequest(db: Db, raw: unknown, limit = MAX_BULK_NUMBERS): BulkPlan {
  const target = readBulkTarget(raw);
  return planOf(target, target.filter ? matchingNumbers(db, target.filter, limit + 1) : undefined, limit);
}

/**
 * The plan of a bulk action, given the numbers its filter matched (up to one past the limit, read
 * by the store), or none when it names its numbers.
 */
export function planOf(target: BulkTarget, matched: string[] | undefined, limit = MAX_BULK_NUMBERS): BulkPlan {
  const { action, requestFor, given } = target;
  if (matched) {
    const numbers = matched;
    if (numbers.length > limit) {
      const most = limit.toLocaleString('en-US');
      throw new InventoryError(
        'LIMIT_EXCEEDED',
        `More than ${most} numbers match this search; a bulk action takes at most ${most}. Narrow the search and try again.`,
      );
    }
    if (numbers.length === 0) throw new InventoryError('NOT_FOUND', 'No number matches this search; nothing to do.');
    return { action, requestFor, numbers, unreadable: [] };
  }
  const numbers = new Set<string>();
  const unreadable: BulkRefusal[] = [];
  for (const text of given) {
    const reading = readPhoneNumber(text);
    if (reading.ok) numbers.add(reading.e164);
    else unreadable.push({ number: text, code: 'INVALID_INPUT', message: `Number ${reading.reason}` });
  }
  return { action, requestFor, numbers: [...numbers], unreadable };
}
