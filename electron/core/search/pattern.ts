// Number patterns to SQL, each shaped so SQLite answers from an index:
// - "+65" (prefix) and "+65*" (wildcard with only a trailing *) become a range on the number index;
// - digits anywhere ("888") and wildcards with a literal run of 3+ characters ("*888", "+65??88*")
//   go through the FTS5 trigram index (numbers_fts), then are checked exactly with GLOB;
// - patterns too short for trigrams ("65", "*8") still answer correctly with instr/GLOB: they match
//   most of the inventory, so a page is found after a few index steps in sort order anyway;
// - so do trigram patterns the search found to match a large part of the inventory ("656" in a
//   Singapore-heavy stock): reading every match out of the trigram index would cost more than
//   walking the sort order until a page is found (`trigrams: false`).
import type { SqlCondition } from './where';

/** FTS5's trigram tokenizer indexes runs of three characters: shorter literals cannot use it. */
const TRIGRAM = 3;

/** The smallest string greater than every string starting with `prefix`. */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function prefixRange(prefix: string): SqlCondition {
  return { sql: 'n.number >= ? AND n.number < ?', params: [prefix, prefixUpperBound(prefix)] };
}

const longestLiteralRun = (pattern: string) => Math.max(0, ...pattern.split(/[*?]+/).map((run) => run.length));

const literalPrefixOf = (pattern: string) => /^[^*?]*/.exec(pattern)?.[0] ?? '';

/**
 * The GLOB the trigram index is asked for this pattern, or null when the pattern is answered
 * another way (a prefix range, or too short a literal run for trigrams).
 */
export function trigramGlob(pattern: string): string | null {
  if (/[*?]/.test(pattern)) {
    // FTS5 answers GLOB on a trigram table from the index when the pattern holds a 3-character run.
    return literalPrefixOf(pattern).length < 2 && longestLiteralRun(pattern) >= TRIGRAM ? pattern : null;
  }
  // GLOB on the trigram table is answered from the index (and rechecked by FTS5); a MATCH phrase
  // would need detail=full, three times the index size.
  return !pattern.startsWith('+') && pattern.length >= TRIGRAM ? `*${pattern}*` : null;
}

const inTrigramIndex = (glob: string): SqlCondition => ({
  sql: 'n.id IN (SELECT rowid FROM numbers_fts WHERE numbers_fts.number GLOB ?)',
  params: [glob],
});

export function patternCondition(pattern: string, trigrams = true): SqlCondition {
  const glob = trigrams ? trigramGlob(pattern) : null;
  if (/[*?]/.test(pattern)) return wildcardCondition(pattern, glob);
  if (pattern.startsWith('+')) return pattern === '+' ? { sql: '1', params: [] } : prefixRange(pattern);
  return glob ? inTrigramIndex(glob) : { sql: 'instr(n.number, ?) > 0', params: [pattern] };
}

function wildcardCondition(pattern: string, glob: string | null): SqlCondition {
  const literalPrefix = literalPrefixOf(pattern);
  // "+65*": nothing but a prefix.
  if (literalPrefix.length > 0 && pattern === `${literalPrefix}*`) return prefixRange(literalPrefix);
  const parts: SqlCondition[] = [{ sql: 'n.number GLOB ?', params: [pattern] }];
  if (literalPrefix.length >= 2) parts.unshift(prefixRange(literalPrefix));
  else if (glob) parts.unshift(inTrigramIndex(glob));
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}
