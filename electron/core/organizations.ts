// The local directory of organizations: who a number is reserved for and where their warnings go.
import type { z } from 'zod';
import type { Organization } from '../../shared/domain';
import { organizationSchema } from '../../shared/organizations';
import { InventoryError } from '../../shared/errors';
import type { CoreContext } from './context';
import type { Db } from './db/connection';
import { parseOrThrow } from './validation';

export const organizationInputSchema = organizationSchema('Org UUID');
export type OrganizationInput = z.input<typeof organizationInputSchema>;

export interface OrgRow {
  uuid: string;
  name: string;
  type: Organization['type'];
  billing_email: string | null;
  owner_email: string | null;
  created_at: string;
  updated_at: string;
}

export function toOrganization(row: OrgRow): Organization {
  return {
    uuid: row.uuid,
    name: row.name,
    type: row.type,
    billingEmail: row.billing_email,
    ownerEmail: row.owner_email,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listOrganizations(db: Db): Organization[] {
  return (db.prepare('SELECT * FROM organizations ORDER BY name COLLATE NOCASE, uuid').all() as OrgRow[]).map(toOrganization);
}

function getOrganization(db: Db, uuid: string): Organization | null {
  const row = db.prepare('SELECT * FROM organizations WHERE uuid = ?').get(uuid.toLowerCase()) as OrgRow | undefined;
  return row ? toOrganization(row) : null;
}

/** Names an organization for a message: its directory name, or its UUID when it is not in the directory. */
export function orgNamer(db: Db): (uuid: string) => string {
  return (uuid) => getOrganization(db, uuid)?.name ?? uuid;
}

export type ValidOrganization = z.output<typeof organizationInputSchema>;

/**
 * Writes validated organizations, adding or updating each, with one statement prepared once; runs
 * inside the caller's transaction and returns each as stored.
 */
export function upsertOrganizations(ctx: CoreContext, orgs: readonly ValidOrganization[]): Organization[] {
  const at = ctx.clock.now().toISOString();
  const upsert = ctx.db.prepare(
    `INSERT INTO organizations (uuid, name, type, billing_email, owner_email, created_at, updated_at)
     VALUES (@uuid, @name, @type, @billingEmail, @ownerEmail, @at, @at)
     ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, type = excluded.type,
       billing_email = excluded.billing_email, owner_email = excluded.owner_email, updated_at = excluded.updated_at
     RETURNING *`,
  );
  return orgs.map((org) => toOrganization(upsert.get({ ...org, at }) as OrgRow));
}

export type SaveMode = 'add' | 'update' | 'upsert';

export const readOrganization = (raw: unknown): ValidOrganization => parseOrThrow(organizationInputSchema, raw, 'Organization');

/** Adding one that exists, or updating one that does not, is refused. */
export function refuseSaveMode(org: ValidOrganization, exists: boolean, mode: SaveMode): void {
  if (mode === 'add' && exists) throw new InventoryError('ALREADY_EXISTS', `Organization ${org.uuid} already exists`);
  if (mode === 'update' && !exists) throw new InventoryError('NOT_FOUND', `Organization ${org.uuid} does not exist`);
}

/** Adds an organization, or updates it when `mode` is 'upsert'. */
export function saveOrganization(ctx: CoreContext, raw: unknown, mode: SaveMode = 'add'): Organization {
  const org = readOrganization(raw);
  const { db } = ctx;
  return db
    .transaction(() => {
      refuseSaveMode(org, getOrganization(db, org.uuid) !== null, mode);
      return upsertOrganizations(ctx, [org])[0];
    })
    .immediate();
}
