// Saved searches and organizations on a team database: the same validation, refusals and rows as
// saved-searches.ts and organizations.ts, with PostgreSQL's SQL. Names and organizations sort
// without regard to ASCII case (lower() in COLLATE "C" folds ASCII only), as SQLite's NOCASE does.
import type pg from 'pg';
import type { Organization } from '../../../../shared/domain';
import type { SavedSearch } from '../../../../shared/transfer';
import { refuseSaveMode, toOrganization, type OrgRow, type SaveMode, type ValidOrganization } from '../../organizations';
import { noSavedSearch, readSaveSearch, refuseNameInUse, toSavedSearch, type SavedSearchRow } from '../../saved-searches';

type Client = Pick<pg.ClientBase, 'query'>;

const SAVED_SEARCH_COLUMNS = 'id, name, filter::text AS filter, created_at, updated_at';

export async function listSavedSearches(client: Client): Promise<SavedSearch[]> {
  const { rows } = await client.query<SavedSearchRow>(
    `SELECT ${SAVED_SEARCH_COLUMNS} FROM saved_searches ORDER BY lower(name COLLATE "C")`,
  );
  return rows.map(toSavedSearch);
}

/** In the caller's transaction: saves a named filter, refusing a name in use unless it overwrites. */
export async function saveSearch(client: Client, raw: unknown, at: string): Promise<SavedSearch> {
  const input = readSaveSearch(raw);
  // The name's row locked, so two desktops saving one name never both insert (the unique index would refuse the second).
  const [existing] = (
    await client.query<SavedSearchRow>(
      `SELECT ${SAVED_SEARCH_COLUMNS} FROM saved_searches WHERE lower(name COLLATE "C") = lower($1 COLLATE "C") FOR UPDATE`,
      [input.name],
    )
  ).rows;
  refuseNameInUse(existing, input.overwrite);
  const filter = JSON.stringify(input.filter);
  const { rows } = existing
    ? await client.query<SavedSearchRow>(
        `UPDATE saved_searches SET name = $1, filter = $2, updated_at = $3 WHERE id = $4 RETURNING ${SAVED_SEARCH_COLUMNS}`,
        [input.name, filter, at, existing.id],
      )
    : await client.query<SavedSearchRow>(
        `INSERT INTO saved_searches (name, filter, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING ${SAVED_SEARCH_COLUMNS}`,
        [input.name, filter, at],
      );
  return toSavedSearch(rows[0]);
}

export async function deleteSavedSearch(client: Client, id: number): Promise<void> {
  const { rowCount } = await client.query('DELETE FROM saved_searches WHERE id = $1', [id]);
  if (rowCount === 0) throw noSavedSearch(id);
}

export async function listOrganizations(client: Client): Promise<Organization[]> {
  const { rows } = await client.query<OrgRow>('SELECT * FROM organizations ORDER BY lower(name COLLATE "C"), uuid');
  return rows.map(toOrganization);
}

/** Organizations written per statement. */
const ORGS_PER_STATEMENT = 1000;

/**
 * Statements of at most ORGS_PER_STATEMENT organizations, none naming one UUID twice (one statement
 * may not update a row twice): a UUID repeated in a file is written in file order, the last wins.
 */
function statementsOf(orgs: readonly ValidOrganization[]): ValidOrganization[][] {
  const chunks: ValidOrganization[][] = [];
  let chunk: ValidOrganization[] = [];
  let uuids = new Set<string>();
  for (const org of orgs) {
    if (chunk.length === ORGS_PER_STATEMENT || uuids.has(org.uuid)) {
      chunks.push(chunk);
      chunk = [];
      uuids = new Set();
    }
    chunk.push(org);
    uuids.add(org.uuid);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** In the caller's transaction: adds or updates validated organizations, each as stored, in the order given. */
export async function upsertOrganizations(client: Client, orgs: readonly ValidOrganization[], at: string): Promise<Organization[]> {
  const stored: Organization[] = [];
  for (const chunk of statementsOf(orgs)) {
    const column = <K extends keyof ValidOrganization>(key: K) => chunk.map((org) => org[key] ?? null);
    const { rows } = await client.query<OrgRow>(
      `INSERT INTO organizations (uuid, name, type, billing_email, owner_email, created_at, updated_at)
       SELECT uuid, name, type, billing_email, owner_email, $6, $6
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS o (uuid, name, type, billing_email, owner_email)
       ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, type = excluded.type,
         billing_email = excluded.billing_email, owner_email = excluded.owner_email, updated_at = excluded.updated_at
       RETURNING *`,
      [column('uuid'), column('name'), column('type'), column('billingEmail'), column('ownerEmail'), at],
    );
    const byUuid = new Map(rows.map((row) => [row.uuid, toOrganization(row)]));
    for (const org of chunk) {
      const row = byUuid.get(org.uuid);
      if (row) stored.push(row);
    }
  }
  return stored;
}

/** In the caller's transaction: adds an organization, or updates it, as `mode` allows. */
export async function saveOrganization(client: Client, org: ValidOrganization, mode: SaveMode, at: string): Promise<Organization> {
  const { rows } = await client.query('SELECT 1 FROM organizations WHERE uuid = $1 FOR UPDATE', [org.uuid.toLowerCase()]);
  refuseSaveMode(org, rows.length > 0, mode);
  return (await upsertOrganizations(client, [org], at))[0];
}
