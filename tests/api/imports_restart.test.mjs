// The 数据导入 page's jobs survive a restart (issue 12, task import2): a commit is running when
// the server is killed with SIGKILL; the database is exactly as before (sqlite3 counts and
// PRAGMA integrity_check) and, once the server is started again on it, the page's list shows
// the killed job as interrupted and an earlier dry run as it ended, its error report still
// downloadable. Runs its own server on a copy of the suite's database; expected values are
// written out by hand or read with the sqlite3 shell, the report with Python's zipfile.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Client, logins, sql } from './helpers.mjs';
import { copyDb, spawnServer } from '../support/own_server.mjs';
import { xlsxInlineCells } from '../support/xlsx_cells.mjs';

const db = copyDb();
const children = [];

after(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(path.dirname(db), { recursive: true, force: true });
});

// A server on `db` whose process the test can kill; resolves to { base, child, log }.
async function serve() {
  const srv = await spawnServer(db);
  children.push(srv.child);
  return srv;
}

async function loginAdmin(base) {
  const u = logins().admin[0];
  const c = new Client('zh-CN', base);
  assert.equal((await c.login(u.login, u.password)).status, 200);
  return c;
}

async function upload(c, name, bytes) {
  const res = await fetch(`${c.base}/api/v1/imports?${new URLSearchParams({ name })}`, {
    method: 'POST', body: bytes, headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Content-Type': 'text/csv' },
  });
  return { status: res.status, json: await res.json() };
}

async function settle(c, id) {
  for (let i = 0; i < 1200; ++i) {
    const r = await c.get(`/api/v1/imports/${id}`);
    if (!['checking', 'committing'].includes(r.json.state)) return r.json;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error('the import did not finish');
}

const counts = () => sql(`SELECT (SELECT count(*) FROM payments) AS payments, (SELECT sum(amount) FROM payments) AS amount,
  (SELECT count(*) FROM audit_log) AS audit, (SELECT version FROM data_version) AS version`, db)[0];

test('kill -9 during a commit: nothing written, and after a restart the list shows it interrupted', { timeout: 300000 }, async () => {
  const srv = await serve();
  const admin = await loginAdmin(srv.base);
  const code = sql("SELECT code FROM contracts WHERE signed_date <= '2026-05-01' ORDER BY id LIMIT 1", db)[0].code;

  // A dry run with one error: its report is kept beside the database.
  const small = await upload(admin, '有错.csv', Buffer.from(`合同编号,回款日期,回款金额\n${code},2026-06-02,5\nNO-SUCH,2026-06-02,5\n`));
  assert.equal(small.status, 201);
  assert.equal((await admin.req('POST', `/api/v1/imports/${small.json.id}/dry-run`, { entity: 'payments' })).status, 202);
  const checked = await settle(admin, small.json.id);
  assert.deepEqual([checked.state, checked.result.inserted, checked.result.errors, checked.report], ['checked', 1, 1, true]);

  // 150,000 distinct payments: a commit long enough to be killed while it runs.
  const rows = ['合同编号,回款日期,回款金额'];
  for (let i = 1; i <= 150000; ++i) rows.push(`${code},2026-06-0${1 + (i % 9)},${i}`);
  const big = await upload(admin, '大文件.csv', Buffer.from(rows.join('\n')));
  assert.equal(big.status, 201);
  assert.equal((await admin.req('POST', `/api/v1/imports/${big.json.id}/dry-run`, { entity: 'payments' })).status, 202);
  const dry = await settle(admin, big.json.id);
  assert.deepEqual([dry.state, dry.result.inserted, dry.result.errors], ['checked', 150000, 0]);

  const before = counts();
  assert.equal((await admin.req('POST', `/api/v1/imports/${big.json.id}/commit`)).status, 202);
  // Killed once the commit writes (or, should the machine be slow to get there, while it still checks).
  let seen = null;
  for (let i = 0; i < 400; ++i) {
    seen = (await admin.get(`/api/v1/imports/${big.json.id}`)).json;
    if (seen.state !== 'committing' || seen.progress.phase === 'writing') break;
    await new Promise((ok) => setTimeout(ok, 10));
  }
  assert.equal(seen.state, 'committing', 'the commit was still running when killed');
  srv.child.removeAllListeners('exit');
  const gone = new Promise((ok) => srv.child.on('exit', ok));
  srv.child.kill('SIGKILL');
  await gone;

  assert.deepEqual(counts(), before, 'the database is as it was before the commit');
  assert.equal(sql('PRAGMA integrity_check', db)[0].integrity_check, 'ok');

  const again = await serve();
  const admin2 = await loginAdmin(again.base);
  const list = await admin2.get('/api/v1/imports');
  assert.equal(list.status, 200);
  const byId = Object.fromEntries(list.json.imports.map((j) => [j.id, j]));
  assert.deepEqual(list.json.imports.slice(0, 2).map((j) => j.id), [big.json.id, small.json.id], 'newest first');
  const killed = byId[big.json.id];
  assert.equal(killed.state, 'interrupted');
  assert.equal(killed.error.code, 'interrupted');
  assert.match(killed.error.message, /未写入任何数据/);
  assert.equal(killed.name, '大文件.csv');
  assert.equal(killed.sha256, big.json.sha256);
  assert.equal(killed.uploaded_by, logins().admin[0].login);
  assert.equal(killed.run, 'commit');
  assert.equal(killed.restored, true);
  assert.ok(killed.started_at && killed.finished_at);
  const past = byId[small.json.id];
  assert.deepEqual([past.state, past.entity, past.result.inserted, past.result.errors], ['checked', 'payments', 1, 1]);
  assert.equal((await admin2.get(`/api/v1/imports/${big.json.id}`)).json.state, 'interrupted');

  const rep = await fetch(`${again.base}/api/v1/imports/${small.json.id}/errors?format=xlsx`, { headers: { Cookie: admin2.cookie } });
  assert.equal(rep.status, 200);
  const file = path.join(path.dirname(db), 'kept-report.xlsx');
  writeFileSync(file, Buffer.from(await rep.arrayBuffer()));
  assert.deepEqual(xlsxInlineCells(file, 5).slice(1).map((r) => [r[0], r[1], r[2]]), [['3', '合同编号', 'NO-SUCH']]);

  const rerun = await admin2.req('POST', `/api/v1/imports/${big.json.id}/commit`);
  assert.equal(rerun.status, 409);
  assert.equal(rerun.json.error.code, 'file_gone');
  assert.deepEqual(counts(), before, 'nothing written by the restart either');
  again.child.kill('SIGTERM');
});
