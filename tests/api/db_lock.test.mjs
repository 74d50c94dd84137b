// A database lock held by another process (issue 8, finding 6): reads keep answering from
// the Snapshot and their own connection, a write that cannot get the lock is 503 with
// Retry-After and a clear message, nothing is half-written, and writes work again after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { as, sql, DB, isPg, AS_OF, contractBody } from './helpers.mjs';

// One line of 100 000 paid at once, under the given code.
const contract = (rep, code) => contractBody(rep, { code }, { amount: 100000 });

// Another program holding the write lock: the sqlite3 shell inside BEGIN IMMEDIATE.
async function holdLock() {
  const p = spawn('sqlite3', [DB], { stdio: ['pipe', 'pipe', 'pipe'] });
  p.stdin.write("BEGIN IMMEDIATE;\nUPDATE data_version SET version = version WHERE id = 1;\nSELECT 'held';\n");
  await new Promise((resolve, reject) => {
    p.stdout.on('data', (d) => { if (String(d).includes('held')) resolve(); });
    p.on('exit', () => reject(new Error('sqlite3 exited')));
  });
  return () => new Promise((resolve) => { p.on('exit', resolve); p.stdin.end('ROLLBACK;\n.quit\n'); });
}

async function timed(fn) {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

// On PostgreSQL a write waits for a held lock (no lock_timeout is set by the backend yet), so
// this SQLite-file lock has no PostgreSQL counterpart to test.
const skip = isPg() && 'SQLite write lock: PostgreSQL writes wait for locks (no lock_timeout yet)';

test('while another process holds the write lock: reads stay fast, writes are 503 and write nothing', { skip }, async () => {
  const rep = await as('rep');
  const exec = await as('executive');
  exec.lang = 'en';
  const n = sql('SELECT COUNT(*) AS n FROM contracts')[0].n;
  const audit = sql('SELECT COUNT(*) AS n FROM audit_log')[0].n;
  const release = await holdLock();
  try {
    // Writes first, concurrently, so they are waiting on the lock while the reads run.
    const writes = [
      rep.req('POST', '/api/v1/contracts', contract(rep.user.rep, `LOCK-${Date.now()}-a`)),
      exec.req('POST', '/api/v1/contracts', contract(rep.user.rep, `LOCK-${Date.now()}-b`)),
    ];
    for (let i = 0; i < 5; ++i) {
      const [meta, ms] = await timed(() => exec.get('/api/v1/meta'));
      assert.equal(meta.status, 200);
      assert.ok(ms < 500, `/meta took ${ms.toFixed(0)} ms under the lock`);
      const [d3, ms3] = await timed(() => exec.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}`));
      assert.equal(d3.status, 200);
      assert.ok(ms3 < 1500, `D3 took ${ms3.toFixed(0)} ms under the lock`);
    }
    const [a, b] = await Promise.all(writes);
    for (const w of [a, b]) {
      assert.equal(w.status, 503, JSON.stringify(w.json));
      assert.equal(w.json.error.code, 'database_busy');
      assert.ok(Number(w.headers.get('retry-after')) > 0);
    }
    assert.match(b.json.error.message, /busy.*nothing was saved/);
    assert.match(a.json.error.message, /数据库/);
  } finally {
    await release();
  }
  assert.equal(sql('SELECT COUNT(*) AS n FROM contracts')[0].n, n, 'nothing half-written');
  assert.equal(sql('SELECT COUNT(*) AS n FROM audit_log')[0].n, audit);
  // The lock gone, the same write goes through.
  const ok = await rep.req('POST', '/api/v1/contracts', contract(rep.user.rep, `LOCK-${Date.now()}-c`));
  assert.equal(ok.status, 201, JSON.stringify(ok.json));
});
