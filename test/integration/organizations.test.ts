// The organizations directory (issue 2 §5): add, update, list, and CSV import that is all or nothing,
// on both stores (an inventory file and a team database); what the CLI reads, on a file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/handlers';
import { ORGANIZATIONS_CSV_MAX_CHARS } from '../../shared/contract';
import { buildCliOnce, runCli } from '../helpers/cli';
import { freshInventory, ORG_A, ORG_B, ORG_C, T0, type TestInventory } from '../helpers/inventory';
import { expectRefusal } from '../helpers/refusal';
import { expectStoreRefusal, STORES, type StoreUnderTest } from '../helpers/stores';

describe.each(STORES)('on the $name', (store) => {
  let t: StoreUnderTest;
  beforeEach(async () => {
    t = await store.open();
  });
  afterEach(() => t.close());

  describe('organizations', () => {
    it('adds, lists by name, and updates only when asked', async () => {
      const acme = await t.inventory.saveOrganization({
        uuid: ORG_A.toUpperCase(),
        name: ' Acme ',
        type: 'customer',
        billingEmail: 'billing@acme.example',
      });
      expect(acme).toEqual({
        uuid: ORG_A,
        name: 'Acme',
        type: 'customer',
        billingEmail: 'billing@acme.example',
        ownerEmail: null,
        createdAt: T0,
        updatedAt: T0,
      });
      await t.inventory.saveOrganization({
        uuid: ORG_B,
        name: 'b-partner',
        type: 'partner',
        ownerEmail: 'owner@b.example',
        billingEmail: '',
      });
      expect((await t.inventory.organizations()).map((o) => o.name)).toEqual(['Acme', 'b-partner']);

      await expectStoreRefusal(t, 'ALREADY_EXISTS', () => t.inventory.saveOrganization({ uuid: ORG_A, name: 'Other', type: 'customer' }));
      await expectStoreRefusal(t, 'NOT_FOUND', () =>
        t.inventory.saveOrganization({ uuid: ORG_C, name: 'Ghost', type: 'customer' }, 'update'),
      );
      t.clock.advance(60_000);
      const renamed = await t.inventory.saveOrganization({ uuid: ORG_A, name: 'Acme Ltd', type: 'customer' }, 'update');
      expect(renamed).toMatchObject({ name: 'Acme Ltd', createdAt: T0, updatedAt: '2026-01-05T09:01:00.000Z', billingEmail: null });
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['a UUID that is not one', { uuid: 'acme', name: 'A', type: 'customer' }, 'Org UUID'],
      ['no name', { uuid: ORG_A, name: ' ', type: 'customer' }, 'Name'],
      ['an unknown type', { uuid: ORG_A, name: 'A', type: 'reseller' }, 'Type'],
      ['a malformed billing email', { uuid: ORG_A, name: 'A', type: 'customer', billingEmail: 'billing at acme' }, 'Billing email'],
      ['a malformed owner email', { uuid: ORG_A, name: 'A', type: 'partner', ownerEmail: '@x' }, 'Owner email'],
    ];
    for (const [what, input, mentions] of invalid) {
      it(`refuses an organization with ${what}, changing nothing`, async () => {
        const error = await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.saveOrganization(input as never));
        expect(error.message).toContain(mentions);
      });
    }
  });

  describe('organizations CSV import', () => {
    it('imports every row (header names in any common spelling), updating organizations already there', async () => {
      await t.inventory.saveOrganization({ uuid: ORG_A, name: 'Old name', type: 'customer' });
      const csv = `\uFEFFOrg UUID,Name,Type,Billing Email,owner_email\r\n${ORG_A},Acme,customer,billing@acme.example,\r\n${ORG_B},"Partner, Ltd",partner,,owner@p.example\r\n\r\n`;
      const imported = await t.inventory.importOrganizations(csv);
      expect(imported.map((o) => [o.uuid, o.name, o.type, o.billingEmail, o.ownerEmail])).toEqual([
        [ORG_A, 'Acme', 'customer', 'billing@acme.example', null],
        [ORG_B, 'Partner, Ltd', 'partner', null, 'owner@p.example'],
      ]);
      expect(await t.inventory.organizations()).toHaveLength(2);
    });

    it('imports nothing when one row is wrong, naming its line', async () => {
      const csv = `uuid,name,type\n${ORG_A},Fine,customer\n${ORG_B},Broken,reseller\n`;
      const error = await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.importOrganizations(csv));
      expect(error.message).toContain('line 3');
    });

    it('refuses a file without the required columns, or empty', async () => {
      const error = await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.importOrganizations(`uuid,name\n${ORG_A},A\n`));
      expect(error.message).toContain('type');
      await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.importOrganizations(''));
      await expectStoreRefusal(t, 'INVALID_INPUT', () => t.inventory.importOrganizations(`uuid,name,type\n"${ORG_A},A,customer\n`));
    });
  });
});

describe('on a file', () => {
  let t: TestInventory;
  beforeEach(() => {
    t = freshInventory();
  });
  afterEach(() => t.close());

  describe('organizations CSV import: what it reads', () => {
    beforeAll(() => buildCliOnce());

    const cliImport = (file: string) => runCli(['--db', t.file, '--json', 'orgs', 'import', file]);
    const refusedWith = async (file: string, message: string) => {
      const run = await cliImport(file);
      expect({ code: run.code, error: run.json<{ error: { code: string; message: string } }>().error }).toEqual({
        code: 1,
        error: { code: 'INVALID_INPUT', message },
      });
    };

    it('refuses a device and a FIFO from their type, without reading or waiting', async () => {
      await refusedWith('/dev/zero', 'Organizations CSV: /dev/zero is not a regular file');
      const fifo = path.join(t.dir, 'orgs.fifo');
      execFileSync('mkfifo', [fifo]);
      await refusedWith(fifo, `Organizations CSV: ${fifo} is not a regular file`);
      expect(await t.inventory.organizations()).toEqual([]);
    }, 20_000);

    it('refuses a file larger than the limit before reading it, and one that is not UTF-8', async () => {
      const big = path.join(t.dir, 'big.csv');
      fs.writeFileSync(big, 'uuid,name,type\n');
      fs.truncateSync(big, 3 * ORGANIZATIONS_CSV_MAX_CHARS + 1); // sparse: nothing to read if it were read
      await refusedWith(big, `Organizations CSV: ${big} is larger than ${3 * ORGANIZATIONS_CSV_MAX_CHARS} bytes`);
      const latin1 = path.join(t.dir, 'latin1.csv');
      fs.writeFileSync(latin1, Buffer.from(`uuid,name,type\n${ORG_A},T\u00e9l\u00e9com,customer\n`, 'latin1'));
      await refusedWith(latin1, `Organizations CSV: ${latin1} is refused: the file is not UTF-8 text (save it as CSV UTF-8)`);
      const missing = await cliImport(path.join(t.dir, 'missing.csv'));
      expect(missing.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
      expect(await t.inventory.organizations()).toEqual([]);
    });

    it('refuses more characters than the limit, through the contract and in the core', async () => {
      const csv = `uuid,name,type\n${'x'.repeat(ORGANIZATIONS_CSV_MAX_CHARS)}`;
      const message = `Organizations CSV is larger than ${ORGANIZATIONS_CSV_MAX_CHARS} characters`;
      expect(await dispatch(t.inventory, 'orgs:import', { csv })).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) },
      });
      const error = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.importOrganizations(csv));
      expect(error.message).toBe(message);
    });

    it('imports tens of thousands of organizations at once, or none when one row is wrong', async () => {
      const uuid = (i: number) => `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;
      const lines = Array.from({ length: 20_000 }, (_, i) => `${uuid(i)},Org ${i},${i % 2 ? 'partner' : 'customer'},,owner${i}@o.example`);
      const broken = await expectRefusal(t.inventory, 'INVALID_INPUT', () =>
        t.inventory.importOrganizations(
          `uuid,name,type,billing_email,owner_email\n${[...lines, `${uuid(99_999)},Bad,reseller,,`].join('\n')}\n`,
        ),
      );
      expect(broken.message).toContain('line 20002');
      const imported = await t.inventory.importOrganizations(`uuid,name,type,billing_email,owner_email\n${lines.join('\n')}\n`);
      expect(imported).toHaveLength(20_000);
      expect(imported[19_999]).toEqual({
        uuid: uuid(19_999),
        name: 'Org 19999',
        type: 'partner',
        billingEmail: null,
        ownerEmail: 'owner19999@o.example',
        createdAt: T0,
        updatedAt: T0,
      });
      expect(await t.inventory.organizations()).toHaveLength(20_000);
    });
  });
});
