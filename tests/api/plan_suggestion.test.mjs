// P6 目标建议 over HTTP against the pandas oracle (tests/api/oracles/plan_suggestion.py) on the
// same database: the owner's sales history, the market evidence (share, market forecast, value,
// backtest), the pipeline evidence (expected, run-rate, value, backtest), the history evidence's
// value and the blend (weights, suggested, range, split), for the executive (company), a manager
// (their region and one of their reps) and a rep (self) at two as_of dates; scope; bad input;
// the exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { as, sql, DB, otherRegion } from './helpers.mjs';

const ORACLE = new URL('./oracles/plan_suggestion.py', import.meta.url).pathname;
const URL_ = '/api/v1/plan/suggestion';
const close = (a, b, what, tol = 1e-9) =>
  assert.ok(a === b || (a !== null && b !== null && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b))), `${what}: ${a} vs ${b}`);
const fen = (a, b, what) => assert.ok(Math.abs(a - b) <= 1, `${what}: ${a} vs ${b}`);

function oracle(asOf, period, owner, j) {
  const ev = Object.fromEntries(j.evidence.map((e) => [e.method, e]));
  const given = {
    market: { model: ev.market.basis.model, params: ev.market.basis.params },
    history: { model: ev.history.basis.model, params: ev.history.basis.params },
    blend: j.evidence.map((e) => [e.value, e.mape, e.wape]),
  };
  return JSON.parse(execFileSync('/usr/bin/python3', [ORACLE, DB, asOf, period, owner],
    { input: JSON.stringify(given), encoding: 'utf8', maxBuffer: 1 << 26 }));
}

async function compare(c, asOf, period, owner) {
  const who = `${c.user.role} ${asOf} ${period} ${owner}`;
  const r = await c.get(`${URL_}?as_of=${asOf}&period=${period}&owner=${owner}`);
  assert.equal(r.status, 200, `${who}: ${JSON.stringify(r.json)}`);
  const j = r.json;
  assert.deepEqual(j.evidence.map((e) => e.method), ['market', 'pipeline', 'history'], who);
  const o = oracle(asOf, period, owner, j);
  const [market, pipeline, history] = j.evidence;
  assert.deepEqual([j.history.first, j.history.last], [o.history.first, o.history.last], `${who} history months`);
  assert.deepEqual(j.history.months.map((m) => m.value), o.history.months, `${who} sales`);
  // Market: share and its parts exactly; the forecast with the model's parameters to 1e-6.
  assert.equal(market.basis.share_own, o.market.share_own, `${who} share_own`);
  assert.equal(market.basis.share_market, o.market.share_market, `${who} share_market`);
  close(market.basis.share, o.market.share, `${who} share`);
  close(market.basis.market_forecast, o.market.market_forecast, `${who} market forecast`, 1e-6);
  close(market.value, o.market.value, `${who} market value`, 1e-6);
  // The backtest refits Holt-Winters at each origin: R's optimiser against ours, close not equal.
  assert.equal(market.points, o.market.points, `${who} market points`);
  close(market.mape, o.market.mape, `${who} market mape`, 0.02);
  close(market.wape, o.market.wape, `${who} market wape`, 0.02);
  // Pipeline: every figure from the opportunities.
  fen(pipeline.basis.expected, o.pipeline.expected, `${who} expected`);
  fen(pipeline.basis.run_rate, o.pipeline.run_rate, `${who} run_rate`);
  assert.equal(pipeline.basis.open, o.pipeline.open, `${who} open`);
  fen(pipeline.value, o.pipeline.value, `${who} pipeline value`);
  pipeline.months.forEach((m, k) => fen(m.value, o.pipeline.months[k], `${who} pipeline ${m.month}`));
  assert.equal(pipeline.points, o.pipeline.points, `${who} pipeline points`);
  close(pipeline.mape, o.pipeline.mape, `${who} pipeline mape`);
  close(pipeline.wape, o.pipeline.wape, `${who} pipeline wape`);
  // History: the forecast with the chosen model and its parameters.
  close(history.value, o.history_evidence.value, `${who} history value`, 1e-6);
  // The blend of the shown values and MAPEs.
  j.evidence.forEach((e, k) => {
    close(e.weight, o.blend.weights[k], `${who} weight ${e.method}`);
    assert.equal(e.used, e.weight > 0);
  });
  for (const f of ['suggested', 'low', 'high']) fen(j[f], o.blend[f], `${who} ${f}`);
  assert.deepEqual(j.split.map((m) => m.month), pipeline.months.map((m) => m.month), `${who} split months`);
  j.split.forEach((m, k) => fen(m.value, o.blend.split[k], `${who} split ${m.month}`));
  assert.equal(j.split.reduce((s, m) => s + m.value, 0), j.suggested, `${who} split adds up`);
  assert.ok(j.low <= j.suggested && j.suggested <= j.high, who);
  return j;
}

test('P6 company, region and rep suggestions equal the oracle at two dates', async () => {
  const exec = await as('executive');
  const mgr = await as('manager');
  const rep = await as('rep');
  const mgrRep = sql(`SELECT id FROM reps WHERE region IN (SELECT id FROM regions WHERE parent = ${mgr.user.region}) ORDER BY id LIMIT 1`)[0].id;
  for (const [asOf, periods] of [['2026-06-15', ['2026-Q3', '2026-07', '2027']], ['2025-12-31', ['2026-Q1']]]) {
    for (const period of periods) await compare(exec, asOf, period, 'company');
    await compare(mgr, asOf, periods[0], `region:${mgr.user.region}`);
    await compare(mgr, asOf, periods[0], `rep:${mgrRep}`);
    await compare(rep, asOf, periods[0], `rep:${rep.user.rep}`);
  }
});

test('P6 defaults: the next quarter and the caller\'s own owner', async () => {
  for (const [role, kind] of [['executive', 'company'], ['manager', 'region'], ['rep', 'rep']]) {
    const c = await as(role);
    const r = await c.get(`${URL_}?as_of=2026-06-15`);
    assert.equal(r.status, 200);
    assert.equal(r.json.period.label, '2026-Q3');
    assert.equal(r.json.owner.kind, kind);
    if (kind === 'region') assert.equal(r.json.owner.id, c.user.region);
    if (kind === 'rep') assert.equal(r.json.owner.id, c.user.rep);
  }
});

test('P6 scope: an owner outside the caller\'s scope is 404', async () => {
  const mgr = await as('manager');
  const rep = await as('rep');
  const other = otherRegion(mgr.user.region).id;
  const outsideRep = sql(`SELECT id FROM reps WHERE region = ${other} OR region IN (SELECT id FROM regions WHERE parent = ${other}) LIMIT 1`)[0].id;
  const otherRep = sql(`SELECT id FROM reps WHERE id <> ${rep.user.rep} LIMIT 1`)[0].id;
  const repRegion = sql(`SELECT region FROM reps WHERE id = ${rep.user.rep}`)[0].region;
  for (const [c, owner] of [[mgr, 'company'], [mgr, `region:${other}`], [mgr, `rep:${outsideRep}`], [mgr, 'region:99999'],
    [rep, 'company'], [rep, `rep:${otherRep}`], [rep, `region:${repRegion}`]]) {
    const r = await c.get(`${URL_}?as_of=2026-06-15&period=2026-Q3&owner=${owner}`);
    assert.equal(r.status, 404, `${c.user.role} ${owner}`);
    assert.ok(!('evidence' in r.json), owner);
    const file = await c.get(`${URL_}?as_of=2026-06-15&period=2026-Q3&owner=${owner}&format=csv&table=evidence`);
    assert.equal(file.status, 404, `${owner} file`);
  }
  const sub = sql(`SELECT id FROM regions WHERE parent = ${mgr.user.region} LIMIT 1`)[0].id;
  assert.equal((await mgr.get(`${URL_}?as_of=2026-06-15&owner=region:${sub}`)).status, 200, 'a province of the manager');
});

test('P6 bad input is a 422 naming the field, in both languages', async () => {
  const c = await as('executive');
  for (const [q, field] of [['period=2026-Q2', 'period'], ['period=2026-05', 'period'], ['period=2026', 'period'],
    ['period=2025-Q4', 'period'], ['period=2026-07-01..2026-08-01', 'period'], ['period=2030', 'period'],
    ['owner=team', 'owner'], ['owner=rep:', 'owner'], ['owner=rep:x1', 'owner'], ['as_of=2026-13-01', 'as_of'],
    ['format=csv&table=x', 'table']]) {
    const r = await c.get(`${URL_}?${q.startsWith('as_of') ? q : `as_of=2026-06-15&${q}`}`);
    assert.equal(r.status, 422, q);
    assert.equal(r.json.error.field, field, q);
  }
  const en = await c.req('GET', `${URL_}?as_of=2026-06-15&period=2026-Q2`, undefined, { headers: { 'Accept-Language': 'en' } });
  assert.match(en.json.error.message, /coming period/);
  const zh = await c.get(`${URL_}?as_of=2026-06-15&period=2026-Q2`);
  assert.match(zh.json.error.message, /未来的期间/);
  // The period of as_of's month is still coming; the next month too.
  assert.equal((await c.get(`${URL_}?as_of=2026-06-15&period=2026-06`)).status, 200);
});

test('P6 tables download from the same result as the page', async () => {
  const c = await as('manager');
  const q = `${URL_}?as_of=2026-06-15&period=2026-Q3`;
  const page = (await c.get(q)).json;
  const evidence = (await c.get(`${q}&format=json&table=evidence`)).json;
  assert.deepEqual(evidence.rows.map((r) => r.value), page.evidence.map((e) => e.value));
  evidence.rows.forEach((r, k) => close(r.mape, page.evidence[k].mape, 'mape'));
  const months = (await c.get(`${q}&format=json&table=months`)).json;
  assert.deepEqual(months.rows.map((r) => r.suggested), page.split.map((m) => m.value));
  assert.deepEqual(months.rows.map((r) => r.history), page.evidence[2].months.map((m) => m.value));
  const csv = await c.get(`${q}&format=csv&table=months`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition') ?? '', /p6-months/);
});

test('P6 采纳: a grid save with "source": "suggestion" leaves audit rows that say so; other sources are 422', async () => {
  const mgr = await as('manager');
  const grid = (await mgr.get('/api/v1/targets/grid?year=2026&metric=sales&owner=rep')).json;
  const row = grid.rows[0];
  const before = row.values[8];  // September, open at today 2026-06-15
  const value = (before ?? 0) + 123400;
  const put = (body) => mgr.req('PUT', '/api/v1/targets/grid', { year: 2026, metric: 'sales', owner: 'rep', ...body });
  const bad = await put({ source: 'typed', cells: [{ id: row.id, month: 9, value }] });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'source');
  assert.equal((await put({ source: 'suggestion', cells: [{ id: row.id, month: 9, value }] })).status, 200);
  const key = `2026-09/sales/rep/${row.id}`;
  const audit = async () => (await mgr.get('/api/v1/targets/audit?year=2026&metric=sales')).json.entries.filter((e) => e.key === key);
  const [latest] = await audit();
  assert.equal(latest.new, value);
  assert.equal(latest.source, 'suggestion');
  // Put it back as a typed change: no source.
  assert.equal((await put({ cells: [{ id: row.id, month: 9, value: before }] })).status, 200);
  const [restored] = await audit();
  assert.equal(restored.new, before);
  assert.equal(restored.source, null);
});
