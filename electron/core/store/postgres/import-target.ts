// An import's batches on a team database. Each batch, in one transaction: its rows (validated by
// the same row rules as on the file, import/validate-row.ts) are loaded with COPY into a staging
// table of the session, checked there against the inventory in one join (which numbers it holds
// already, and with which fields), and the new ones go into the inventory in three set-wise
// statements: the numbers, their visible-to domains, one `import` audit event each. A number
// another desktop adds meanwhile is skipped (ON CONFLICT DO NOTHING) and reported so. Killed
// midway, every committed batch stays; the next run skips those rows as duplicates. The audit
// details are written as the file's import writes them (JSON.stringify of { file, line }).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { NumberRow } from '../../numbers/rows';
import type { ChooseLines, ImportAudit, ImportLine, ImportTarget } from '../../import/write-batch';
import { PG_NUMBER_COLUMNS } from './numbers';

type Transaction = <T>(work: (client: pg.ClientBase) => Promise<T>) => Promise<T>;

const STAGED_COLUMNS = [
  'line',
  'number',
  'country',
  'vendor',
  'sku',
  'cap_voice',
  'cap_fax',
  'cap_sms',
  'routing',
  'golden',
  'ported_in',
  'state',
  'owner_uuid',
  'subscription_uuid',
  'reservation_kind',
  'reservation_origin',
  'reservation_org_uuid',
  'did_reservation_uuid',
  'expires_at',
  'deleted_reason',
  'created_at',
  'updated_at',
  'visible_to',
] as const;

/** The staging table: one per session, emptied at each commit, never seen by another desktop. */
const CREATE_STAGING = `CREATE TEMP TABLE IF NOT EXISTS import_staging (
  line integer NOT NULL, number text COLLATE "C" NOT NULL PRIMARY KEY, country text NOT NULL, vendor text NOT NULL, sku text NOT NULL,
  cap_voice boolean NOT NULL, cap_fax boolean NOT NULL, cap_sms boolean NOT NULL, routing text, golden boolean NOT NULL,
  ported_in boolean NOT NULL, state text NOT NULL, owner_uuid text, subscription_uuid text, reservation_kind text,
  reservation_origin text, reservation_org_uuid text, did_reservation_uuid text, expires_at timestamptz, deleted_reason text,
  created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, visible_to text[] NOT NULL
) ON COMMIT DELETE ROWS`;

const NUMBER_FIELDS = STAGED_COLUMNS.filter((c) => c !== 'line' && c !== 'visible_to').join(', ');

/** A value in COPY's text format: \N for NULL; backslash, tab and line breaks escaped. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** An array literal for COPY: each element quoted, so a comma or brace in a domain stays inside it. */
const copyArray = (values: readonly string[]) => copyText(`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);

const flag = (on: boolean) => (on ? 't' : 'f');

function stagedLine({ line, candidate }: ImportLine): string {
  const { number: n, fields: f } = candidate;
  const caps = new Set(n.capabilities);
  return `${[
    String(line),
    copyText(n.number),
    copyText(n.country),
    copyText(n.vendor),
    copyText(n.sku),
    flag(caps.has('voice')),
    flag(caps.has('fax')),
    flag(caps.has('sms')),
    copyText(n.routing),
    flag(n.golden),
    flag(n.portedIn),
    copyText(f.state),
    copyText(f.owner_uuid),
    copyText(f.subscription_uuid),
    copyText(f.reservation_kind),
    copyText(f.reservation_origin),
    copyText(f.reservation_org_uuid),
    copyText(f.did_reservation_uuid),
    copyText(f.expires_at),
    copyText(f.deleted_reason),
    copyText(candidate.createdAt),
    copyText(candidate.updatedAt),
    copyArray(n.visibleTo),
  ].join('\t')}\n`;
}

export class TeamImportTarget implements ImportTarget {
  constructor(private readonly transaction: Transaction) {}

  async writeBatch(lines: readonly ImportLine[], choose: ChooseLines, audit: ImportAudit, dryRun: boolean): Promise<ReadonlySet<string>> {
    return this.transaction(async (client) => {
      await client.query(CREATE_STAGING);
      await pipeline(
        Readable.from([lines.map(stagedLine).join('')]),
        client.query(copyFrom(`COPY import_staging (${STAGED_COLUMNS.join(', ')}) FROM STDIN`)),
      );
      const { rows } = await client.query<NumberRow>(
        `SELECT ${PG_NUMBER_COLUMNS} FROM numbers n JOIN import_staging s ON s.number = n.number`,
      );
      const chosen = choose(new Map(rows.map((row) => [row.number, row])));
      if (dryRun) return new Set(chosen.map(({ candidate }) => candidate.number.number));
      const { rows: added } = await client.query<{ number: string }>(
        `WITH added AS (
           INSERT INTO numbers (${NUMBER_FIELDS})
           SELECT ${NUMBER_FIELDS} FROM import_staging WHERE line = ANY($1::int[]) ORDER BY line
           ON CONFLICT (number) DO NOTHING RETURNING id, number),
         visible AS (
           INSERT INTO number_visibility (number_id, domain)
           SELECT a.id, unnest(s.visible_to) FROM added a JOIN import_staging s ON s.number = a.number ON CONFLICT DO NOTHING),
         audited AS (
           INSERT INTO events (number_id, at, actor, action, from_state, to_state, remark, details)
           SELECT a.id, $2, $3, 'import', NULL, s.state, $4, ('{"file":' || to_json($5::text) || ',"line":' || s.line || '}')::json
           FROM added a JOIN import_staging s ON s.number = a.number ORDER BY s.line)
         SELECT number FROM added`,
        [chosen.map(({ line }) => line), audit.at, audit.actor, `imported from ${audit.file}`, audit.file],
      );
      return new Set(added.map(({ number }) => number));
    });
  }
}
