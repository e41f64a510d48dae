// The activity log as an export's rows: the Activity screen's columns, newest first, every value
// text (times ISO 8601 UTC as stored, actions and states as their codes, details as JSON).
import type { ParsedActivityFilter } from '../../../shared/activity';
import type { Db } from '../db/connection';
import type { ExportSource } from '../export/source';
import { batchIdOf, patternPlan } from './list';
import { activityCountQuery, activityExportQuery } from './query';

const COLUMNS = ['at', 'actor', 'action', 'number', 'from_state', 'to_state', 'remark', 'batch', 'details'] as const;
/** Columns of few distinct values, kept once in the XLSX shared strings. */
const FEW_VALUED: readonly (typeof COLUMNS)[number][] = ['actor', 'action', 'from_state', 'to_state', 'batch'];

type RawRow = [string, string, string, string, string | null, string, string | null, string];

export function activityExportSource(db: Db, filter: ParsedActivityFilter): ExportSource {
  const plan = patternPlan(db, filter);
  const count = activityCountQuery(filter, plan, -1);
  const total = db
    .prepare(count.sql)
    .pluck()
    .get(...count.params) as number;
  const query = activityExportQuery(filter, plan, 'e.at, e.actor, e.action, n.number, e.from_state, e.to_state, e.remark, e.details');
  const raw = db
    .prepare(query.sql)
    .raw()
    .iterate(...query.params) as IterableIterator<RawRow>;
  function* cells(): Generator<string[]> {
    for (const [at, actor, action, number, from, to, remark, details] of raw) {
      const batch = batchIdOf(JSON.parse(details) as Record<string, unknown>);
      yield [at, actor, action, number, from ?? '', to, remark ?? '', batch ?? '', details === '{}' ? '' : details];
    }
  }
  return { header: COLUMNS, sheetName: 'activity', total, rows: cells(), sharedColumns: FEW_VALUED.map((c) => COLUMNS.indexOf(c)) };
}
