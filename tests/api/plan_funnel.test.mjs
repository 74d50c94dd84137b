// P3 funnel over HTTP against the pandas oracle (tests/api/oracles/plan_funnel.py) on the same
// database: cohort, every stage (reached, conversion, mean days, p(s) and its basis), win rate,
// weighted pipeline by month and stage, the monthly trend per year and every row of every
// stage's list, for the executive, a manager (subtree) and a rep (own book) at two as_of dates;
// periods and filters; exports; scope; bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { as, sql, DB } from './helpers.mjs';

const ORACLE = new URL('./oracles/plan_funnel.py', import.meta.url).pathname;
const DATES = ['2026-06-15', '2025-12-31'];
const STAGES = ['lead', 'qualified', 'proposal', 'bidding', 'negotiation', 'won'];

function oracle(asOf, scope, first, last, extra = []) {
  return JSON.parse(execFileSync('/usr/bin/python3',
    [ORACLE, DB, '--as-of', asOf, '--scope', scope, '--first', first, '--last', last, ...extra],
    { encoding: 'utf8', maxBuffer: 1 << 26 }));
}
const scopeOf = (c) => (c.user.role === 'rep' ? `rep:${c.user.rep}` : c.user.role === 'manager' ? `region:${c.user.region}` : 'all');
const close = (a, b, what) => assert.ok(a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9), `${what}: ${a} vs ${b}`);
// Weighted fen: the product rounds Σ amount × p once; the oracle's float sum may differ by rounding.
const fen = (a, b, what) => assert.ok(Math.abs(a - b) <= 1, `${what}: ${a} vs ${b}`);

async function list(c, query, stage) {
  const rows = [];
  for (let page = 1; ; page++) {
    const r = await c.get(`/api/v1/plan/funnel?${query}&stage=${stage}&page=${page}&page_size=200`);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    rows.push(...r.json.opportunities.rows);
    if (rows.length >= r.json.opportunities.total || !r.json.opportunities.rows.length) return { rows, j: r.json };
  }
}

async function compare(c, asOf, first, last, params = '', extra = []) {
  const who = `${c.user.role} ${asOf} ${params}`;
  const o = oracle(asOf, scopeOf(c), first, last, extra);
  const query = `as_of=${asOf}${params}`;
  const { j } = await list(c, query, 'lead');
  assert.deepEqual(j.cohort, o.cohort, `${who} cohort`);
  assert.deepEqual(j.stages.map((s) => s.stage), STAGES);
  j.stages.forEach((s, k) => {
    const x = o.stages[k];
    for (const f of ['reached', 'probability_basis', 'closed', 'closed_won', 'open', 'open_amount'])
      assert.equal(s[f], x[f], `${who} ${s.stage} ${f}`);
    for (const f of ['conversion', 'mean_days', 'win_probability']) close(s[f], x[f], `${who} ${s.stage} ${f}`);
    fen(s.weighted, x.weighted, `${who} ${s.stage} weighted`);
  });
  assert.equal(j.stages[0].conversion, null, 'the first stage has no conversion');
  close(j.win_rate, o.win_rate, `${who} win_rate`);
  fen(j.weighted_pipeline, o.weighted_pipeline, `${who} weighted_pipeline`);
  assert.deepEqual(j.open_pipeline, o.open_pipeline, `${who} open`);
  assert.deepEqual(j.pipeline_months.map((m) => [m.month, m.count, m.amount]), o.pipeline_months.map((m) => [m.month, m.count, m.amount]), who);
  j.pipeline_months.forEach((m, i) => fen(m.weighted, o.pipeline_months[i].weighted, `${who} ${m.month}`));
  assert.deepEqual(j.trend.years, o.trend, `${who} trend`);
  for (const stage of STAGES) {
    const { rows } = await list(c, query, stage);
    const want = o.lists[stage];
    assert.equal(rows.length, want.length, `${who} ${stage} list`);
    rows.forEach((r, i) => {
      const x = want[i];
      assert.deepEqual([r.id, r.customer.id, r.rep.id, r.amount, r.created, r.expected_close, r.stage, r.days_in_stage],
        [x.id, x.customer, x.rep, x.amount, x.created, x.expected_close, x.stage, x.days_in_stage], `${who} ${stage} row ${i}`);
    });
  }
  return { j, o };
}

for (const role of ['executive', 'manager', 'rep'])
  test(`P3 funnel, probabilities, pipeline, trend and stage lists equal the pandas oracle: ${role}`, async () => {
    const c = await as(role);
    for (const asOf of DATES) {
      const year = asOf.slice(0, 4);
      const { j } = await compare(c, asOf, `${year}-01-01`, `${year}-12-31`);
      assert.equal(j.period.label, year, 'the default period is as_of\'s year');
      assert.equal(j.trend.years.at(-1).year, Number(year));
    }
  });

test('P3 a quarter, a custom range and the filters equal the oracle', async () => {
  const c = await as('executive');
  await compare(c, '2026-06-15', '2026-04-01', '2026-06-30', '&period=2026-Q2');
  await compare(c, '2026-06-15', '2025-11-05', '2026-02-10', '&period=2025-11-05..2026-02-10');
  const [{ industry }] = sql("SELECT industry FROM customers GROUP BY industry ORDER BY COUNT(*) DESC LIMIT 1");
  await compare(c, '2026-06-15', '2026-01-01', '2026-12-31', `&industry=${encodeURIComponent(industry)}`, ['--industry', industry]);
  await compare(c, '2025-12-31', '2025-01-01', '2025-12-31', '&size=large', ['--size', 'large']);
  const [{ category }] = sql("SELECT category FROM opportunities GROUP BY category ORDER BY COUNT(*) DESC LIMIT 1");
  await compare(c, '2026-06-15', '2026-01-01', '2026-12-31', `&category=${encodeURIComponent(category)}`, ['--category', category]);
  const m = await as('manager');
  const [rep] = sql(`SELECT id FROM reps WHERE region IN (SELECT id FROM regions WHERE id = ${m.user.region} OR parent = ${m.user.region}) ORDER BY id LIMIT 1`);
  await compare(m, '2026-06-15', '2026-01-01', '2026-12-31', `&rep=${rep.id}`, ['--scope', `rep:${rep.id}`]); // the last --scope wins
});

test('P3 a rep with fewer than 20 closed in 12 months reads the company probabilities, and says so', async () => {
  const exec = await as('executive');
  const company = (await exec.get('/api/v1/plan/funnel?as_of=2026-06-15')).json.stages;
  // The rep with the fewest closed in the window.
  // 364 days before 2026-06-15 is 2025-06-16 (2026-06-15 less a year of 365 days, plus one).
  const [few] = sql(`SELECT rep FROM opportunities WHERE closed BETWEEN '2025-06-16' AND '2026-06-15'
    GROUP BY rep ORDER BY COUNT(*), rep LIMIT 1`);
  const r = (await exec.get(`/api/v1/plan/funnel?as_of=2026-06-15&rep=${few.rep}`)).json.stages;
  assert.ok(r[0].closed < 20, `rep ${few.rep} closed ${r[0].closed}`);
  assert.equal(r[0].probability_basis, 'company');
  assert.equal(r[0].win_probability, company[0].win_probability);
  assert.equal(company[0].probability_basis, 'scope');
});

test('P3 exports: every table from the same result, the stage list whole', async () => {
  const c = await as('executive');
  const page = (await c.get('/api/v1/plan/funnel?as_of=2026-06-15&stage=proposal')).json;
  const stages = await c.get('/api/v1/plan/funnel?as_of=2026-06-15&format=json&table=stages');
  assert.deepEqual(stages.json.rows.map((r) => [r.reached, r.conversion, r.win_probability, r.weighted]),
    page.stages.map((s) => [s.reached, s.conversion, s.win_probability, s.weighted]));
  const pipe = await c.get('/api/v1/plan/funnel?as_of=2026-06-15&format=json&table=pipeline');
  assert.deepEqual(pipe.json.rows.map((r) => [r.month, r.weighted]), page.pipeline_months.map((m) => [m.month, m.weighted]));
  const trend = await c.get('/api/v1/plan/funnel?as_of=2026-06-15&format=json&table=trend');
  assert.equal(trend.json.rows.length, page.trend.years.reduce((n, y) => n + y.created.filter((x) => x !== null).length, 0));
  const csv = await c.req('GET', '/api/v1/plan/funnel?as_of=2026-06-15&format=csv&table=opportunities&stage=proposal');
  assert.equal(csv.status, 200);
  const lines = csv.json.trim().split('\n');
  assert.equal(lines.length - 1, page.opportunities.total);
  assert.equal(lines[1].split(',')[0], String(page.opportunities.rows[0].id));
  const xlsx = await fetch(`${c.base}/api/v1/plan/funnel?as_of=2026-06-15&format=xlsx&table=opportunities&stage=won`, { headers: { Cookie: c.cookie } });
  assert.equal(xlsx.status, 200);
  assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
  const en = await fetch(`${c.base}/api/v1/plan/funnel?as_of=2026-06-15&format=csv&table=stages&lang=en`, { headers: { Cookie: c.cookie } });
  assert.match(await en.text(), /Stage,Reached,Conversion/);
});

test("P3 scope: a rep's page holds only their own opportunities; outside ids refused", async () => {
  const c = await as('rep');
  const { rows } = await list(c, 'as_of=2026-06-15', 'lead');
  assert.ok(rows.length > 0);
  assert.ok(rows.every((r) => r.rep.id === c.user.rep));
  const [{ n }] = sql(`SELECT COUNT(*) AS n FROM opportunities WHERE rep = ${c.user.rep} AND created BETWEEN '2026-01-01' AND '2026-06-15'`);
  assert.equal(rows.length, n);
  const [other] = sql(`SELECT id FROM reps WHERE id <> ${c.user.rep} ORDER BY id LIMIT 1`);
  assert.equal((await c.get(`/api/v1/plan/funnel?rep=${other.id}`)).status, 403);
  assert.equal((await c.get('/api/v1/plan/funnel?region=999999')).status, 404);
  const m = await as('manager');
  const [outside] = sql(`SELECT id FROM regions WHERE level = 1 AND id <> ${m.user.region} ORDER BY id LIMIT 1`);
  assert.equal((await m.get(`/api/v1/plan/funnel?region=${outside.id}`)).status, 403);
});

test('P3 bad input is 422 naming the field, in both languages', async () => {
  const c = await as('executive');
  for (const [q, field] of [['stage=lost', 'stage'], ['stage=x', 'stage'], ['period=2026-13', 'period'], ['as_of=2026-02-30', 'as_of'],
    ['page=0', 'page'], ['page_size=201', 'page_size'], ['size=huge', 'size'], ['industry=nope', 'industry'],
    ['table=nope&format=csv', 'table']]) {
    const r = await c.get(`/api/v1/plan/funnel?${q}`);
    assert.equal(r.status, 422, q);
    assert.equal(r.json.error.field, field, q);
  }
  c.lang = 'en';
  const r = await c.get('/api/v1/plan/funnel?stage=x');
  assert.match(r.json.error.message, /stage must be/);
});
