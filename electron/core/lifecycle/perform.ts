// Performing one operator action: validate, then in one IMMEDIATE transaction read the number,
// apply the transition, write it with its audit event. A refusal writes nothing.
import { actionInputSchemas, type ActionInput, type ParsedActionInput } from '../../../shared/actions';
import type { NumberDetail } from '../../../shared/domain';
import { InventoryError } from '../../../shared/errors';
import { ACTION_RULES, type OperatorAction } from '../../../shared/lifecycle';
import type { CoreContext } from '../context';
import { detailOf, insertEvent, numberKey, requireRow, updateState } from '../numbers/repository';
import { lifecycleSettings } from '../settings-store';
import { parseOrThrow } from '../validation';
import { transition } from './transition';

export function performAction<A extends OperatorAction>(ctx: CoreContext, action: A, rawInput: ActionInput<A> | unknown): NumberDetail {
  if (!(action in ACTION_RULES)) throw new InventoryError('INVALID_INPUT', `Unknown action "${String(action)}"`);
  // Indexing the schema table by a generic action loses the per-action type; restore it.
  const input = parseOrThrow(actionInputSchemas[action], rawInput, ACTION_RULES[action].label) as ParsedActionInput<A> & {
    number: string;
    expectedVersion?: number;
  };
  const e164 = numberKey(input.number);
  const { db } = ctx;
  // IMMEDIATE takes the write lock before reading, so two writers never act on the same stale read.
  return db
    .transaction(() => {
      const row = requireRow(db, e164);
      if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
        throw new InventoryError(
          'STALE_VERSION',
          `${e164} changed since it was shown (version ${input.expectedVersion}, now ${row.version}, ${row.state}). Review it and try again.`,
        );
      }
      const now = ctx.clock.now().toISOString();
      const result = transition(row, action, input, now, lifecycleSettings(db));
      if (!updateState(db, row, result.fields, now)) {
        throw new InventoryError('STALE_VERSION', `${e164} was changed by someone else while ${action} was in progress. Try again.`);
      }
      insertEvent(db, {
        numberId: row.id,
        at: now,
        actor: ctx.actor,
        action,
        from: row.state,
        to: result.fields.state,
        remark: result.remark,
        details: result.details,
      });
      return detailOf(db, requireRow(db, e164));
    })
    .immediate();
}
