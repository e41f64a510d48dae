// The benchmark's bulk build (indexes dropped, rows inserted, indexes rebuilt) must give the same
// inventory as inserting row by row with every index and trigger live, or the figures it measures
// would be of some other database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { Inventory } from '../../electron/core/inventory';
import { bulkBuild, insertBenchRows } from '../bench/build';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const ROWS = 3_000;
const DUE = 300;

const all = (db: Db, sql: string) => db.prepare(sql).all();
// LIKE on the trigram table is answered from its index (what the search's digits-anywhere uses).
const trigrams = (db: Db, digits: string) =>
  db.prepare('SELECT rowid FROM numbers_fts WHERE number LIKE ? ORDER BY rowid').all(`%${digits}%`);

describe('bench bulk build', () => {
  it('gives the same rows, schema, trigram index and state totals as row-by-row inserts, and leaves the triggers working', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ni-bench-build-'));
    const slow = openDatabase(path.join(dir, 'slow.db'));
    insertBenchRows(slow, ROWS, DUE);
    const bulkFile = path.join(dir, 'bulk.db');
    const bulk = openDatabase(bulkFile);
    bulkBuild(bulk, ROWS, DUE);

    expect(all(bulk, 'SELECT count(*) AS n FROM numbers')).toEqual([{ n: ROWS }]);
    for (const sql of [
      'SELECT * FROM numbers ORDER BY id',
      'SELECT * FROM number_visibility ORDER BY number_id, domain',
      'SELECT * FROM number_state_counts ORDER BY state',
      'SELECT * FROM number_stock_counts WHERE count > 0 ORDER BY state, country, vendor, sku',
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    ]) {
      expect(all(bulk, sql), sql).toEqual(all(slow, sql));
    }
    // The totals are the real ones, not merely equal to the other build's.
    expect(all(bulk, 'SELECT state, count FROM number_state_counts WHERE count > 0 ORDER BY state')).toEqual(
      all(bulk, 'SELECT state, count(*) AS count FROM numbers GROUP BY state ORDER BY state'),
    );
    for (const pattern of ['656', '207', '0000', '1212']) {
      const hits = trigrams(bulk, pattern);
      expect(hits, pattern).toEqual(trigrams(slow, pattern));
    }
    expect(trigrams(bulk, '656').length).toBeGreaterThan(0);
    expect(() => bulk.exec(`INSERT INTO numbers_fts (numbers_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
    expect(bulk.pragma('journal_mode', { simple: true })).toBe('wal');
    slow.close();
    bulk.close();

    // Triggers are back: a number added afterwards is counted and found by a digits-anywhere pattern.
    const inventory = Inventory.open(bulkFile, { actor: 'test' });
    const before = await inventory.counts({});
    const added = await inventory.add({ numbers: '+6591234567', country: 'SG', vendor: 'Singtel', sku: 'SG-DID' });
    expect(added.map((a) => [a.status, a.reason])).toEqual([['added', undefined]]);
    expect((await inventory.counts({})).available).toBe(before.available + 1);
    const found = await inventory.search({ filter: { states: ['available'], pattern: '9123456' } });
    expect(found.rows.map((r) => r.number)).toEqual(['+6591234567']);
    inventory.close();
  });
});
