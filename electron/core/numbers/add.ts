// Add new numbers: up to 50 at once. Every entry gets an answer; the valid new ones are added
// together in one transaction.
import { addNumbersSchema, MAX_NUMBERS_PER_ADD, splitNumberList } from '../../../shared/add-numbers';
import type { AddResult } from '../../../shared/domain';
import { InventoryError } from '../../../shared/errors';
import { isKnownCountry, readPhoneNumber } from '../../../shared/phone';
import type { CoreContext } from '../context';
import { parseOrThrow } from '../validation';
import { insertNumber } from './insert';
import { fieldsFor, findRow } from './repository';

/** A validated Add request and its entries, refused as a whole when the request itself is wrong. */
export function readAddRequest(rawRequest: unknown): { request: ReturnType<typeof addNumbersSchema.parse>; entries: string[] } {
  const request = parseOrThrow(addNumbersSchema, rawRequest, 'Add new numbers');
  if (!isKnownCountry(request.country)) {
    throw new InventoryError('INVALID_INPUT', `Add new numbers: Country "${request.country}" is not an ISO 3166 alpha-2 code`);
  }
  const entries = splitNumberList(request.numbers);
  if (entries.length === 0) throw new InventoryError('INVALID_INPUT', 'Add new numbers: Numbers are required');
  if (entries.length > MAX_NUMBERS_PER_ADD) {
    throw new InventoryError(
      'LIMIT_EXCEEDED',
      `Add new numbers: ${entries.length} numbers given, at most ${MAX_NUMBERS_PER_ADD} can be added at once. Use import for larger files.`,
    );
  }
  return { request, entries };
}

/** Each entry read: its answer when it is invalid or repeated, else the number to look up and add. */
export function readAddEntries(
  entries: readonly string[],
  country: string,
): (AddResult | { input: string; number: string; status?: undefined })[] {
  const seen = new Set<string>();
  return entries.map((input) => {
    const reading = readPhoneNumber(input, country);
    if (!reading.ok) return { input, status: 'invalid', number: null, reason: reading.reason };
    const number = reading.e164;
    if (seen.has(number)) return { input, status: 'repeated', number };
    seen.add(number);
    return { input, number };
  });
}

export function addNumbers(ctx: CoreContext, rawRequest: unknown): AddResult[] {
  const { request, entries } = readAddRequest(rawRequest);
  const { db } = ctx;
  return db
    .transaction(() => {
      const at = ctx.clock.now().toISOString();
      return readAddEntries(entries, request.country).map((entry): AddResult => {
        if (entry.status !== undefined) return entry;
        const { input, number } = entry;
        const existing = findRow(db, number);
        if (existing) return { input, status: 'exists', number, state: existing.state };
        insertNumber(
          db,
          { ...request, number },
          fieldsFor('available'),
          { createdAt: at, updatedAt: at },
          { at, actor: ctx.actor, action: 'add', remark: null, details: {} },
        );
        return { input, status: 'added', number };
      });
    })
    .immediate();
}
