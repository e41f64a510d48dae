// Quoting what someone typed in a refusal, so the message shows exactly what was wrong with it,
// even a character that cannot be seen (NUL, a zero-width space).

/** Characters of the input a message shows before cutting it short. */
const SHOWN = 40;

const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** One character as a message names it: "[" , or U+200B for one that cannot be seen. */
function describeCharacter(char: string): string {
  return VISIBLE.test(char) ? `"${char}"${/[\x21-\x7e]/.test(char) ? '' : ` (${codePoint(char)})`}` : codePoint(char);
}

/** The text as a message quotes it: shortened, and with characters that cannot be seen spelled out. */
export function quoteInput(text: string): string {
  const shown = text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
  return `"${[...shown].map((char) => (char === ' ' || VISIBLE.test(char) ? char : `\\u{${codePoint(char).slice(2)}}`)).join('')}"`;
}

/** The distinct characters of `text` that `allowed` does not match, as a message lists them. */
export function foreignCharacters(text: string, allowed: RegExp): string | null {
  const foreign = [...new Set([...text].filter((char) => !allowed.test(char)))];
  if (foreign.length === 0) return null;
  const listed = foreign.slice(0, 5).map(describeCharacter).join(', ');
  return foreign.length > 5 ? `${listed} and ${foreign.length - 5} more` : listed;
}
