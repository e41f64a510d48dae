// Saved searches: named filters the operators keep and pick again later (table from migration 002).
import { InventoryError } from '../../shared/errors';
import { compactFilter, searchFilterSchema } from '../../shared/search';
import { saveSearchSchema, type SavedSearch } from '../../shared/transfer';
import type { CoreContext } from './context';
import type { Db } from './db/connection';
import { parseOrThrow } from './validation';

export interface SavedSearchRow {
  id: number;
  name: string;
  filter: string;
  created_at: string;
  updated_at: string;
}

export function toSavedSearch(row: SavedSearchRow): SavedSearch {
  // Stored filters were validated on save; parse again so a filter saved by an older version that
  // no longer validates is shown empty rather than breaking the list.
  const parsed = searchFilterSchema.safeParse(JSON.parse(row.filter));
  return {
    id: row.id,
    name: row.name,
    filter: parsed.success ? parsed.data : {},
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listSavedSearches(db: Db): SavedSearch[] {
  return (db.prepare('SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE').all() as SavedSearchRow[]).map(toSavedSearch);
}

/** A save request validated, its filter as stored (only the conditions in force). */
export function readSaveSearch(raw: unknown) {
  const input = parseOrThrow(saveSearchSchema, raw, 'Save search');
  return { ...input, filter: compactFilter(input.filter) };
}

/** A name in use is refused unless the request overwrites it. */
export function refuseNameInUse(existing: Pick<SavedSearchRow, 'name'> | undefined, overwrite: boolean | undefined): void {
  if (existing && !overwrite)
    throw new InventoryError('ALREADY_EXISTS', `Save search: a saved search named "${existing.name}" already exists`);
}

/** Deleting a saved search that is not there. */
export const noSavedSearch = (id: number) => new InventoryError('NOT_FOUND', `Saved search ${id} does not exist`);

export function saveSearch(ctx: CoreContext, raw: unknown): SavedSearch {
  const input = readSaveSearch(raw);
  const { db } = ctx;
  const at = ctx.clock.now().toISOString();
  const { filter } = input;
  return db
    .transaction(() => {
      const existing = db.prepare('SELECT * FROM saved_searches WHERE name = ?').get(input.name) as SavedSearchRow | undefined;
      refuseNameInUse(existing, input.overwrite);
      if (existing) {
        db.prepare('UPDATE saved_searches SET name = ?, filter = ?, updated_at = ? WHERE id = ?').run(
          input.name,
          JSON.stringify(filter),
          at,
          existing.id,
        );
        return toSavedSearch(db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(existing.id) as SavedSearchRow);
      }
      const { lastInsertRowid } = db
        .prepare('INSERT INTO saved_searches (name, filter, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(input.name, JSON.stringify(filter), at, at);
      return toSavedSearch(db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(lastInsertRowid) as SavedSearchRow);
    })
    .immediate();
}

export function deleteSavedSearch(db: Db, id: number): void {
  const { changes } = db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id);
  if (changes === 0) throw noSavedSearch(id);
}
