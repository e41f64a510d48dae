// The real `number-inventory` command (issue 2 §6), spawned as a process on a temporary database with
// a fixed clock: every command, the --json shapes, exit codes 0/1/2, --db, --actor, number formats.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { Inventory } from '../../electron/core/inventory';
import type { AddResult, NumberDetail, NumberRecord, Organization } from '../../shared/domain';
import { buildCliOnce, runCli, type CliRun } from '../helpers/cli';
import { DID_1, ORG_A, ORG_B, SUB_1, SUB_2, tempDir } from '../helpers/inventory';

const NOW = '2026-01-05T09:00:00.000Z';
/** Each spawn costs about 0.3 s on an idle machine and several seconds on a loaded one: generous limits. */
const SLOW = 180_000;
const SG = ['--vendor', 'Singtel', '--country', 'SG', '--sku', 'SG-DID'];

let dir: string;
let db: string;
beforeAll(() => buildCliOnce(), SLOW);
beforeEach(() => {
  dir = tempDir('ni-cli-');
  db = path.join(dir, 'inventory.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], now = NOW) => runCli(args, { db, now });
const ok = (run: CliRun) => {
  expect(run.code, `exit ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(0);
  return run;
};
const refusal = (run: CliRun) => {
  expect(run.code, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(1);
  return run.json<{ error: { code: string; message: string } }>().error;
};

describe('add and show', () => {
  it(
    'add answers one result per input; show --json gives the contract fields and the history',
    async () => {
      const added = ok(
        await cli([
          '--json',
          'add',
          '+65 6123 0000, +6561230001,+6561230001',
          '+60 3-2123 4567',
          ...SG,
          '--capabilities',
          'voice,sms',
          '--routing',
          'route-1',
          '--golden',
          '--ported-in',
          '--visible-to',
          'a.example.com,b.example.com',
        ]),
      ).json<AddResult[]>();
      expect(added.map((r) => [r.input, r.status, r.number])).toEqual([
        ['+65 6123 0000', 'added', '+6561230000'],
        ['+6561230001', 'added', '+6561230001'],
        ['+6561230001', 'repeated', '+6561230001'],
        ['+60 3-2123 4567', 'invalid', null],
      ]);
      expect(added[3].reason).toContain('MY');
      const again = ok(await cli(['--json', 'add', '+6561230000', ...SG])).json<AddResult[]>();
      expect(again).toEqual([{ input: '+6561230000', status: 'exists', number: '+6561230000', state: 'available' }]);

      const shown = ok(await cli(['--json', '--actor', 'alice', 'show', '+65 6123-0000'])).json<Record<string, unknown>>();
      expect(shown).toMatchObject({
        number: '+6561230000',
        state: 'available',
        expiresAt: null,
        country: 'SG',
        vendor: 'Singtel',
        sku: 'SG-DID',
        capabilities: ['voice', 'sms'],
        routing: 'route-1',
        ownerUuid: null,
        subscriptionUuid: null,
        reservation: null,
        golden: true,
        portedIn: true,
        visibleTo: ['a.example.com', 'b.example.com'],
      });
      const history = shown.history as Record<string, unknown>[];
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ action: 'add', from: null, to: 'available', at: NOW, remark: null });
      expect(typeof history[0].actor).toBe('string');

      const text = ok(await cli(['show', '+65 6123 0000']));
      expect(text.stdout).toContain('+6561230000');
      expect(text.stdout).toContain('available');
    },
    SLOW,
  );

  it(
    'add in plain text reports each input and refuses 51 numbers whole',
    async () => {
      const text = ok(await cli(['add', '+6561230000,+6561230000', ...SG]));
      expect(text.stdout).toContain('added +6561230000');
      expect(text.stdout).toContain('repeated');
      const many = Array.from({ length: 51 }, (_, i) => `+${6561231000 + i}`).join(',');
      expect(refusal(await cli(['--json', 'add', many, ...SG])).code).toBe('LIMIT_EXCEEDED');
      const search = ok(await cli(['--json', 'search'])).json<{ total: number }>();
      expect(search.total).toBe(1);
    },
    SLOW,
  );
});

describe('the life cycle through the CLI', () => {
  it(
    'every action command, with exact deadlines, E.164 output and --actor in the history',
    async () => {
      ok(await cli(['add', '+6561230000,+6561230001', ...SG]));
      const n = '+65 6123 0000';
      const m = '+6561230001';
      const act = async (args: string[], now = NOW) => ok(await cli(['--json', '--actor', 'alice', ...args], now)).json<NumberDetail>();

      expect(await act(['reserve', n, '--org', ORG_A, '--remark', 'hold'])).toMatchObject({
        number: '+6561230000',
        state: 'reserved',
        expiresAt: '2026-02-02T09:00:00.000Z',
        reservation: { kind: 'free', orgUuid: ORG_A },
      });
      expect(await act(['extend', n, '--did-reservation', DID_1, '--until', '2026-03-31'])).toMatchObject({
        state: 'reserved',
        expiresAt: '2026-04-01T00:00:00.000Z',
        reservation: { kind: 'charged', didReservationUuid: DID_1 },
      });
      expect(await act(['release', n, '--remark', 'no sale'])).toMatchObject({ state: 'available', expiresAt: null });
      expect(await act(['lock', n, '--remark', 'check'])).toMatchObject({ state: 'locked', expiresAt: '2026-02-02T09:00:00.000Z' });
      expect(await act(['unlock', n, '--remark', 'ok'])).toMatchObject({ state: 'available' });
      expect(await act(['delete', n, '--reason', 'returned-to-vendor', '--remark', 'bye'])).toMatchObject({
        state: 'deleted',
        deletedReason: 'returned-to-vendor',
      });
      expect(await act(['recover', n, '--remark', 'back'])).toMatchObject({ state: 'available' });
      expect(await act(['assign', n, '--subscription', SUB_1, '--owner', ORG_B])).toMatchObject({
        state: 'assigned',
        subscriptionUuid: SUB_1,
        ownerUuid: ORG_B,
      });
      expect(await act(['subscription', n, 'expired', '--at', '2026-01-04T00:00:00Z'])).toMatchObject({
        state: 'reserved',
        expiresAt: '2026-03-01T00:00:00.000Z',
        reservation: { orgUuid: ORG_B, origin: 'subscription-expired' },
      });

      await act(['assign', m, '--subscription', SUB_2, '--owner', ORG_A]);
      expect(await act(['subscription', m, 'terminated'])).toMatchObject({
        expiresAt: '2026-02-02T09:00:00.000Z',
        reservation: { origin: 'subscription-terminated' },
      });
      await act(['assign', m, '--subscription', SUB_2, '--owner', ORG_A]);
      expect(await act(['subscription', m, 'swapped-out', '--at', '2026-01-05T08:00:00Z'])).toMatchObject({
        expiresAt: '2026-01-06T08:00:00.000Z',
        reservation: { origin: 'swapped-out' },
      });

      // The sweep at a later NOW releases what is due and lists it; a second sweep releases nothing.
      const swept = ok(await cli(['--json', 'sweep'], '2026-01-07T00:00:00Z')).json<{ released: unknown[] }>();
      expect(swept.released).toEqual([{ number: m, from: 'reserved', expiredAt: '2026-01-06T08:00:00.000Z' }]);
      expect(ok(await cli(['--json', 'sweep'], '2026-01-07T00:00:00Z')).json<{ released: unknown[] }>().released).toEqual([]);

      const shown = ok(await cli(['--json', 'show', n])).json<NumberDetail>();
      expect(shown.history.map((e) => e.action)).toEqual([
        'add',
        'reserve',
        'extend',
        'release',
        'lock',
        'unlock',
        'delete',
        'recover',
        'assign',
        'subscription-expired',
      ]);
      expect(shown.history.slice(1).every((e) => e.actor === 'alice' && e.at === NOW)).toBe(true);
      expect(shown.history[3]).toMatchObject({ action: 'release', from: 'reserved', to: 'available', remark: 'no sale' });
      const expired = ok(await cli(['--json', 'show', m])).json<NumberDetail>();
      expect(expired.history.at(-1)).toMatchObject({ action: 'expire', from: 'reserved', to: 'available', at: '2026-01-07T00:00:00.000Z' });

      // Plain text output names the change in E.164.
      const text = ok(await cli(['lock', '+65 6123 0001', '--remark', 'x']));
      expect(text.stdout).toContain('+6561230001: available -> locked');
    },
    SLOW,
  );
});

describe('refusals and usage errors', () => {
  it(
    'a refusal exits 1: the message on stderr, or the error document on stdout with --json',
    async () => {
      ok(await cli(['add', '+6561230000', ...SG]));
      const plain = await cli(['release', '+6561230000', '--remark', 'r']);
      expect(plain.code).toBe(1);
      expect(plain.stdout).toBe('');
      expect(plain.stderr).toContain('+6561230000');
      expect(plain.stderr).toContain('available');

      const illegal = await cli(['--json', 'release', '+6561230000', '--remark', 'r']);
      expect(illegal.json()).toEqual({ error: { code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('+6561230000') } });
      expect(illegal.code).toBe(1);
      expect(refusal(await cli(['--json', 'show', '+6561239999'])).code).toBe('NOT_FOUND');
      expect(refusal(await cli(['--json', 'reserve', '+6561230000', '--org', 'nope', '--remark', 'r'])).code).toBe('INVALID_INPUT');
      expect(refusal(await cli(['--json', 'reserve', '+6561230000', '--org', ORG_A, '--remark', '  '])).code).toBe('INVALID_INPUT');
      ok(await cli(['reserve', '+6561230000', '--org', ORG_A, '--remark', 'r']));
      expect(refusal(await cli(['--json', 'extend', '+6561230000', '--did-reservation', DID_1, '--until', 'soon'])).code).toBe(
        'INVALID_INPUT',
      );
      expect(refusal(await cli(['--json', 'assign', '+6561230000', '--subscription', SUB_1, '--owner', ORG_B])).code).toBe('ORG_MISMATCH');
      // None of the refusals wrote anything.
      const shown = ok(await cli(['--json', 'show', '+6561230000'])).json<NumberDetail>();
      expect(shown.history.map((e) => e.action)).toEqual(['add', 'reserve']);
    },
    SLOW,
  );

  it(
    'a usage error exits 2 and never creates the database',
    async () => {
      const usage = [
        ['reserve', '+6561230000', '--remark', 'r'],
        ['delete', '+6561230000', '--reason', 'lost', '--remark', 'r'],
        ['subscription', '+6561230000', 'paused'],
        ['search', '--sort', 'colour'],
        ['search', '--page', 'two'],
        ['search', '--state', 'reserved,bogus'],
        ['search', '--capability', 'telex'],
        ['frobnicate'],
        ['search', '--expires-before', 'soon'],
        ['export', '--format', 'csv', '--out', 'x.csv', '--state', 'bogus'],
      ];
      const runs = await Promise.all(usage.map((args) => cli(args)));
      runs.forEach((run, i) => expect({ args: usage[i], code: run.code }).toEqual({ args: usage[i], code: 2 }));
      expect(runs[0].stderr).toContain('--org');
      expect(runs[5].stderr).toContain('bogus');
      expect(runs[6].stderr).toContain('telex');
      expect(fs.existsSync(db)).toBe(false);
    },
    SLOW,
  );
});

describe('database and clock selection', () => {
  it(
    '--db overrides NUMBER_INVENTORY_DB',
    async () => {
      const other = path.join(dir, 'other.db');
      ok(await runCli(['--db', other, 'add', '+6561230000', ...SG], { db, now: NOW }));
      expect(ok(await runCli(['--json', 'search'], { db: other, now: NOW })).json<{ total: number }>().total).toBe(1);
      expect(ok(await runCli(['--json', 'search'], { db, now: NOW })).json<{ total: number }>().total).toBe(0);
    },
    SLOW,
  );
});

describe('clock and schema errors', () => {
  it(
    'a malformed NUMBER_INVENTORY_NOW is a usage error; a database newer than the code is refused',
    async () => {
      const badNow = await runCli(['--json', 'search'], { db, now: 'next tuesday' });
      expect(badNow.code).toBe(2);
      expect(badNow.stderr).toContain('NUMBER_INVENTORY_NOW');
      expect(badNow.stderr).not.toContain('    at ');
      ok(await cli(['add', '+6561230000', ...SG]));
      const Database = (await import('better-sqlite3')).default;
      const raw = new Database(db);
      raw.pragma('user_version = 9999');
      raw.close();
      const error = refusal(await cli(['--json', 'show', '+6561230000']));
      expect(error).toMatchObject({ code: 'DATABASE_TOO_NEW', message: expect.stringContaining('9999') });
    },
    SLOW,
  );
});

describe('organizations', () => {
  it(
    'orgs add, list and import from CSV',
    async () => {
      const added = ok(
        await cli(['--json', 'orgs', 'add', ORG_A, '--name', 'Acme', '--type', 'customer', '--billing-email', 'billing@acme.example']),
      ).json<Organization>();
      expect(added).toMatchObject({ uuid: ORG_A, name: 'Acme', type: 'customer', billingEmail: 'billing@acme.example', ownerEmail: null });
      expect(refusal(await cli(['--json', 'orgs', 'add', ORG_A, '--name', 'Again', '--type', 'customer'])).code).toBe('ALREADY_EXISTS');
      expect((await cli(['orgs', 'add', ORG_B, '--name', 'X', '--type', 'reseller'])).code).toBe(2);

      const csv = path.join(dir, 'orgs.csv');
      fs.writeFileSync(
        csv,
        `uuid,name,type,billing_email,owner_email\n${ORG_B},"Partner, Ltd",partner,,owner@partner.example\n${ORG_A},Acme Corp,customer,billing@acme.example,\n`,
      );
      const imported = ok(await cli(['--json', 'orgs', 'import', csv])).json<Organization[]>();
      expect(imported.map((o) => o.uuid)).toEqual([ORG_B, ORG_A]);

      const bad = path.join(dir, 'bad.csv');
      fs.writeFileSync(bad, `uuid,name,type\n${SUB_1},Fine,customer\nnot-a-uuid,Broken,customer\n`);
      const error = refusal(await cli(['--json', 'orgs', 'import', bad]));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('line 3') });

      const list = ok(await cli(['--json', 'orgs', 'list'])).json<Organization[]>();
      expect(list.map((o) => [o.name, o.type, o.billingEmail, o.ownerEmail])).toEqual([
        ['Acme Corp', 'customer', 'billing@acme.example', null],
        ['Partner, Ltd', 'partner', null, 'owner@partner.example'],
      ]);
      const text = ok(await cli(['orgs', 'list']));
      expect(text.stdout).toContain('Partner, Ltd');
    },
    SLOW,
  );
});

describe('search', () => {
  const ALL_SG = ['+6561230000', '+6561230002', '+6561230003', '+6561238888', '+6591234567'];

  /** A small inventory with every searchable field set, written through the core. */
  async function seed(): Promise<void> {
    const inventory = Inventory.open(db, { clock: new ManualClock(NOW), actor: 'seed' });
    const add = (numbers: string, extra: Record<string, unknown>) =>
      inventory.add({ numbers, vendor: 'Singtel', country: 'SG', sku: 'SG-DID', ...extra });
    await add('+6561230000', { capabilities: ['voice', 'sms'], routing: 'r1', golden: true, visibleTo: ['a.example.com'] });
    await add('+6561238888', { sku: 'SG-GOLD', capabilities: ['voice'], golden: true });
    await add('+6591234567', { vendor: 'StarHub', sku: 'SG-MOB', capabilities: ['sms'], routing: 'r2', portedIn: true });
    await add('+6561230002, +6561230003', { capabilities: ['fax'] });
    await inventory.add({
      numbers: '+12126550199, +12125550123',
      vendor: 'Lumen',
      country: 'US',
      sku: 'US-DID',
      capabilities: ['voice'],
      visibleTo: ['b.example.com'],
    });
    await inventory.add({ numbers: '+442079460958', vendor: 'BT', country: 'GB', sku: 'GB-DID' });
    await inventory.act('reserve', { number: '+6561238888', orgUuid: ORG_A, remark: 'golden hold' });
    await inventory.act('assign', { number: '+6591234567', subscriptionUuid: SUB_1, ownerUuid: ORG_B });
    await inventory.act('lock', { number: '+6561230002', remark: 'l' });
    await inventory.act('delete', { number: '+6561230003', reason: 'faulty', remark: 'd' });
    inventory.close();
  }

  it(
    'filters by every field of the life-cycle document, with the pattern rules',
    async () => {
      await seed();
      const cases: [string[], string[]][] = [
        [
          ['--state', 'reserved,locked'],
          ['+6561230002', '+6561238888'],
        ],
        [['--pattern', '+65*'], ALL_SG],
        [['--pattern', '+65'], ALL_SG],
        [
          ['--pattern', '65'],
          ['+12126550199', ...ALL_SG],
        ],
        [['--pattern', '*888'], ['+6561238888']],
        [
          ['--pattern', '+656123000?'],
          ['+6561230000', '+6561230002', '+6561230003'],
        ],
        [
          ['--sku', 'SG-GOLD,SG-MOB'],
          ['+6561238888', '+6591234567'],
        ],
        [['--vendor', 'StarHub'], ['+6591234567']],
        [
          ['--country', 'us'],
          ['+12125550123', '+12126550199'],
        ],
        [
          ['--capability', 'fax'],
          ['+6561230002', '+6561230003'],
        ],
        [['--routing', 'r2'], ['+6591234567']],
        [['--golden'], ['+6561230000', '+6561238888']],
        [['--ported-in'], ['+6591234567']],
        [
          ['--visible-to', 'b.example.com'],
          ['+12125550123', '+12126550199'],
        ],
        [['--subscription', SUB_1], ['+6591234567']],
        [['--owner', ORG_B], ['+6591234567']],
        [['--owner', ORG_A], ['+6561238888']],
        [['--state', 'available', '--country', 'SG', '--golden'], ['+6561230000']],
        [
          ['--expires-before', '2099-01-01'],
          ['+6561230002', '+6561238888'],
        ],
        [['--expires-after', '2099-01-01'], []],
      ];
      const runs = await Promise.all(cases.map(([args]) => cli(['--json', 'search', ...args])));
      runs.forEach((run, i) => {
        const result = ok(run).json<{ total: number; rows: NumberRecord[] }>();
        const [args, expected] = cases[i];
        expect({ args, total: result.total, rows: result.rows.map((r) => r.number) }).toEqual({
          args,
          total: expected.length,
          rows: expected,
        });
      });
    },
    SLOW,
  );

  it(
    'pages and sorts, and prints a readable table without --json',
    async () => {
      await seed();
      const [page2, desc, byState, text] = await Promise.all([
        cli(['--json', 'search', '--page-size', '3', '--page', '2']),
        cli(['--json', 'search', '--sort', 'number:desc', '--page-size', '2']),
        cli(['--json', 'search', '--sort', 'state', '--state', 'available,deleted,locked']),
        cli(['search', '--country', 'GB']),
      ]);
      const p2 = ok(page2).json<{ total: number; rows: NumberRecord[] }>();
      expect(p2.total).toBe(8);
      expect(p2.rows.map((r) => r.number)).toEqual(['+6561230000', '+6561230002', '+6561230003']);
      expect(
        ok(desc)
          .json<{ rows: NumberRecord[] }>()
          .rows.map((r) => r.number),
      ).toEqual(['+6591234567', '+6561238888']);
      expect(
        ok(byState)
          .json<{ rows: NumberRecord[] }>()
          .rows.map((r) => [r.state, r.number]),
      ).toEqual([
        ['available', '+12125550123'],
        ['available', '+12126550199'],
        ['available', '+442079460958'],
        ['available', '+6561230000'],
        ['deleted', '+6561230003'],
        ['locked', '+6561230002'],
      ]);
      expect(ok(text).stdout).toContain('+442079460958');
      expect(text.stdout).toContain('1 of 1');
    },
    SLOW,
  );
});
