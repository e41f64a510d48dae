// Performing one operator action: validate, then in one IMMEDIATE transaction read the number,
// apply the transition, write it with its audit event. A refusal writes nothing.
import { actionInputSchemas, type ActionInput, type ParsedActionInput } from '../../../shared/actions';
import type { NumberDetail } from '../../../shared/domain';
import { InventoryError, isInventoryError } from '../../../shared/errors';
import { ACTION_RULES, allowedActions, type OperatorAction } from '../../../shared/lifecycle';
import { toE164 } from '../../../shared/phone';
import type { CoreContext } from '../context';
import type { Db } from '../db/connection';
import { detailOf, findRow, insertEvent, numberKey, requireRow, updateState } from '../numbers/repository';
import type { NumberRow } from '../numbers/rows';
import { appSettings } from '../settings-store';
import { parseOrThrow } from '../validation';
import { transition } from './transition';

export function performAction<A extends OperatorAction>(ctx: CoreContext, action: A, rawInput: ActionInput<A> | unknown): NumberDetail {
  if (!(action in ACTION_RULES)) throw new InventoryError('INVALID_INPUT', `Unknown action "${String(action)}"`);
  const { db } = ctx;
  // Indexing the schema table by a generic action loses the per-action type; restore it.
  let input: ParsedActionInput<A> & { number: string; expectedVersion?: number };
  try {
    input = parseOrThrow(actionInputSchemas[action], rawInput, ACTION_RULES[action].label) as typeof input;
  } catch (error) {
    throw withStateContext(error, rowNamedIn(db, rawInput));
  }
  const e164 = numberKey(input.number);
  // IMMEDIATE takes the write lock before reading, so two writers never act on the same stale read.
  return db
    .transaction(() => {
      const row = requireRow(db, e164);
      try {
        return applyAction(ctx, row, action, input);
      } catch (error) {
        throw withStateContext(error, row);
      }
    })
    .immediate();
}

/** Inside the write transaction: check the version, apply the transition, write the number and its audit event. */
function applyAction<A extends OperatorAction>(
  ctx: CoreContext,
  row: NumberRow,
  action: A,
  input: ParsedActionInput<A> & { number: string; expectedVersion?: number },
): NumberDetail {
  const { db } = ctx;
  const e164 = row.number;
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
    throw new InventoryError(
      'STALE_VERSION',
      `${e164} changed since it was shown (version ${input.expectedVersion}, now ${row.version}, ${row.state}). Review it and try again.`,
    );
  }
  const now = ctx.clock.now().toISOString();
  const result = transition(row, action, input, now, appSettings(db));
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
}

/**
 * Every refusal of an action on a known number names the number, its state and the actions allowed
 * in that state, so the operator knows what can be done instead. Illegal-transition messages already do.
 */
function withStateContext(error: unknown, row: Pick<NumberRow, 'number' | 'state'> | undefined): unknown {
  if (!row || !isInventoryError(error) || error.code === 'ILLEGAL_TRANSITION' || error.code === 'INTERNAL') return error;
  const allowed = allowedActions(row.state).join(', ') || 'none';
  return new InventoryError(error.code, `${error.message} (${row.number} is ${row.state}; allowed while ${row.state}: ${allowed}.)`);
}

/** The number an unvalidated input names, when it is readable and in the inventory. */
function rowNamedIn(db: Db, rawInput: unknown): NumberRow | undefined {
  const number = (rawInput as { number?: unknown } | null)?.number;
  if (typeof number !== 'string') return undefined;
  const reading = toE164(number);
  return reading.ok ? findRow(db, reading.e164) : undefined;
}
