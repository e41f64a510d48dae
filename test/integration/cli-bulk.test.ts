// The action commands over many numbers (issue 12 §2), through the real `number-inventory` process:
// several numbers, --all-matching with the search filters, --dry-run, the exit status when some
// numbers are refused, and one number as before.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BulkPreview, BulkStatus } from '../../shared/bulk';
import type { NumberDetail, NumberRecord } from '../../shared/domain';
import type { SearchResult } from '../../shared/search';
import { buildCliOnce, runCli, type CliRun } from '../helpers/cli';
import { ORG_A, ORG_B, SUB_1, tempDir } from '../helpers/inventory';

const NOW = '2026-01-05T09:00:00.000Z';
const SLOW = 180_000;
const SG = ['--vendor', 'Singtel', '--country', 'SG', '--sku', 'SG-DID'];
const A = '+6561230000';
const B = '+6561230001';
const C = '+6561230002';
const UK = '+442071234567';

let dir: string;
let db: string;
beforeAll(() => buildCliOnce(), SLOW);
beforeEach(async () => {
  dir = tempDir('ni-cli-bulk-');
  db = path.join(dir, 'inventory.db');
  ok(await cli(['add', [A, B, C].join(','), ...SG]));
  ok(await cli(['add', UK, '--vendor', 'BT', '--country', 'GB', '--sku', 'UK-DID']));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(args, { db, now: NOW });
const ok = (run: CliRun) => {
  expect(run.code, `exit ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(0);
  return run;
};
const stateOf = async (number: string) => ok(await cli(['--json', 'show', number])).json<NumberDetail>().state;

describe('bulk actions in the CLI', () => {
  it(
    '--dry-run over --all-matching says per number what would happen and changes nothing',
    async () => {
      ok(await cli(['lock', B, '--remark', 'held']));
      const run = ok(await cli(['--json', 'reserve', '--all-matching', '--country', 'SG', '--org', ORG_A, '--remark', 'x', '--dry-run']));
      const preview = run.json<BulkPreview>();
      expect(preview.rows.map((r) => [r.number, r.outcome])).toEqual([
        [A, 'apply'],
        [B, 'refused'],
        [C, 'apply'],
      ]);
      expect(preview.rows[1].refusal?.message).toContain('it is Locked');
      const text = ok(await cli(['reserve', '--all-matching', '--country', 'SG', '--org', ORG_A, '--remark', 'x', '--dry-run']));
      expect(text.stdout).toContain('dry run: 2 would change, 1 refused; nothing was changed');
      const all = ok(await cli(['--json', 'search', '--state', 'reserved'])).json<SearchResult<NumberRecord>>();
      expect(all.total).toBe(0);
    },
    SLOW,
  );

  it(
    'several numbers: the allowed ones change with one batch id, a refused one exits 1 naming it',
    async () => {
      ok(await cli(['lock', B, '--remark', 'held']));
      const run = await cli(['--json', 'reserve', A, `${B},${C}`, '--org', ORG_A, '--remark', 'campaign']);
      expect(run.code, run.stderr).toBe(1);
      const status = run.json<BulkStatus>();
      expect(status).toMatchObject({ state: 'finished', total: 3, applied: 2 });
      expect(status.refusals.map((r) => r.number)).toEqual([B]);
      const detail = ok(await cli(['--json', 'show', C])).json<NumberDetail>();
      expect(detail.state).toBe('reserved');
      expect(detail.history[detail.history.length - 1].details.batchId).toBe(status.batchId);
      expect(await stateOf(A)).toBe('reserved');
      expect(await stateOf(B)).toBe('locked');

      const text = await cli(['release', A, C, UK, '--remark', 'done']);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain(`${UK}: refused: "Release" is not possible for ${UK}: it is Available.`);
      expect(text.stdout).toMatch(/2 of 3 changed by release \(batch [0-9a-f-]{36}\)/);
      expect(text.stderr).toContain('1 of 3 numbers were refused');
    },
    SLOW,
  );

  it(
    'assign --all-matching keeps --owner and --subscription as its own fields; usage errors exit 2',
    async () => {
      ok(await cli(['assign', '--all-matching', '--country', 'GB', '--subscription', SUB_1, '--owner', ORG_B]));
      expect(await stateOf(UK)).toBe('assigned');
      expect(await stateOf(A)).toBe('available');
      expect((await cli(['lock', A, '--all-matching', '--remark', 'x'])).code).toBe(2);
      expect((await cli(['lock', '--remark', 'x'])).code).toBe(2);
      const filterAlone = await cli(['lock', A, '--country', 'SG', '--remark', 'x']);
      expect(filterAlone.code).toBe(2);
      expect(filterAlone.stderr).toContain('only with --all-matching');
      // The subscription event comes last, after the numbers.
      const event = ok(await cli(['--json', 'subscription', UK, 'terminated'])).json<NumberDetail>();
      expect(event.state).toBe('reserved');
    },
    SLOW,
  );
});
