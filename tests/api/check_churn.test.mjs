// C3 churn over HTTP against the pandas oracle (tests/api/oracles/check_churn.py) on the same
// database: the flow by quarter and by month, Pareto classes, every key account with its risk,
// and the churn reasons with their cross tables, for the executive, a manager (subtree) and a
// rep (own book) at two as_of dates; exports; scope; bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { as, sql, DB } from './helpers.mjs';

const ORACLE = new URL('./oracles/check_churn.py', import.meta.url).pathname;
const DATES = ['2026-06-15', '2025-12-31'];

function oracle(asOf, scope, extra = []) {
  return JSON.parse(execFileSync('/usr/bin/python3', [ORACLE, DB, '--as-of', asOf, '--scope', scope, ...extra], { encoding: 'utf8' }));
}
const scopeOf = (c) => (c.user.role === 'rep' ? `rep:${c.user.rep}` : c.user.role === 'manager' ? `region:${c.user.region}` : 'all');
const close = (a, b, what) => assert.ok(a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9), `${what}: ${a} vs ${b}`);

async function keyAccounts(c, query) {
  const rows = [];
  for (let page = 1; ; page++) {
    const r = await c.get(`/api/v1/check/churn?${query}&page=${page}&page_size=200`);
    assert.equal(r.status, 200);
    rows.push(...r.json.key_accounts.rows);
    if (rows.length >= r.json.key_accounts.total) return { rows, first: r.json };
  }
}

async function compare(c, asOf, params = '', extra = []) {
  const who = `${c.user.role} ${asOf} ${params}`;
  const o = oracle(asOf, scopeOf(c), extra);
  const { rows, first: j } = await keyAccounts(c, `as_of=${asOf}${params}`);
  assert.equal(j.flow.length, o.flow.length, who);
  j.flow.forEach((f, i) => {
    const x = o.flow[i];
    assert.equal(f.period, x.period, who);
    for (const k of ['active', 'new', 'retained', 'returned', 'churned', 'active_prev']) assert.equal(f[k], x[k], `${who} ${f.period} ${k}`);
    close(f.churn_rate, x.churn_rate, `${who} ${f.period} churn_rate`);
  });
  assert.deepEqual([j.pareto.a, j.pareto.b, j.pareto.c], [o.pareto.A, o.pareto.B, o.pareto.C], `${who} pareto`);
  assert.equal(j.pareto.total, o.pareto_total);
  assert.deepEqual(j.pareto.classes.map((x) => x.amount), ['A', 'B', 'C'].map((k) => o.pareto_amounts[k]));
  // Key accounts: class A, at-risk first; each against the oracle.
  assert.equal(rows.length, o.pareto.A, `${who} class A`);
  assert.equal(j.key_accounts.at_risk, Object.values(o.key_accounts).filter((x) => x.reasons.length).length, `${who} at risk`);
  let seenSafe = false;
  for (const row of rows) {
    const x = o.key_accounts[String(row.id)];
    assert.ok(x, `${who}: ${row.id} is not class A in the oracle`);
    for (const k of ['contracts', 't12m', 't12m_prev', 'days_since_last']) assert.equal(row[k], x[k], `${who} ${row.id} ${k}`);
    close(row.yoy, x.yoy, `${who} ${row.id} yoy`);
    close(row.median_gap, x.median_gap, `${who} ${row.id} median_gap`);
    assert.deepEqual(row.reasons, x.reasons, `${who} ${row.id} reasons`);
    if (row.contracts === 1) assert.equal(row.median_gap, null);
    if (!row.at_risk) seenSafe = true;
    else assert.ok(!seenSafe, 'at-risk accounts come first');
  }
  // Churn reasons and their cross tables.
  assert.equal(j.reasons.customers, o.reasons_total, `${who} churned`);
  assert.equal(j.reasons.rows.length, Object.keys(o.reasons).length);
  for (const r of j.reasons.rows) {
    assert.equal(r.customers, o.reasons[r.reason].customers, `${who} ${r.reason}`);
    assert.equal(r.amount, o.reasons[r.reason].amount, `${who} ${r.reason} amount`);
  }
  for (const dim of ['industry', 'size', 'region'])
    for (const row of j.reasons[dim].rows)
      j.reasons.rows.forEach((r, k) => assert.equal(row.counts[k], o.cross[dim][row.name]?.[r.reason] ?? 0, `${who} ${dim} ${row.name} ${r.reason}`));
  for (const dim of ['industry', 'size', 'region']) assert.equal(j.reasons[dim].rows.length, Object.keys(o.cross[dim]).length, `${who} ${dim} rows`);
  return j;
}

for (const role of ['executive', 'manager', 'rep'])
  test(`C3 flow, Pareto, key accounts and churn reasons equal the pandas oracle: ${role}`, async () => {
    const c = await as(role);
    for (const asOf of DATES) await compare(c, asOf);
  });

test('C3 month grain, other class bounds and a customer filter equal the oracle', async () => {
  const c = await as('executive');
  const m = await compare(c, '2026-06-15', '&grain=month', ['--grain', 'month']);
  assert.equal(m.flow.length, 12);
  assert.equal(m.flow.at(-1).period, '2026-06');
  await compare(c, '2025-12-31', '&grain=month&periods=6&a_percent=70&b_percent=90', ['--grain', 'month', '--periods', '6', '--a', '70', '--b', '90']);
  await compare(c, '2026-06-15', '&industry=零售', ['--industry', '零售']);
  const q = await c.get('/api/v1/check/churn?as_of=2026-06-15');
  assert.equal(q.json.flow.length, 8);
  assert.equal(q.json.flow.at(-1).period, '2026-Q2');
});

// Under a product category C3 reads that category's purchases (docs/metrics.md): the oracle
// builds them from contract_lines itself.
test('C3 under a product category equals the oracle for every role, and differs from the whole', async () => {
  const cat = '服务器';
  for (const role of ['executive', 'manager', 'rep']) {
    const c = await as(role);
    for (const asOf of DATES) {
      const j = await compare(c, asOf, `&category=${encodeURIComponent(cat)}`, ['--category', cat]);
      if (role === 'executive' && asOf === DATES[0]) {
        const whole = await c.get(`/api/v1/check/churn?as_of=${asOf}`);
        assert.ok(j.pareto.total > 0 && j.pareto.total < whole.json.pareto.total, 'the category narrows the Pareto');
        assert.ok(j.reasons.customers < whole.json.reasons.customers, 'and the churned customers');
      }
    }
  }
  await compare(await as('executive'), '2026-06-15', `&grain=month&category=${encodeURIComponent('存储')}&industry=制造`,
    ['--grain', 'month', '--category', '存储', '--industry', '制造']);
});

test('C3 key-account list: at_risk only, name search', async () => {
  const c = await as('executive');
  const all = await c.get('/api/v1/check/churn?as_of=2026-06-15&risk=at_risk&page_size=200');
  assert.equal(all.json.key_accounts.total, all.json.key_accounts.at_risk);
  assert.ok(all.json.key_accounts.rows.every((x) => x.at_risk && x.reasons.length > 0));
  const name = all.json.key_accounts.rows[0]?.name;
  if (name) {
    const s = await c.get(`/api/v1/check/churn?as_of=2026-06-15&q=${encodeURIComponent(name)}`);
    assert.ok(s.json.key_accounts.rows.some((x) => x.name === name));
    assert.ok(s.json.key_accounts.rows.every((x) => x.name.includes(name)));
  }
});

test('C3 exports hold the same rows as the page', async () => {
  const c = await as('manager');
  const page = await c.get('/api/v1/check/churn?as_of=2026-06-15');
  const flow = await c.get('/api/v1/check/churn?as_of=2026-06-15&format=json&table=flow');
  assert.deepEqual(flow.json.rows.map((r) => [r.period, r.active, r.churned, r.churn_rate]),
    page.json.flow.map((r) => [r.period, r.active, r.churned, r.churn_rate]));
  const ka = await c.get('/api/v1/check/churn?as_of=2026-06-15&format=json&table=key_accounts');
  assert.equal(ka.json.rows.length, page.json.key_accounts.total);
  const reasons = await c.get('/api/v1/check/churn?as_of=2026-06-15&format=json&table=reasons');
  assert.deepEqual(reasons.json.rows.map((r) => r.customers), page.json.reasons.rows.map((r) => r.customers));
  const byInd = await c.get('/api/v1/check/churn?as_of=2026-06-15&format=json&table=reasons_industry');
  assert.equal(byInd.json.rows.length, page.json.reasons.industry.rows.length);
  // The key accounts' count column: contracts, or under a category its purchase days (docs/metrics.md).
  const head = async (q) => (await c.get(`/api/v1/check/churn?as_of=2026-06-15&format=json&table=key_accounts${q}`))
    .json.columns.find((col) => col.key === 'contracts').header;
  assert.equal(await head(''), '合同数');
  assert.equal(await head(`&category=${encodeURIComponent('存储')}`), '购买次数(按天)');
  assert.equal(await head(`&category=${encodeURIComponent('存储')}&lang=en`), 'Purchase days');
  const csv = await c.req('GET', '/api/v1/check/churn?as_of=2026-06-15&format=csv&table=pareto');
  assert.equal(csv.status, 200);
  const lines = (typeof csv.json === 'string' ? csv.json : '').trim().split('\n');
  assert.equal(lines.length - 1, page.json.pareto.a + page.json.pareto.b + page.json.pareto.c);
});

test("C3 scope: a rep's page holds only their own book; outside ids refused", async () => {
  const c = await as('rep');
  const r = await c.get('/api/v1/check/churn?as_of=2026-06-15&page_size=200');
  const own = new Set(sql(`SELECT DISTINCT customer FROM contracts WHERE rep = ${c.user.rep} AND signed_date <= '2026-06-15'`).map((x) => x.customer));
  assert.ok(r.json.key_accounts.rows.every((x) => own.has(x.id)));
  assert.ok(r.json.pareto.a + r.json.pareto.b + r.json.pareto.c <= own.size);
  const [other] = sql(`SELECT id FROM reps WHERE id <> ${c.user.rep} ORDER BY id LIMIT 1`);
  assert.equal((await c.get(`/api/v1/check/churn?rep=${other.id}`)).status, 403);
  assert.equal((await c.get('/api/v1/check/churn?region=999999')).status, 404);
});

test('C3 bad input is 422 naming the field', async () => {
  const c = await as('executive');
  for (const [q, field] of [['grain=week', 'grain'], ['a_percent=100', 'a_percent'], ['a_percent=49', 'a_percent'],
    ['b_percent=101', 'b_percent'], ['a_percent=90&b_percent=90', 'b_percent'], ['periods=0', 'periods'], ['periods=37', 'periods'],
    ['risk=some', 'risk'], ['page=0', 'page'], ['table=nope&format=csv', 'table']]) {
    const r = await c.get(`/api/v1/check/churn?${q}`);
    assert.equal(r.status, 422, q);
    assert.equal(r.json.error.field, field, q);
  }
});
