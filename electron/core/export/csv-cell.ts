// CSV cells, safe against formula injection (OWASP "CSV Injection"): a cell a spreadsheet would
// read as a formula, one starting with = + - @ tab or carriage return, gets a leading apostrophe.
//
// The scheme is reversible, so E.164 numbers ("+6561234567" is written "'+6561234567") and every
// other value read back intact through the import:
//   write: prefix ' when the value matches /^'*[=+\-@\t\r]/ (so a value that itself starts with
//          apostrophes before such a character gets one more);
//   read:  drop one leading ' when the cell matches /^'+[=+\-@\t\r]/.
const NEEDS_ESCAPE = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

// First characters that can start a formula, plus the apostrophe (which may precede one).
const RISKY_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', "'"]);

export function neutraliseFormula(value: string): string {
  // A look at the first character settles almost every cell without a regular expression.
  return value !== '' && RISKY_FIRST.has(value[0]) && NEEDS_ESCAPE.test(value) ? `'${value}` : value;
}

export function restoreFormulaEscape(cell: string): string {
  return ESCAPED.test(cell) ? cell.slice(1) : cell;
}

/** One RFC 4180 field: neutralised, then quoted when it holds a quote, comma or line break. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
