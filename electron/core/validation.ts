// Turning untrusted input into typed values or a typed INVALID_INPUT error that names each problem.
import type { z } from 'zod';
import { describeIssues } from '../../shared/actions';
import { InventoryError } from '../../shared/errors';

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InventoryError('INVALID_INPUT', `${what}: ${describeIssues(result.error)}`);
  return result.data;
}
