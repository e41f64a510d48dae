// The Add new numbers request: what the dialog, the IPC contract, the CLI and the core accept.
import { z } from 'zod';
import { CAPABILITIES } from './domain';
import { trimSpaces } from './phone';

export const MAX_NUMBERS_PER_ADD = 50;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const textField = (label: string, max = 100) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} is longer than ${max} characters` });

const countrySchema = z
  .string({ error: 'Country is required' })
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, { error: 'Country must be an ISO 3166 alpha-2 code such as SG' }));

export const domainListSchema = z
  .array(z.string().trim().toLowerCase().regex(DOMAIN, { error: 'Visible to must list domain names such as example.com' }))
  .max(100, { error: 'Visible to lists more than 100 domains' });

const numberAttributesSchema = z.object({
  vendor: textField('Vendor'),
  country: countrySchema,
  sku: textField('SKU'),
  capabilities: z.array(z.enum(CAPABILITIES, { error: `Capabilities must be among ${CAPABILITIES.join(', ')}` })).default([]),
  routing: z
    .string()
    .trim()
    .max(200, { error: 'Routing is longer than 200 characters' })
    .nullish()
    .transform((v) => v || null),
  golden: z.boolean().default(false),
  portedIn: z.boolean().default(false),
  visibleTo: domainListSchema.default([]),
});
export type NumberAttributes = z.output<typeof numberAttributesSchema>;

export const addNumbersSchema = numberAttributesSchema.extend({
  /** Up to 50 numbers separated by commas (or new lines). */
  numbers: z.string({ error: 'Numbers are required' }).max(10_000, { error: 'Numbers: the list is too long' }),
});
export type AddNumbersRequest = z.input<typeof addNumbersSchema>;

/**
 * Splits the Numbers field into entries. Commas, semicolons and new lines separate entries; spaces
 * inside an entry are part of how people write numbers ("+65 6123 4567"), unless the entry holds
 * several "+" numbers side by side.
 */
export function splitNumberList(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .flatMap((entry) => ((entry.match(/\+/g)?.length ?? 0) > 1 ? trimSpaces(entry).split(/\s+(?=\+)/) : [entry]))
    .map(trimSpaces)
    .filter((entry) => entry !== '');
}
