// Turns a zod error into one message per field (the first issue of each), plus the messages that
// belong to no field shown on screen.
import type { z } from 'zod';

export interface FieldErrors {
  byField: Record<string, string>;
  other: string[];
}

export function fieldErrors(error: z.ZodError, fields: readonly string[]): FieldErrors {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (fields.includes(key)) byField[key] ??= issue.message;
    else other.push(issue.message);
  }
  return { byField, other };
}
