// What the page is told when the database or the disk is the problem, through the contract's
// dispatch (IPC and browser mode): typed refusals in plain words with nothing written, and for a
// fault of the program only a reference, its detail (SQL, paths) logged in the main process.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { typedRefusal } from '../../electron/core/failures';
import { Inventory } from '../../electron/core/inventory';
import { dumpDatabase } from '../helpers/dump';
import { addSgNumbers, freshInventory, type TestInventory } from '../helpers/inventory';

let t: TestInventory | undefined;
afterEach(() => t?.close());

const LOCK = { number: '+6561230000', remark: 'r' };
const ADD = { numbers: '+6561239000', vendor: 'Singtel', country: 'SG', sku: 'SG-DID' };

describe('the mapping of failures', () => {
  it('reads SQLite result codes, extended ones too, and a full file system; anything else is not a refusal', () => {
    const cases: [string, string | null][] = [
      ['SQLITE_BUSY', 'DATABASE_BUSY'],
      ['SQLITE_BUSY_SNAPSHOT', 'DATABASE_BUSY'],
      ['SQLITE_LOCKED', 'DATABASE_BUSY'],
      ['SQLITE_FULL', 'DISK_FULL'],
      ['ENOSPC', 'DISK_FULL'],
      ['EDQUOT', 'DISK_FULL'],
      ['SQLITE_READONLY', 'DATABASE_READ_ONLY'],
      ['SQLITE_READONLY_DBMOVED', 'DATABASE_READ_ONLY'],
      ['SQLITE_CORRUPT', 'DATABASE_DAMAGED'],
      ['SQLITE_CORRUPT_INDEX', 'DATABASE_DAMAGED'],
      ['SQLITE_NOTADB', 'DATABASE_DAMAGED'],
      ['SQLITE_ERROR', null],
      ['SQLITE_BUSYNESS', null],
      ['EACCES', null],
    ];
    for (const [code, expected] of cases) {
      expect({ code, mapped: typedRefusal(Object.assign(new Error('x'), { code }))?.code ?? null }).toEqual({ code, mapped: expected });
    }
    expect(typedRefusal(new Error('no code'))).toBeNull();
    expect(typedRefusal('a string')).toBeNull();
    expect(typedRefusal(null)).toBeNull();
  });
});

describe('through dispatch, nothing written', () => {
  it('another writer holding the lock longer than 5 s: DATABASE_BUSY', async () => {
    t = freshInventory();
    await addSgNumbers(t.inventory, 1);
    const holder = new Database(t.file);
    holder.exec('BEGIN IMMEDIATE');
    const before = dumpDatabase(t.inventory.db);
    try {
      const outcome = await dispatch(t.inventory, 'numbers:lock', LOCK);
      expect(outcome).toEqual({
        ok: false,
        error: {
          code: 'DATABASE_BUSY',
          message: 'Another program is writing to the inventory; nothing was changed. Try again in a moment.',
        },
      });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(t.inventory.db.inTransaction).toBe(false);
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  }, 30_000);

  it('a full disk (the file may grow no more): DISK_FULL', async () => {
    t = freshInventory();
    await addSgNumbers(t.inventory, 1);
    const pages = t.inventory.db.pragma('page_count', { simple: true }) as number;
    t.inventory.db.pragma(`max_page_count = ${pages}`);
    const before = dumpDatabase(t.inventory.db);
    // Fifty numbers with their audit events need more pages than the file may have.
    const numbers = Array.from({ length: 50 }, (_, i) => `+656124${String(i).padStart(4, '0')}`).join(',');
    const outcome = await dispatch(t.inventory, 'numbers:add', { ...ADD, numbers, routing: 'x'.repeat(200) });
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'DISK_FULL', message: 'The disk is full; nothing was saved. Free some space and try again.' },
    });
    expect(t.inventory.db.inTransaction).toBe(false);
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  });

  it('a database opened read-only: searched as usual, every change DATABASE_READ_ONLY', async () => {
    t = freshInventory();
    await addSgNumbers(t.inventory, 2);
    const before = dumpDatabase(t.inventory.db);
    const readonly = Inventory.open(t.file, { readonly: true });
    try {
      expect(await dispatch(readonly, 'numbers:search', {})).toMatchObject({ ok: true, value: { total: 2 } });
      for (const [channel, payload] of [
        ['numbers:lock', LOCK],
        ['numbers:add', ADD],
        ['settings:set', { changes: { lockPeriodDays: 10 } }],
      ] as const) {
        expect(await dispatch(readonly, channel, payload)).toMatchObject({
          ok: false,
          error: { code: 'DATABASE_READ_ONLY', message: expect.stringContaining('changes are not possible') },
        });
      }
    } finally {
      readonly.close();
    }
    expect(dumpDatabase(t.inventory.db)).toBe(before);
  });

  it('a damaged file is refused at open, naming it and how to restore', async () => {
    t = freshInventory();
    await addSgNumbers(t.inventory, 1);
    t.inventory.close();
    const fd = fs.openSync(t.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(16, 0x41), 0, 16, 0);
    fs.closeSync(fd);
    let refusal: unknown;
    try {
      Inventory.open(t.file).close();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'DATABASE_DAMAGED', message: expect.stringContaining(t.file) });
    expect((refusal as Error).message).toContain('restore it from a backup copy, or start a new inventory and import your last export');
  });
});

describe('a fault of the program', () => {
  it('reaches the page as a reference only, without SQL or paths; the detail is logged with the reference', async () => {
    t = freshInventory();
    await addSgNumbers(t.inventory, 1);
    t.inventory.db.exec('DROP TABLE saved_searches');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const outcome = await dispatch(t.inventory, 'searches:list', {});
      expect(outcome.ok).toBe(false);
      const error = outcome.ok ? null : outcome.error;
      expect(error?.code).toBe('INTERNAL');
      expect(error?.message).toMatch(/^Something went wrong \(ref [0-9A-F]{6}\); the details are in the log\.$/);
      for (const leak of ['saved_searches', 'SELECT', t.dir, 'SqliteError']) expect(error?.message).not.toContain(leak);
      const reference = /ref ([0-9A-F]{6})/.exec(error!.message)![1];
      expect(logged).toHaveBeenCalledTimes(1);
      const [text, detail] = logged.mock.calls[0] as [string, Error];
      expect(text).toContain(`ref ${reference}`);
      expect(detail.message).toBe('no such table: saved_searches');
    } finally {
      logged.mockRestore();
    }
  });
});
