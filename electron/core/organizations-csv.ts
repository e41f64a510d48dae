// Importing the organizations directory from CSV: all rows or none. Every row is read and validated
// first, outside any transaction; then one transaction writes them all with one prepared statement,
// so the database is held for the writes alone.
import { parse } from 'csv-parse/sync';
import { ORGANIZATIONS_CSV_MAX_CHARS } from '../../shared/contract';
import type { Organization } from '../../shared/domain';
import { InventoryError } from '../../shared/errors';
import type { CoreContext } from './context';
import { organizationInputSchema, upsertOrganizations, type ValidOrganization } from './organizations';
import { describeIssues } from '../../shared/actions';

const HEADER_ALIASES: Record<string, keyof Organization> = {
  uuid: 'uuid',
  orguuid: 'uuid',
  name: 'name',
  type: 'type',
  billingemail: 'billingEmail',
  owneremail: 'ownerEmail',
};

/** Every row of an organizations CSV, validated; the first bad row refuses the whole file. */
export function readOrganizationsCsv(csvText: string): ValidOrganization[] {
  if (csvText.length > ORGANIZATIONS_CSV_MAX_CHARS)
    throw new InventoryError('INVALID_INPUT', `Organizations CSV is larger than ${ORGANIZATIONS_CSV_MAX_CHARS} characters`);
  let records: string[][];
  try {
    records = parse(csvText, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new InventoryError('INVALID_INPUT', `Organizations CSV could not be read: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new InventoryError('INVALID_INPUT', 'Organizations CSV is empty');
  const header = records[0].map((cell) => HEADER_ALIASES[cell.toLowerCase().replace(/[\s_-]/g, '')]);
  for (const required of ['uuid', 'name', 'type'] as const) {
    if (!header.includes(required)) {
      throw new InventoryError(
        'INVALID_INPUT',
        `Organizations CSV needs a header row with uuid, name, type (and billing_email, owner_email); "${required}" is missing`,
      );
    }
  }
  return records.slice(1).map((cells, index) => {
    // A plain object with no prototype: header names from a file never reach Object.prototype.
    const row: Record<string, string> = Object.create(null);
    header.forEach((field, column) => {
      if (field) row[field] = cells[column] ?? '';
    });
    const parsed = organizationInputSchema.safeParse({ ...row });
    if (!parsed.success) throw new InventoryError('INVALID_INPUT', `Organizations CSV line ${index + 2}: ${describeIssues(parsed.error)}`);
    return parsed.data;
  });
}

export function importOrganizationsCsv(ctx: CoreContext, csvText: string): Organization[] {
  const inputs = readOrganizationsCsv(csvText);
  return ctx.db.transaction(() => upsertOrganizations(ctx, inputs)).immediate();
}
