// Team database migration 2: the stock counts kept by its triggers equal a fresh count of the
// numbers after inserts, moves and deletes (also several rows in one statement); the notices'
// CHECKs are SQLite's (a low-stock notice names a pair, never a number; a hold's notice always has
// a deadline); and a database at version 1 with numbers in it is upgraded with its counts filled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTeamDatabase } from '../../electron/core/store/postgres/migrate';
import { PG_MIGRATIONS } from '../../electron/core/store/postgres/migrations/index';
import { connectTeamDatabase } from '../../electron/core/store/postgres/team-database';
import { T0 } from '../helpers/inventory';
import { freshPgDatabase, type PgTestDatabase } from '../helpers/pg-database';
import pg from 'pg';

const STOCK = `SELECT state, country, vendor, sku, count::int AS count FROM number_stock WHERE count <> 0 ORDER BY 1, 2, 3, 4`;
const FRESH = `SELECT state, country, vendor, sku, count(*)::int AS count FROM numbers GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;

describe('stock counts on a team database', () => {
  let database: PgTestDatabase;
  beforeAll(async () => {
    database = await freshPgDatabase();
    await (await connectTeamDatabase(database.url)).close();
  });
  afterAll(() => database.drop());

  const insert = (number: string, sku: string) =>
    database.query(
      `INSERT INTO numbers (number, country, vendor, sku, state, created_at, updated_at) VALUES ($1, 'SG', 'Singtel', $2, 'available', $3, $3)`,
      [number, sku, T0],
    );

  it('follow every insert, state change, SKU change and delete, one row or many at a time', async () => {
    await insert('+6561230000', 'SG-DID');
    await insert('+6561230001', 'SG-DID');
    await database.query(
      `INSERT INTO numbers (number, country, vendor, sku, state, created_at, updated_at)
       SELECT '+65612310' || lpad(i::text, 2, '0'), 'SG', 'StarHub', 'SG-TF', 'available', $1, $1 FROM generate_series(0, 9) i`,
      [T0],
    );
    expect(await database.query(STOCK)).toEqual([
      { state: 'available', country: 'SG', vendor: 'Singtel', sku: 'SG-DID', count: 2 },
      { state: 'available', country: 'SG', vendor: 'StarHub', sku: 'SG-TF', count: 10 },
    ]);
    await database.query(`UPDATE numbers SET state = 'locked', expires_at = $1 WHERE sku = 'SG-TF' AND number < '+6561231004'`, [T0]);
    await database.query(`UPDATE numbers SET sku = 'SG-MOBILE' WHERE number = '+6561230001'`);
    // A change of no counted column moves nothing.
    await database.query(`UPDATE numbers SET routing = 'sip:a' WHERE number = '+6561230000'`);
    await database.query(`DELETE FROM numbers WHERE number = '+6561231009'`);
    const stock = await database.query(STOCK);
    expect(stock).toEqual(await database.query(FRESH));
    expect(stock).toEqual([
      { state: 'available', country: 'SG', vendor: 'Singtel', sku: 'SG-DID', count: 1 },
      { state: 'available', country: 'SG', vendor: 'Singtel', sku: 'SG-MOBILE', count: 1 },
      { state: 'available', country: 'SG', vendor: 'StarHub', sku: 'SG-TF', count: 5 },
      { state: 'locked', country: 'SG', vendor: 'StarHub', sku: 'SG-TF', count: 4 },
    ]);
  });

  it('a low-stock notice names its pair and no number; a hold notice has a number and deadline', async () => {
    const notice = (values: {
      number: string | null;
      kind: string;
      deadline: string | null;
      country: string | null;
      available: number | null;
    }) =>
      database.query(
        `INSERT INTO notifications (number, kind, deadline, state, created_at, country, sku, available)
         VALUES ($1, $2, $3, 'available', $4, $5, $6, $7)`,
        [values.number, values.kind, values.deadline, T0, values.country, values.country ? 'SG-DID' : null, values.available],
      );
    await notice({ number: null, kind: 'low-stock', deadline: null, country: 'SG', available: 3 });
    await notice({ number: '+6561230000', kind: 'lock-warning', deadline: T0, country: null, available: null });
    const refused = [
      { number: '+6561230000', kind: 'low-stock', deadline: null, country: 'SG', available: 3 },
      { number: null, kind: 'low-stock', deadline: null, country: null, available: null },
      { number: '+6561230000', kind: 'lock-warning', deadline: null, country: null, available: null },
      { number: '+6561230000', kind: 'lock-warning', deadline: T0, country: 'SG', available: 3 },
      { number: '+6561230000', kind: 'no-such-kind', deadline: T0, country: null, available: null },
    ];
    for (const values of refused) await expect(notice(values), JSON.stringify(values)).rejects.toMatchObject({ code: '23514' });
  });
});

describe('upgrading a team database from version 1', () => {
  it('fills the stock counts from the numbers already there', async () => {
    const database = await freshPgDatabase();
    const pool = new pg.Pool({ connectionString: database.url });
    try {
      await migrateTeamDatabase(pool, database.name, PG_MIGRATIONS.slice(0, 1));
      const version2 = PG_MIGRATIONS.slice(0, 2);
      await database.query(
        `INSERT INTO numbers (number, country, vendor, sku, state, created_at, updated_at)
         SELECT '+65612300' || lpad(i::text, 2, '0'), 'SG', 'Singtel', 'SG-DID', 'available', $1, $1 FROM generate_series(0, 6) i`,
        [T0],
      );
      expect(await migrateTeamDatabase(pool, database.name, version2)).toEqual([2]);
      expect(await database.query(STOCK)).toEqual([{ state: 'available', country: 'SG', vendor: 'Singtel', sku: 'SG-DID', count: 7 }]);
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
