// One import row to the number it describes, or the reason it cannot be imported. What each state
// must carry is checked against the per-state rules (shared/state-fields.ts) the numbers table
// enforces too, so a bad row is reported by name instead of failing a batch.
import {
  CAPABILITIES,
  DELETE_REASONS,
  NUMBER_STATES,
  RESERVATION_KINDS,
  RESERVATION_ORIGINS,
  type Capability,
} from '../../../shared/domain';
import { domainListSchema } from '../../../shared/add-numbers';
import { isUuid } from '../../../shared/fields';
import { isKnownCountry, readPhoneNumber } from '../../../shared/phone';
import { stateFieldProblem } from '../../../shared/state-fields';
import { readInstant } from '../../../shared/time';
import type { TransferColumn } from '../export/columns';
import { NO, YES } from '../export/columns';
import type { NewNumber } from '../numbers/insert';
import type { StateFields } from '../numbers/repository';

export interface ImportCandidate {
  number: NewNumber;
  fields: StateFields;
  createdAt: string;
  updatedAt: string;
}

export type RowReading = { ok: true; candidate: ImportCandidate } | { ok: false; number: string | null; reason: string };

const TRUE_WORDS = new Set([YES, 'true', '1', 'y']);
const FALSE_WORDS = new Set([NO, 'false', '0', 'n', '']);

class RowProblem extends Error {}
const problem = (reason: string): never => {
  throw new RowProblem(reason);
};

function oneOf<T extends string>(label: string, value: string, allowed: readonly T[]): T | null {
  if (value === '') return null;
  const v = value.toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) problem(`${label} "${value}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

function text(label: string, value: string, max: number, required: boolean): string | null {
  const v = value.trim();
  if (v === '') return required ? problem(`${label} is required`) : null;
  if (v.length > max) problem(`${label} is longer than ${max} characters`);
  return v;
}

function flag(label: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return problem(`${label} "${value}" must be yes or no`);
}

function uuid(label: string, value: string): string | null {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (!isUuid(v)) problem(`${label} "${value}" is not a UUID`);
  return v;
}

function instant(label: string, value: string): string | null {
  if (value.trim() === '') return null;
  const reading = readInstant(value);
  if (!reading.ok) problem(`${label}: ${reading.reason}`);
  return reading.ok ? reading.iso : null;
}

function list(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export function readImportRow(cells: Record<TransferColumn, string>, now: string): RowReading {
  const rawNumber = cells.number.trim();
  try {
    const country = (text('country', cells.country, 2, true) as string).toUpperCase();
    if (!isKnownCountry(country)) problem(`country "${cells.country}" is not an ISO 3166 alpha-2 code`);
    if (rawNumber === '') problem('number is required');
    const reading = readPhoneNumber(rawNumber, country);
    if (!reading.ok) return { ok: false, number: null, reason: reading.reason };
    const number = reading.e164;
    try {
      const state = oneOf('state', cells.state.trim(), NUMBER_STATES) ?? problem('state is required');
      const capabilities = list(cells.capabilities).map((c) => oneOf('capability', c, CAPABILITIES) as Capability);
      const visibleTo = list(cells.visible_to);
      const domains = domainListSchema.safeParse(visibleTo);
      if (!domains.success) problem(`visible_to "${cells.visible_to}" must list domain names such as example.com`);
      const fields: StateFields = {
        state,
        owner_uuid: uuid('owner_uuid', cells.owner_uuid),
        subscription_uuid: uuid('subscription_uuid', cells.subscription_uuid),
        reservation_kind: oneOf('reservation_kind', cells.reservation_kind.trim(), RESERVATION_KINDS),
        reservation_origin: oneOf('reservation_origin', cells.reservation_origin.trim(), RESERVATION_ORIGINS),
        reservation_org_uuid: uuid('reservation_org_uuid', cells.reservation_org_uuid),
        did_reservation_uuid: uuid('did_reservation_uuid', cells.did_reservation_uuid),
        expires_at: instant('expires_at', cells.expires_at),
        deleted_reason: oneOf('deleted_reason', cells.deleted_reason.trim(), DELETE_REASONS),
      };
      const stateProblem = stateFieldProblem(state, fields);
      if (stateProblem) problem(stateProblem);
      const createdAt = instant('created_at', cells.created_at) ?? now;
      const updatedAt = instant('updated_at', cells.updated_at) ?? createdAt;
      return {
        ok: true,
        candidate: {
          number: {
            number,
            country,
            vendor: text('vendor', cells.vendor, 100, true) as string,
            sku: text('sku', cells.sku, 100, true) as string,
            capabilities: [...new Set(capabilities)],
            routing: text('routing', cells.routing, 200, false),
            golden: flag('golden', cells.golden),
            portedIn: flag('ported_in', cells.ported_in),
            visibleTo: domains.success ? [...new Set(domains.data)] : [],
          },
          fields,
          createdAt,
          updatedAt,
        },
      };
    } catch (error) {
      if (error instanceof RowProblem) return { ok: false, number, reason: error.message };
      throw error;
    }
  } catch (error) {
    if (error instanceof RowProblem) return { ok: false, number: null, reason: error.message };
    throw error;
  }
}
