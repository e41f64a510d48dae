// A fresh inventory on a team database (its own database in the run's throwaway cluster), with the
// same manual clock and actor as test/helpers/inventory.ts gives the SQLite file.
import { ManualClock } from '../../electron/core/clock';
import { TeamInventory } from '../../electron/core/store/postgres/team-inventory';
import { T0 } from './inventory';
import { freshPgDatabase, type PgTestDatabase } from './pg-database';

export interface TestTeamInventory {
  inventory: TeamInventory;
  clock: ManualClock;
  database: PgTestDatabase;
  close(): Promise<void>;
}

/** Databases of this test process emptied after their test, to be used again: emptying is far quicker than creating and dropping. */
const emptied: PgTestDatabase[] = [];

/** Every row gone and every id back to 1, the schema as migrated; false when that could not be done (then it is dropped). */
async function empty(database: PgTestDatabase): Promise<boolean> {
  try {
    const tables = await database.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'number_inventory_schema'",
    );
    await database.query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')} RESTART IDENTITY CASCADE`);
    return true;
  } catch {
    return false;
  }
}

export async function freshTeamInventory(start = T0): Promise<TestTeamInventory> {
  const database = emptied.pop() ?? (await freshPgDatabase({ migrated: true }));
  const clock = new ManualClock(start);
  const inventory = new TeamInventory(database.url, { clock, actor: 'tester' });
  await inventory.database();
  return {
    inventory,
    clock,
    database,
    async close() {
      await inventory.close();
      if (await empty(database)) emptied.push(database);
      else await database.drop();
    },
  };
}

/** A complete, order-independent dump of a team database's rows (every table), to prove a refusal changed nothing. */
export async function dumpTeamDatabase(database: PgTestDatabase): Promise<string> {
  const tables = await database.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  const data: Record<string, string[]> = {};
  for (const { name } of tables) {
    data[name] = (await database.query(`SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row)).sort();
  }
  return JSON.stringify(data, null, 1);
}
