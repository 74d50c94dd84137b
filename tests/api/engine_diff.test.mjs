// Differential test of the engine (issue 3): every query of the benchmark's dashboard
// workload (D3, D2, C1, C2, C3 at company and manager scope), answered by salesloop's
// engine (bench/salesloop_bench), must equal the same query written in SQL and run by the
// sqlite3 shell on the same database file — on the test server's small demo database and
// on a medium one generated here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DB, sql, AS_OF } from './helpers.mjs';
import { workloadSql } from '../../bench/workload_sql.mjs';
import { runSqlite } from '../../bench/sqlite_runner.mjs';

const BIN = process.env.SALESLOOP_BIN ?? 'build/salesloop';
const BENCH = path.join(path.dirname(BIN), 'salesloop_bench');

function compare(db) {
  const region = Number(execFileSync('sqlite3', ['-readonly', db, 'SELECT id FROM regions WHERE level = 1 ORDER BY id LIMIT 1'],
    { encoding: 'utf8' }).trim());
  const engine = JSON.parse(execFileSync(BENCH, ['--db', db, '--as-of', AS_OF, '--region', String(region), '--runs', '1'],
    { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const oracle = runSqlite(db, workloadSql('sqlite', AS_OF, region), 1);
  assert.equal(engine.engine.length, oracle.length);
  let nonEmpty = 0;
  for (let i = 0; i < oracle.length; i++) {
    assert.equal(engine.engine[i].name, oracle[i].name);
    assert.deepEqual(engine.engine[i].rows, oracle[i].rows, `${oracle[i].name} differs`);
    if (oracle[i].rows.length > 1) nonEmpty++;
  }
  assert.ok(nonEmpty >= 12, `most queries should have several rows, only ${nonEmpty} do`);
  return engine;
}

test('engine = SQLite on the small demo database, every workload query', () => {
  const e = compare(DB);
  assert.equal(e.contract_lines, sql('SELECT COUNT(*) AS n FROM contract_lines')[0].n);
});

test('engine = SQLite on a medium demo database', { timeout: 120000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-diff-'));
  try {
    const db = path.join(dir, 'medium.db');
    execFileSync(BIN, ['demo', '--db', db, '--seed', '5', '--scale', 'medium', '--as-of', AS_OF], { stdio: ['ignore', 'ignore', 'ignore'] });
    compare(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
