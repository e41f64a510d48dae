// `npm run bench`: builds a realistic inventory of N numbers (default 1,000,000) and measures, each
// beside a raw baseline on the same machine in the same run: import, grid pages, tab counts, export
// to CSV and XLSX (time and peak RSS, each in its own process), and the expiry sweep.
// Prints a table and JSON (also written to out/bench/result.json). Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../electron/core/clock';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { csvLine } from '../../electron/core/export/csv-cell';
import { TRANSFER_COLUMNS } from '../../electron/core/export/columns';
import { Inventory } from '../../electron/core/inventory';
import { whereClause } from '../../electron/core/search/where';
import { orderBy } from '../../electron/core/search/search';
import { searchFilterSchema, type SearchFilter, type SearchRequest } from '../../shared/search';
import { bulkBuild, insertBenchRows } from './build';
import { BENCH_NOW, benchRows } from './dataset';
import { measureRefusals } from './refusals';
import { percentile, round, table, time, timeAsync, type Measurement } from './stats';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const log = (text: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);

// ---- child processes: one export each, so peak RSS is the export's own ----
async function child(): Promise<void> {
  const mode = arg('child') as string;
  const db = arg('db') as string;
  const out = arg('out') as string;
  const start = process.hrtime.bigint();
  if (mode === 'raw-csv') {
    // Baseline: every row by hand-written SQL, joined with commas, through a plain write stream.
    const conn = openDatabase(db, { readonly: true });
    const stream = fs.createWriteStream(out);
    for (const row of conn.prepare('SELECT * FROM numbers ORDER BY number').raw().iterate() as IterableIterator<unknown[]>) {
      if (!stream.write(`${row.map((v) => (v === null ? '' : String(v))).join(',')}\n`))
        await new Promise<void>((r) => stream.once('drain', () => r()));
    }
    await new Promise<void>((resolve) => stream.end(resolve));
    conn.close();
  } else {
    // Through the service, as the app and the CLI export (the worker bundle is beside this one).
    const inventory = Inventory.open(db);
    const started = await inventory.startExport({ format: mode === 'xlsx' ? 'xlsx' : 'csv', out, filter: {} });
    const ended = await inventory.exportFinished(started.id);
    inventory.close();
    if (ended.state !== 'done') throw new Error(`export ${ended.state}: ${JSON.stringify(ended)}`);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // VmHWM, not getrusage's maxRSS: Linux carries ru_maxrss over from the parent across exec, so it
  // would report the benchmark's own footprint instead of the export's.
  const hwmKb = Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: hwmKb / 1024, bytes: fs.statSync(out).size }));
}

function runChild(mode: string, db: string, out: string): { ms: number; cpuMs: number; maxRssMb: number; bytes: number } {
  const result = spawnSync(process.execPath, [__filename, '--child', mode, '--db', db, '--out', out], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`child ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { ms: number; cpuMs: number; maxRssMb: number; bytes: number };
}

// ---- the benchmark ----
interface PageCase {
  name: string;
  request: SearchRequest;
}

function pageCases(total: number): PageCase[] {
  const deep = (fraction: number, stateShare: number) => Math.floor((total * stateShare * fraction) / 50);
  return [
    { name: 'available, by number, first page', request: { filter: { states: ['available'] } } },
    { name: 'available, by number, middle page', request: { filter: { states: ['available'] }, page: deep(0.5, 0.5) } },
    { name: 'available, by number, last pages', request: { filter: { states: ['available'] }, page: deep(0.98, 0.5) } },
    { name: 'reserved, by expiry', request: { filter: { states: ['reserved'] }, sort: { field: 'expiresAt', direction: 'asc' } } },
    {
      name: 'assigned, by updated desc, page 20',
      request: { filter: { states: ['assigned'] }, sort: { field: 'updatedAt', direction: 'desc' }, page: 20 },
    },
    {
      name: 'locked, by created desc, deep (90%)',
      request: { filter: { states: ['locked'] }, sort: { field: 'createdAt', direction: 'desc' }, page: deep(0.9, 0.05) },
    },
    {
      name: 'available SG, by vendor, page 10',
      request: { filter: { states: ['available'], countries: ['SG'] }, sort: { field: 'vendor', direction: 'asc' }, page: 10 },
    },
    { name: 'available, digits "888" anywhere', request: { filter: { states: ['available'], pattern: '888' } } },
    { name: 'available, wildcard "*4567"', request: { filter: { states: ['available'], pattern: '*4567' } } },
    { name: 'available, wildcard "+65??88*"', request: { filter: { states: ['available'], pattern: '+65??88*' } } },
    { name: 'available, prefix "+44207", page 5', request: { filter: { states: ['available'], pattern: '+44207' }, page: 5 } },
    { name: 'available, short pattern "12"', request: { filter: { states: ['available'], pattern: '12' } } },
    { name: 'available, digits "656" (a sixth of all)', request: { filter: { states: ['available'], pattern: '656' } } },
    {
      name: 'available, golden, by sku',
      request: { filter: { states: ['available'], golden: true }, sort: { field: 'sku', direction: 'asc' } },
    },
    { name: 'available, visible to acme.example', request: { filter: { states: ['available'], visibleTo: ['acme.example'] } } },
    {
      name: 'available, fax, by country',
      request: { filter: { states: ['available'], capabilities: ['fax'] }, sort: { field: 'country', direction: 'asc' } },
    },
    {
      name: 'available SKU GB-GEO, by vendor, page 10',
      request: { filter: { states: ['available'], skus: ['GB-GEO'] }, sort: { field: 'vendor', direction: 'asc' }, page: 10 },
    },
    {
      name: 'deleted GB vendor Colt, by routing',
      request: { filter: { states: ['deleted'], countries: ['GB'], vendors: ['Colt'] }, sort: { field: 'routing', direction: 'asc' } },
    },
  ];
}

/** The same page by plain hand-written SQL: one SELECT with LIMIT/OFFSET (no total, no visibility). */
function rawPage(db: Db, request: SearchRequest): () => unknown[] {
  const filter = searchFilterSchema.parse(request.filter ?? {});
  const where = whereClause(filter);
  const sort = request.sort ?? { field: 'number', direction: 'asc' };
  const stmt = db.prepare(
    `SELECT * FROM numbers n WHERE ${where.sql} ORDER BY ${orderBy(sort.field, sort.direction === 'desc' ? 'DESC' : 'ASC')} LIMIT 50 OFFSET ?`,
  );
  return () => stmt.all(...where.params, (request.page ?? 0) * 50);
}

function samples(work: () => unknown, runs: number): number[] {
  work(); // warm up
  return Array.from({ length: runs }, () => time(work).ms);
}

/** The inventory file format (what export writes and import reads) for `rows` bench rows. */
function writeInventoryCsv(file: string, rows: number, due: number): void {
  const fd = fs.openSync(file, 'w');
  let chunk = csvLine(TRANSFER_COLUMNS);
  for (const cells of benchRows(rows, due)) {
    chunk += csvLine(cells);
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

/** Baseline insert: the bench rows by raw prepared INSERT in one transaction; returns ms. */
function rawInsert(db: Db, rows: number, due: number): number {
  return time(() => insertBenchRows(db, rows, due)).ms;
}

async function bench(): Promise<void> {
  const n = Number(arg('n') ?? 1_000_000);
  const runs = Number(arg('runs') ?? 25);
  const due = Math.min(100_000, Math.floor(n / 10));
  const dir = arg('dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ni-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  const results: Measurement[] = [];
  const add = (m: Omit<Measurement, 'ratio'> & { ratio?: number | null }) => {
    results.push({ ratio: m.baseline ? m.value / m.baseline : null, ...m });
    log(`${m.name}: ${round(m.value)} ${m.unit}${m.baseline !== null ? ` (baseline ${round(m.baseline)})` : ''}`);
  };
  // Results so far, written after each phase so a long run can be read before it ends.
  const save = () => {
    const report = { n, runs, machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => round(l)) }, results };
    fs.mkdirSync(path.join(process.cwd(), 'out', 'bench'), { recursive: true });
    fs.writeFileSync(path.join(process.cwd(), 'out', 'bench', `result-${n}.json`), JSON.stringify(report, null, 2));
    return report;
  };
  // --only import,refusals,pages,counts,export,sweep runs some phases; --reuse keeps the inventory an
  // earlier --keep run built in the same --dir (migrations added since then apply on open), and
  // never removes it at the end.
  const only = arg('only')?.split(',');
  const phase = (name: string) => !only || only.includes(name);
  const dbFile = path.join(dir, 'inventory.db');
  const reuse = args.includes('--reuse') && fs.existsSync(dbFile);
  log(`N = ${n}, ${due} reservations due, in ${dir}${reuse ? ' (reusing its inventory)' : ''}`);

  // 1. The inventory the queries run on: N rows inserted with the indexes dropped, then indexed.
  if (!reuse) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
    const bigDb = openDatabase(dbFile);
    const built = time(() => bulkBuild(bigDb, n, due, log)).ms;
    bigDb.close();
    log(`built ${n} rows by bulk build in ${round(built)} ms`);
  }
  const bytesPerNumber = fs.statSync(dbFile).size / n;
  add({
    name: 'database size per number',
    unit: 'bytes',
    value: bytesPerNumber,
    baseline: null,
    target: '<= 400 bytes',
    met: bytesPerNumber <= 400,
  });

  // 2. The import, measured against the same raw INSERT on its own N_import rows (default
  //    min(N, 200,000): a 1M-row import is 2-3x the raw time again, too long for one run on this
  //    shared machine; rows/s does not depend on N much once indexes are deep).
  if (phase('import')) {
    const importN = Number(arg('import-n') ?? Math.min(n, 200_000));
    const importDue = Math.min(due, Math.floor(importN / 10));
    const importCsv = path.join(dir, 'import.csv');
    writeInventoryCsv(importCsv, importN, importDue);
    for (const file of ['raw.db', 'imported.db']) fs.rmSync(path.join(dir, file), { force: true });
    const rawDb = openDatabase(path.join(dir, 'raw.db'));
    const rawMs = rawInsert(rawDb, importN, importDue);
    rawDb.close();
    const importDb = Inventory.open(path.join(dir, 'imported.db'), { clock: fixedClock(BENCH_NOW), actor: 'bench' });
    const imported = await timeAsync(() => importDb.importFile({ source: { kind: 'path', path: importCsv }, dryRun: false }));
    importDb.close();
    if (imported.value.imported !== importN)
      log(`note: imported ${imported.value.imported} of ${importN} rows: ${JSON.stringify(imported.value.counts)}`);
    const importRate = imported.value.imported / (imported.ms / 1000);
    const rawRate = importN / (rawMs / 1000);
    add({
      name: `import ${importN} rows (CSV, validated, audited)`,
      unit: 'rows/s',
      value: importRate,
      baseline: rawRate,
      ratio: rawRate / importRate,
      target: 'within 2x raw',
      met: rawRate / importRate <= 2,
    });
    save();
  }

  const inventory = Inventory.open(dbFile, { clock: fixedClock(BENCH_NOW), actor: 'bench' });
  const queryDb = openDatabase(dbFile, { readonly: true });

  // 2b. Hostile files: refused at once, before any row is read (on an empty inventory of its own).
  if (phase('refusals')) {
    fs.rmSync(path.join(dir, 'refusals.db'), { force: true });
    const refusing = Inventory.open(path.join(dir, 'refusals.db'), { clock: fixedClock(BENCH_NOW), actor: 'bench' });
    await measureRefusals(refusing, dir, add);
    refusing.close();
    save();
  }

  // 3. Grid pages.
  if (phase('pages')) {
    for (const c of pageCases(n)) {
      // As the grid asks: without a total (it shows its tab's count, measured below).
      const ours = samples(() => inventory.search({ pageSize: 50, withTotal: false, ...c.request }), runs);
      const base = samples(rawPage(queryDb, c.request), runs);
      const p50 = percentile(ours, 50);
      const p95 = percentile(ours, 95);
      add({ name: `page p50: ${c.name}`, unit: 'ms', value: p50, baseline: percentile(base, 50), target: '-', met: null });
      add({ name: `page p95: ${c.name}`, unit: 'ms', value: p95, baseline: percentile(base, 95), target: '< 20 ms', met: p95 < 20 });
    }
    save();
  }

  // 4. Tab counts.
  if (phase('counts')) {
    const countFilters: [string, SearchFilter][] = [
      ['no filter', {}],
      ['country SG', { countries: ['SG'] }],
      ['vendor Colt', { vendors: ['Colt'] }],
      ['digits "888"', { pattern: '888' }],
      ['golden', { golden: true }],
      ['visible to acme.example', { visibleTo: ['acme.example'] }],
      ['short pattern "12"', { pattern: '12' }],
      ['digits "656" (a sixth of all)', { pattern: '656' }],
      ['GB vendor Colt', { countries: ['GB'], vendors: ['Colt'] }],
      ['prefix "+44207" (a sixth of all)', { pattern: '+44207' }],
      ['short prefix "+4" (a third of all)', { pattern: '+4' }],
      // The tab badges while an operator types "+65612" into the search box, one count per keystroke.
      ...['+6', '+65', '+656', '+6561', '+65612'].map((typed): [string, SearchFilter] => [`typing "${typed}"`, { pattern: typed }]),
    ];
    for (const [name, filter] of countFilters) {
      const ours = samples(() => inventory.counts(filter), Math.min(runs, 10));
      const where = whereClause(searchFilterSchema.parse(filter));
      const stmt = queryDb.prepare(`SELECT n.state, count(*) FROM numbers n WHERE ${where.sql} GROUP BY n.state`);
      const base = samples(() => stmt.all(...where.params), Math.min(runs, 10));
      const p95 = percentile(ours, 95);
      add({ name: `tab counts p95: ${name}`, unit: 'ms', value: p95, baseline: percentile(base, 95), target: '< 50 ms', met: p95 < 50 });
    }
    save();
  }
  queryDb.close();
  inventory.db.pragma('wal_checkpoint(TRUNCATE)');
  inventory.close();

  // 5. Export, each in its own process.
  if (phase('export')) {
    const rawCsv = runChild('raw-csv', dbFile, path.join(dir, 'raw.csv'));
    const csv = runChild('csv', dbFile, path.join(dir, 'export.csv'));
    const xlsx = runChild('xlsx', dbFile, path.join(dir, 'export.xlsx'));
    add({
      name: 'export CSV, all rows',
      unit: 'ms',
      value: csv.ms,
      baseline: rawCsv.ms,
      target: 'within 1.5x raw',
      met: csv.ms <= 1.5 * rawCsv.ms,
    });
    add({ name: 'export CSV, CPU time (all threads)', unit: 'ms', value: csv.cpuMs, baseline: rawCsv.cpuMs, target: '-', met: null });
    add({ name: 'export XLSX, CPU time (all threads)', unit: 'ms', value: xlsx.cpuMs, baseline: rawCsv.cpuMs, target: '-', met: null });
    add({ name: 'export CSV peak RSS', unit: 'MB', value: csv.maxRssMb, baseline: rawCsv.maxRssMb, target: '-', met: null });
    add({
      name: 'export XLSX, all rows',
      unit: 'ms',
      value: xlsx.ms,
      baseline: rawCsv.ms,
      target: n >= 1_000_000 ? '< 15 s' : '-',
      met: n >= 1_000_000 ? xlsx.ms < 15_000 : null,
    });
    add({
      name: 'export XLSX peak RSS',
      unit: 'MB',
      value: xlsx.maxRssMb,
      baseline: rawCsv.maxRssMb,
      target: '< 400 MB',
      met: xlsx.maxRssMb < 400,
    });
    save();
  }

  // 6. The sweep: every due reservation released with its audit event (and notices), on a copy
  //    (so the inventory stays reusable); the baseline is one hand-written UPDATE releasing the
  //    same rows on another copy.
  if (phase('sweep')) {
    const sweepFile = path.join(dir, 'sweep.db');
    const baselineFile = path.join(dir, 'sweep-baseline.db');
    fs.copyFileSync(dbFile, sweepFile);
    fs.copyFileSync(dbFile, baselineFile);
    const baselineDb = openDatabase(baselineFile);
    const rawSweep = time(() =>
      baselineDb
        .prepare(
          `UPDATE numbers SET state = 'available', reservation_kind = NULL, reservation_origin = NULL, reservation_org_uuid = NULL,
             did_reservation_uuid = NULL, expires_at = NULL, updated_at = ?, version = version + 1
           WHERE expires_at <= ? AND state IN ('reserved', 'locked')`,
        )
        .run(BENCH_NOW, BENCH_NOW),
    );
    baselineDb.close();
    const sweepInventory = Inventory.open(sweepFile, { clock: fixedClock(BENCH_NOW), actor: 'bench' });
    const dueNow = sweepInventory.db
      .prepare(`SELECT count(*) FROM numbers WHERE expires_at <= ? AND state IN ('reserved', 'locked')`)
      .pluck()
      .get(BENCH_NOW) as number;
    const swept = await timeAsync(() => sweepInventory.sweep());
    sweepInventory.close();
    for (const file of [sweepFile, baselineFile]) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    add({
      name: `sweep releasing ${swept.value.length} due (of ${dueNow})`,
      unit: 'ms',
      value: swept.ms,
      baseline: rawSweep.ms,
      target: '< 2 s',
      met: swept.ms < 2000,
    });
  }

  const report = save();
  process.stdout.write(`\n${table(results)}\n\n${JSON.stringify(report, null, 2)}\n`);
  // A reused inventory can have taken an hour to build: only --keep or --reuse keeps the folder.
  if (!args.includes('--keep') && !args.includes('--reuse')) fs.rmSync(dir, { recursive: true, force: true });
}

(arg('child') ? child() : bench()).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
