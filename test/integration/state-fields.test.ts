// The per-state field rules (shared/state-fields.ts) against the database: for every state and every
// field, a row breaking the table's rule is refused by the numbers table (inserted, or updated into
// that shape), and a row obeying it is accepted. The import validation reads the same table.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { MIGRATIONS } from '../../electron/core/db/migrations/index';
import { NUMBER_STATES, type NumberState } from '../../shared/domain';
import { EXPIRING_STATES } from '../../shared/lifecycle';
import { STATE_FIELD_RULES, STATE_FIELDS, stateFieldProblem, type StateField } from '../../shared/state-fields';
import { DID_1, ORG_A, SUB_1, T0, tempDir } from '../helpers/inventory';

/** A value each field may hold, written out here rather than taken from the code under test. */
const SAMPLE: Record<StateField, string> = {
  owner_uuid: ORG_A,
  subscription_uuid: SUB_1,
  reservation_kind: 'free',
  reservation_origin: 'manual',
  reservation_org_uuid: ORG_A,
  did_reservation_uuid: DID_1,
  expires_at: T0,
  deleted_reason: 'faulty',
};

type Fields = Record<StateField, string | null>;

/** The fields of a number that obeys the table: required ones set, the others empty. */
function obeying(state: NumberState): Fields {
  return Object.fromEntries(
    STATE_FIELDS.map((field) => [field, STATE_FIELD_RULES[state][field] === 'required' ? SAMPLE[field] : null]),
  ) as Fields;
}

let dir: string;
let db: Db;
let serial = 0;
beforeEach(() => {
  dir = tempDir();
  db = openDatabase(path.join(dir, 'inventory.db'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const nextNumber = () => `+656123${String(serial++).padStart(4, '0')}`;

function insert(state: NumberState, fields: Fields): void {
  db.prepare(
    `INSERT INTO numbers (number, country, vendor, sku, state, ${STATE_FIELDS.join(', ')}, created_at, updated_at)
     VALUES (?, 'SG', 'Singtel', 'SG-DID', ?, ${STATE_FIELDS.map(() => '?').join(', ')}, ?, ?)`,
  ).run(nextNumber(), state, ...STATE_FIELDS.map((f) => fields[f]), T0, T0);
}

/** Adds an obeying Available number, then moves it into `state` with `fields` in one UPDATE. */
function update(state: NumberState, fields: Fields): void {
  const number = nextNumber();
  db.prepare(
    `INSERT INTO numbers (number, country, vendor, sku, state, created_at, updated_at) VALUES (?, 'SG', 'V', 'S', 'available', ?, ?)`,
  ).run(number, T0, T0);
  db.prepare(`UPDATE numbers SET state = ?, ${STATE_FIELDS.map((f) => `${f} = ?`).join(', ')} WHERE number = ?`).run(
    state,
    ...STATE_FIELDS.map((f) => fields[f]),
    number,
  );
}

const CHECK_FAILED = /CHECK constraint failed/;
const aNumber = (state: NumberState) => `${/^[aeiou]/.test(state) ? 'an' : 'a'} ${state} number`;

describe('the per-state field rules', () => {
  it('say what the life-cycle document says each state carries', () => {
    const carried = (state: NumberState, rule: string) => STATE_FIELDS.filter((f) => STATE_FIELD_RULES[state][f] === rule);
    expect(carried('available', 'required')).toEqual([]);
    expect(carried('available', 'optional')).toEqual([]);
    expect(carried('reserved', 'required')).toEqual(['reservation_kind', 'reservation_origin', 'reservation_org_uuid', 'expires_at']);
    expect(carried('reserved', 'optional')).toEqual(['did_reservation_uuid']);
    expect(carried('locked', 'required')).toEqual([]);
    expect(carried('locked', 'optional')).toEqual(['expires_at']);
    expect(carried('assigned', 'required')).toEqual(['owner_uuid', 'subscription_uuid']);
    expect(carried('deleted', 'required')).toEqual(['deleted_reason']);
  });

  it('let a deadline only on the states the sweep releases', () => {
    expect(NUMBER_STATES.filter((s) => STATE_FIELD_RULES[s].expires_at !== 'forbidden')).toEqual([...EXPIRING_STATES]);
  });

  it('name the state and the field that breaks them', () => {
    expect(stateFieldProblem('reserved', { ...obeying('reserved'), expires_at: null })).toBe('a reserved number needs expires_at');
    expect(stateFieldProblem('available', { ...obeying('available'), owner_uuid: ORG_A })).toBe(
      'an available number cannot have owner_uuid',
    );
    expect(stateFieldProblem('locked', obeying('locked'))).toBeNull();
  });
});

describe('migration 6', () => {
  it('clears a reservation origin left on a number that is not reserved, then refuses new ones', () => {
    db.close();
    const file = path.join(dir, 'old.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 5) });
    old
      .prepare(
        `INSERT INTO numbers (number, country, vendor, sku, state, reservation_origin, created_at, updated_at) VALUES (?, 'SG', 'V', 'S', 'available', 'manual', ?, ?)`,
      )
      .run('+6561239999', T0, T0);
    old.close();
    db = openDatabase(file);
    expect(db.prepare('SELECT reservation_origin FROM numbers').pluck().all()).toEqual([null]);
    expect(() => db.prepare(`UPDATE numbers SET reservation_origin = 'manual'`).run()).toThrow(CHECK_FAILED);
  });
});

describe('the numbers table enforces the same rules', () => {
  for (const state of NUMBER_STATES) {
    it(`accepts ${aNumber(state)} obeying the table, with and without its optional fields`, () => {
      expect(() => insert(state, obeying(state))).not.toThrow();
      expect(() => update(state, obeying(state))).not.toThrow();
      const withOptional = { ...obeying(state) };
      for (const field of STATE_FIELDS) if (STATE_FIELD_RULES[state][field] === 'optional') withOptional[field] = SAMPLE[field];
      expect(() => insert(state, withOptional)).not.toThrow();
      expect(() => update(state, withOptional)).not.toThrow();
    });

    for (const field of STATE_FIELDS) {
      const rule = STATE_FIELD_RULES[state][field];
      if (rule === 'optional') continue;
      const broken = { ...obeying(state), [field]: rule === 'required' ? null : SAMPLE[field] };
      it(`refuses ${aNumber(state)} ${rule === 'required' ? 'without' : 'with'} ${field}, inserted or updated`, () => {
        expect(stateFieldProblem(state, broken)).not.toBeNull();
        expect(() => insert(state, broken)).toThrow(CHECK_FAILED);
        expect(() => update(state, broken)).toThrow(CHECK_FAILED);
      });
    }
  }
});
