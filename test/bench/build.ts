// Building the benchmark's inventory. `insertBenchRows` is the raw baseline the import is measured
// against: a prepared INSERT per row, every index and trigger kept up as it goes. `bulkBuild` makes
// the same inventory in minutes at ten million numbers: it drops the indexes and triggers of the
// numbers tables, inserts, then recreates each index in one sorted pass and fills what the triggers
// keep (the trigram index, the per-state totals) from the finished table. The result is the same
// file content, checked by test/integration/bench-build.test.ts.
import type { Db } from '../../electron/core/db/connection';
import { STOCK_COUNTS_FILL_SQL } from '../../electron/core/db/migrations/009_activity_and_stock';
import { benchRows } from './dataset';

/** The bench rows by prepared INSERT in one transaction (what a hand-written loader would do). */
export function insertBenchRows(db: Db, rows: number, due: number, onProgress?: (done: number) => void): void {
  const insert = db.prepare(
    `INSERT INTO numbers (number, state, country, vendor, sku, cap_voice, cap_fax, cap_sms, routing, golden, ported_in, owner_uuid,
       subscription_uuid, reservation_kind, reservation_origin, reservation_org_uuid, did_reservation_uuid, expires_at, deleted_reason,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const visibility = db.prepare('INSERT INTO number_visibility (number_id, domain) VALUES (?, ?)');
  const nul = (v: string) => (v === '' ? null : v);
  db.transaction(() => {
    let done = 0;
    for (const c of benchRows(rows, due)) {
      const caps = c[5];
      const { lastInsertRowid } = insert.run(
        c[0],
        c[1],
        c[2],
        c[3],
        c[4],
        caps.includes('voice') ? 1 : 0,
        caps.includes('fax') ? 1 : 0,
        caps.includes('sms') ? 1 : 0,
        nul(c[6]),
        c[7] === 'yes' ? 1 : 0,
        c[8] === 'yes' ? 1 : 0,
        nul(c[10]),
        nul(c[11]),
        nul(c[12]),
        nul(c[13]),
        nul(c[14]),
        nul(c[15]),
        nul(c[16]),
        nul(c[17]),
        c[18],
        c[19],
      );
      if (c[9]) for (const d of c[9].split(',')) visibility.run(lastInsertRowid, d);
      if (onProgress && ++done % 1_000_000 === 0) onProgress(done);
    }
  })();
}

const BULK_TABLES = ['numbers', 'number_visibility'];

/**
 * The bench rows into a freshly migrated, empty inventory, fast. Only the schema's own SQL is
 * replayed (read back from sqlite_master), so indexes and triggers added by later migrations are
 * rebuilt without this file knowing them.
 */
export function bulkBuild(db: Db, rows: number, due: number, log: (text: string) => void = () => {}): void {
  const count = (db.prepare('SELECT count(*) AS n FROM numbers').get() as { n: number }).n;
  if (count !== 0) throw new Error(`bulkBuild needs an empty inventory; this one holds ${count} numbers`);
  const marks = BULK_TABLES.map(() => '?').join(', ');
  const schema = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN (${marks}) AND sql IS NOT NULL`)
    .all(...BULK_TABLES) as { type: 'index' | 'trigger'; name: string; sql: string }[];
  // Nothing in this build needs to survive a crash: an interrupted build is started again.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  for (const { type, name } of schema) db.exec(`DROP ${type.toUpperCase()} "${name}"`);
  insertBenchRows(db, rows, due, (done) => log(`bulk build: ${done} rows inserted`));
  log(`bulk build: ${rows} rows inserted; building ${schema.filter((s) => s.type === 'index').length} indexes`);
  db.transaction(() => {
    for (const { type, sql } of schema) if (type === 'index') db.exec(sql);
    db.exec(`INSERT INTO numbers_fts (numbers_fts) VALUES ('rebuild')`);
    db.exec('UPDATE number_state_counts SET count = (SELECT count(*) FROM numbers WHERE numbers.state = number_state_counts.state)');
    db.exec(STOCK_COUNTS_FILL_SQL);
    for (const { type, sql } of schema) if (type === 'trigger') db.exec(sql);
  })();
  db.pragma('synchronous = FULL');
  db.pragma('journal_mode = WAL');
}
