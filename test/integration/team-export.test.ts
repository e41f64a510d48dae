// Export on a team database: the same inventory built on an inventory file and on a team database
// (the same calls through the port, the same clock) exports to the same bytes (CSV) and the same
// sheet (XLSX), filtered or not; progress to the last row; cancel and a lost server leave neither
// the file nor FILE.partial, and the export's connection goes back to the pool.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { exportToFile } from '../../electron/core/export/run-export';
import type { InventoryPort } from '../../electron/core/inventory-port';
import { TeamInventory } from '../../electron/core/store/postgres/team-inventory';
import type { SearchFilter } from '../../shared/search';
import { addSgNumbers, DID_1, freshInventory, ORG_A, ORG_B, SUB_1, tempDir, type TestInventory } from '../helpers/inventory';
import { freshTeamInventory, type TestTeamInventory } from '../helpers/team-inventory';

let file: TestInventory;
let team: TestTeamInventory;
let dir: string;

/** Every state and every field, hostile text included, built the same way on either store. */
async function build(inventory: InventoryPort): Promise<void> {
  for (let i = 0; i < 50; i++) await addSgNumbers(inventory, 50, 6561230000 + i * 50);
  await inventory.add({
    numbers: '+6562000001,+6562000002,+6562000003,+6562000004,+6562000005',
    vendor: 'V, "q"',
    country: 'SG',
    sku: '=SKU',
    routing: '-r\n2 Zürich – 東京',
    capabilities: ['fax', 'sms'],
    golden: true,
    portedIn: true,
    visibleTo: ['z.example', 'a.example'],
  });
  await inventory.act('reserve', { number: '+6562000001', orgUuid: ORG_A, remark: 'r' });
  await inventory.act('extend', { number: '+6562000001', didReservationUuid: DID_1, paidUntil: '2026-09-30' });
  await inventory.act('assign', { number: '+6562000002', subscriptionUuid: SUB_1, ownerUuid: ORG_B });
  await inventory.act('delete', { number: '+6562000003', reason: 'ported-out', remark: 'gone' });
  await inventory.act('lock', { number: '+6562000004', remark: 'held' });
}

beforeAll(async () => {
  dir = tempDir('ni-team-export-');
  file = freshInventory();
  team = await freshTeamInventory();
  await build(file.inventory);
  await build(team.inventory);
}, 120_000);
afterAll(async () => {
  file?.close();
  await team?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function fromFile(format: 'csv' | 'xlsx', filter: SearchFilter = {}): Promise<string> {
  const out = path.join(dir, `file-${Date.now()}-${Math.random().toString(36).slice(2)}.${format}`);
  const db = openDatabase(file.file, { readonly: true });
  try {
    await exportToFile(db, { format, out, filter });
  } finally {
    db.close();
  }
  return out;
}

async function fromTeam(format: 'csv' | 'xlsx', filter: SearchFilter = {}, progress: number[] = []): Promise<string> {
  const out = path.join(dir, `team-${Date.now()}-${Math.random().toString(36).slice(2)}.${format}`);
  const started = await team.inventory.startExport({ format, out, filter }, (p) => progress.push(p.rows));
  const ended = await team.inventory.exportFinished(started.id);
  expect(ended).toMatchObject({ state: 'done', file: out });
  return out;
}

async function sheetEntries(file: string): Promise<Record<string, string>> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const entries: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) entries[name] = await zip.files[name].async('string');
  return entries;
}

const leftovers = (prefix: string) => fs.readdirSync(dir).filter((f) => f.startsWith(prefix));

describe('export from a team database', () => {
  it('writes the same CSV, byte for byte, as the inventory file holding the same numbers', async () => {
    const progress: number[] = [];
    const team = fs.readFileSync(await fromTeam('csv', {}, progress));
    const local = fs.readFileSync(await fromFile('csv'));
    expect(team.toString('utf8').split('\r\n').length).toBe(2505 + 2);
    expect(team.equals(local)).toBe(true);
    expect(progress.at(-1)).toBe(2505);
  });

  it.each<[string, SearchFilter]>([
    ['a state', { states: ['reserved', 'assigned', 'locked', 'deleted'] }],
    ['a pattern and a flag', { pattern: '+656200', golden: true }],
    ['visible-to domains', { visibleTo: ['a.example'] }],
    ['nothing matching', { vendors: ['Nobody'] }],
  ])('exports only what the filter matches (%s), as the file does', async (_, filter) => {
    const team = fs.readFileSync(await fromTeam('csv', filter));
    const local = fs.readFileSync(await fromFile('csv', filter));
    expect(team.toString('utf8')).toBe(local.toString('utf8'));
  });

  it('writes the same XLSX sheet, shared strings and all, as the inventory file', async () => {
    const team = await sheetEntries(await fromTeam('xlsx'));
    const local = await sheetEntries(await fromFile('xlsx'));
    expect(Object.keys(team)).toEqual(Object.keys(local));
    expect(team).toEqual(local);
  });

  it('writes instants as the file holds them: UTC, milliseconds (the server keeps microseconds)', async () => {
    await team.database.query(`UPDATE numbers SET updated_at = '2026-02-03T04:05:06.789999Z' WHERE number = '+6562000005'`);
    try {
      const text = fs.readFileSync(await fromTeam('csv', { pattern: '+6562000005' }), 'utf8');
      expect(text).toContain(',2026-02-03T04:05:06.789Z\r\n');
      expect((await team.inventory.show('+6562000005')).updatedAt).toBe('2026-02-03T04:05:06.789Z');
    } finally {
      await team.database.query(`UPDATE numbers SET updated_at = created_at WHERE number = '+6562000005'`);
    }
  });

  it('cancelled, it leaves neither the file nor a partial file, and gives its connection back', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const out = path.join(dir, `cancelled.${format}`);
      const started = await team.inventory.startExport({ format, out, filter: {} });
      await team.inventory.cancelExport(started.id);
      expect((await team.inventory.exportFinished(started.id)).state).toBe('cancelled');
      expect(leftovers('cancelled')).toEqual([]);
    }
    const { pool } = await team.inventory.database();
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it('fails in words when the server cannot be reached, leaving nothing behind', async () => {
    const unreachable = new TeamInventory('postgres://nobody:secret@127.0.0.1:1/inventory');
    try {
      const out = path.join(dir, 'unreachable.csv');
      const started = await unreachable.startExport({ format: 'csv', out, filter: {} });
      const ended = await unreachable.exportFinished(started.id);
      expect(ended.state).toBe('failed');
      expect(ended.error).toMatchObject({ code: 'DATABASE_UNREACHABLE' });
      expect(ended.error?.message).toContain('127.0.0.1:1');
      expect(ended.error?.message).not.toContain('secret');
      expect(leftovers('unreachable')).toEqual([]);
    } finally {
      await unreachable.close();
    }
  });

  it('refuses a file not named for its format, with nothing started', async () => {
    await expect(team.inventory.startExport({ format: 'csv', out: path.join(dir, 'x.txt'), filter: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(leftovers('x.')).toEqual([]);
  });
});
