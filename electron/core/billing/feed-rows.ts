// Reading a billing feed (CSV or JSON Lines, told apart by content) into events, one a row, with
// the number import's hostile-file readers and limits: the CSV through its scan and parser
// (import/csv-scan.ts, import/csv-rows.ts), JSON Lines through a bounded line reader; every row's
// cells held to the same per-row limits and control-character rule (checkRow).
import fs from 'node:fs';
import { billingEventSchema } from '../../../shared/billing';
import { describeIssues } from '../../../shared/actions';
import { InventoryError } from '../../../shared/errors';
import { normalise } from '../import/header';
import { checkRow, precheck, readRows } from '../import/read-rows';
import { jsonLines } from './jsonl-lines';
import type { DatedBillingEvent } from './records';

/** The feed's columns (CSV header cells, JSON Lines keys). */
const FEED_COLUMNS = ['subscription_uuid', 'did_reservation_uuid', 'event', 'effective_at', 'number', 'until', 'remark'] as const;
type FeedColumn = (typeof FEED_COLUMNS)[number];
const REQUIRED: readonly FeedColumn[] = ['event', 'effective_at'];

export type FeedRow = { line: number; ok: true; event: DatedBillingEvent } | { line: number; ok: false; reason: string };

type FeedFormat = 'csv' | 'jsonl';

/** JSON Lines when the first character that is not a byte-order mark or white space opens an object. */
function detectFeedFormat(file: string): FeedFormat {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    const text = head
      .subarray(0, read)
      .toString('latin1')
      .replace(/^\xef\xbb\xbf/, '');
    return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
  } finally {
    fs.closeSync(fd);
  }
}

/** The event a row's cells stand for, or why they stand for none. */
function eventOf(cells: Record<FeedColumn, string>): { ok: true; event: DatedBillingEvent } | { ok: false; reason: string } {
  const subscription = cells.subscription_uuid.trim();
  const did = cells.did_reservation_uuid.trim();
  if (subscription && did)
    return { ok: false, reason: 'names both a subscription_uuid and a did_reservation_uuid (one event is about one of them)' };
  if (!subscription && !did) return { ok: false, reason: 'names neither a subscription_uuid nor a did_reservation_uuid' };
  const optional = (value: string) => (value.trim() === '' ? undefined : value);
  const common = { event: cells.event.trim(), at: cells.effective_at, remark: optional(cells.remark) };
  if (!common.at.trim()) return { ok: false, reason: 'has no effective_at (billing feeds must say when each event took effect)' };
  const input = subscription
    ? { kind: 'subscription', subscriptionUuid: subscription, number: optional(cells.number), ...common }
    : { kind: 'did-reservation', didReservationUuid: did, until: optional(cells.until), ...common };
  const parsed = billingEventSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  const { at } = parsed.data;
  if (at === undefined) return { ok: false, reason: 'has no effective_at' };
  return { ok: true, event: { ...parsed.data, at } };
}

const emptyCells = (): Record<FeedColumn, string> => Object.fromEntries(FEED_COLUMNS.map((c) => [c, ''])) as Record<FeedColumn, string>;

async function* csvFeed(file: string): AsyncGenerator<FeedRow> {
  await precheck(file, 'csv');
  let index: Map<FeedColumn, number> | null = null;
  for await (const row of readRows(file, 'csv')) {
    if (!index) {
      index = new Map();
      row.cells.forEach((cell, i) => {
        const column = FEED_COLUMNS.find((c) => c === normalise(cell));
        if (column && !index?.has(column)) index?.set(column, i);
      });
      const missing: string[] = REQUIRED.filter((c) => !index?.has(c));
      if (!index.has('subscription_uuid') && !index.has('did_reservation_uuid')) missing.push('subscription_uuid or did_reservation_uuid');
      if (missing.length) throw notAFeed(file, `its header row lacks ${missing.join(', ')}`);
      continue;
    }
    if (row.cells.every((c) => c.trim() === '')) continue;
    const cells = emptyCells();
    for (const [column, i] of index) cells[column] = row.cells[i] ?? '';
    yield { line: row.line, ...eventOf(cells) };
  }
  if (!index) throw notAFeed(file, 'it is empty');
}

async function* jsonlFeed(file: string): AsyncGenerator<FeedRow> {
  for await (const { line, text } of jsonLines(file)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { line, ok: false, reason: 'is not a JSON object' };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, ok: false, reason: 'is not a JSON object' };
      continue;
    }
    // Only the feed's own keys are read, so a key such as "__proto__" can pollute nothing.
    const cells = emptyCells();
    let wrongType: string | null = null;
    for (const column of FEED_COLUMNS) {
      const given: unknown = Object.hasOwn(value, column) ? (value as Record<string, unknown>)[column] : undefined;
      if (given === undefined || given === null) continue;
      if (typeof given !== 'string') wrongType ??= column;
      else cells[column] = given;
    }
    checkRow(file, { line, cells: FEED_COLUMNS.map((c) => cells[c]) }, FEED_COLUMNS);
    if (wrongType) yield { line, ok: false, reason: `${wrongType} must be text` };
    else yield { line, ...eventOf(cells) };
  }
}

const notAFeed = (file: string, why: string) =>
  new InventoryError(
    'INVALID_INPUT',
    `Billing events: ${file} is not a billing feed: ${why} (a feed has ${FEED_COLUMNS.slice(0, 6).join(', ')})`,
  );

/** The feed's rows as events, checked against the limits as they are read. */
export function feedRows(file: string): AsyncGenerator<FeedRow> {
  return detectFeedFormat(file) === 'jsonl' ? jsonlFeed(file) : csvFeed(file);
}
