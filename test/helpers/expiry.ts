// Helpers for the expiry, notification and outbox tests: exact instants and table dumps.
import type { Db } from '../../electron/core/db/connection';
import type { SweepReport } from '../../electron/core/expiry/sweep';
import { DAY_MS } from '../../shared/settings';
import type { TestInventory } from './inventory';

export const CUSTOMER_ORG = '55555555-5555-4555-8555-555555555555';
export const PARTNER_ORG = '66666666-6666-4666-8666-666666666666';
export const UNKNOWN_ORG = '77777777-7777-4777-8777-777777777777';

/** `base` plus whole days (and optional extra milliseconds), as an ISO instant. */
export function plusDays(base: string, days: number, extraMs = 0): string {
  return new Date(Date.parse(base) + days * DAY_MS + extraMs).toISOString();
}

export interface OutboxDump {
  number: string;
  kind: string;
  deadline: string;
  role: string;
  recipient: string | null;
  status: string;
}

const OUTBOX_DUMP_SQL = `SELECT t.number, t.kind, t.deadline, o.recipient_role AS role, o.recipient, o.status
  FROM outbox o JOIN notifications t ON t.id = o.notification_id ORDER BY o.id`;
const NOTICE_DUMP_SQL = 'SELECT number, kind, deadline FROM notifications ORDER BY id';

type NoticeDump = { number: string; kind: string; deadline: string };
/** A store's rows read behind the port (see stores.ts): the same SQL on both engines. */
type RowSource = Db | { rows(sql: string): Promise<unknown[]> };

/** Every queued email with the notice it belongs to, in insertion order. */
export async function outboxDump(source: RowSource): Promise<OutboxDump[]> {
  return (await rowsOf(source, OUTBOX_DUMP_SQL)) as OutboxDump[];
}

export async function noticeDump(source: RowSource): Promise<NoticeDump[]> {
  return (await rowsOf(source, NOTICE_DUMP_SQL)) as NoticeDump[];
}

async function rowsOf(source: RowSource, sql: string): Promise<unknown[]> {
  return 'rows' in source ? source.rows(sql) : source.prepare(sql).all();
}

/** Sets the test's clock to `instant` and sweeps. */
export async function sweepAt(
  t: Pick<TestInventory, 'clock'> & { inventory: Pick<TestInventory['inventory'], 'sweepReport'> },
  instant: string,
): Promise<SweepReport> {
  t.clock.set(instant);
  return t.inventory.sweepReport();
}
