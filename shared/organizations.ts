// What an organization of the directory must be: the rules the Organizations dialog checks before
// saving and the core applies to every save and import.
import { z } from 'zod';
import { ORG_TYPES } from './domain';
import { textSchema, uuidSchema } from './fields';

/** An optional address: empty or missing is none (null). */
const email = (label: string) =>
  textSchema(label)
    .trim()
    .max(320, { error: `${label} is longer than 320 characters` })
    .nullish()
    .transform((v) => v || null)
    .pipe(z.email({ error: `${label} must be an email address` }).nullable());

/** An organization as entered; `uuidLabel` is what the form calls its UUID. */
export const organizationSchema = (uuidLabel: string) =>
  z.object({
    uuid: uuidSchema(uuidLabel),
    name: textSchema('Name').trim().min(1, { error: 'Name is required' }).max(200, { error: 'Name is longer than 200 characters' }),
    type: z.enum(ORG_TYPES, { error: 'Type must be customer or partner' }),
    billingEmail: email('Billing email'),
    ownerEmail: email('Owner email'),
  });
