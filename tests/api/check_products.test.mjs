// C4 产品市场预警 against an independent pandas oracle (tests/api/oracles/check_products.py,
// written from shared/METRICS.md and docs/metrics.md): every product and category figure and
// every warning, for the executive, a manager (their subtree) and a rep (their own book), at
// two as_of dates; scope, bad input, acknowledgement and the send-to-meeting link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { as, sql, DB } from './helpers.mjs';

const ORACLE = new URL('./oracles/check_products.py', import.meta.url).pathname;
const oracle = (asOf, period, scope) =>
  JSON.parse(execFileSync('/usr/bin/python3', [ORACLE, DB, asOf, period, scope], { encoding: 'utf8', maxBuffer: 1 << 26 }));

function near(got, want, what) {
  if (want === null || want === undefined) return assert.equal(got, null, what);
  assert.notEqual(got, null, what);
  assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${what}: ${got} vs ${want}`);
}
const money = (got, want, what) => assert.ok(Math.abs(got - want) <= 1, `${what}: ${got} vs ${want}`);  // weighted sums: ±1 fen rounding

function compareFigures(got, want, what) {
  for (const k of ['sales', 'sales_ly']) assert.equal(got[k], want[k], `${what} ${k}`);
  money(got.rival_sales, want.rival_sales, `${what} rival_sales`);
  for (const k of ['yoy', 'margin', 'margin_ly']) near(got[k], want[k], `${what} ${k}`);
  // Shares divide by weighted market sums: the same ±1 fen over the market's size.
  for (const k of ['share', 'share_ly', 'relative_share']) {
    if (want[k] === null) assert.equal(got[k], null, `${what} ${k}`);
    else assert.ok(Math.abs(got[k] - want[k]) <= 1e-6 * Math.max(1, want[k]), `${what} ${k}: ${got[k]} vs ${want[k]}`);
  }
  assert.equal(got.quadrant, want.quadrant, `${what} quadrant`);
}

async function scopeOf(c) {
  if (c.user.role === 'executive') return 'company';
  if (c.user.role === 'manager') return `region:${c.user.region}`;
  return `rep:${c.user.rep}`;
}

for (const [asOf, period] of [['2026-06-15', '2026-Q2'], ['2025-12-31', '2025']]) {
  for (const role of ['executive', 'manager', 'rep']) {
    test(`C4 ${role} ${period} as of ${asOf} matches the pandas oracle`, async () => {
      const c = await as(role);
      const scope = await scopeOf(c);
      const r = await c.get(`/api/v1/check/products?as_of=${asOf}&period=${period}&page_size=500`);
      assert.equal(r.status, 200, JSON.stringify(r.json));
      const want = oracle(asOf, period, scope);
      assert.equal(r.json.scope, scope);
      assert.equal(r.json.products_total, Object.keys(want.products).length);
      assert.equal(r.json.products.length, r.json.products_total);
      for (const p of r.json.products) {
        assert.ok(want.products[p.id], `product ${p.id} listed`);
        compareFigures(p, want.products[p.id], `product ${p.code}`);
      }
      assert.equal(r.json.categories.length, Object.keys(want.categories).length);
      for (const k of r.json.categories) {
        const w = want.categories[k.name];
        compareFigures(k, w, `category ${k.name}`);
        money(k.market, w.market, `${k.name} market`);
        money(k.market_ly, w.market_ly, `${k.name} market_ly`);
        if (w.market_growth === null) assert.equal(k.market_growth, null);
        else assert.ok(Math.abs(k.market_growth - w.market_growth) < 1e-6, `${k.name} market growth`);
        if (w.potential === null) assert.equal(k.potential, null);
        else assert.ok(Math.abs(k.potential - w.potential) <= 2 + 1e-6 * Math.abs(w.potential), `${k.name} potential ${k.potential} vs ${w.potential}`);
        assert.equal(k.rival ? k.rival.id : null, w.rival, `${k.name} rival`);
      }
      assert.equal(r.json.totals.sales, want.totals.sales);
      assert.equal(r.json.totals.sales_ly, want.totals.sales_ly);
      money(r.json.totals.market, want.totals.market, 'market');
      // Every warning (the page lists up to 200; the demo has fewer).
      assert.equal(r.json.warnings_total, want.warnings.length);
      assert.deepEqual(r.json.warnings.map((w) => `${w.key}:${w.severity}`).sort(), want.warnings);
      // The quadrant counts and the scatter points agree with the products.
      const n = (q) => r.json.products.filter((p) => p.quadrant === q).length;
      for (const q of ['star', 'cash_cow', 'question', 'dog']) assert.equal(r.json.quadrants[q], n(q), q);
      assert.equal(r.json.points.length, r.json.products.filter((p) => p.quadrant).length);
    });
  }
}

test('C4 a rep sees only their own book; region and rep outside scope are refused', async () => {
  const rep = await as('rep');
  const r = await rep.get('/api/v1/check/products?as_of=2026-06-15&period=2026');
  const own = sql(`SELECT COALESCE(SUM(l.amount), 0) s FROM contract_lines l JOIN contracts c ON c.id = l.contract
                   WHERE c.rep = ${rep.user.rep} AND c.signed_date BETWEEN '2026-01-01' AND '2026-06-15'`)[0].s;
  assert.equal(r.json.totals.sales, own);
  const other = sql(`SELECT id FROM reps WHERE id <> ${rep.user.rep} LIMIT 1`)[0].id;
  assert.equal((await rep.get(`/api/v1/check/products?rep=${other}`)).status, 403);
  const m = await as('manager');
  const outside = sql(`SELECT id FROM regions WHERE level = 1 AND id <> ${m.user.region} LIMIT 1`)[0].id;
  assert.equal((await m.get(`/api/v1/check/products?region=${outside}`)).status, 403);
  assert.equal((await m.get('/api/v1/check/products?region=99999')).status, 404);
});

test('C4 bad input is a 422 naming the field', async () => {
  const c = await as('executive');
  for (const [q, field] of [['growth_threshold=abc', 'growth_threshold'], ['growth_threshold=11', 'growth_threshold'],
    ['share_threshold=0', 'share_threshold'], ['share_threshold=1000', 'share_threshold'], ['period=2026-13', 'period'],
    ['sort=price', 'sort'], ['page_size=0', 'page_size'], ['category=nope', 'category'], ['format=csv&table=x', 'table']]) {
    const r = await c.get(`/api/v1/check/products?${q}`);
    assert.equal(r.status, 422, q);
    assert.equal(r.json.error.field, field, q);
  }
});

test('C4 thresholds move products between quadrants; the list pages and sorts', async () => {
  const c = await as('executive');
  const base = '/api/v1/check/products?as_of=2026-06-15&period=2026-Q2';
  const r = (await c.get(`${base}&share_threshold=0.5&growth_threshold=0.3&page_size=500`)).json;
  const want = JSON.parse(execFileSync('/usr/bin/python3', [ORACLE, DB, '2026-06-15', '2026-Q2', 'company', '0.3', '0.5'], { encoding: 'utf8' }));
  for (const p of r.products) assert.equal(p.quadrant, want.products[p.id].quadrant, p.code);
  const page2 = (await c.get(`${base}&page=2&page_size=5&sort=yoy&order=asc`)).json;
  const all = (await c.get(`${base}&page_size=500&sort=yoy&order=asc`)).json.products;
  assert.deepEqual(page2.products.map((p) => p.id), all.slice(5, 10).map((p) => p.id));
  const yoys = all.map((p) => p.yoy).filter((v) => v !== null);
  assert.deepEqual(yoys, [...yoys].sort((a, b) => a - b));
  assert.ok(all.slice(yoys.length).every((p) => p.yoy === null), 'undefined YoY last');
});

test('C4 the products file holds the page rows', async () => {
  const c = await as('executive');
  const q = '/api/v1/check/products?as_of=2026-06-15&period=2026-Q2';
  const page = (await c.get(`${q}&page_size=500`)).json;
  const j = (await c.get(`${q}&format=json&table=products`)).json;
  const rows = j.rows ?? j.table?.rows ?? j;
  assert.equal(rows.length, page.products_total);
  const csv = await fetch(new URL(`${q}&format=csv&table=categories&lang=en`, process.env.BASE_URL), { headers: { Cookie: c.cookie } });
  assert.equal(csv.status, 200);
  const text = await csv.text();
  assert.ok(text.includes('Category potential'), text.slice(0, 200));
});

test('C4 a warning is acknowledged (stored, audited) and sent to a meeting that keeps the link', async () => {
  const m = await as('manager');
  const q = 'as_of=2026-06-15&period=2026';
  let r = await m.get(`/api/v1/check/products?${q}`);
  const w = r.json.warnings[0];
  assert.ok(w, 'the manager has a warning');
  const bad = await m.req('POST', '/api/v1/check/products/warnings/ack', { key: 'product:999999/no_sale/2026', comment: 'x', as_of: '2026-06-15', period: '2026' });
  assert.equal(bad.status, 404);
  const empty = await m.req('POST', '/api/v1/check/products/warnings/ack', { key: w.key, comment: '  ', as_of: '2026-06-15', period: '2026' });
  assert.equal(empty.status, 422);
  r = await m.req('POST', '/api/v1/check/products/warnings/ack', { key: w.key, comment: '已安排促销', as_of: '2026-06-15', period: '2026' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.scope, `region:${m.user.region}`);
  assert.equal(sql(`SELECT COUNT(*) n FROM audit_log WHERE entity = 'product_warning_ack' AND entity_key = '${w.key}@region:${m.user.region}'`)[0].n, 1);
  r = await m.get(`/api/v1/check/products?${q}`);
  assert.deepEqual(r.json.warnings.find((x) => x.key === w.key).acks.map((a) => a.comment), ['已安排促销']);
  // The executive's page (another scope) keeps the warning unacknowledged.
  const e = await as('executive');
  const ew = (await e.get(`/api/v1/check/products?${q}`)).json.warnings.find((x) => x.key === w.key);
  if (ew) assert.equal(ew.acks.length, 0);

  r = await m.req('POST', '/api/v1/meeting-series', { name: 'C4 产品预警复盘', type: 'monthly', level: 'team', region: m.user.region });
  const series = r.json.id;
  const mid = (await m.req('POST', '/api/v1/meetings', { series, date: '2026-06-20' })).json.id;
  const figures = { rule: w.rule, severity: w.severity, value: w.value };
  r = await m.req('POST', `/api/v1/meetings/${mid}/agenda`, { source: 'c4', key: w.key, title: `${w.name} ${w.rule}`, figures });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const item = r.json.id;
  await m.req('POST', `/api/v1/meetings/${mid}/status`, { status: 'open' });
  r = await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { title: '产品止跌', owner: m.user.id, due_date: '2026-07-31', agenda_item: item });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.link.source, 'c4');
  assert.equal(r.json.link.key, w.key);
  assert.deepEqual(r.json.link.figures, figures);
});
