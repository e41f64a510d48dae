// Performing one operator action: validate, then in one IMMEDIATE transaction read the number,
// apply the transition, write it with its audit event. A refusal writes nothing.
import { actionInputSchemas, type ActionRequest } from '../../../shared/actions';
import { BATCH_DETAIL_KEY } from '../../../shared/activity';
import { STATE_LABELS, type NumberDetail } from '../../../shared/domain';
import { InventoryError, isInventoryError } from '../../../shared/errors';
import { ACTION_RULES, OPERATOR_ACTIONS, type OperatorAction } from '../../../shared/lifecycle';
import { readPhoneNumber } from '../../../shared/phone';
import type { LifecycleSettings } from '../../../shared/settings';
import type { CoreContext } from '../context';
import type { Db } from '../db/connection';
import { detailOf, findRow, insertEvent, requireRow, updateState, type AuditEvent } from '../numbers/repository';
import type { NumberRow } from '../numbers/rows';
import { orgNamer } from '../organizations';
import { appSettings } from '../settings-store';
import { parseOrThrow } from '../validation';
import { transition, type OrgNamer, type TransitionResult } from './transition';

const isAction = (value: unknown): value is OperatorAction => (OPERATOR_ACTIONS as readonly unknown[]).includes(value);

/** Validates an action's input against its own schema; the result names its action, so its input is typed. */
export function readRequest(action: OperatorAction, raw: unknown): ActionRequest {
  const label = ACTION_RULES[action].label;
  switch (action) {
    case 'reserve':
      return { action, input: parseOrThrow(actionInputSchemas.reserve, raw, label) };
    case 'extend':
      return { action, input: parseOrThrow(actionInputSchemas.extend, raw, label) };
    case 'release':
      return { action, input: parseOrThrow(actionInputSchemas.release, raw, label) };
    case 'lock':
      return { action, input: parseOrThrow(actionInputSchemas.lock, raw, label) };
    case 'unlock':
      return { action, input: parseOrThrow(actionInputSchemas.unlock, raw, label) };
    case 'delete':
      return { action, input: parseOrThrow(actionInputSchemas.delete, raw, label) };
    case 'recover':
      return { action, input: parseOrThrow(actionInputSchemas.recover, raw, label) };
    case 'assign':
      return { action, input: parseOrThrow(actionInputSchemas.assign, raw, label) };
    case 'subscription-expired':
      return { action, input: parseOrThrow(actionInputSchemas['subscription-expired'], raw, label) };
    case 'subscription-terminated':
      return { action, input: parseOrThrow(actionInputSchemas['subscription-terminated'], raw, label) };
    case 'swapped-out':
      return { action, input: parseOrThrow(actionInputSchemas['swapped-out'], raw, label) };
  }
}

/** The action named, refused when it is none of the operator's actions. */
export function readAction(action: unknown): OperatorAction {
  if (!isAction(action)) throw new InventoryError('INVALID_INPUT', `Unknown action "${String(action).slice(0, 80)}"`);
  return action;
}

export function performAction(ctx: CoreContext, rawAction: unknown, rawInput: unknown): NumberDetail {
  const action = readAction(rawAction);
  const { db } = ctx;
  let request: ActionRequest;
  try {
    request = readRequest(action, rawInput);
  } catch (error) {
    throw withStateContext(error, rowNamedIn(db, rawInput));
  }
  // IMMEDIATE takes the write lock before reading, so two writers never act on the same stale read.
  return db
    .transaction(() => {
      const row = requireRow(db, request.input.number);
      try {
        applyAction(ctx, row, request);
      } catch (error) {
        throw withStateContext(error, row);
      }
      return detailOf(db, requireRow(db, row.number));
    })
    .immediate();
}

/**
 * What the action would do to the number as it is now, or the refusal (thrown): the version the
 * caller saw, then the transition. Writes nothing, so a bulk preview asks the same rules.
 */
export function checkAction(
  row: NumberRow,
  request: ActionRequest,
  now: string,
  settings: LifecycleSettings,
  orgName?: OrgNamer,
): TransitionResult {
  refuseStale(row, request.input.expectedVersion);
  return transition(row, request, now, settings, orgName);
}

/**
 * Inside the caller's write transaction: check the action, write the number and its audit event.
 * A bulk action passes its batch id, recorded in the event's details.
 */
export function applyAction(ctx: CoreContext, row: NumberRow, request: ActionRequest, batchId?: string): void {
  writeTransition(ctx, row, request, batchId === undefined ? {} : { details: { [BATCH_DETAIL_KEY]: batchId } });
}

/** How an action caused by another system (a billing event) or a bulk action is named in the audit trail. */
export interface AuditNaming {
  /** The audit action, when it is not the operator action's own name. */
  action?: string;
  /** More details, kept beside the transition's own. */
  details?: Record<string, unknown>;
}

/**
 * Inside the caller's write transaction: checks the action against the number as read, applies it
 * and writes it with its audit event. Returns the audit event's id.
 */
export function writeTransition(ctx: CoreContext, row: NumberRow, request: ActionRequest, naming: AuditNaming = {}): number {
  const { db } = ctx;
  const now = ctx.clock.now().toISOString();
  const result = checkAction(row, request, now, appSettings(db), orgNamer(db));
  if (!updateState(db, row, result.fields, now)) throw changedMeanwhile(row.number, request.action);
  return insertEvent(db, transitionEvent(row, request, result, { at: now, actor: ctx.actor }, naming));
}

/** The audit event of a transition written, whichever store writes it. */
export function transitionEvent(
  row: NumberRow,
  request: ActionRequest,
  result: TransitionResult,
  when: { at: string; actor: string },
  naming: AuditNaming = {},
): AuditEvent {
  return {
    numberId: row.id,
    at: when.at,
    actor: when.actor,
    action: naming.action ?? request.action,
    from: row.state,
    to: result.fields.state,
    remark: result.remark,
    details: { ...result.details, ...naming.details },
  };
}

/** Refuses an action that expected another version of the number than the one read. */
function refuseStale(row: Pick<NumberRow, 'number' | 'state' | 'version'>, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new InventoryError(
      'STALE_VERSION',
      `${row.number} was changed by someone else after you opened it; it is now ${STATE_LABELS[row.state]}. Nothing was changed: look at the number again, then retry.`,
    );
  }
}

/** The number's version moved between reading it and writing it: someone else's action won. */
export function changedMeanwhile(e164: string, action: OperatorAction): InventoryError {
  return new InventoryError(
    'STALE_VERSION',
    `${e164} was changed by someone else while "${ACTION_RULES[action].label}" was in progress. Nothing was changed: look at the number again, then retry.`,
  );
}

/**
 * Every refusal of an action on a known number names the number, so a message read later (a bulk
 * action's refusals, the CLI's output) still says which one. The actions a state allows are named
 * only where the state is the reason (an illegal transition), never beside a mistyped field.
 */
export function withStateContext(error: unknown, row: Pick<NumberRow, 'number' | 'state'> | undefined): unknown {
  if (!row || !isInventoryError(error) || error.code === 'INTERNAL' || error.message.includes(row.number)) return error;
  return new InventoryError(error.code, `${row.number}: ${error.message}`);
}

/** The number an unvalidated input names, when it is readable and in the inventory. */
function rowNamedIn(db: Db, rawInput: unknown): NumberRow | undefined {
  if (typeof rawInput !== 'object' || rawInput === null || !('number' in rawInput)) return undefined;
  const reading = readPhoneNumber(rawInput.number);
  return reading.ok ? findRow(db, reading.e164) : undefined;
}
