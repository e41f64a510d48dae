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

export async function freshTeamInventory(start = T0): Promise<TestTeamInventory> {
  const database = await freshPgDatabase();
  const clock = new ManualClock(start);
  const inventory = new TeamInventory(database.url, { clock, actor: 'tester' });
  await inventory.database();
  return {
    inventory,
    clock,
    database,
    async close() {
      await inventory.close();
      await database.drop();
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
