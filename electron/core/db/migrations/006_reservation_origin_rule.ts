// Migration 6: a reservation's origin only on a reserved number.
//
// Migration 001's CHECKs say what each state carries but leave reservation_origin out of the rule
// for states other than reserved, which shared/state-fields.ts (the rules' one statement) forbids
// there. SQLite cannot add a CHECK to an existing table without rebuilding it (a million rows and
// every index), so two triggers refuse such a row the way a CHECK would. Every path of the product
// already clears the origin when a number leaves Reserved; a stray one left by hand is cleared first.
import type { Migration } from './types';

const REFUSAL = `SELECT RAISE(ABORT, 'CHECK constraint failed: reservation_origin is only for a reserved number')`;

export const migration006: Migration = {
  version: 6,
  name: 'reservation origin only on a reserved number',
  sql: `
      UPDATE numbers SET reservation_origin = NULL WHERE state <> 'reserved' AND reservation_origin IS NOT NULL;
      CREATE TRIGGER numbers_origin_only_reserved_insert BEFORE INSERT ON numbers
        WHEN NEW.state <> 'reserved' AND NEW.reservation_origin IS NOT NULL
        BEGIN ${REFUSAL}; END;
      CREATE TRIGGER numbers_origin_only_reserved_update BEFORE UPDATE OF state, reservation_origin ON numbers
        WHEN NEW.state <> 'reserved' AND NEW.reservation_origin IS NOT NULL
        BEGIN ${REFUSAL}; END;
    `,
};
