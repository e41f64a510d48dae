// Puts numbers into each life-cycle state through the real actions, for tests of what each state allows.
import type { NumberState } from '../../shared/domain';
import type { InventoryPort } from '../../electron/core/inventory-port';
import { ORG_A, SUB_1 } from './inventory';

/** Moves an Available number into `state` by the ordinary path, recording the usual events. */
export async function driveTo(inventory: Pick<InventoryPort, 'act'>, number: string, state: NumberState): Promise<void> {
  switch (state) {
    case 'available':
      return;
    case 'reserved':
      await inventory.act('reserve', { number, orgUuid: ORG_A, remark: 'setup reserve' });
      return;
    case 'locked':
      await inventory.act('lock', { number, remark: 'setup lock' });
      return;
    case 'assigned':
      await inventory.act('assign', { number, subscriptionUuid: SUB_1, ownerUuid: ORG_A });
      return;
    case 'deleted':
      await inventory.act('delete', { number, reason: 'faulty', remark: 'setup delete' });
      return;
  }
}
