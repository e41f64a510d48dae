// The CLI contract of issue 10, run as the real command: subscription-event, did-reservation and
// subscription-events, their --json documents and exit statuses.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillingEventReport, BillingFeedReport } from '../../shared/billing';
import { buildCliOnce, runCli, type CliRun } from '../helpers/cli';
import { DID_1, ORG_A, SUB_1, SUB_2, tempDir } from '../helpers/inventory';

const SLOW = 300_000;
let dir: string;
let db: string;
beforeAll(() => {
  buildCliOnce();
  dir = tempDir('ni-cli-billing-');
  db = path.join(dir, 'inventory.db');
}, SLOW);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], now = '2026-01-05T09:00:00Z') => runCli(args, { db, now });
const ok = (run: CliRun) => {
  expect(run.code, run.stderr).toBe(0);
  return run;
};
const NUMBERS = ['+6561230000', '+6561230001', '+6561230002'];

describe('billing events from the command line', () => {
  it(
    'subscription-event applies to every number of the subscription, once; did-reservation renews and ends; a feed in JSON Lines',
    async () => {
      ok(await cli(['add', NUMBERS.join(','), '--vendor', 'Singtel', '--country', 'SG', '--sku', 'SG-DID']));
      for (const number of NUMBERS.slice(0, 2)) ok(await cli(['assign', number, '--subscription', SUB_1, '--owner', ORG_A]));
      ok(await cli(['reserve', NUMBERS[2], '--org', ORG_A, '--remark', 'customer']));
      ok(await cli(['extend', NUMBERS[2], '--did-reservation', DID_1, '--until', '2026-02-10']));

      const later = '2026-01-10T00:00:00Z';
      const dry = ok(
        await cli(['--json', 'subscription-event', SUB_1, 'expired', '--at', '2026-01-09', '--dry-run'], later),
      ).json<BillingEventReport>();
      expect(dry.results.map((r) => [r.number, r.outcome, r.expiresAt])).toEqual(
        NUMBERS.slice(0, 2).map((n) => [n, 'changed', '2026-03-06T00:00:00.000Z']),
      );
      expect(ok(await cli(['--json', 'show', NUMBERS[0]], later)).json<{ state: string }>().state).toBe('assigned');
      const applied = ok(
        await cli(['--json', 'subscription-event', SUB_1, 'expired', '--at', '2026-01-09'], later),
      ).json<BillingEventReport>();
      expect(applied.results.map((r) => [r.number, r.outcome, r.from, r.to])).toEqual(
        NUMBERS.slice(0, 2).map((n) => [n, 'changed', 'assigned', 'reserved']),
      );
      const again = ok(await cli(['subscription-event', SUB_1, 'expired', '--at', '2026-01-09'], later));
      expect(again.stdout).toContain(`${NUMBERS[0]}: already-applied`);
      expect(again.stdout).toContain('changed 0 of 2 numbers');

      // A subscription no number is assigned to: reported, exit 0.
      const none = ok(await cli(['--json', 'subscription-event', SUB_2, 'terminated'], later)).json<BillingEventReport>();
      expect(none.unmatched).toBe(`no number is assigned to subscription ${SUB_2}`);
      // swapped-out without --number, renewed without --until: refused, exit 1.
      const swap = await cli(['--json', 'subscription-event', SUB_1, 'swapped-out'], later);
      expect(swap.code).toBe(1);
      expect(swap.json<{ error: { code: string; message: string } }>().error.message).toContain('needs the number');
      const renewal = await cli(['--json', 'did-reservation', DID_1, 'renewed'], later);
      expect(renewal.code).toBe(1);
      expect(renewal.json<{ error: { message: string } }>().error.message).toContain('needs the paid-until date');
      // An unknown event name is a usage error.
      expect((await cli(['subscription-event', SUB_1, 'paused'], later)).code).toBe(2);

      const renewed = ok(
        await cli(['--json', 'did-reservation', DID_1, 'renewed', '--until', '2026-02-28'], later),
      ).json<BillingEventReport>();
      expect(renewed.results).toEqual([
        { number: NUMBERS[2], outcome: 'changed', from: 'reserved', to: 'reserved', expiresAt: '2026-03-01T00:00:00.000Z' },
      ]);
      const ended = ok(await cli(['did-reservation', DID_1, 'ended'], later));
      expect(ended.stdout).toContain(`${NUMBERS[2]}: reserved -> reserved until 2026-03-01T00:00:00.000Z`);

      const feed = path.join(dir, 'feed.jsonl');
      fs.writeFileSync(
        feed,
        [
          { did_reservation_uuid: DID_1, event: 'renewed', effective_at: '2026-01-10', until: '2026-03-31' },
          { subscription_uuid: SUB_1, event: 'expired', effective_at: '2026-01-09' },
          { subscription_uuid: 'nope', event: 'expired', effective_at: '2026-01-09' },
        ]
          .map((row) => JSON.stringify(row))
          .join('\n'),
      );
      const report = ok(await cli(['--json', 'subscription-events', feed], later)).json<BillingFeedReport>();
      expect(report.counts).toEqual({ applied: 0, unchanged: 2, unmatched: 0, invalid: 1 });
      expect(report.results.map((r) => [r.line, r.status, r.report?.results.map((x) => x.outcome)])).toEqual([
        [1, 'unchanged', ['refused']],
        [2, 'unchanged', ['already-applied', 'already-applied']],
        [3, 'invalid', undefined],
      ]);
    },
    SLOW,
  );
});
