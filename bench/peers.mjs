// The peer systems of the benchmark: the workload's tables exported once from the SQLite
// file as CSV, then loaded into DuckDB (in-process, threads = 2) and into a throwaway
// PostgreSQL 15 cluster on loopback (started here, stopped at the end).
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

// Only the columns the workload reads, with their types for DuckDB and PostgreSQL.
export const TABLES = {
  regions: [['id', 'BIGINT'], ['parent', 'BIGINT'], ['level', 'INTEGER']],
  reps: [['id', 'BIGINT'], ['region', 'BIGINT']],
  opportunities: [['id', 'BIGINT'], ['rep', 'BIGINT']],
  bids: [['id', 'BIGINT'], ['opportunity', 'BIGINT'], ['amount', 'BIGINT'], ['result', 'VARCHAR'], ['result_date', 'DATE']],
  contracts: [['id', 'BIGINT'], ['customer', 'BIGINT'], ['rep', 'BIGINT'], ['signed_date', 'DATE'], ['amount', 'BIGINT']],
  contract_lines: [['contract', 'BIGINT'], ['seq', 'INTEGER'], ['amount', 'BIGINT']],
  payment_plan: [['contract', 'BIGINT'], ['seq', 'INTEGER'], ['due_date', 'DATE'], ['amount', 'BIGINT']],
  payments: [['id', 'BIGINT'], ['contract', 'BIGINT'], ['date', 'DATE'], ['amount', 'BIGINT']],
};
const KEYS = { regions: 'id', reps: 'id', opportunities: 'id', contracts: 'id', payments: 'id', bids: 'id' };

export function exportCsv(db, dir) {
  mkdirSync(dir, { recursive: true });
  for (const [t, cols] of Object.entries(TABLES)) {
    const file = path.join(dir, `${t}.csv`);
    execSync(`sqlite3 -readonly -csv '${db}' "SELECT ${cols.map((c) => c[0]).join(', ')} FROM ${t}" > '${file}'`);
  }
}

async function timeRuns(runs, fn) {
  const ms = [];
  let rows;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await fn();
    ms.push(performance.now() - t0);
    if (i === 0) rows = r;
  }
  return { ms, rows };
}

export async function runDuckdb(dir, queries, runs) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await inst.connect();
  const t0 = performance.now();
  for (const [t, cols] of Object.entries(TABLES)) {
    const spec = cols.map(([c, ty]) => `'${c}': '${ty}'`).join(', ');
    await con.run(`CREATE TABLE ${t} AS SELECT * FROM read_csv('${path.join(dir, t + '.csv')}', header = false, columns = {${spec}})`);
  }
  const loadMs = performance.now() - t0;
  const results = [];
  for (const q of queries) {
    const r = await timeRuns(runs, async () => (await con.runAndReadAll(q.sql)).getRows());
    results.push({ name: q.name, ms: r.ms, rows: r.rows.map((row) => row.map((v) => String(v))) });
  }
  return { loadMs, results };
}

// A PostgreSQL cluster in dir/pg owned by the postgres user, on 127.0.0.1:port: the one
// throwaway-cluster helper the tests use too (scripts/lib/pg.sh).
const PG_SH = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'scripts', 'lib', 'pg.sh');
export function startPostgres(dir, port) {
  execFileSync(PG_SH, ['start', dir, String(port), 'shared_buffers=2GB', 'work_mem=512MB',
    'max_parallel_workers_per_gather=2', 'max_worker_processes=4', 'fsync=off', 'synchronous_commit=off',
    'full_page_writes=off'], { stdio: 'pipe' });
  return () => execFileSync(PG_SH, ['stop', dir], { stdio: 'pipe' });
}

function psql(port, script) {
  return execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-X', '-q', '-At', '-F', '|',
    '-v', 'ON_ERROR_STOP=1'], { input: script, encoding: 'utf8', maxBuffer: 1 << 28 });
}

export function loadPostgres(dir, port) {
  const t0 = performance.now();
  let script = '';
  for (const [t, cols] of Object.entries(TABLES)) {
    script += `CREATE TABLE ${t} (${cols.map(([c, ty]) => `${c} ${ty === 'VARCHAR' ? 'TEXT' : ty}`).join(', ')});\n`;
    script += `\\copy ${t} FROM '${path.join(dir, t + '.csv')}' WITH (FORMAT csv)\n`;
    if (KEYS[t]) script += `ALTER TABLE ${t} ADD PRIMARY KEY (${KEYS[t]});\n`;
  }
  script += 'CREATE INDEX ON contract_lines(contract);\nCREATE INDEX ON payment_plan(contract);\nCREATE INDEX ON payments(contract);\n';
  script += 'CREATE INDEX ON contracts(signed_date);\nCREATE INDEX ON payments(date);\nVACUUM ANALYZE;\n';
  psql(port, script);
  return performance.now() - t0;
}

export function runPostgres(port, queries, runs) {
  const results = [];
  for (const q of queries) {
    const sql = q.sql.replace(/\s+/g, ' ').trim();
    const out = psql(port, '\\timing on\n' + Array(runs).fill(sql + ';').join('\n') + '\n');
    const ms = [], rows = [];
    let run = 0;
    for (const line of out.split('\n')) {
      const t = line.match(/^Time: ([0-9.]+) ms/);
      if (t) { ms.push(Number(t[1])); run++; continue; }
      if (run === 0 && line.trim() !== '') rows.push(line.split('|'));
    }
    results.push({ name: q.name, ms, rows });
  }
  return results;
}
