// Number patterns to SQL, each shaped so SQLite answers from an index:
// - "+65" (prefix) and "+65*" (wildcard with only a trailing *) become a range on the number index;
// - digits anywhere ("888") and wildcards with a literal run of 3+ characters ("*888", "+65??88*")
//   go through the FTS5 trigram index (numbers_fts), then are checked exactly with GLOB;
// - patterns too short for trigrams ("65", "*8") still answer correctly with instr/GLOB: they match
//   most of the inventory, so a page is found after a few index steps in sort order anyway.
import type { SqlCondition } from './where';

/** FTS5's trigram tokenizer indexes runs of three characters: shorter literals cannot use it. */
export const TRIGRAM = 3;

/** The smallest string greater than every string starting with `prefix`. */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function prefixRange(prefix: string): SqlCondition {
  return { sql: 'n.number >= ? AND n.number < ?', params: [prefix, prefixUpperBound(prefix)] };
}

const longestLiteralRun = (pattern: string) => Math.max(0, ...pattern.split(/[*?]+/).map((run) => run.length));

export function patternCondition(pattern: string): SqlCondition {
  if (/[*?]/.test(pattern)) return wildcardCondition(pattern);
  if (pattern.startsWith('+')) return pattern === '+' ? { sql: '1', params: [] } : prefixRange(pattern);
  if (pattern.length >= TRIGRAM) {
    // GLOB on the trigram table is answered from the index (and rechecked by FTS5); a MATCH phrase
    // would need detail=full, three times the index size.
    return { sql: 'n.id IN (SELECT rowid FROM numbers_fts WHERE numbers_fts.number GLOB ?)', params: [`*${pattern}*`] };
  }
  return { sql: 'instr(n.number, ?) > 0', params: [pattern] };
}

function wildcardCondition(pattern: string): SqlCondition {
  const literalPrefix = /^[^*?]*/.exec(pattern)?.[0] ?? '';
  // "+65*": nothing but a prefix.
  if (literalPrefix.length > 0 && pattern === `${literalPrefix}*`) return prefixRange(literalPrefix);
  const parts: SqlCondition[] = [{ sql: 'n.number GLOB ?', params: [pattern] }];
  if (literalPrefix.length >= 2) parts.unshift(prefixRange(literalPrefix));
  else if (longestLiteralRun(pattern) >= TRIGRAM) {
    // FTS5 answers GLOB on a trigram table from the index when the pattern holds a 3-character run.
    parts.unshift({ sql: 'n.id IN (SELECT rowid FROM numbers_fts WHERE numbers_fts.number GLOB ?)', params: [pattern] });
  }
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}
