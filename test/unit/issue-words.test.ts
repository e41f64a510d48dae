// Validation messages read by ops users: zod's defaults ("Too small: expected number to be >=1")
// become sentences naming the field; the schemas' own messages are kept.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from '../../shared/actions';
import { searchRequestSchema } from '../../shared/search';

const describe1 = (schema: z.ZodType, input: unknown): string => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return describeIssues(parsed.error);
};

describe('describeIssues', () => {
  it('names the field and its limit instead of zod defaults', () => {
    expect(describe1(searchRequestSchema, { pageSize: 0 })).toBe('Page size must be at least 1');
    expect(describe1(searchRequestSchema, { pageSize: 'ten' })).toBe('Page size must be a number');
    expect(describe1(z.object({ orgUuid: z.string().min(1) }), { orgUuid: '' })).toBe('Org UUID must not be empty');
    expect(describe1(z.object({ name: z.string() }), {})).toBe('Name is missing');
    expect(describe1(z.object({ kind: z.enum(['free', 'charged']) }), { kind: 'paid' })).toBe('Kind must be one of: free, charged');
    expect(describe1(z.object({ tags: z.array(z.string()).max(2) }), { tags: ['a', 'b', 'c'] })).toBe('Tags takes at most 2 values');
  });

  it('keeps a message the schema wrote, naming the field when the message does not', () => {
    expect(describe1(z.object({ remark: z.string().min(1, { error: 'Remark is required' }) }), { remark: '' })).toBe('Remark is required');
    expect(describe1(z.object({ operatorName: z.string().max(2, { error: 'is too long' }) }), { operatorName: 'abc' })).toBe(
      'Operator name: is too long',
    );
  });

  it('never shows zod wording', () => {
    const message = describe1(searchRequestSchema, { page: -1, pageSize: 100_000, states: ['nowhere'] });
    expect(message).not.toMatch(/Too (small|big)|Invalid (input|option)|expected/);
  });
});
