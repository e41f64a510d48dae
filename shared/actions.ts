// Inputs of every operator action, validated the same way in the renderer (before submit), at the
// IPC boundary and in the core. Field names follow the life-cycle document's labels. Every
// transform gives a value the same schema reads back unchanged (an E.164 number, a lower-case UUID,
// an ISO instant), so what one side validated, the other can validate again.
import { z } from 'zod';
import { DELETE_REASONS } from './domain';
import { textSchema, uuidSchema } from './fields';
import { issueWords } from './issue-words';
import type { OperatorAction } from './lifecycle';
import { phoneNumberSchema } from './phone';
import { DAY_MS } from './settings';
import { readInstant } from './time';

const remarkSchema = textSchema('Remark')
  .trim()
  .min(1, { error: 'Remark is required' })
  .max(2000, { error: 'Remark is longer than 2000 characters' });

const optionalRemark = textSchema('Remark').trim().max(2000, { error: 'Remark is longer than 2000 characters' }).optional();

/**
 * An instant typed by the operator, as an ISO 8601 UTC time. A date alone is the start of that UTC
 * day, or with `dateMeans: 'through'` the end of it (paid through 2027-01-31 ends at 2027-02-01 00:00 UTC).
 */
export const instantSchema = (label: string, dateMeans: 'start' | 'through' = 'start') =>
  textSchema(label).transform((text, ctx) => {
    const reading = readInstant(text);
    if (!reading.ok) {
      ctx.addIssue({ code: 'custom', message: `${label}: ${reading.reason}` });
      return z.NEVER;
    }
    return reading.dateOnly && dateMeans === 'through' ? new Date(Date.parse(reading.iso) + DAY_MS).toISOString() : reading.iso;
  });

const target = {
  /** The number, in any international form with a leading +; read into E.164. */
  number: phoneNumberSchema,
  /** Refuse the action if the number changed since the caller looked at it. */
  expectedVersion: z
    .number({ error: 'Expected version must be a whole number' })
    .int({ error: 'Expected version must be a whole number' })
    .nonnegative({ error: 'Expected version must be a whole number' })
    .optional(),
};

export const actionInputSchemas = {
  reserve: z.object({ ...target, orgUuid: uuidSchema('Org UUID'), remark: remarkSchema }),
  extend: z.object({
    ...target,
    didReservationUuid: uuidSchema('DID Reservation UUID'),
    /** End of the DID Reservation plan period; a date alone means paid through the end of that UTC day. */
    paidUntil: instantSchema('Paid-until date', 'through'),
    remark: optionalRemark,
  }),
  release: z.object({ ...target, remark: remarkSchema }),
  lock: z.object({ ...target, remark: remarkSchema }),
  unlock: z.object({ ...target, remark: remarkSchema }),
  delete: z.object({
    ...target,
    reason: z.enum(DELETE_REASONS, { error: `Reason must be one of: ${DELETE_REASONS.join(', ')}` }),
    remark: remarkSchema,
  }),
  recover: z.object({ ...target, remark: remarkSchema }),
  assign: z.object({
    ...target,
    subscriptionUuid: uuidSchema('Subscription UUID'),
    ownerUuid: uuidSchema('Owner UUID'),
    remark: optionalRemark,
  }),
  'subscription-expired': z.object({ ...target, at: instantSchema('Effective time').optional(), remark: optionalRemark }),
  'subscription-terminated': z.object({ ...target, at: instantSchema('Effective time').optional(), remark: optionalRemark }),
  'swapped-out': z.object({ ...target, at: instantSchema('Effective time').optional(), remark: optionalRemark }),
} satisfies Record<OperatorAction, z.ZodType>;

export type ActionInput<A extends OperatorAction> = z.input<(typeof actionInputSchemas)[A]>;
type ParsedActionInput<A extends OperatorAction> = z.output<(typeof actionInputSchemas)[A]>;

/** One action with its validated input: switching on `action` gives `input` that action's fields. */
export type ActionRequest = { [A in OperatorAction]: { action: A; input: ParsedActionInput<A> } }[OperatorAction];

/** One readable sentence naming every field that was wrong. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map(issueWords).join('; ');
}
