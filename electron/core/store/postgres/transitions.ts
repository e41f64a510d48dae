// Writing one life-cycle transition on a team database, in the caller's transaction: the core's
// checkAction (the version the caller saw, then the transition table), then the conditional
// UPDATE and the audit event. Shared by the operator's action, bulk actions and billing events.
import type pg from 'pg';
import type { ActionRequest } from '../../../../shared/actions';
import type { LifecycleSettings } from '../../../../shared/settings';
import { changedMeanwhile, checkAction, transitionEvent, type AuditNaming } from '../../lifecycle/perform';
import { InventoryError } from '../../../../shared/errors';
import type { NumberRow } from '../../numbers/rows';
import { insertEvent, updateState } from './numbers';

type Client = Pick<pg.ClientBase, 'query'>;

/** Who acts, when, under which settings: read once per transaction by the caller. */
export interface ActingAs {
  now: string;
  actor: string;
  settings: LifecycleSettings;
}

/** Checks the action against the number as read and writes it with its audit event; returns the event's id. */
export async function writeTransition(
  client: Client,
  row: NumberRow,
  request: ActionRequest,
  acting: ActingAs,
  naming: AuditNaming = {},
): Promise<number> {
  const result = await checkNamingOrgs(client, row, request, acting);
  if (!(await updateState(client, row, result.fields, acting.now))) throw changedMeanwhile(row.number, request.action);
  return insertEvent(client, transitionEvent(row, request, result, { at: acting.now, actor: acting.actor }, naming));
}

/**
 * checkAction, with a refusal about organizations naming them as the directory does. The names are
 * read only for that refusal, so an action that goes through costs no extra query.
 */
async function checkNamingOrgs(client: Client, row: NumberRow, request: ActionRequest, acting: ActingAs) {
  try {
    return checkAction(row, request, acting.now, acting.settings);
  } catch (error) {
    if (!(error instanceof InventoryError) || error.code !== 'ORG_MISMATCH') throw error;
    const names = new Map(
      (await client.query<{ uuid: string; name: string }>('SELECT uuid, name FROM organizations')).rows.map((o) => [
        o.uuid.toLowerCase(),
        o.name,
      ]),
    );
    return checkAction(row, request, acting.now, acting.settings, (uuid) => names.get(uuid.toLowerCase()) ?? uuid);
  }
}
