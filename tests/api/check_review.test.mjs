// C1 销售结果复盘 and the customer profile over HTTP, against the independent pandas oracle
// (tests/api/oracles/check_review.py reads the same SQLite file and computes every figure from
// shared/METRICS.md): executive, one manager (their subtree) and one rep (own book), at two
// as_of dates; filters, scope, exports and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { as, sql, DB } from './helpers.mjs';

const ORACLE = fileURLToPath(new URL('./oracles/check_review.py', import.meta.url));
const CASES = [['2026-06-15', '2026-Q2'], ['2025-12-31', '2025']];

function oracle(...args) {
  return JSON.parse(execFileSync('/usr/bin/python3', [ORACLE, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

function close(actual, expected, what) {
  if (expected === null || expected === undefined || actual === null) return assert.equal(actual, expected ?? null, what);
  if (typeof expected !== 'number' || (Number.isInteger(expected) && Number.isInteger(actual))) return assert.equal(actual, expected, what);
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

function sameObject(actual, expected, what) {
  for (const [k, v] of Object.entries(expected)) close(actual[k], v, `${what}.${k}`);
}

function sameRows(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: rows`);
  expected.forEach((e, i) => {
    for (const k of ['id', 'receivable', 'overdue', 'items', 'max_days', 'share']) close(actual[i][k], e[k], `${what}[${i}].${k}`);
    if ('owner' in e) assert.equal(actual[i].owner?.id ?? null, e.owner, `${what}[${i}].owner`);
  });
}

// Every figure of the page against the oracle's.
async function compare(c, login, asOf, period, filter = '') {
  const args = filter ? filter.split('&').filter(Boolean) : [];
  const want = oracle(DB, login, asOf, period, ...args);
  const url = `/api/v1/check/review?as_of=${asOf}&period=${period}${filter ? `&${filter}` : ''}`;
  const r = await c.get(`${url}&top=500&page_size=10`);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  const got = r.json;
  const what = `${login} ${asOf} ${filter}`;
  sameObject(got.totals, want.totals, `${what} totals`);
  assert.equal(got.trend_year, want.trend_year);
  want.trend.forEach((m, i) => sameObject(got.trend[i], m, `${what} trend ${m.month}`));
  sameObject(got.cohort, want.cohort, `${what} cohort`);
  want.cohorts.forEach((m, i) => {
    sameObject(got.cohorts[i], { month: m.month, signed: m.signed, collected: m.collected, share: m.share }, `${what} cohort ${m.month}`);
    assert.equal(got.cohorts[i].curve.length, m.curve.length, `${what} curve ${m.month}`);
    m.curve.forEach((x, k) => close(got.cohorts[i].curve[k], x, `${what} curve ${m.month}[${k}]`));
  });
  for (const k of ['receivables', 'overdue', 'sales_90d', 'dso']) close(got[k], want[k], `${what} ${k}`);
  assert.deepEqual(got.aging, want.aging, `${what} aging`);
  assert.deepEqual(got.aging_items, want.aging_items, `${what} aging items`);
  assert.equal(got.blockers.customers.total, want.customers.length, `${what} overdue customers`);
  sameRows(got.blockers.customers.rows, want.customers.slice(0, 10), `${what} customers`);
  sameRows(got.blockers.reps.rows, want.reps, `${what} reps`);
  sameRows(got.blockers.regions.rows, want.regions, `${what} regions`);
  // The export holds the whole list, in the page's order.
  const all = await c.get(`${url}&format=json&table=customers`);
  assert.deepEqual(all.json.rows.map((x) => [x.id, x.overdue]), want.customers.map((x) => [x.id, x.overdue]), `${what} export`);
  return { got, want };
}

for (const [asOf, period] of CASES) {
  test(`C1 review equals the pandas oracle for executive, manager and rep (as of ${asOf})`, async () => {
    const e = await as('executive');
    const { got } = await compare(e, 'ceo', asOf, period);
    for (const b of ['1_30', '31_60', '61_90', '91_180', 'over_180']) assert.ok(got.aging[b] > 0, `receivables in bucket ${b}`);
    const m = await as('manager');
    const mine = await compare(m, m.user.login, asOf, period);
    assert.ok(mine.got.receivables < got.receivables);
    const rep = await as('rep');
    const own = await compare(rep, rep.user.login, asOf, period);
    assert.ok(own.got.blockers.reps.rows.every((x) => x.id === rep.user.rep), 'a rep sees only their own row');
    assert.deepEqual(own.got.blockers.regions.rows, []);
  });
}

test('C1 filters: industry and size narrow by customer, a category narrows sales only', async () => {
  const e = await as('executive');
  const opts = (await e.get('/api/v1/check/review?as_of=2026-06-15&period=2026-Q2')).json.options;
  const industry = encodeURIComponent(opts.industries[0]);
  await compare(e, 'ceo', '2026-06-15', '2026-Q2', `industry=${opts.industries[0]}&size=large`);
  const { got, want } = await compare(e, 'ceo', '2026-06-15', '2026', `category=${opts.categories[0]}`);
  const whole = await e.get('/api/v1/check/review?as_of=2026-06-15&period=2026');
  assert.ok(got.totals.sales < whole.json.totals.sales);
  assert.equal(got.receivables, whole.json.receivables, 'receivables are not split by category');
  assert.equal(want.receivables, got.receivables);
  assert.equal((await e.get(`/api/v1/check/review?as_of=2026-06-15&industry=${industry}`)).status, 200);
});

test('C1 pages and sorts the overdue customers on the server', async () => {
  const e = await as('executive');
  const base = '/api/v1/check/review?as_of=2026-06-15&period=2026-Q2';
  const p1 = (await e.get(`${base}&page_size=5`)).json.blockers.customers;
  const p2 = (await e.get(`${base}&page_size=5&page=2`)).json.blockers.customers;
  assert.equal(p1.rows.length, 5);
  assert.equal(p2.page, 2);
  assert.ok(p1.rows[4].overdue >= p2.rows[0].overdue);
  const byDays = (await e.get(`${base}&sort=max_days&page_size=100`)).json.blockers.customers.rows;
  for (let i = 1; i < byDays.length; i++) assert.ok(byDays[i - 1].max_days >= byDays[i].max_days);
  const top = (await e.get(`${base}&top=2`)).json.blockers;
  assert.ok(top.reps.rows.length <= 2 && top.reps.total >= top.reps.rows.length);
});

test('C1 scope: region and rep outside the caller are 403, unknown 404', async () => {
  const rep = await as('rep');
  const [other] = sql(`SELECT id FROM reps WHERE id <> ${rep.user.rep} ORDER BY id LIMIT 1`);
  assert.equal((await rep.get(`/api/v1/check/review?rep=${other.id}`)).status, 403);
  assert.equal((await rep.get('/api/v1/check/review?region=2')).status, 403);
  const m = await as('manager');
  const [outside] = sql(`SELECT id FROM regions WHERE level = 1 AND id <> ${m.user.region} ORDER BY id LIMIT 1`);
  assert.equal((await m.get(`/api/v1/check/review?region=${outside.id}`)).status, 403);
  assert.equal((await m.get('/api/v1/check/review?region=999999')).status, 404);
  // A manager narrowing to one of their reps gets that rep's book.
  const [mine] = sql(`WITH RECURSIVE sub(id) AS (SELECT CAST(${m.user.region} AS BIGINT) UNION ALL SELECT r.id FROM regions r JOIN sub ON r.parent = sub.id)
      SELECT id FROM reps WHERE region IN (SELECT id FROM sub) ORDER BY id LIMIT 1`);
  const narrowed = (await m.get(`/api/v1/check/review?as_of=2026-06-15&rep=${mine.id}&top=500`)).json;
  assert.ok(narrowed.blockers.reps.rows.every((x) => x.id === mine.id));
});

test('C1 bad input is a 422 naming the field, in the caller\'s language', async () => {
  const e = await as('executive');
  const cases = [['page=0', 'page'], ['page_size=101', 'page_size'], ['sort=name', 'sort'], ['top=0', 'top'],
    ['size=huge', 'size'], ['industry=nope', 'industry'], ['category=nope', 'category'], ['period=2026-13', 'period'],
    ['as_of=2026-02-30', 'as_of'], ['format=csv&table=nope', 'table']];
  for (const [q, field] of cases) {
    const r = await e.get(`/api/v1/check/review?${q}`);
    assert.equal(r.status, 422, q);
    assert.equal(r.json.error.field, field, q);
    assert.match(r.json.error.message, /[\u4e00-\u9fff]/, `${q}: zh-CN message`);
  }
  e.lang = 'en';
  const r = await e.get('/api/v1/check/review?page_size=500');
  assert.equal(r.json.error.message, 'page_size must be 1 to 100');
});

test('C1 tables download as CSV and JSON with the same rows', async () => {
  const e = await as('executive');
  for (const table of ['totals', 'trend', 'cohorts', 'aging', 'customers', 'reps', 'regions']) {
    const base = `/api/v1/check/review?as_of=2026-06-15&period=2026-Q2&table=${table}`;
    const csv = await e.get(`${base}&format=csv&lang=en`);
    assert.equal(csv.status, 200, table);
    const json = await e.get(`${base}&format=json&lang=en`);
    const lines = String(csv.json).replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(json.json.rows.length, lines.length - 1, table);
  }
  const aging = (await e.get('/api/v1/check/review?as_of=2026-06-15&table=aging&format=csv&lang=zh-CN')).json;
  assert.match(String(aging), /180 天以上/);
});

test('customer profile: a rep opens only their own customers, a manager their subtree (404 otherwise)', async () => {
  const rep = await as('rep');
  const [own] = sql(`SELECT c.id FROM customers c WHERE c.owner_rep = ${rep.user.rep}
      AND EXISTS (SELECT 1 FROM contracts k WHERE k.customer = c.id AND k.rep = ${rep.user.rep}) ORDER BY c.id LIMIT 1`);
  const [foreign] = sql(`SELECT id FROM customers WHERE owner_rep <> ${rep.user.rep} ORDER BY id LIMIT 1`);
  assert.equal((await rep.get(`/api/v1/customers/${own.id}?as_of=2026-06-15`)).status, 200);
  const no = await rep.get(`/api/v1/customers/${foreign.id}?as_of=2026-06-15`);
  assert.equal(no.status, 404);
  assert.equal(no.json.error.code, 'not_found');
  assert.equal((await rep.get('/api/v1/customers/99999999')).status, 404);
  assert.equal((await rep.get('/api/v1/customers/abc')).status, 422);
  const m = await as('manager');
  const [inside] = sql(`WITH RECURSIVE sub(id) AS (SELECT CAST(${m.user.region} AS BIGINT) UNION ALL SELECT r.id FROM regions r JOIN sub ON r.parent = sub.id)
      SELECT c.id FROM customers c JOIN reps p ON p.id = c.owner_rep WHERE p.region IN (SELECT id FROM sub) ORDER BY c.id LIMIT 1`);
  const [outside] = sql(`WITH RECURSIVE sub(id) AS (SELECT CAST(${m.user.region} AS BIGINT) UNION ALL SELECT r.id FROM regions r JOIN sub ON r.parent = sub.id)
      SELECT c.id FROM customers c JOIN reps p ON p.id = c.owner_rep WHERE p.region NOT IN (SELECT id FROM sub)
      AND c.region NOT IN (SELECT id FROM sub) ORDER BY c.id LIMIT 1`);
  assert.equal((await m.get(`/api/v1/customers/${inside.id}`)).status, 200);
  assert.equal((await m.get(`/api/v1/customers/${outside.id}`)).status, 404);
});

// The profile's figures against the oracle: class and segment company-wide, money over the book.
async function compareProfile(c, login, id, asOf) {
  const want = oracle('profile', DB, login, asOf, String(id));
  const r = await c.get(`/api/v1/customers/${id}?as_of=${asOf}`);
  assert.equal(r.status, 200);
  const got = r.json;
  const what = `${login} customer ${id} ${asOf}`;
  assert.equal(got.class, want.cls, `${what} class`);
  assert.equal(got.t12m, want.t12m, `${what} t12m`);
  assert.deepEqual(got.rfm, want.rfm, `${what} rfm`);
  assert.deepEqual(got.at_risk?.reasons ?? null, want.at_risk, `${what} at risk`);
  for (const k of ['sales_total', 'receivable', 'overdue']) assert.equal(got[k], want[k], `${what} ${k}`);
  assert.equal(got.contracts_total, want.contracts.length);
  if (want.contracts.length <= 50) assert.deepEqual(got.contracts.map((x) => x.id).sort((a, b) => a - b), want.contracts);
  assert.equal(got.opportunities_total, want.opportunities);
  return got;
}

test('customer profile equals the oracle for executive, manager and rep at two dates', async () => {
  const e = await as('executive');
  const m = await as('manager');
  const rep = await as('rep');
  for (const [asOf, period] of CASES) {
    const review = (await e.get(`/api/v1/check/review?as_of=${asOf}&period=${period}`)).json;
    const top = review.blockers.customers.rows[0].id;
    const p = await compareProfile(e, 'ceo', top, asOf);
    assert.ok(p.overdue > 0 && p.contracts.some((x) => x.lines.length > 0), 'contracts with lines');
    const mine = (await m.get(`/api/v1/check/review?as_of=${asOf}&period=${period}`)).json.blockers.customers.rows;
    if (mine.length) {
      const ok = await m.get(`/api/v1/customers/${mine[0].id}?as_of=${asOf}`);
      if (ok.status === 200) await compareProfile(m, m.user.login, mine[0].id, asOf);
    }
    const [own] = sql(`SELECT c.id FROM customers c WHERE c.owner_rep = ${rep.user.rep} AND EXISTS
        (SELECT 1 FROM contracts k WHERE k.customer = c.id AND k.rep = ${rep.user.rep} AND k.signed_date <= '${asOf}') ORDER BY c.id LIMIT 1`);
    await compareProfile(rep, rep.user.login, own.id, asOf);
  }
  // An at-risk key account from a rep's cockpit shows its reasons.
  for (let i = 0; i < 3; i++) {
    const r = await as('rep', i);
    const risk = (await r.get('/api/v1/do/cockpit?as_of=2026-06-15')).json.at_risk ?? [];
    if (!risk.length) continue;
    const got = await compareProfile(r, r.user.login, risk[0].customer, '2026-06-15');
    assert.ok(got.at_risk.reasons.length > 0);
    assert.equal(got.class, 'A');
    return;
  }
});

test('customer profile timeline is newest first and names its kinds', async () => {
  const e = await as('executive');
  const top = (await e.get('/api/v1/check/review?as_of=2026-06-15')).json.blockers.customers.rows[0].id;
  const p = (await e.get(`/api/v1/customers/${top}?as_of=2026-06-15`)).json;
  assert.ok(p.timeline.length > 0 && p.timeline.length <= 100);
  for (let i = 1; i < p.timeline.length; i++) assert.ok(p.timeline[i - 1].date >= p.timeline[i].date);
  const kinds = new Set(['visit', 'call', 'demo', 'proposal', 'contract', 'payment', 'opportunity', 'won', 'lost']);
  assert.ok(p.timeline.every((x) => kinds.has(x.kind) && x.date <= '2026-06-15'));
  const [{ n }] = sql(`SELECT COUNT(*) AS n FROM contracts WHERE customer = ${top} AND signed_date <= '2026-06-15'`);
  if (p.timeline_total <= 100) assert.equal(p.timeline.filter((x) => x.kind === 'contract').length, n);
});
