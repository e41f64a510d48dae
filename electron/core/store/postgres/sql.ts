// SQL written once for both stores, with SQLite's `?` placeholders, as PostgreSQL numbers them.
// Only for statements whose text has no `?` of its own (no JSON path operators, no string literal holding one).

/** `a = ? AND b = ?` as `a = $1 AND b = $2`. */
export function dollarParams(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
