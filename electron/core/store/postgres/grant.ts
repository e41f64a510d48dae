// What an operator's login role may do on a team database: read and change the inventory, append
// to the audit trail, never alter, drop or truncate a table, nor edit or delete audit events. The
// one statement of it, run by `number-inventory db grant ROLE` and written out as
// resources/postgres/grant-operator.sql (a test holds the file to this).

/** Each table the app uses and exactly the privileges it needs there. */
const TABLE_PRIVILEGES: Readonly<Record<string, readonly string[]>> = {
  numbers: ['SELECT', 'INSERT', 'UPDATE'],
  number_visibility: ['SELECT', 'INSERT'],
  events: ['SELECT', 'INSERT'],
  organizations: ['SELECT', 'INSERT', 'UPDATE'],
  settings: ['SELECT', 'INSERT', 'UPDATE'],
  saved_searches: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  notifications: ['SELECT', 'INSERT', 'UPDATE'],
  outbox: ['SELECT', 'INSERT', 'UPDATE'],
  billing_events: ['SELECT', 'INSERT'],
  billing_event_numbers: ['SELECT', 'INSERT'],
  // The triggers append to number_stock_changes; the low-stock check folds them into the counts.
  number_stock_changes: ['SELECT', 'INSERT', 'DELETE'],
  number_stock_counts: ['SELECT', 'INSERT', 'UPDATE'],
  number_stock: ['SELECT'],
  low_stock_pairs: ['SELECT', 'INSERT', 'DELETE'],
  number_inventory_schema: ['SELECT'],
  changes: ['SELECT'],
};

/** The statements granting `role` (an identifier, already quoted) its rights on `database` (likewise). */
export function grantStatements(role: string, database: string): string[] {
  return [
    `GRANT CONNECT ON DATABASE ${database} TO ${role}`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `REVOKE CREATE ON SCHEMA public FROM ${role}`,
    ...Object.entries(TABLE_PRIVILEGES).map(([table, privileges]) => `GRANT ${privileges.join(', ')} ON ${table} TO ${role}`),
  ];
}

/** The grant as a psql script: `psql -v role=NAME -f grant-operator.sql URL` (psql sets DBNAME itself). */
export function grantScript(): string {
  return [
    '-- Gives an operator login role exactly what Number Inventory needs on a team database: read and',
    '-- change the inventory, append to the audit trail; never alter, drop or truncate tables, nor edit',
    '-- or delete audit events. Run as the database owner after `number-inventory db migrate`:',
    '--   psql -v role=OPERATOR -f resources/postgres/grant-operator.sql postgres://owner@host/inventory',
    '-- The same as `number-inventory db grant OPERATOR`. Generated from electron/core/store/postgres/grant.ts.',
    '\\set ON_ERROR_STOP on',
    'BEGIN;',
    ...grantStatements(':"role"', ':"DBNAME"').map((statement) => `${statement};`),
    'COMMIT;',
    '',
  ].join('\n');
}
