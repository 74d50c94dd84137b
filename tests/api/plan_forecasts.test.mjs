// P5 月度销售目标预测 over HTTP: the submissions of a month and the accuracy page against the
// pandas oracle (tests/api/oracles/plan_forecasts.py) for the executive, a manager (subtree) and
// a rep (own) at two as_of dates; scope; bad input; and, on a server of the test's own (a copy of
// the database, --today pinned), submit, resubmit, the lock boundary (day 2 accepted, day 3
// refused), a negative value, who may submit for whom, the audit rows and the dashboards seeing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { as, sql, DB, Client, otherRegion, logins } from './helpers.mjs';
import { copyDb, ownServer } from '../support/own_server.mjs';

const ORACLE = new URL('./oracles/plan_forecasts.py', import.meta.url).pathname;
const DATES = [['2026-06-15', '2026-06'], ['2025-12-31', '2025-12']];

function oracle(asOf, month, scope, db = DB, extra = []) {
  return JSON.parse(execFileSync('/usr/bin/python3', [ORACLE, db, '--as-of', asOf, '--month', month, '--scope', scope, ...extra], { encoding: 'utf8' }));
}
const scopeOf = (c) => (c.user.role === 'rep' ? `rep:${c.user.rep}` : c.user.role === 'manager' ? `region:${c.user.region}` : 'all');
const close = (a, b, what) => assert.ok(a === b || (a !== null && b !== null && a !== undefined && Math.abs(a - b) < 1e-9), `${what}: ${a} vs ${b}`);

// Every page of a paginated list: the rows and the first answer.
async function allPages(c, path, pick = (j) => j) {
  const rows = [];
  for (let page = 1; ; page++) {
    const r = await c.get(`${path}&page=${page}&page_size=7`);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const list = pick(r.json);
    assert.ok(list.rows.length <= 7);
    rows.push(...list.rows);
    if (rows.length >= list.total || !list.rows.length) return { rows, first: r.json, total: list.total };
  }
}

const accuracyKeys = ['accuracy', 'wape', 'bias'];

async function compare(c, asOf, month, db = DB) {
  const who = `${c.user.role} ${asOf}`;
  const o = oracle(asOf, month, scopeOf(c), db);
  // Submissions of the month.
  const s = await allPages(c, `/api/v1/plan/forecasts?month=${month}`);
  const os = o.submissions;
  assert.equal(s.total, Object.keys(os.rows).length, `${who} rows`);
  for (const k of ['employed', 'submitted', 'counted_total', 'locks_at', 'month']) assert.equal(s.first[k], os[k], `${who} ${k}`);
  assert.deepEqual(s.first.not_submitted.map((r) => r.id), os.not_submitted, `${who} not submitted`);
  for (const row of s.rows) {
    const x = os.rows[String(row.rep.id)];
    assert.ok(x, `${who}: rep ${row.rep.id} is not in the oracle's scope`);
    for (const k of ['employed', 'counted', 'latest', 'submitted_at', 'submissions', 'target']) assert.equal(row[k], x[k], `${who} rep ${row.rep.id} ${k}`);
  }
  // Accuracy: the scope, by month, the ranking in order.
  const a = await allPages(c, `/api/v1/plan/forecast-accuracy?as_of=${asOf}`, (j) => j.ranking);
  const oa = o.accuracy;
  assert.deepEqual(a.first.window, { ...oa.window, months: 6 }, who);
  for (const k of accuracyKeys) close(a.first.summary[k], oa.summary[k], `${who} summary ${k}`);
  for (const k of ['pairs', 'forecast', 'actual', 'bias_label']) assert.equal(a.first.summary[k], oa.summary[k], `${who} summary ${k}`);
  assert.equal(a.first.months.length, oa.months.length, `${who} months`);
  a.first.months.forEach((m, i) => {
    const x = oa.months[i];
    for (const k of ['month', 'complete', 'forecast', 'forecasters', 'target', 'actual', 'pairs', 'bias_label']) assert.equal(m[k], x[k], `${who} ${m.month} ${k}`);
    for (const k of accuracyKeys) close(m[k], x[k], `${who} ${m.month} ${k}`);
  });
  assert.equal(a.total, oa.ranking.length, `${who} ranking size`);
  a.rows.forEach((r, i) => {
    const x = oa.ranking[i];
    assert.equal(r.rep.id, x.rep, `${who} ranking #${i + 1}`);
    for (const k of ['rank', 'pairs', 'forecast', 'actual', 'bias_label']) assert.equal(r[k], x[k], `${who} rep ${x.rep} ${k}`);
    for (const k of accuracyKeys) close(r[k], x[k], `${who} rep ${x.rep} ${k}`);
  });
  return { s, a, o };
}

for (const role of ['executive', 'manager', 'rep'])
  test(`P5 submissions, accuracy, ranking and by-month figures equal the pandas oracle: ${role}`, async () => {
    const c = await as(role);
    for (const [asOf, month] of DATES) {
      const { s, a } = await compare(c, asOf, month);
      if (role === 'rep') {
        assert.ok(s.rows.every((r) => r.rep.id === c.user.rep), 'a rep sees only their own submissions');
        assert.ok(a.rows.every((r) => r.rep.id === c.user.rep));
      }
    }
  });

test('P5 the demo tells its story: some reps over-promise, some sandbag, nobody is perfect', async () => {
  const c = await as('executive');
  const { rows } = await allPages(c, '/api/v1/plan/forecast-accuracy?as_of=2026-06-15', (j) => j.ranking);
  const labels = new Set(rows.map((r) => r.bias_label));
  assert.ok(labels.has('over_promising') && labels.has('sandbagging'), [...labels].join());
  assert.ok(rows.every((r) => r.accuracy === null || (r.accuracy >= 0 && r.accuracy < 1)));
  assert.ok(rows.some((r) => r.wape > 0), 'WAPE beside accuracy');
});

test('P5 exports: the ranking and the submissions as CSV, the same rows as the page', async () => {
  const c = await as('executive');
  const { total } = await allPages(c, '/api/v1/plan/forecast-accuracy?as_of=2026-06-15', (j) => j.ranking);
  const res = await fetch(`${c.base}/api/v1/plan/forecast-accuracy?as_of=2026-06-15&format=csv&table=ranking&lang=en`, { headers: { Cookie: c.cookie } });
  assert.equal(res.status, 200);
  const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines.length, total + 1);
  assert.match(lines[0], /Accuracy/);
  assert.match(lines[0], /WAPE/);
  const sub = await fetch(`${c.base}/api/v1/plan/forecasts?month=2026-06&format=csv&table=submissions&lang=zh-CN`, { headers: { Cookie: c.cookie } });
  assert.equal(sub.status, 200);
  assert.match(await sub.text(), /计入预测/);
  for (const t of ['months', 'ranking']) {
    const x = await fetch(`${c.base}/api/v1/plan/forecast-accuracy?as_of=2026-06-15&format=xlsx&table=${t}`, { headers: { Cookie: c.cookie } });
    assert.equal(x.status, 200, t);
  }
});

test('P5 scope: a manager cannot read outside their subtree; unknown ids are 404', async () => {
  const m = await as('manager');
  const other = otherRegion(m.user.region).id;
  const outsideRep = sql(`SELECT id FROM reps WHERE region IN (WITH RECURSIVE s(id) AS (SELECT CAST(${other} AS BIGINT) UNION ALL SELECT r.id FROM regions r JOIN s ON r.parent = s.id) SELECT id FROM s) LIMIT 1`)[0].id;
  for (const path of ['/api/v1/plan/forecasts?month=2026-06', '/api/v1/plan/forecast-accuracy?as_of=2026-06-15']) {
    assert.equal((await m.get(`${path}&region=${other}`)).status, 403, path);
    assert.equal((await m.get(`${path}&rep=${outsideRep}`)).status, 403, path);
    assert.equal((await m.get(`${path}&rep=999999`)).status, 404, path);
  }
  const r = await as('rep');
  const otherRep = sql(`SELECT id FROM reps WHERE id <> ${r.user.rep} LIMIT 1`)[0].id;
  assert.equal((await r.get(`/api/v1/plan/forecasts?month=2026-06&rep=${otherRep}`)).status, 403);
  // A manager's team view is exactly their subtree's reps.
  const { rows } = await allPages(m, '/api/v1/plan/forecasts?month=2026-06');
  const team = new Set(Object.keys(oracle('2026-06-15', '2026-06', `region:${m.user.region}`).submissions.rows).map(Number));
  assert.ok(rows.every((x) => team.has(x.rep.id)));
});

test('P5 bad input is 422 naming the field', async () => {
  const c = await as('executive');
  for (const [path, field] of [
    ['/api/v1/plan/forecasts?month=2026-13', 'month'],
    ['/api/v1/plan/forecasts?month=junk', 'month'],
    ['/api/v1/plan/forecasts?month=2026-06&page_size=500', 'page_size'],
    ['/api/v1/plan/forecasts?month=2026-06&format=csv&table=nope', 'table'],
    ['/api/v1/plan/forecast-accuracy?as_of=2026-02-30', 'as_of'],
    ['/api/v1/plan/forecast-accuracy?months=0', 'months'],
    ['/api/v1/plan/forecast-accuracy?months=25', 'months'],
  ]) {
    const r = await c.get(path);
    assert.equal(r.status, 422, path);
    assert.equal(r.json.error.field, field, path);
  }
});

// --- writes, on a server of the test's own ---

async function login(base, role, index = 0, lang = 'en') {
  const u = logins()[role][index];
  const c = new Client(lang, base);
  const r = await c.login(u.login, u.password);
  assert.equal(r.status, 200);
  c.user = r.json.user;
  return c;
}
const put = (c, body) => c.req('PUT', '/api/v1/plan/forecasts', body);

test('P5 submit, resubmit, the lock boundary, a negative value, who may submit for whom', async () => {
  const db = copyDb(DB);
  // Day 2 of July: July is still open.
  let server = await ownServer({ db, today: '2026-07-02' });
  try {
    const meta = await (await fetch(server.base + '/api/v1/meta')).json();
    assert.equal(meta.forecast_lock_day, 3);
    const rep = await login(server.base, 'rep');
    const me = rep.user.rep;
    const before = await rep.get('/api/v1/plan/forecasts?month=2026-07');
    assert.deepEqual(before.json.open_months, ['2026-07', '2026-08', '2026-09', '2026-10']);
    assert.equal(before.json.open, true);
    const first = await put(rep, { month: '2026-07', value: 12345600 });
    assert.equal(first.status, 200, JSON.stringify(first.json));
    assert.equal(first.json.rep, me);
    assert.equal(first.json.locks_at, '2026-07-02T16:00:00Z');
    assert.ok(first.json.submitted_at.startsWith('2026-07-0'), first.json.submitted_at);
    const again = await put(rep, { month: '2026-07', value: 23456700 });
    assert.equal(again.status, 200);
    // The page sees it at once: latest and counted are the resubmission.
    const after = await rep.get('/api/v1/plan/forecasts?month=2026-07');
    const row = after.json.rows.find((r) => r.rep.id === me);
    assert.equal(row.latest, 23456700);
    assert.equal(row.counted, 23456700);
    assert.equal(row.submissions, (before.json.rows.find((r) => r.rep.id === me)?.submissions ?? 0) + 2);
    // Audited like target writes: one row per submission, the old value beside the new.
    const audit = sql(`SELECT old_value, new_value FROM audit_log WHERE entity = 'forecast' AND entity_key = '2026-07/rep/${me}' ORDER BY id`, db);
    assert.deepEqual(audit.slice(-2).map((x) => x.new_value), ['12345600', '23456700']);
    assert.equal(audit.at(-1).old_value, '12345600');
    // The dashboards reflect the save: July's forecast in the by-month table equals the oracle.
    const acc = await rep.get('/api/v1/plan/forecast-accuracy?as_of=2026-07-02');
    const o = oracle('2026-07-02', '2026-07', `rep:${me}`, db);
    assert.equal(acc.json.months.find((m) => m.month === '2026-07').forecast, 23456700);
    assert.equal(o.accuracy.months.find((m) => m.month === '2026-07').forecast, 23456700);
    // Negative, fractional, missing; a locked month; too far ahead.
    for (const [body, field] of [
      [{ month: '2026-07', value: -1 }, 'value'], [{ month: '2026-07', value: 1.5 }, 'value'], [{ month: '2026-07' }, 'value'],
      [{ month: '2026-06', value: 1 }, 'month'], [{ month: '2026-11', value: 1 }, 'month'], [{ month: '2026/07', value: 1 }, 'month'],
    ]) {
      const r = await put(rep, body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.equal(r.json.error.field, field, JSON.stringify(body));
    }
    // A rep cannot submit for another rep; a manager names a rep of their team, not outside it.
    const otherRep = sql(`SELECT id FROM reps WHERE id <> ${me} AND leave_date IS NULL LIMIT 1`, db)[0].id;
    assert.equal((await put(rep, { month: '2026-07', value: 1, rep: otherRep })).status, 403);
    const mgr = await login(server.base, 'manager');
    assert.equal((await put(mgr, { month: '2026-07', value: 1 })).json.error.field, 'rep');
    const team = Object.keys(oracle('2026-07-02', '2026-07', `region:${mgr.user.region}`, db).submissions.rows).map(Number);
    const mine = team.find((id) => sql(`SELECT leave_date FROM reps WHERE id = ${id}`, db)[0].leave_date === null);
    const outside = sql(`SELECT id FROM reps WHERE id NOT IN (${team.join(',')}) LIMIT 1`, db)[0].id;
    const byManager = await put(mgr, { month: '2026-08', value: 777700, rep: mine });
    assert.equal(byManager.status, 200, JSON.stringify(byManager.json));
    assert.equal(sql(`SELECT u.login FROM audit_log a JOIN users u ON u.id = a.user WHERE a.entity = 'forecast' AND a.entity_key = '2026-08/rep/${mine}' ORDER BY a.id DESC LIMIT 1`, db)[0].login, mgr.user.login);
    assert.equal((await put(mgr, { month: '2026-08', value: 1, rep: outside })).status, 403);
    assert.equal((await put(mgr, { month: '2026-08', value: 1, rep: 999999 })).status, 404);
    // The manager sees the rep's submission and who has not submitted.
    const view = await mgr.get('/api/v1/plan/forecasts?month=2026-08&page_size=200');
    assert.equal(view.json.rows.find((r) => r.rep.id === mine).latest, 777700);
    assert.ok(view.json.not_submitted.every((r) => r.id !== mine));
  } finally {
    await server.stop();
  }
  // Day 3, 00:00 Beijing time: July is locked; the last submission before it counts.
  server = await ownServer({ db, today: '2026-07-03' });
  try {
    for (const lang of ['en', 'zh-CN']) {
      const rep = await login(server.base, 'rep', 0, lang);
      const r = await put(rep, { month: '2026-07', value: 999 });
      assert.equal(r.status, 422);
      assert.equal(r.json.error.field, 'month');
      assert.match(r.json.error.message, lang === 'en' ? /locked on 2026-07-03/ : /2026-07-03.*锁定/);
      const view = await rep.get('/api/v1/plan/forecasts?month=2026-07');
      assert.equal(view.json.open, false);
      assert.equal(view.json.rows.find((x) => x.rep.id === rep.user.rep).counted, 23456700);
      assert.equal((await put(rep, { month: '2026-08', value: 5 })).status, 200, 'next month still open');
    }
  } finally {
    await server.stop();
  }
  // Another lock day, a setting: with --forecast-lock-day 5 the 3rd is still open.
  server = await ownServer({ db, today: '2026-07-03', args: ['--forecast-lock-day', '5'] });
  try {
    assert.equal((await (await fetch(server.base + '/api/v1/meta')).json()).forecast_lock_day, 5);
    const rep = await login(server.base, 'rep');
    assert.equal((await put(rep, { month: '2026-07', value: 31 })).status, 200);
    const view = await rep.get('/api/v1/plan/forecasts?month=2026-07');
    assert.equal(view.json.locks_at, '2026-07-04T16:00:00Z');
    assert.equal(view.json.rows.find((x) => x.rep.id === rep.user.rep).counted, 31);
    assert.equal(oracle('2026-07-03', '2026-07', `rep:${rep.user.rep}`, db, ['--lock-day', '5']).submissions.rows[rep.user.rep].counted, 31);
  } finally {
    await server.stop();
  }
});
