// Golden files: a small fixed inventory (every state, every kind of field, a hostile vendor and
// routing) exported to CSV and XLSX, compared with the expected lines and cells written out here by
// hand, not computed with the export's own formatting.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { exportToFile } from '../../electron/core/export/run-export';
import { DID_1, freshInventory, ORG_A, ORG_B, SUB_1, SUB_2, type TestInventory } from '../helpers/inventory';

let t: TestInventory;

beforeAll(async () => {
  // Every act at the fixed clock's instant, 2026-01-05T09:00:00.000Z, with the default periods.
  t = freshInventory();
  const inventory = t.inventory;
  const sg = { vendor: 'Singtel', country: 'SG', sku: 'SG-DID' };
  await inventory.add({
    numbers: '+6561230000',
    ...sg,
    capabilities: ['voice', 'sms'],
    routing: 'r1',
    golden: true,
    visibleTo: ['b.example.com', 'a.example.com'],
  });
  await inventory.add({ numbers: '+6561230001', ...sg, capabilities: ['voice'] });
  await inventory.add({ numbers: '+6561230002', ...sg, sku: 'SG-GOLD', portedIn: true });
  await inventory.add({ numbers: '+12125550123,+12125550124', vendor: 'Lumen', country: 'US', sku: 'US-DID', capabilities: ['fax'] });
  await inventory.add({
    numbers: '+442079460958',
    vendor: 'BT, "Openreach"',
    country: 'GB',
    sku: 'GB-DID',
    routing: '=HYPERLINK("http://x.example")',
  });
  await inventory.act('reserve', { number: '+6561230001', orgUuid: ORG_A, remark: 'r' });
  await inventory.act('extend', { number: '+6561230001', didReservationUuid: DID_1, paidUntil: '2026-06-30' });
  await inventory.act('lock', { number: '+6561230002', remark: 'l' });
  await inventory.act('assign', { number: '+12125550123', subscriptionUuid: SUB_1, ownerUuid: ORG_B });
  await inventory.act('assign', { number: '+12125550124', subscriptionUuid: SUB_2, ownerUuid: ORG_A });
  await inventory.act('subscription-expired', { number: '+12125550124' });
  await inventory.act('delete', { number: '+442079460958', reason: 'faulty', remark: 'd' });
});
afterAll(() => t.close());

async function exported(format: 'csv' | 'xlsx'): Promise<string> {
  const out = path.join(t.dir, `golden.${format}`);
  const db = openDatabase(t.file, { readonly: true });
  try {
    await exportToFile(db, { format, out });
  } finally {
    db.close();
  }
  return out;
}

const HEADER = [
  'number',
  'state',
  'country',
  'vendor',
  'sku',
  'capabilities',
  'routing',
  'golden',
  'ported_in',
  'visible_to',
  'owner_uuid',
  'subscription_uuid',
  'reservation_kind',
  'reservation_origin',
  'reservation_org_uuid',
  'did_reservation_uuid',
  'expires_at',
  'deleted_reason',
  'created_at',
  'updated_at',
];

describe('golden export', () => {
  it('CSV: a byte order mark, the header, and these lines (in number order, CRLF, risky cells neutralised and quoted)', async () => {
    const text = fs.readFileSync(await exported('csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      HEADER.join(','),
      "'+12125550123,assigned,US,Lumen,US-DID,fax,,no,no,,22222222-2222-4222-8222-222222222222,33333333-3333-4333-8333-333333333333,,,,,,,2026-01-05T09:00:00.000Z,2026-01-05T09:00:00.000Z",
      "'+12125550124,reserved,US,Lumen,US-DID,fax,,no,no,,,,free,subscription-expired,11111111-1111-4111-8111-111111111111,,2026-03-02T09:00:00.000Z,,2026-01-05T09:00:00.000Z,2026-01-05T09:00:00.000Z",
      `'+442079460958,deleted,GB,"BT, ""Openreach""",GB-DID,,"'=HYPERLINK(""http://x.example"")",no,no,,,,,,,,,faulty,2026-01-05T09:00:00.000Z,2026-01-05T09:00:00.000Z`,
      `'+6561230000,available,SG,Singtel,SG-DID,"voice,sms",r1,yes,no,"a.example.com,b.example.com",,,,,,,,,2026-01-05T09:00:00.000Z,2026-01-05T09:00:00.000Z`,
      "'+6561230001,reserved,SG,Singtel,SG-DID,voice,,no,no,,,,charged,manual,11111111-1111-4111-8111-111111111111,44444444-4444-4444-8444-444444444444,2026-07-01T00:00:00.000Z,,2026-01-05T09:00:00.000Z,2026-01-05T09:00:00.000Z",
      "'+6561230002,locked,SG,Singtel,SG-GOLD,,,no,yes,,,,,,,,2026-02-02T09:00:00.000Z,,2026-01-05T09:00:00.000Z,2026-01-05T09:00:00.000Z",
      '',
    ]);
  });

  it('XLSX: one sheet of these string cells (empty cells left out), read by exceljs', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exported('xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['numbers']);
    const rows: Record<string, string>[] = [];
    workbook.worksheets[0].eachRow((row) => {
      const cells: Record<string, string> = {};
      row.eachCell((cell) => {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        cells[cell.address.replace(/\d+$/, '')] = cell.value as string;
      });
      rows.push(cells);
    });
    const T = '2026-01-05T09:00:00.000Z';
    expect(rows).toEqual([
      Object.fromEntries(HEADER.map((name, i) => [String.fromCharCode(65 + i), name])),
      { A: '+12125550123', B: 'assigned', C: 'US', D: 'Lumen', E: 'US-DID', F: 'fax', H: 'no', I: 'no', K: ORG_B, L: SUB_1, S: T, T },
      {
        A: '+12125550124',
        B: 'reserved',
        C: 'US',
        D: 'Lumen',
        E: 'US-DID',
        F: 'fax',
        H: 'no',
        I: 'no',
        M: 'free',
        N: 'subscription-expired',
        O: ORG_A,
        Q: '2026-03-02T09:00:00.000Z',
        S: T,
        T,
      },
      {
        A: '+442079460958',
        B: 'deleted',
        C: 'GB',
        D: 'BT, "Openreach"',
        E: 'GB-DID',
        G: '=HYPERLINK("http://x.example")',
        H: 'no',
        I: 'no',
        R: 'faulty',
        S: T,
        T,
      },
      {
        A: '+6561230000',
        B: 'available',
        C: 'SG',
        D: 'Singtel',
        E: 'SG-DID',
        F: 'voice,sms',
        G: 'r1',
        H: 'yes',
        I: 'no',
        J: 'a.example.com,b.example.com',
        S: T,
        T,
      },
      {
        A: '+6561230001',
        B: 'reserved',
        C: 'SG',
        D: 'Singtel',
        E: 'SG-DID',
        F: 'voice',
        H: 'no',
        I: 'no',
        M: 'charged',
        N: 'manual',
        O: ORG_A,
        P: DID_1,
        Q: '2026-07-01T00:00:00.000Z',
        S: T,
        T,
      },
      { A: '+6561230002', B: 'locked', C: 'SG', D: 'Singtel', E: 'SG-GOLD', H: 'no', I: 'yes', Q: '2026-02-02T09:00:00.000Z', S: T, T },
    ]);
  });
});
