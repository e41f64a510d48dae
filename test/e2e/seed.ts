// Seeding the test's inventory through browser mode's API: the same contract and core the UI uses.
import type { InventoryApp } from './fixtures';

export const ACME = { uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6', name: 'Acme Pte Ltd' };
export const GLOBEX = { uuid: '9b2c1a7e-4d3f-4e8a-9c1b-2f3e4d5a6b7c', name: 'Globex Telecom' };
export const SUBSCRIPTION = '11111111-2222-4333-8444-555555555555';
export const DID_RESERVATION = '22222222-3333-4444-8555-666666666666';

export async function addNumbers(
  app: InventoryApp,
  numbers: string[],
  extra: { golden?: boolean; portedIn?: boolean } = {},
): Promise<void> {
  const results = await app.call('numbers:add', {
    numbers: numbers.join(','),
    vendor: 'Singtel',
    country: 'SG',
    sku: 'SG-DID-STD',
    capabilities: ['voice', 'sms'],
    ...extra,
  });
  const notAdded = results.filter((result) => result.status !== 'added');
  if (notAdded.length) throw new Error(`seed numbers not added: ${JSON.stringify(notAdded)}`);
}

export async function addOrganizations(app: InventoryApp): Promise<void> {
  await app.call('orgs:save', { mode: 'add', organization: { ...ACME, type: 'customer', billingEmail: 'billing@acme.example' } });
  await app.call('orgs:save', { mode: 'add', organization: { ...GLOBEX, type: 'partner', ownerEmail: 'owner@globex.example' } });
}

export async function reserve(app: InventoryApp, number: string, orgUuid = ACME.uuid): Promise<void> {
  await app.call('numbers:reserve', { number, orgUuid, remark: 'seed reservation' });
}

export async function lock(app: InventoryApp, number: string): Promise<void> {
  await app.call('numbers:lock', { number, remark: 'seed lock' });
}

export async function assign(app: InventoryApp, number: string, ownerUuid = ACME.uuid): Promise<void> {
  await app.call('numbers:assign', { number, subscriptionUuid: SUBSCRIPTION, ownerUuid });
}

export async function remove(app: InventoryApp, number: string): Promise<void> {
  await app.call('numbers:delete', { number, reason: 'faulty', remark: 'seed delete' });
}
