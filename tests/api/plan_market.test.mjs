// P1 市场规模及占有率分析 and P2 同行业同类型竞品分析 against an independent pandas oracle
// (tests/api/oracles/plan_market.py, written from shared/METRICS.md and docs/metrics.md): every
// figure of both pages for the executive, a manager (their subtree) and a rep (their own book), at
// two as_of dates; filters, scope, bad input and the files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { as, sql, DB } from './helpers.mjs';

const ORACLE = new URL('./oracles/plan_market.py', import.meta.url).pathname;
const oracle = (asOf, period, scope, extra = []) =>
  JSON.parse(execFileSync('/usr/bin/python3', [ORACLE, DB, asOf, period, scope, ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 }));

// Market sums are weighted by days and rounded per cell: a few fen apart at most.
const money = (got, want, what) => assert.ok(Math.abs(got - want) <= 50, `${what}: ${got} vs ${want}`);
function ratio(got, want, what) {
  if (want === null || want === undefined) return assert.equal(got, null, what);
  assert.notEqual(got, null, what);
  assert.ok(Math.abs(got - want) <= 1e-6 * Math.max(1e-3, Math.abs(want)), `${what}: ${got} vs ${want}`);
}
function share(got, want, what) {
  money(got.market, want.market, `${what} market`);
  assert.equal(got.own, want.own, `${what} own`);
  ratio(got.share, want.share, `${what} share`);
}

function scopeOf(c) {
  if (c.user.role === 'executive') return 'company';
  if (c.user.role === 'manager') return `region:${c.user.region}`;
  return `rep:${c.user.rep}`;
}

function compareP1(got, want) {
  share(got.totals, want.totals, 'totals');
  share(got.totals.ly, want.totals.ly, 'totals ly');
  assert.deepEqual(got.industries.map((x) => x.name).sort(), Object.keys(want.industries).sort());
  for (const x of got.industries) {
    share(x.now, want.industries[x.name].now, `industry ${x.name}`);
    share(x.ly, want.industries[x.name].ly, `industry ${x.name} ly`);
  }
  assert.deepEqual(got.regions.map((x) => x.name).sort(), Object.keys(want.regions).sort());
  for (const x of got.regions) share(x.now, want.regions[x.name].now, `region ${x.name}`);
  assert.equal(got.heat.length, Object.keys(want.heat).length);
  for (const h of got.heat) {
    const key = `${got.industries[h.industry].name}|${got.regions[h.region].name}`;
    share(h, want.heat[key], `heat ${key}`);
  }
  assert.deepEqual(got.trend.map((t) => t.month), Object.keys(want.trend));
  for (const t of got.trend) share(t, want.trend[t.month], `trend ${t.month}`);
  const o = got.opportunities, wo = want.opportunities;
  assert.equal(o.count, wo.count);
  assert.equal(o.amount, wo.amount);
  assert.deepEqual(Object.fromEntries(o.by_industry.map((g) => [g.name, { count: g.count, amount: g.amount }])), wo.by_industry);
  assert.deepEqual(Object.fromEntries(o.by_region.map((g) => [g.name, { count: g.count, amount: g.amount }])), wo.by_region);
}

function compareP2(got, want, months) {
  assert.deepEqual(got.categories.map((c) => c.name).sort(), Object.keys(want).sort());
  for (const c of got.categories) {
    const w = want[c.name];
    money(c.market, w.market, `${c.name} market`);
    assert.equal(c.own_sales, w.own_sales, `${c.name} own`);
    assert.equal(c.own_rank, w.own_rank, `${c.name} rank`);
    assert.equal(c.leader ? c.leader.id : null, w.leader, `${c.name} leader`);
    ratio(c.relative_share, w.relative_share, `${c.name} relative share`);
  }
  const f = got.focus;
  assert.equal(f.name, got.categories[0].name, 'the focus defaults to the largest market');
  const w = want[f.name];
  assert.deepEqual(f.months.map((m) => m.month), months);
  f.months.forEach((m, k) => money(m.market, w.trend_market[k], `${f.name} ${m.month} market`));
  assert.deepEqual(f.entrants.map((e) => [e.rank, e.own, e.id]), w.entrants.map((e) => [e.rank, e.own, e.id]));
  f.entrants.forEach((e, k) => {
    const we = w.entrants[k];
    money(e.sales, we.sales, `${f.name} entrant ${k} sales`);
    ratio(e.share, we.share, `${f.name} entrant ${k} share`);
    e.trend_sales.forEach((s, m) => money(s, we.trend_sales[m], `${f.name} entrant ${k} month ${m}`));
    e.trend.forEach((s, m) => ratio(s, we.trend[m], `${f.name} entrant ${k} share month ${m}`));
  });
  assert.deepEqual(f.flagships.map((x) => [x.code, x.sales]), w.flagships.map((x) => [x.code, x.sales]));
}

for (const [asOf, period] of [['2026-06-15', '2026-Q2'], ['2025-12-31', '2025']]) {
  for (const role of ['executive', 'manager', 'rep']) {
    test(`P1 and P2 ${role} ${period} as of ${asOf} match the pandas oracle`, async () => {
      const c = await as(role);
      const scope = scopeOf(c);
      const want = oracle(asOf, period, scope);
      const p1 = await c.get(`/api/v1/plan/market?as_of=${asOf}&period=${period}`);
      assert.equal(p1.status, 200, JSON.stringify(p1.json));
      assert.equal(p1.json.scope, scope);
      compareP1(p1.json, want.p1);
      const p2 = await c.get(`/api/v1/plan/competitors?as_of=${asOf}&period=${period}`);
      assert.equal(p2.status, 200, JSON.stringify(p2.json));
      assert.equal(p2.json.scope, scope);
      compareP2(p2.json, want.p2, want.months);
    });
  }
}

test('P1 industry, category and size filters and a 12-month trend match the oracle', async () => {
  const c = await as('executive');
  const base = '/api/v1/plan/market?as_of=2026-06-15&period=2026-Q2';
  const r = await c.get(`${base}&industry=${encodeURIComponent('制造')}&category=${encodeURIComponent('存储')}&trend_months=12`);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  compareP1(r.json, oracle('2026-06-15', '2026-Q2', 'company', ['--industry', '制造', '--category', '存储', '--trend-months', '12']).p1);
  const s = await c.get(`${base}&size=small`);
  compareP1(s.json, oracle('2026-06-15', '2026-Q2', 'company', ['--size', 'small']).p1);
});

test('P2 a focused category and the flagship setting', async () => {
  const c = await as('manager');
  const all = (await c.get('/api/v1/plan/competitors?as_of=2026-06-15&period=2026-Q2')).json;
  const name = all.categories[all.categories.length - 1].name;
  const r = (await c.get(`/api/v1/plan/competitors?as_of=2026-06-15&period=2026-Q2&category=${encodeURIComponent(name)}&flagships=1`)).json;
  assert.equal(r.focus.name, name);
  assert.ok(r.focus.flagships.length <= 1);
  const want = oracle('2026-06-15', '2026-Q2', scopeOf(c), ['--flagships', '1']).p2[name];
  assert.deepEqual(r.focus.flagships.map((x) => x.code), want.flagships.map((x) => x.code));
  assert.deepEqual(r.focus.entrants.map((e) => e.id), want.entrants.map((e) => e.id));
});

test('P1 a rep reads their own book against their 大区 market; out-of-scope filters are refused', async () => {
  const rep = await as('rep');
  const r = (await rep.get('/api/v1/plan/market?as_of=2026-06-15&period=2026')).json;
  const own = sql(`SELECT COALESCE(SUM(l.amount), 0) s FROM contract_lines l JOIN contracts c ON c.id = l.contract
                   WHERE c.rep = ${rep.user.rep} AND c.signed_date BETWEEN '2026-01-01' AND '2026-06-15'`)[0].s;
  assert.ok(r.totals.own <= own, 'only the rep\'s own lines');
  const top = sql(`SELECT COALESCE(g.parent, g.id) t FROM reps p JOIN regions g ON g.id = p.region WHERE p.id = ${rep.user.rep}`)[0].t;
  assert.deepEqual(r.regions.map((x) => x.id), [top]);
  const other = sql(`SELECT id FROM reps WHERE id <> ${rep.user.rep} LIMIT 1`)[0].id;
  for (const path of ['market', 'competitors']) {
    assert.equal((await rep.get(`/api/v1/plan/${path}?rep=${other}`)).status, 403, path);
    const m = await as('manager');
    const outside = sql(`SELECT id FROM regions WHERE level = 1 AND id <> ${m.user.region} LIMIT 1`)[0].id;
    assert.equal((await m.get(`/api/v1/plan/${path}?region=${outside}`)).status, 403, path);
    assert.equal((await m.get(`/api/v1/plan/${path}?region=99999`)).status, 404, path);
  }
});

test('P1 and P2 bad input is a 422 naming the field', async () => {
  const c = await as('executive');
  for (const [path, q, field] of [['market', 'period=2026-13', 'period'], ['market', 'trend_months=7', 'trend_months'],
    ['market', 'industry=nope', 'industry'], ['market', 'size=huge', 'size'], ['market', 'format=csv&table=x', 'table'],
    ['competitors', 'category=nope', 'category'], ['competitors', 'flagships=0', 'flagships'],
    ['competitors', 'flagships=11', 'flagships'], ['competitors', 'as_of=2026-02-30', 'as_of'],
    ['competitors', 'format=xlsx&table=x', 'table']]) {
    const r = await c.get(`/api/v1/plan/${path}?${q}`);
    assert.equal(r.status, 422, `${path} ${q}`);
    assert.equal(r.json.error.field, field, `${path} ${q}`);
  }
});

test('P1 and P2 files hold the page rows', async () => {
  const c = await as('executive');
  const q = 'as_of=2026-06-15&period=2026-Q2';
  const page = (await c.get(`/api/v1/plan/market?${q}`)).json;
  for (const [table, n] of [['industries', page.industries.length], ['regions', page.regions.length], ['heat', page.heat.length],
    ['trend', page.trend.length], ['opp_industries', page.opportunities.by_industry.length], ['opp_regions', page.opportunities.by_region.length]]) {
    const j = (await c.get(`/api/v1/plan/market?${q}&format=json&table=${table}`)).json;
    assert.equal((j.rows ?? j.table?.rows ?? j).length, n, table);
  }
  const p2 = (await c.get(`/api/v1/plan/competitors?${q}`)).json;
  const entrants = (await c.get(`/api/v1/plan/competitors?${q}&format=json&table=entrants`)).json;
  assert.equal((entrants.rows ?? entrants.table?.rows ?? entrants).length, p2.focus.entrants.length);
  const csv = await fetch(new URL(`/api/v1/plan/competitors?${q}&format=csv&table=categories&lang=en`, process.env.BASE_URL), { headers: { Cookie: c.cookie } });
  assert.equal(csv.status, 200);
  const text = await csv.text();
  assert.ok(text.includes('Largest competitor'), text.slice(0, 200));
  assert.ok(text.includes(p2.categories[0].name), text.slice(0, 400));
  const xlsx = await fetch(new URL(`/api/v1/plan/market?${q}&format=xlsx&table=heat`, process.env.BASE_URL), { headers: { Cookie: c.cookie } });
  assert.equal(xlsx.status, 200);
  assert.ok((await xlsx.arrayBuffer()).byteLength > 1000);
});
