// A validation problem in the words of an ops user. The schemas' own messages are written that way
// already; where a schema gives none, zod's default ("Too small: expected number to be >=1") is
// replaced here by a sentence naming the field ("Page size must be at least 1").
import type { z } from 'zod';

/** "pageSize" → "Page size", "orgUuid" → "Org UUID": a field's key as a label. */
function fieldWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
    .replace(/\buuid\b/g, 'UUID')
    .replace(/\bsku\b/g, 'SKU')
    .replace(/\bdid\b/g, 'DID')
    .replace(/\bsmtp\b/g, 'SMTP');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** zod's default messages start with these words; the project's own never do. */
const DEFAULT_MESSAGE = /^(Too small|Too big|Invalid input|Invalid option|Invalid string|Invalid element|Unrecognized key)/;

type Issue = z.core.$ZodIssue;

function sizeWords(issue: Issue & { code: 'too_small' | 'too_big' }, field: string): string {
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string') {
    if (issue.code === 'too_small') return limit <= 1 ? `${field} must not be empty` : `${field} needs at least ${limit} characters`;
    return `${field} is longer than ${limit} characters`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return issue.code === 'too_small' ? `${field} needs at least ${limit} values` : `${field} takes at most ${limit} values`;
  }
  const figure = limit.toLocaleString('en-US');
  if (issue.code === 'too_small') return inclusive ? `${field} must be at least ${figure}` : `${field} must be more than ${figure}`;
  return inclusive ? `${field} must be at most ${figure}` : `${field} must be less than ${figure}`;
}

/** One issue as a sentence naming its field. */
export function issueWords(issue: Issue): string {
  const key = issue.path.filter((part) => typeof part === 'string').pop();
  const field = key === undefined ? 'The value' : fieldWords(key);
  if (!DEFAULT_MESSAGE.test(issue.message)) {
    // A message that names no field gets the field's name in front.
    return key === undefined || issue.message.toLowerCase().includes(field.toLowerCase()) ? issue.message : `${field}: ${issue.message}`;
  }
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return sizeWords(issue, field);
    case 'invalid_type':
      // zod reports no input by default; its message ends with what it received.
      return / received undefined$/.test(issue.message)
        ? `${field} is missing`
        : `${field} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `${field} must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`;
    default:
      return `${field} is not valid`;
  }
}
