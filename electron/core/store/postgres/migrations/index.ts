// The team database's numbered migrations, one file each, never edited once landed. Each runs in
// its own transaction under a transaction-level advisory lock and records its number in
// number_inventory_schema (see ../migrate.ts).
import type { Migration } from '../../../db/migrations/types';
import { migration001 } from './001_inventory';
import { migration002 } from './002_billing_activity_stock';
import { migration003 } from './003_change_feed';

export const PG_MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003];
