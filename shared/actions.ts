// Inputs of every operator action, validated the same way in the renderer (before submit), at the
// IPC boundary and in the core. Field names follow the life-cycle document's labels.
import { z } from 'zod';
import { DELETE_REASONS } from './domain';
import type { OperatorAction } from './lifecycle';
import { readInstant } from './time';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuidSchema = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .regex(UUID, { error: `${label} must be a UUID like 123e4567-e89b-12d3-a456-426614174000` })
    .transform((value) => value.toLowerCase());

const remarkSchema = z
  .string({ error: 'Remark is required' })
  .trim()
  .min(1, { error: 'Remark is required' })
  .max(2000, { error: 'Remark is longer than 2000 characters' });

const optionalRemark = z.string().trim().max(2000, { error: 'Remark is longer than 2000 characters' }).optional();

const instantSchema = (label: string) =>
  z.string({ error: `${label} is required` }).transform((text, ctx) => {
    const reading = readInstant(text);
    if (!reading.ok) {
      ctx.addIssue({ code: 'custom', message: `${label}: ${reading.reason}` });
      return z.NEVER;
    }
    return reading;
  });

const target = {
  /** The number, in any international form with a leading +. */
  number: z.string({ error: 'Number is required' }).min(1, { error: 'Number is required' }).max(64),
  /** Refuse the action if the number changed since the caller looked at it. */
  expectedVersion: z.number().int().nonnegative().optional(),
};

export const actionInputSchemas = {
  reserve: z.object({ ...target, orgUuid: uuidSchema('Org UUID'), remark: remarkSchema }),
  extend: z.object({
    ...target,
    didReservationUuid: uuidSchema('DID Reservation UUID'),
    /** End of the DID Reservation plan period; a date alone means paid through the end of that UTC day. */
    paidUntil: instantSchema('Paid-until date'),
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
export type ParsedActionInput<A extends OperatorAction> = z.output<(typeof actionInputSchemas)[A]>;

/** One readable sentence naming every field that was wrong. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      return issue.message.includes(path) || path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}
