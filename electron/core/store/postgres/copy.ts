// Moving a local inventory to a team database (`number-inventory db copy`): every table of the
// SQLite file (numbers, their visibility, the audit history, organizations, settings, saved
// searches, notifications, the outbox, billing events, low-stock pairs) into an empty team
// database, ids kept, in one transaction: a copy that fails or is stopped leaves the target as
// empty as it was. A target that holds anything is refused before anything is written.
//
// Rows travel as JSON, a chunk per statement (json_populate_recordset turns them into the target's
// row type, text instants into timestamptz); SQLite's 0/1 flags become booleans and its JSON text
// columns JSON. What the SQLite file derives for itself (its state counts, its trigram index) is
// not copied: the team database's triggers and indexes derive their own. The audit events record
// the login that ran the copy as their database login (events.db_login): the file never knew one.
import type pg from 'pg';
import { InventoryError } from '../../../../shared/errors';
import type { Db } from '../../db/connection';
import type { TeamDatabase } from './team-database';

/** The tables copied, parents before children; each with the columns to convert on the way. */
const TABLES: readonly { name: string; booleans?: readonly string[]; json?: readonly string[]; identity?: boolean }[] = [
  { name: 'organizations' },
  { name: 'settings' },
  { name: 'saved_searches', json: ['filter'], identity: true },
  { name: 'numbers', booleans: ['cap_voice', 'cap_fax', 'cap_sms', 'golden', 'ported_in'], identity: true },
  { name: 'number_visibility' },
  { name: 'events', json: ['details'], identity: true },
  { name: 'notifications', identity: true },
  { name: 'outbox', identity: true },
  { name: 'billing_events', identity: true },
  { name: 'billing_event_numbers' },
  { name: 'low_stock_pairs' },
];

/** Rows per statement: a few MB of JSON at most. */
const CHUNK = 5000;
/** The advisory lock key of a copy ("NICP" in ASCII): two copies into one database never interleave. */
const COPY_LOCK = 0x4e494350;

export interface CopyProgress {
  table: string;
  copied: number;
  total: number;
}

export interface CopyReport {
  tables: Record<string, number>;
}

/** What the target already holds, table by table (only tables with rows). */
async function heldRows(client: pg.ClientBase): Promise<Record<string, number>> {
  const held: Record<string, number> = {};
  for (const { name } of TABLES) {
    const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`)).rows;
    if (n > 0) held[name] = n;
  }
  return held;
}

function converted(row: Record<string, unknown>, table: (typeof TABLES)[number]): Record<string, unknown> {
  const out = { ...row };
  for (const column of table.booleans ?? []) out[column] = row[column] === 1 || row[column] === true;
  for (const column of table.json ?? []) out[column] = typeof row[column] === 'string' ? JSON.parse(row[column] as string) : row[column];
  return out;
}

async function copyTable(
  client: pg.ClientBase,
  source: Db,
  table: (typeof TABLES)[number],
  onProgress?: (progress: CopyProgress) => void,
): Promise<number> {
  const total = (source.prepare(`SELECT count(*) AS n FROM ${table.name}`).get() as { n: number }).n;
  const columns = (
    await client.query<{ column: string }>(
      `SELECT column_name AS column FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
      [table.name],
    )
  ).rows.map((r) => r.column);
  const sourceColumns = new Set(
    (source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table.name) as { name: string }[]).map((c) => c.name),
  );
  const shared = columns.filter((c) => sourceColumns.has(c));
  const list = shared.map((c) => client.escapeIdentifier(c)).join(', ');
  const insert = `INSERT INTO ${table.name} (${list}) ${table.identity ? 'OVERRIDING SYSTEM VALUE ' : ''}
    SELECT ${list} FROM json_populate_recordset(NULL::${table.name}, $1::json)`;
  let copied = 0;
  let chunk: Record<string, unknown>[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await client.query(insert, [JSON.stringify(chunk)]);
    copied += chunk.length;
    chunk = [];
    onProgress?.({ table: table.name, copied, total });
  };
  const order = sourceColumns.has('id') ? ' ORDER BY id' : '';
  for (const row of source.prepare(`SELECT ${shared.join(', ')} FROM ${table.name}${order}`).iterate() as Iterable<
    Record<string, unknown>
  >) {
    chunk.push(converted(row, table));
    if (chunk.length === CHUNK) await flush();
  }
  await flush();
  if (table.identity) {
    // New rows continue after the copied ids.
    await client.query(
      `SELECT setval(pg_get_serial_sequence('${table.name}', 'id'), coalesce((SELECT max(id) FROM ${table.name}), 0) + 1, false)`,
    );
  }
  if (copied === 0) onProgress?.({ table: table.name, copied, total });
  return copied;
}

/** Copies the whole inventory file into the (empty) team database; refuses a target that holds anything. */
export async function copyToTeamDatabase(
  source: Db,
  team: TeamDatabase,
  onProgress?: (progress: CopyProgress) => void,
): Promise<CopyReport> {
  return team.transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [COPY_LOCK]);
    const held = await heldRows(client);
    if (Object.keys(held).length > 0) {
      const what = Object.entries(held)
        .map(([table, n]) => `${n} ${table.replace(/_/g, ' ')}`)
        .join(', ');
      throw new InventoryError(
        'ALREADY_EXISTS',
        `The team database ${team.server} is not empty (it holds ${what}): db copy copies an inventory only into an empty team database. Nothing was written.`,
      );
    }
    const tables: Record<string, number> = {};
    for (const table of TABLES) tables[table.name] = await copyTable(client, source, table, onProgress);
    return { tables };
  });
}
