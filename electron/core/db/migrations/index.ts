// Numbered migrations, one file each. Once a migration has landed it is never edited: add a new
// file with the next number and list it here. Each runs in its own transaction and sets
// PRAGMA user_version to its number.
import { migration001 } from './001_initial';
import { migration002 } from './002_search_at_scale';
import { migration003 } from './003_notifications_outbox';
import { migration004 } from './004_grouped_sort_indexes';
import { migration005 } from './005_notices_per_hold';
import { migration006 } from './006_reservation_origin_rule';
import { migration009 } from './009_activity_and_stock';
import type { Migration } from './types';

export type { Migration };

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration009,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
