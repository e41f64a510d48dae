// What a number in each state must carry and must not: the one statement of these rules. The import
// validation and the transitions check against it; the numbers table's CHECK constraints (and
// migration 006's triggers) enforce the same rules in the database, and a test holds them to this
// table field by field.
import type { NumberState } from './domain';

/** The fields whose presence depends on the state, named as the numbers table and the export name them. */
export const STATE_FIELDS = [
  'owner_uuid',
  'subscription_uuid',
  'reservation_kind',
  'reservation_origin',
  'reservation_org_uuid',
  'did_reservation_uuid',
  'expires_at',
  'deleted_reason',
] as const;
export type StateField = (typeof STATE_FIELDS)[number];

/** required: set; forbidden: empty (null); optional: either. */
export type FieldRule = 'required' | 'optional' | 'forbidden';

/** Every field forbidden but those named. */
function only(allowed: Partial<Record<StateField, FieldRule>>): Readonly<Record<StateField, FieldRule>> {
  // Object.fromEntries types its keys as any string; these entries are exactly STATE_FIELDS.
  return Object.fromEntries(STATE_FIELDS.map((field) => [field, allowed[field] ?? 'forbidden'])) as Record<StateField, FieldRule>;
}

export const STATE_FIELD_RULES: Readonly<Record<NumberState, Readonly<Record<StateField, FieldRule>>>> = {
  available: only({}),
  reserved: only({
    reservation_kind: 'required',
    reservation_origin: 'required',
    reservation_org_uuid: 'required',
    expires_at: 'required',
    // Set once the reservation is charged through a DID Reservation subscription.
    did_reservation_uuid: 'optional',
  }),
  // A locked number without a deadline is a permanent (legacy) lock.
  locked: only({ expires_at: 'optional' }),
  assigned: only({ owner_uuid: 'required', subscription_uuid: 'required' }),
  deleted: only({ deleted_reason: 'required' }),
};

const withArticle = (state: NumberState) => `${/^[aeiou]/.test(state) ? 'an' : 'a'} ${state}`;

/** The first way these fields break the state's rules, in words ("a reserved number needs expires_at"); null when none. */
export function stateFieldProblem(state: NumberState, fields: Readonly<Record<StateField, unknown>>): string | null {
  for (const field of STATE_FIELDS) {
    const rule = STATE_FIELD_RULES[state][field];
    const present = fields[field] !== null && fields[field] !== undefined;
    if (rule === 'required' && !present) return `${withArticle(state)} number needs ${field}`;
    if (rule === 'forbidden' && present) return `${withArticle(state)} number cannot have ${field}`;
  }
  return null;
}
