// The side-by-side benchmark of issue 3. Runs the dashboard workload (bench/workload_sql.mjs,
// bench/workload.cpp) on salesloop's engine, the hand-written single-pass floor, SQLite (the
// same file), DuckDB (threads = 2) and PostgreSQL 15 (loopback), checks that every system
// returns the same rows as the engine, then prints per query and for the whole workload
// the median ms of the runs and the ratio to salesloop, as a Markdown table.
//   node bench/run.mjs --db FILE --as-of YYYY-MM-DD [--runs 5] [--sql-runs N]
//        [--systems sqlite,duckdb,postgres] [--bin build/salesloop_bench] [--port 55432]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { workloadSql, normalise } from './workload_sql.mjs';
import { runSqlite } from './sqlite_runner.mjs';
import { exportCsv, runDuckdb, startPostgres, loadPostgres, runPostgres } from './peers.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (i % 2 ? a : [...a, [v.replace(/^--/, ''), all[i + 1]]]), []));
const db = args.db, asOf = args['as-of'];
if (!db || !asOf) { console.error('usage: node bench/run.mjs --db FILE --as-of YYYY-MM-DD [--runs 5]'); process.exit(2); }
const runs = Number(args.runs ?? 5), sqlRuns = Number(args['sql-runs'] ?? runs);
const systems = (args.systems ?? 'sqlite,duckdb,postgres').split(',').filter(Boolean);
const bin = args.bin ?? 'build/salesloop_bench';
const port = Number(args.port ?? 55432);
const log = (...m) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...m);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const region = Number(execFileSync('sqlite3', ['-readonly', db, 'SELECT id FROM regions WHERE level = 1 ORDER BY id LIMIT 1'], { encoding: 'utf8' }).trim());

log(`engine: ${bin} on ${db}`);
const eng = JSON.parse(execFileSync(bin, ['--db', db, '--as-of', asOf, '--region', String(region), '--runs', String(runs)],
  { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] }));
const table = { engine: eng.engine, floor: eng.floor };
const loads = {};

const work = mkdtempSync(path.join(tmpdir(), 'sl-bench-'));
let stopPg = null;
try {
  if (systems.includes('sqlite')) {
    log('sqlite');
    table.sqlite = runSqlite(db, workloadSql('sqlite', asOf, region), sqlRuns);
  }
  if (systems.includes('duckdb') || systems.includes('postgres')) {
    log('exporting CSV');
    exportCsv(db, work);
  }
  if (systems.includes('duckdb')) {
    log('duckdb');
    const r = await runDuckdb(work, workloadSql('duckdb', asOf, region), runs);
    table.duckdb = r.results;
    loads.duckdb = r.loadMs;
  }
  if (systems.includes('postgres')) {
    log('postgres: initdb + start');
    stopPg = startPostgres(work, port);
    loads.postgres = loadPostgres(work, port);
    log('postgres: queries');
    table.postgres = runPostgres(port, workloadSql('postgres', asOf, region), sqlRuns);
  }
} finally {
  if (stopPg) stopPg();
  rmSync(work, { recursive: true, force: true });
}

// Same answers everywhere, or the timings mean nothing.
let mismatches = 0;
for (const sys of Object.keys(table).filter((s) => s !== 'engine' && s !== 'floor')) {
  table[sys].forEach((q, i) => {
    const want = JSON.stringify(eng.engine[i].rows), got = JSON.stringify(normalise(q.rows));
    if (q.name !== eng.engine[i].name || want !== got) {
      mismatches++;
      console.error(`MISMATCH ${sys} ${q.name}:\n  engine ${want.slice(0, 300)}\n  ${sys} ${got.slice(0, 300)}`);
    }
  });
}

const systemsShown = Object.keys(table);
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
const lines = [];
lines.push(`| query | ${systemsShown.map((s) => `${s} ms`).join(' | ')} | ${systemsShown.filter((s) => s !== 'engine').map((s) => `${s} / engine`).join(' | ')} |`);
lines.push(`|---|${systemsShown.map(() => '--:').join('|')}|${systemsShown.filter((s) => s !== 'engine').map(() => '--:').join('|')}|`);
const totals = Object.fromEntries(systemsShown.map((s) => [s, 0]));
eng.engine.forEach((q, i) => {
  const med = Object.fromEntries(systemsShown.map((s) => [s, median(table[s][i].ms)]));
  for (const s of systemsShown) totals[s] += med[s];
  lines.push(`| ${q.name} | ${systemsShown.map((s) => fmt(med[s])).join(' | ')} | ${systemsShown.filter((s) => s !== 'engine').map((s) => (med[s] / med.engine).toFixed(1) + '×').join(' | ')} |`);
});
lines.push(`| **workload** | ${systemsShown.map((s) => '**' + fmt(totals[s]) + '**').join(' | ')} | ${systemsShown.filter((s) => s !== 'engine').map((s) => '**' + (totals[s] / totals.engine).toFixed(2) + '×**').join(' | ')} |`);

const mb = (b) => (b / 1048576).toFixed(1);
console.log(`salesloop benchmark — ${eng.contract_lines.toLocaleString('en')} contract lines, ${eng.contracts.toLocaleString('en')} contracts, ` +
  `${eng.customers.toLocaleString('en')} customers; as of ${asOf}; manager scope = region ${region}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}; runs: ${runs} (engine, floor, duckdb), ${sqlRuns} (sqlite, postgres); medians\n`);
console.log(lines.join('\n'));
console.log(`\nanswers: ${mismatches === 0 ? 'identical across all systems' : mismatches + ' MISMATCHES'}`);
console.log(`cold start (SQLite → model → Snapshot): load ${fmt(eng.load_ms)} ms + build ${fmt(eng.build_ms)} ms`);
if (eng.incremental_ms?.length) console.log(`incremental Snapshot after one new contract: first ${fmt(eng.incremental_ms[0])} ms, then median ${fmt(median(eng.incremental_ms.slice(1)))} ms, max ${fmt(Math.max(...eng.incremental_ms.slice(1)))} ms`);
for (const [s, ms] of Object.entries(loads)) console.log(`${s} load from CSV: ${fmt(ms)} ms`);
console.log(`\nSnapshot memory: ${mb(eng.memory_total)} MiB = ${(eng.memory_total / eng.contract_lines).toFixed(1)} bytes per contract line`);
for (const m of eng.memory) console.log(`  ${m.part}: ${mb(m.bytes)} MiB (${(m.bytes / eng.contract_lines).toFixed(1)} B/line)`);
if (eng.requests) {
  console.log('\nDashboard requests without HTTP (the analytics call; median ms, p max):');
  for (const q of eng.requests) console.log(`  ${q.name}: ${fmt(median(q.ms))} ms (max ${fmt(Math.max(...q.ms))})`);
}
process.exit(mismatches === 0 ? 0 : 1);
