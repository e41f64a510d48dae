// The search filter: every field of the life-cycle document's search, shared by the grid, the
// advanced search panel, the CLI and export. All conditions combine with AND; a multi-value
// field matches any of its values.
import { z } from 'zod';
import { CAPABILITIES, NUMBER_STATES } from './domain';
import { uuidSchema } from './fields';
import { withoutSeparators } from './phone';
import { foreignCharacters, quoteInput } from './quote';

export const SORT_FIELDS = ['number', 'state', 'country', 'vendor', 'sku', 'routing', 'expiresAt', 'createdAt', 'updatedAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export const MAX_PAGE_SIZE = 100;

const list = <T extends z.ZodType>(item: T) => z.array(item).max(200).optional();
const text = z.string().trim().min(1).max(200);

/** Characters a number pattern may hold: digits, +, and the wildcards * and ?. */
export const PATTERN_CHARS = /^[+0-9*?]+$/;
const PATTERN_CHAR = /^[+0-9*?]$/;

/**
 * The international prefix 00 as people dial it (0065 6123 4567) is the + of E.164: a pattern
 * starting with 00 and a country code's first digit is that prefix (0065* is +65*).
 */
export function withPlusForZeroZero(pattern: string): string {
  return pattern.replace(/^00(?=[1-9])/, '+');
}

export const searchFilterSchema = z.object({
  states: list(z.enum(NUMBER_STATES)),
  /** See PATTERN_HELP. The separators people write in numbers (spaces, dashes, brackets) are ignored. */
  pattern: z
    .string()
    .trim()
    .max(40, { error: 'Number pattern is longer than 40 characters' })
    .transform((v, ctx) => {
      const pattern = withPlusForZeroZero(withoutSeparators(v));
      const foreign = foreignCharacters(pattern, PATTERN_CHAR);
      if (foreign)
        ctx.addIssue({ code: 'custom', message: `Number pattern ${quoteInput(v)} may hold only digits, +, * and ?, not ${foreign}` });
      return pattern;
    })
    .optional(),
  skus: list(text),
  vendors: list(text),
  countries: list(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'Country must be an ISO alpha-2 code' }),
  ),
  capabilities: list(z.enum(CAPABILITIES)),
  routings: list(text),
  golden: z.boolean().optional(),
  portedIn: z.boolean().optional(),
  visibleTo: list(z.string().trim().toLowerCase().min(1).max(253)),
  subscriptionUuid: uuidSchema().optional(),
  /** The DID Reservation subscription a charged reservation is held under. */
  didReservationUuid: uuidSchema().optional(),
  ownerUuid: uuidSchema().optional(),
  /** ISO instants bounding the reservation's or lock's expiry. */
  expiresBefore: z.iso.datetime().optional(),
  expiresAfter: z.iso.datetime().optional(),
  /** Free text from the basic search box: a number pattern or a UUID. */
  query: z.string().trim().max(60).optional(),
});
export type SearchFilter = z.input<typeof searchFilterSchema>;
export type ParsedSearchFilter = z.output<typeof searchFilterSchema>;

/** A filter value that narrows nothing: unset, empty text or an empty list. */
export function isEmptyFilterValue(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The filter with only the fields that narrow it, so it reads (and is stored, and shows as chips) as what was chosen. */
export function compactFilter(filter: SearchFilter): SearchFilter {
  // Object.fromEntries types its keys as any string; these are the filter's own keys.
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => !isEmptyFilterValue(value))) as SearchFilter;
}

export const searchRequestSchema = z.object({
  filter: searchFilterSchema.default({}),
  page: z.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  sort: z
    .object({ field: z.enum(SORT_FIELDS), direction: z.enum(['asc', 'desc']).default('asc') })
    .default({ field: 'number', direction: 'asc' }),
  /**
   * False when the caller knows the total already (the grid shows its tab's count): the page is
   * then read without counting every match, and the total is given only when it costs nothing.
   */
  withTotal: z.boolean().default(true),
});
export type SearchRequest = z.input<typeof searchRequestSchema>;

export interface SearchResult<Row> {
  /** Rows matching the filter; null when withTotal was false and counting them would cost a scan. */
  total: number | null;
  page: number;
  pageSize: number;
  rows: Row[];
}

export const PATTERN_HELP = [
  'With * or ? the pattern is a wildcard over the E.164 number: +65* starts with +65, *888 ends with 888, +65??88* has 88 in places 5 and 6 after +65.',
  'Starting with + (or the international 00) it is a prefix: +65 or 0065 finds every number beginning +65.',
  'Digits alone match anywhere in the number: 888 finds every number containing 888.',
];

/** The values the inventory holds in its free-text fields, offered as suggestions (search, Add new numbers). */
export interface FieldValues {
  vendors: string[];
  skus: string[];
  countries: string[];
  routings: string[];
}
