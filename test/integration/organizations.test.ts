// The organizations directory (issue 2 §5): add, update, list, and CSV import that is all or nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshInventory, ORG_A, ORG_B, ORG_C, T0, type TestInventory } from '../helpers/inventory';
import { expectRefusal } from '../helpers/refusal';

let t: TestInventory;
beforeEach(() => {
  t = freshInventory();
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

    await expectRefusal(t.inventory, 'ALREADY_EXISTS', () =>
      t.inventory.saveOrganization({ uuid: ORG_A, name: 'Other', type: 'customer' }),
    );
    await expectRefusal(t.inventory, 'NOT_FOUND', () =>
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
      const error = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.saveOrganization(input as never));
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
    const error = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.importOrganizations(csv));
    expect(error.message).toContain('line 3');
  });

  it('refuses a file without the required columns, or empty', async () => {
    const error = await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.importOrganizations(`uuid,name\n${ORG_A},A\n`));
    expect(error.message).toContain('type');
    await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.importOrganizations(''));
    await expectRefusal(t.inventory, 'INVALID_INPUT', () => t.inventory.importOrganizations(`uuid,name,type\n"${ORG_A},A,customer\n`));
  });
});
