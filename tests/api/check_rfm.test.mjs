// C2 RFM over HTTP against the pandas oracle (tests/api/oracles/check_rfm.py) on the same
// database: segments, thresholds and every listed customer for the executive, a manager (their
// subtree) and a rep (their own book), at two as_of dates; the list's paging, search and sort;
// scope and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { as, sql, DB } from './helpers.mjs';

const ORACLE = new URL('./oracles/check_rfm.py', import.meta.url).pathname;
const DATES = ['2026-06-15', '2025-12-31'];
const CODES = ['important_value', 'important_develop', 'important_keep', 'important_retain',
  'general_value', 'general_develop', 'general_keep', 'general_retain'];

function oracle(asOf, scope, extra = []) {
  return JSON.parse(execFileSync('/usr/bin/python3', [ORACLE, DB, '--as-of', asOf, '--scope', scope, ...extra], { encoding: 'utf8' }));
}

function scopeOf(c) {
  if (c.user.role === 'rep') return `rep:${c.user.rep}`;
  if (c.user.role === 'manager') return `region:${c.user.region}`;
  return 'all';
}

// Every customer of the list, page by page.
async function allRows(c, query) {
  const rows = [];
  for (let page = 1; ; page++) {
    const r = await c.get(`/api/v1/check/rfm?${query}&page=${page}&page_size=200`);
    assert.equal(r.status, 200);
    rows.push(...r.json.customers.rows);
    if (rows.length >= r.json.customers.total) return { rows, first: r.json };
  }
}

async function compare(c, asOf, params = '', extra = []) {
  const o = oracle(asOf, scopeOf(c), extra);
  const { rows, first } = await allRows(c, `as_of=${asOf}${params}`);
  assert.equal(first.scored, o.scored, `${c.user.role} ${asOf} scored`);
  assert.deepEqual(first.segments.map((s) => s.code), CODES);
  for (const s of first.segments) {
    assert.equal(s.customers, o.segments[s.code].customers, `${c.user.role} ${asOf} ${s.code} customers`);
    assert.equal(s.amount, o.segments[s.code].amount, `${c.user.role} ${asOf} ${s.code} amount`);
  }
  if (o.scored) for (const k of ['r', 'f', 'm']) assert.ok(Math.abs(first.thresholds[k] - o.thresholds[k]) < 1e-6 * Math.max(1, o.thresholds[k]));
  const total = first.segments.reduce((a, s) => a + s.amount, 0);
  assert.equal(first.amount, total);
  for (const s of first.segments) if (total) assert.ok(Math.abs(s.amount_share - s.amount / total) < 1e-12);
  assert.equal(rows.length, o.scored);
  for (const row of rows) {
    const x = o.customers[String(row.id)];
    assert.ok(x, `customer ${row.id} is not scored by the oracle`);
    assert.deepEqual([row.segment, row.recency, row.frequency, row.monetary], [x.segment, x.recency, x.frequency, x.monetary], `customer ${row.id}`);
  }
  // Default order: monetary, largest first.
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].monetary >= rows[i].monetary);
  return { o, first };
}

for (const role of ['executive', 'manager', 'rep'])
  test(`C2 segments and customers equal the pandas oracle: ${role}`, async () => {
    const c = await as(role);
    for (const asOf of DATES) await compare(c, asOf);
  });

test('C2 median thresholds, another window and a customer filter equal the oracle', async () => {
  const c = await as('executive');
  await compare(c, '2026-06-15', '&threshold=median', ['--threshold', 'median']);
  await compare(c, '2025-12-31', '&window=90', ['--window', '90']);
  await compare(c, '2026-06-15', '&industry=制造&size=large', ['--industry', '制造', '--size', 'large']);
});

// Under a product category C2 scores that category's buyers on its purchases (docs/metrics.md):
// the oracle builds them from contract_lines itself.
test('C2 under a product category equals the oracle for every role, and differs from the whole', async () => {
  const cat = '服务器';
  for (const role of ['executive', 'manager', 'rep']) {
    const c = await as(role);
    for (const asOf of DATES) {
      const { first } = await compare(c, asOf, `&category=${encodeURIComponent(cat)}`, ['--category', cat]);
      if (role === 'executive' && asOf === DATES[0]) {
        const whole = await c.get(`/api/v1/check/rfm?as_of=${asOf}&page_size=1`);
        assert.ok(first.scored > 0 && first.scored < whole.json.scored, 'the category narrows the scored set');
        assert.ok(first.amount < whole.json.amount);
      }
    }
  }
  await compare(await as('executive'), '2026-06-15', `&threshold=median&category=${encodeURIComponent('存储')}&size=large`,
    ['--threshold', 'median', '--category', '存储', '--size', 'large']);
});

test('C2 segment list: paging, search by name, sort', async () => {
  const c = await as('executive');
  const o = oracle('2026-06-15', 'all');
  const seg = 'important_value';
  const r1 = await c.get(`/api/v1/check/rfm?as_of=2026-06-15&segment=${seg}&page=1&page_size=10`);
  assert.equal(r1.json.customers.total, o.segments[seg].customers);
  assert.equal(r1.json.customers.rows.length, Math.min(10, o.segments[seg].customers));
  assert.ok(r1.json.customers.rows.every((x) => x.segment === seg));
  const r2 = await c.get(`/api/v1/check/rfm?as_of=2026-06-15&segment=${seg}&page=2&page_size=10`);
  const ids1 = new Set(r1.json.customers.rows.map((x) => x.id));
  assert.ok(r2.json.customers.rows.every((x) => !ids1.has(x.id)));
  // Search: names holding 银行 among the scored customers (SQL for the names).
  const scored = new Set(Object.keys(o.customers).map(Number));
  const named = sql(`SELECT id FROM customers WHERE name LIKE '%银行%'`).map((x) => x.id).filter((id) => scored.has(id));
  const s = await c.get(`/api/v1/check/rfm?as_of=2026-06-15&q=${encodeURIComponent('银行')}&page_size=200`);
  assert.equal(s.json.customers.total, named.length);
  assert.ok(s.json.customers.rows.every((x) => x.name.includes('银行')));
  const asc = await c.get(`/api/v1/check/rfm?as_of=2026-06-15&sort=recency&order=asc&page_size=50`);
  const rs = asc.json.customers.rows.map((x) => x.recency);
  assert.deepEqual(rs, [...rs].sort((a, b) => a - b));
  // Beyond the last page: no rows, the total still there.
  const far = await c.get(`/api/v1/check/rfm?as_of=2026-06-15&segment=${seg}&page=100000`);
  assert.equal(far.json.customers.rows.length, 0);
  assert.equal(far.json.customers.total, o.segments[seg].customers);
});

test('C2 export: the customers table of a segment holds the whole list', async () => {
  const c = await as('manager');
  const seg = 'general_value';
  const page = await c.get(`/api/v1/check/rfm?as_of=2026-06-15&segment=${seg}&page_size=200`);
  const j = await c.get(`/api/v1/check/rfm?as_of=2026-06-15&segment=${seg}&format=json&table=customers`);
  assert.equal(j.status, 200);
  assert.equal(j.json.rows.length, page.json.customers.total);
  page.json.customers.rows.forEach((row, i) => {
    assert.equal(j.json.rows[i].customer, row.name);
    assert.equal(j.json.rows[i].monetary, row.monetary);
    assert.equal(j.json.rows[i].recency, row.recency);
  });
  const seg8 = await c.get(`/api/v1/check/rfm?as_of=2026-06-15&format=json&table=segments`);
  assert.equal(seg8.json.rows.length, 8);
  const x = await c.req('GET', `/api/v1/check/rfm?as_of=2026-06-15&format=xlsx&table=segments`);
  assert.equal(x.status, 200);
  assert.match(x.headers.get('content-type'), /spreadsheetml/);
});

test("C2 scope: a rep scores only their own book; other reps' and regions' are refused", async () => {
  const c = await as('rep');
  const r = await c.get('/api/v1/check/rfm?as_of=2026-06-15&page_size=200');
  const own = new Set(sql(`SELECT DISTINCT customer FROM contracts WHERE rep = ${c.user.rep} AND signed_date <= '2026-06-15'`).map((x) => x.customer));
  assert.equal(r.json.scored, own.size);
  assert.ok(r.json.customers.rows.every((x) => own.has(x.id)));
  const [other] = sql(`SELECT id FROM reps WHERE id <> ${c.user.rep} ORDER BY id LIMIT 1`);
  assert.equal((await c.get(`/api/v1/check/rfm?rep=${other.id}`)).status, 403);
  assert.equal((await c.get(`/api/v1/check/rfm?rep=999999`)).status, 404);
  const m = await as('manager');
  const [region] = sql(`SELECT id FROM regions WHERE level = 1 AND id <> ${m.user.region} LIMIT 1`);
  assert.equal((await m.get(`/api/v1/check/rfm?region=${region.id}`)).status, 403);
});

test('C2 bad input is 422 naming the field', async () => {
  const c = await as('executive');
  for (const [q, field] of [['window=0', 'window'], ['window=10000', 'window'], ['window=abc', 'window'],
    ['threshold=mode', 'threshold'], ['segment=vip', 'segment'], ['page_size=0', 'page_size'], ['page_size=201', 'page_size'],
    ['sort=x', 'sort'], ['size=huge', 'size'], ['industry=不存在', 'industry']]) {
    const r = await c.get(`/api/v1/check/rfm?${q}`);
    assert.equal(r.status, 422, q);
    assert.equal(r.json.error.field, field, q);
  }
});
