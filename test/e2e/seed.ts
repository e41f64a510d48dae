// Seeding the test's inventory through the CLI, the same core the UI talks to.
import type { Cli } from './fixtures';

export const ACME = { uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6', name: 'Acme Pte Ltd' };
export const GLOBEX = { uuid: '9b2c1a7e-4d3f-4e8a-9c1b-2f3e4d5a6b7c', name: 'Globex Telecom' };
export const SUBSCRIPTION = '11111111-2222-4333-8444-555555555555';
export const DID_RESERVATION = '22222222-3333-4444-8555-666666666666';

export function addNumbers(cli: Cli, numbers: string[]): void {
  cli('add', numbers.join(','), '--vendor', 'Singtel', '--country', 'SG', '--sku', 'SG-DID-STD', '--capabilities', 'voice,sms');
}

export function addOrganizations(cli: Cli): void {
  cli('orgs', 'add', ACME.uuid, '--name', ACME.name, '--type', 'customer', '--billing-email', 'billing@acme.example');
  cli('orgs', 'add', GLOBEX.uuid, '--name', GLOBEX.name, '--type', 'partner', '--owner-email', 'owner@globex.example');
}

export function reserve(cli: Cli, number: string, orgUuid = ACME.uuid): void {
  cli('reserve', number, '--org', orgUuid, '--remark', 'seed reservation');
}

export function lock(cli: Cli, number: string): void {
  cli('lock', number, '--remark', 'seed lock');
}

export function assign(cli: Cli, number: string, ownerUuid = ACME.uuid): void {
  cli('assign', number, '--subscription', SUBSCRIPTION, '--owner', ownerUuid);
}

export function remove(cli: Cli, number: string): void {
  cli('delete', number, '--reason', 'faulty', '--remark', 'seed delete');
}
