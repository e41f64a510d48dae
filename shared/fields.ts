// Field rules more than one form shares: required text, and what a UUID is.
import { z } from 'zod';
import { quoteInput } from './quote';

/** A UUID in the 8-4-4-4-12 hex form, any case (stored in lower case). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (text: string): boolean => UUID.test(text);

const UUID_EXAMPLE = 'a UUID like 123e4567-e89b-12d3-a456-426614174000';

/**
 * Text under `label`: "X is required" when it is missing, "X must be text" when it is something
 * else. Only the type is judged here: every check chained on it names its own problem.
 */
export const textSchema = (label: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) });

/** A UUID under `label`, trimmed and lower-cased; without a label the messages name no field. */
export function uuidSchema(label?: string) {
  const named = (text: string) => (label ? `${label} ${text}` : text);
  return z
    .string({ error: (issue) => named(issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .refine(isUuid, { error: (issue) => named(`must be ${UUID_EXAMPLE}, not ${quoteInput(String(issue.input))}`) })
    .transform((value) => value.toLowerCase());
}
