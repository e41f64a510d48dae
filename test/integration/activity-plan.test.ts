// The activity log stays fast at millions of events: EXPLAIN QUERY PLAN shows every page walking
// an index in time order (no sort of the whole log, no scan of the events table), and a pattern
// that matches few numbers reading those numbers' events by number. Without ANALYZE statistics
// SQLite plans the same at any size, so a small database shows the plan a large one gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityFilterSchema, type ActivityFilter } from '../../shared/activity';
import { activityCountQuery, activityPageQuery, type PatternPlan, type Query } from '../../electron/core/activity/query';
import { freshInventory, type TestInventory } from '../helpers/inventory';

let t: TestInventory;
beforeAll(() => {
  t = freshInventory();
});
afterAll(() => t?.close());

function plan(query: Query): string[] {
  return (t.inventory.db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[]).map((r) => r.detail);
}

/** "SCAN e" without an index reads every event; a temporary B-tree for ORDER BY sorts every match. */
const eventScans = (details: string[]) => details.filter((d) => /^SCAN e\b(?!.*USING)/.test(d));
const sorts = (details: string[]) => details.filter((d) => /TEMP B-TREE FOR ORDER BY/.test(d));

const CURSOR = { at: '2026-01-05T09:00:00.000Z', id: 1000 };

/** Filters each answered by walking one index in time order. */
const WALKED: [string, ActivityFilter][] = [
  ['everything', {}],
  ['operator', { actors: ['Alice'] }],
  ['action', { actions: ['reserve'] }],
  ['time range', { since: '2026-01-01T00:00:00Z', until: '2026-02-01T00:00:00Z' }],
  ['operator and time', { actors: ['Alice'], since: '2026-01-01T00:00:00Z' }],
  ['action and time', { actions: ['lock'], until: '2026-02-01T00:00:00Z' }],
  ['operator and action', { actors: ['Alice'], actions: ['lock'] }],
  ['common pattern', { pattern: '+1' }],
  ['common pattern and operator', { pattern: '+1', actors: ['Alice'] }],
];

describe('activity query plans', () => {
  it('every page and count of a walked filter reads an index in time order, with or without a cursor', () => {
    const offenders: string[] = [];
    for (const [name, raw] of WALKED) {
      const filter = activityFilterSchema.parse(raw);
      for (const query of [
        activityPageQuery(filter, 51, 'walk'),
        activityPageQuery(filter, 51, 'walk', CURSOR),
        activityCountQuery(filter, 'walk'),
      ]) {
        const details = plan(query);
        if (process.env.SHOW_PLANS) console.log(name, details.join(' | '));
        if (eventScans(details).length || sorts(details).length) offenders.push(`${name}: ${details.join(' | ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("a pattern matching few numbers leads: it reads those numbers' events by number, never every event", () => {
    const offenders: string[] = [];
    for (const pattern of ['+6561230001', '*0001', '8888', '+65??88*']) {
      const filter = activityFilterSchema.parse({ pattern, actions: ['reserve'] });
      for (const query of [activityPageQuery(filter, 51, 'lead' as PatternPlan), activityCountQuery(filter, 'lead')]) {
        const details = plan(query);
        const joined = details.join(' | ');
        if (eventScans(details).length || !/SEARCH e USING INDEX events_number/.test(joined)) offenders.push(`${pattern}: ${joined}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('detects a scan and a sort when there is one (the checks can fail)', () => {
    const details = plan({ sql: 'SELECT * FROM events e WHERE e.remark = ? ORDER BY e.to_state', params: ['x'] });
    expect(eventScans(details)).not.toEqual([]);
    expect(sorts(details)).not.toEqual([]);
  });
});
