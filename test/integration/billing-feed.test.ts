// Billing feeds (issue 10 §2): CSV or JSON Lines, applied row by row, idempotent (a feed of
// 10,000 rows applied twice ends as applied once), killed midway and run again with nothing lost,
// a dry run that judges each row after the rows before it, and the number import's hostile-file limits.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { csvLine } from '../../electron/core/export/csv-cell';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { IMPORT_LIMITS } from '../../electron/core/import/limits';
import { uploadsOnly } from '../../electron/core/import/source';
import { Inventory } from '../../electron/core/inventory';
import { ManualClock } from '../../electron/core/clock';
import { dumpDatabase } from '../helpers/dump';
import { buildCliOnce } from '../helpers/cli';
import { addSgNumbers, DID_1, freshInventory, ORG_A, SUB_1, T0, type TestInventory } from '../helpers/inventory';
import { ROOT } from './transfer-fixtures';

let t: TestInventory;
afterEach(() => t?.close());
beforeAll(() => buildCliOnce());

const ROWS = 10_000;
/** The kill test's feed: big enough to be killed midway, small enough to apply three times. */
const KILL_ROWS = 3_000;
/** The first four fifths are subscriptions, the rest DID Reservations. */
const subscriptionRows = (rows: number) => (rows * 4) / 5;
const uuidOf = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const numberOf = (i: number) => `+${6561230000 + i}`;

/** An inventory file of ROWS numbers: the first assigned each to its own subscription, the rest charged reservations each under its own DID Reservation. */
function writeInventory(file: string, rows: number): void {
  const lines = [csvLine(TRANSFER_COLUMNS)];
  for (let i = 0; i < rows; i++) {
    const assigned = i < subscriptionRows(rows);
    const cells: Record<string, string> = {
      number: numberOf(i),
      state: assigned ? 'assigned' : 'reserved',
      country: 'SG',
      vendor: 'Singtel',
      sku: 'SG-DID',
      owner_uuid: assigned ? ORG_A : '',
      subscription_uuid: assigned ? uuidOf('aaaaaaaa', i) : '',
      reservation_kind: assigned ? '' : 'charged',
      reservation_origin: assigned ? '' : 'manual',
      reservation_org_uuid: assigned ? '' : ORG_A,
      did_reservation_uuid: assigned ? '' : uuidOf('dddddddd', i),
      expires_at: assigned ? '' : '2026-03-01T00:00:00.000Z',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    };
    lines.push(csvLine(TRANSFER_COLUMNS.map((c) => cells[c] ?? '')));
  }
  fs.writeFileSync(file, lines.join(''));
}

/** A feed of ROWS rows: every subscription expired, every DID Reservation renewed. */
function writeFeed(file: string, rows: number): void {
  const lines = ['subscription_uuid,did_reservation_uuid,event,effective_at,until\n'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      i < subscriptionRows(rows)
        ? `${uuidOf('aaaaaaaa', i)},,expired,2026-01-04T00:00:00Z,\n`
        : `,${uuidOf('dddddddd', i)},renewed,2026-01-04T00:00:00Z,2026-06-30\n`,
    );
  }
  fs.writeFileSync(file, lines.join(''));
}

async function loadInventory(inventory: Inventory, dir: string, rows: number): Promise<void> {
  const file = path.join(dir, 'inventory.csv');
  writeInventory(file, rows);
  const report = await inventory.importFile({ source: { kind: 'path', path: file }, dryRun: false });
  expect(report.imported).toBe(rows);
}

/** What a feed decides: every number's state fields and the record of applied events (not when it was recorded). */
function endState(db: Database.Database): string {
  const numbers = db
    .prepare(
      'SELECT number, state, reservation_kind, reservation_origin, did_reservation_uuid, expires_at, version FROM numbers ORDER BY number',
    )
    .all();
  const applied = db
    .prepare(
      `SELECT b.key, n.number, e.action, e.details FROM billing_event_numbers a JOIN billing_events b ON b.id = a.billing_event_id
       JOIN numbers n ON n.id = a.number_id JOIN events e ON e.id = a.audit_event_id ORDER BY b.key, n.number`,
    )
    .all();
  const events = db.prepare(`SELECT count(*) FROM events`).pluck().get();
  return JSON.stringify({ numbers, applied, events });
}

describe('a large feed', () => {
  it('of 10,000 rows applied twice: the second run changes nothing and reports every number already applied', async () => {
    t = freshInventory();
    await loadInventory(t.inventory, t.dir, ROWS);
    const feed = path.join(t.dir, 'feed.csv');
    writeFeed(feed, ROWS);
    const first = await t.inventory.importBillingFeed({ file: feed, dryRun: false });
    expect(first.rows).toBe(ROWS);
    expect(first.counts).toEqual({ applied: ROWS, unchanged: 0, unmatched: 0, invalid: 0 });
    expect(first.outcomes.changed).toBe(ROWS);
    expect(await t.inventory.show(numberOf(0))).toMatchObject({ state: 'reserved', expiresAt: '2026-03-01T00:00:00.000Z' });
    expect(await t.inventory.show(numberOf(ROWS - 1))).toMatchObject({ state: 'reserved', expiresAt: '2026-07-01T00:00:00.000Z' });
    const once = dumpDatabase(t.inventory.db);
    const second = await t.inventory.importBillingFeed({ file: feed, dryRun: false });
    expect(second.counts).toEqual({ applied: 0, unchanged: ROWS, unmatched: 0, invalid: 0 });
    expect(second.outcomes).toEqual({ changed: 0, 'already-applied': ROWS, stale: 0, refused: 0 });
    expect(dumpDatabase(t.inventory.db)).toBe(once);
  }, 480_000);

  it('killed midway (kill -9) and run again: the same end state as one uninterrupted run', async () => {
    t = freshInventory();
    await loadInventory(t.inventory, t.dir, KILL_ROWS);
    const feed = path.join(t.dir, 'feed.csv');
    writeFeed(feed, KILL_ROWS);
    // The reference: a copy of the same inventory, the feed applied once without interruption.
    const referenceFile = path.join(t.dir, 'reference.db');
    await t.inventory.db.backup(referenceFile);
    t.inventory.close();
    const cli = (db: string) =>
      spawn(process.execPath, [path.join(ROOT, 'electron', 'cli', 'bin.cjs'), '--db', db, 'subscription-events', feed], {
        stdio: ['ignore', 'ignore', 'pipe'], // the report (stdout) is not read: a full pipe would stall the process
        env: { ...process.env, NUMBER_INVENTORY_NOW: T0 },
      });
    const finished = (child: ReturnType<typeof cli>) => new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(await finished(cli(referenceFile))).toBe(0);

    const child = cli(t.file);
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const applied = [...stderr.matchAll(/applied (\d+) rows/g)].map((m) => Number(m[1]));
        if (applied.length && applied[applied.length - 1] >= 600) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`the feed ended before it could be killed (${code}): ${stderr}`));
      });
    });
    await finished(child);
    const killed = new Database(t.file);
    const appliedBeforeRerun = killed.prepare('SELECT count(*) FROM billing_event_numbers').pluck().get() as number;
    expect(killed.pragma('integrity_check', { simple: true })).toBe('ok');
    killed.close();
    expect(appliedBeforeRerun).toBeGreaterThanOrEqual(600);
    expect(appliedBeforeRerun).toBeLessThan(KILL_ROWS);
    expect(await finished(cli(t.file))).toBe(0);

    const [rerun, reference] = [new Database(t.file), new Database(referenceFile)];
    try {
      expect(endState(rerun)).toBe(endState(reference));
    } finally {
      rerun.close();
      reference.close();
    }
    t.inventory = Inventory.open(t.file, { clock: new ManualClock(T0) });
  }, 480_000);
});

describe('reading a feed', () => {
  const write = (name: string, text: string | Buffer) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('reads JSON Lines as it reads CSV, and a dry run judges each row after the rows before it', async () => {
    t = freshInventory();
    const [number] = await addSgNumbers(t.inventory, 1);
    await t.inventory.act('reserve', { number, orgUuid: ORG_A, remark: 'customer' });
    await t.inventory.act('extend', { number, didReservationUuid: DID_1, paidUntil: '2026-02-28' });
    const rows = [
      { did_reservation_uuid: DID_1, event: 'renewed', effective_at: '2026-01-05', until: '2026-03-31' },
      { did_reservation_uuid: DID_1, event: 'renewed', effective_at: '2026-01-05', until: '2026-03-31' },
      { did_reservation_uuid: DID_1, event: 'ended', effective_at: '2026-01-05T08:00:00Z' },
      { did_reservation_uuid: DID_1, event: 'renewed', effective_at: '2026-01-05T08:30:00Z', until: '2026-04-30' },
      { subscription_uuid: SUB_1, event: 'expired', effective_at: '2026-01-05' },
      { subscription_uuid: SUB_1, event: 'exploded', effective_at: '2026-01-05' },
    ];
    const feed = write('feed.jsonl', `\ufeff${rows.map((r) => JSON.stringify(r)).join('\r\n')}\n\n`);
    const before = dumpDatabase(t.inventory.db);
    const dry = await t.inventory.importBillingFeed({ file: feed, dryRun: true });
    expect(dumpDatabase(t.inventory.db)).toBe(before);
    const summary = (report: typeof dry) => report.results.map((r) => [r.line, r.status, r.report?.results[0]?.outcome ?? r.reason]);
    const expected = [
      [1, 'applied', 'changed'],
      [2, 'unchanged', 'already-applied'],
      [3, 'applied', 'changed'],
      [4, 'unchanged', 'refused'],
      [5, 'unmatched', `no number is assigned to subscription ${SUB_1}`],
      [6, 'invalid', 'Event must be one of: expired, terminated, swapped-out'],
    ];
    expect(summary(dry)).toEqual(expected);
    const committed = await t.inventory.importBillingFeed({ file: feed, dryRun: false });
    expect(summary(committed)).toEqual(expected);
    const detail = await t.inventory.show(number);
    expect(detail.expiresAt).toBe('2026-04-01T00:00:00.000Z');
    expect(detail.history.slice(-2).map((e) => [e.action, e.details.billing])).toEqual([
      [
        'did-reservation-renewed',
        {
          kind: 'did-reservation',
          uuid: DID_1,
          event: 'renewed',
          effectiveAt: '2026-01-05T00:00:00.000Z',
          until: '2026-04-01T00:00:00.000Z',
          file: 'feed.jsonl',
        },
      ],
      [
        'did-reservation-ended',
        { kind: 'did-reservation', uuid: DID_1, event: 'ended', effectiveAt: '2026-01-05T08:00:00.000Z', file: 'feed.jsonl' },
      ],
    ]);
  });

  it('refuses hostile and foreign files before anything is written, naming what is wrong', async () => {
    t = freshInventory();
    const before = dumpDatabase(t.inventory.db);
    const refusal = async (file: string, dryRun = false) => {
      const error = await t.inventory.importBillingFeed({ file, dryRun }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      return (error as Error).message;
    };
    expect(
      await refusal(write('latin1.csv', Buffer.from('subscription_uuid,event,effective_at\nAndr\xe9,expired,2026-01-01\n', 'latin1'))),
    ).toMatch(/not UTF-8 text.*line 2/);
    expect(
      await refusal(write('latin1.jsonl', Buffer.concat([Buffer.from('{"event":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]))),
    ).toMatch(/not UTF-8 text.*; line 1 is the first/);
    expect(await refusal(write('long.jsonl', `{"event":"${'x'.repeat(IMPORT_LIMITS.maxRowChars * 5)}"}\n`))).toMatch(
      /line 1 is longer than 16384/,
    );
    expect(
      await refusal(write('nul.jsonl', `{"subscription_uuid":"${SUB_1}","event":"expired\\u0000","effective_at":"2026-01-01"}\n`)),
    ).toMatch(/row 1, column C \(event\) holds NUL/);
    expect(await refusal(write('wide.csv', `subscription_uuid,event,effective_at${',x'.repeat(150)}\n`))).toMatch(/more than 100 cells/);
    expect(await refusal(write('inventory.csv', 'number,state,country,vendor,sku\n+6561230000,available,SG,Singtel,X\n'))).toMatch(
      /not a billing feed: its header row lacks event, effective_at, subscription_uuid or did_reservation_uuid/,
    );
    expect(await refusal(write('empty.csv', ''))).toMatch(/not a billing feed: it is empty/);
    expect(await refusal(path.join(t.dir, 'missing.csv'))).toMatch(/does not exist/);
    expect(await refusal('/dev/zero')).toMatch(/not a regular file/);
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  });

  it('a hostile file found in the commit check pass writes nothing, even after good rows', async () => {
    t = freshInventory();
    const [number] = await addSgNumbers(t.inventory, 1);
    await t.inventory.act('assign', { number, subscriptionUuid: SUB_1, ownerUuid: ORG_A });
    const before = dumpDatabase(t.inventory.db);
    const file = write(
      'late.jsonl',
      `{"subscription_uuid":"${SUB_1}","event":"expired","effective_at":"2026-01-05"}\n{"event":"\\u001b"}\n`,
    );
    await expect(t.inventory.importBillingFeed({ file, dryRun: false })).rejects.toThrow(
      /row 2, column C \(event\) holds the control character U\+001B/,
    );
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  });

  it('in browser mode a feed is uploaded, never named by a path', async () => {
    t = freshInventory();
    const inventory = new Inventory(t.inventory.db, { clock: t.clock, importPaths: uploadsOnly });
    const file = write('feed.csv', `subscription_uuid,event,effective_at\n${SUB_1},expired,2026-01-01\n`);
    await expect(inventory.importBillingEvents({ source: { kind: 'path', path: file }, dryRun: true })).rejects.toThrow(
      /choose the file in the page/,
    );
    const { uploadId } = await inventory.uploadImportFile({ name: 'billing.csv', chunk: fs.readFileSync(file).toString('base64') });
    const report = await inventory.importBillingEvents({ source: { kind: 'upload', uploadId }, dryRun: true });
    expect(report).toMatchObject({ file: 'billing.csv', rows: 1, counts: { unmatched: 1 } });
  });
});
