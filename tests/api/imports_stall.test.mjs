// An upload while another import commits (issue 12, "no stall"): the commit holds SQLite's write
// lock for as long as it writes, and an upload used to write its job row on the request's thread
// under the jobs' lock — it waited for the commit (or busy_timeout, ~3 s) and held up the
// commit's own progress. Now job rows are written by a thread of their own
// (api/import_job_keeper.h): an upload answers within 1 s while the commit is writing, is
// listed at once, and its row reaches the database once the commit is done.
// Runs its own server on a copy of the suite's database; counts are read with the sqlite3 shell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client, logins, sql } from './helpers.mjs';
import { ownServer } from '../support/own_server.mjs';

let srv, admin;

async function upload(c, name, bytes) {
  const t0 = performance.now();
  const res = await fetch(`${c.base}/api/v1/imports?name=${encodeURIComponent(name)}`, {
    method: 'POST', body: bytes,
    headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Accept-Language': c.lang, 'Content-Type': 'text/csv' },
  });
  const json = await res.json();
  return { status: res.status, json, ms: performance.now() - t0 };
}

const csv = (rows) => Buffer.from('\ufeff' + rows.join('\r\n') + '\r\n');
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function job(id) {
  const r = await admin.get(`/api/v1/imports/${id}`);
  assert.equal(r.status, 200);
  return r.json;
}

before(async () => {
  srv = await ownServer();
  const u = logins().admin[0];
  admin = new Client('zh-CN', srv.base);
  assert.equal((await admin.login(u.login, u.password)).status, 200);
});

after(async () => {
  await srv?.stop();
});

test('an upload answers within 1 s while another import is writing its commit', async () => {
  const code = sql("SELECT code FROM contracts WHERE signed_date <= '2026-05-01' ORDER BY id LIMIT 1", srv.db)[0].code;
  const before = sql('SELECT COUNT(*) AS n FROM payments', srv.db)[0].n;
  // 400,000 distinct payments (date and amount are the key): a commit that writes for a while.
  const N = 400000;
  const rows = ['合同编号,回款日期,回款金额'];
  for (let i = 1; i <= N; ++i) rows.push(`${code},2026-06-0${1 + (i % 9)},${i}`);
  const big = await upload(admin, 'big.csv', csv(rows));
  assert.equal(big.status, 201);
  const id = big.json.id;
  assert.equal((await admin.req('POST', `/api/v1/imports/${id}/dry-run`, { entity: 'payments' })).status, 202);
  let j;
  do { await sleep(50); j = await job(id); } while (j.state === 'checking');
  assert.equal(j.state, 'checked', JSON.stringify(j));
  assert.equal((await admin.req('POST', `/api/v1/imports/${id}/commit`)).status, 202);

  // Upload small files while the commit's transaction is open (rows written, not all of them).
  const small = csv(['合同编号,回款日期,回款金额', `${code},2026-06-02,5`]);
  const during = [];
  const ids = [];
  for (;;) {
    j = await job(id);
    if (j.state !== 'committing') break;
    if (j.progress.phase !== 'writing' || j.progress.rows_written === 0) { await sleep(20); continue; }
    const up = await upload(admin, `small-${during.length}.csv`, small);
    assert.equal(up.status, 201, JSON.stringify(up.json));
    ids.push(up.json.id);
    const after = await job(id);
    // Counted only when the commit was still writing after the upload answered.
    if (after.state === 'committing' && after.progress.phase === 'writing') during.push(up.ms);
    // The new job is listed at once, though its row may not be written yet.
    const list = await admin.get('/api/v1/imports');
    assert.ok(list.json.imports.some((x) => x.id === up.json.id), 'the new upload is listed');
    if (during.length >= 3) break;
  }
  assert.ok(during.length > 0, 'no upload landed while the commit was writing (make the file larger)');
  for (const ms of during) assert.ok(ms < 1000, `an upload took ${Math.round(ms)} ms during a commit: ${during}`);

  do { await sleep(100); j = await job(id); } while (j.state === 'committing');
  assert.equal(j.state, 'committed', JSON.stringify(j));
  assert.equal(sql('SELECT COUNT(*) AS n FROM payments', srv.db)[0].n, before + N);
  // The uploads' rows reach the database once the lock is free, with the ids they were given.
  let stored = [];
  for (let i = 0; i < 100; ++i) {
    stored = sql(`SELECT id, state FROM import_jobs WHERE id IN (${ids.join(',')})`, srv.db);
    if (stored.length === ids.length) break;
    await sleep(100);
  }
  assert.deepEqual(stored.map((r) => String(r.id)).sort(), ids.map(String).sort());
  assert.ok(stored.every((r) => r.state === 'uploaded'));
});
