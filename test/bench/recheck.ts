// Re-measures page queries on an existing benchmark database (read-only), e.g. after a planner fix:
// node out/bench/recheck.cjs DB_FILE
import { openDatabase } from '../../electron/core/db/connection';
import { searchNumbers, countByState } from '../../electron/core/search/search';
import type { SearchRequest } from '../../shared/search';
import { percentile, round, time } from './stats';

const db = openDatabase(process.argv[2], { readonly: true });
const cases: [string, SearchRequest][] = [
  ['available SG, by vendor, page 10', { filter: { states: ['available'], countries: ['SG'] }, sort: { field: 'vendor', direction: 'asc' }, page: 10 }],
  ['deleted GB vendor Colt, by routing', { filter: { states: ['deleted'], countries: ['GB'], vendors: ['Colt'] }, sort: { field: 'routing', direction: 'asc' } }],
  ['reserved, by expiry', { filter: { states: ['reserved'] }, sort: { field: 'expiresAt', direction: 'asc' } }],
  ['available, by number, first page', { filter: { states: ['available'] } }],
];
for (const [name, request] of cases) {
  searchNumbers(db, { pageSize: 50, ...request });
  const samples = Array.from({ length: 15 }, () => time(() => searchNumbers(db, { pageSize: 50, ...request })).ms);
  console.log(`${name}: p50 ${round(percentile(samples, 50))} ms, p95 ${round(percentile(samples, 95))} ms`);
}
const c = Array.from({ length: 5 }, () => time(() => countByState(db, { countries: ['SG'] })).ms);
console.log(`counts SG: p95 ${round(percentile(c, 95))} ms`);
db.close();
