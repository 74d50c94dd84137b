// P4 营业收入各项指标分析 against an independent pandas oracle (tests/api/oracles/plan_finance.py,
// written from shared/METRICS.md P4 and docs/metrics.md): every month of every line, the margins,
// YTD against last YTD and the Pearson r matrix with its labels and broken pairs, at two as_of
// dates. Each line's fitted history against SQL; the forecast's shape (the numbers are the
// forecast module's, compared with R in tests/forecast/). Who may see it, bad input, the files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { as, sql, DB } from './helpers.mjs';

const ORACLE = new URL('./oracles/plan_finance.py', import.meta.url).pathname;
const oracle = (asOf) => JSON.parse(execFileSync('/usr/bin/python3', [ORACLE, DB, asOf], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const LINES = ['revenue', 'cost_of_sales', 'gross_profit', 'selling_expense', 'admin_expense', 'finance_expense', 'other_income', 'operating_profit'];

function near(got, want, what, tol = 1e-9) {
  if (want === null || want === undefined) return assert.equal(got, null, what);
  assert.notEqual(got, null, what);
  assert.ok(Math.abs(got - want) <= tol * Math.max(1, Math.abs(want)), `${what}: ${got} vs ${want}`);
}

// The ledger's history of a line straight from SQL: months complete at as_of (the demo's ledger
// has no gaps, which the oracle's test of `history` confirms).
function sqlHistory(line, lastMonth) {
  const expr = {
    gross_profit: 'revenue - cost_of_sales',
    operating_profit: 'revenue - cost_of_sales - selling_expense - admin_expense - finance_expense + other_income',
  }[line] ?? line;
  return sql(`SELECT month, ${expr} AS value FROM finance_months WHERE month <= '${lastMonth}' ORDER BY month`);
}

for (const asOf of ['2026-06-15', '2025-12-31']) {
  test(`P4 as of ${asOf} matches the pandas oracle`, async () => {
    const c = await as('executive');
    const r = await c.get(`/api/v1/plan/finance?as_of=${asOf}`);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const want = oracle(asOf);
    const got = r.json;
    assert.equal(got.as_of, asOf);
    assert.deepEqual(got.history, want.history);
    assert.equal(got.months.length, want.months.length);
    got.months.forEach((m, i) => {
      const w = want.months[i];
      assert.equal(m.month, w.month);
      for (const k of LINES) assert.equal(m[k], w[k], `${m.month} ${k}`);
      near(m.gross_margin, w.gross_margin, `${m.month} gross margin`);
      near(m.operating_margin, w.operating_margin, `${m.month} operating margin`);
    });
    assert.equal(got.ytd.first, want.ytd.first);
    assert.equal(got.ytd.last, want.ytd.last);
    assert.deepEqual(got.ytd.lines.map((l) => l.code), LINES);
    got.ytd.lines.forEach((l, i) => {
      const w = want.ytd.lines[i];
      assert.equal(l.ytd, w.ytd, `ytd ${l.code}`);
      assert.equal(l.last_ytd, w.last_ytd, `last ytd ${l.code}`);
      near(l.growth, w.growth, `growth ${l.code}`);
    });
    for (const k of ['gross_margin', 'gross_margin_ly', 'operating_margin', 'operating_margin_ly']) near(got.ytd[k], want.ytd[k], k);
    // The matrix: 28 pairs with r, points, label, the latest month's growths and the broken flag.
    assert.equal(got.correlation.first, want.correlation.first);
    assert.equal(got.correlation.last, want.correlation.last);
    assert.equal(got.correlation.pairs.length, 28);
    got.correlation.pairs.forEach((p, i) => {
      const w = want.correlation.pairs[i];
      const what = `${p.a}~${p.b}`;
      assert.deepEqual([p.a, p.b], [w.a, w.b]);
      near(p.r, w.r, `${what} r`, 1e-9);
      assert.equal(p.points, w.points, `${what} points`);
      assert.equal(p.direction, w.direction, `${what} direction`);
      near(p.latest_a, w.latest_a, `${what} latest a`);
      near(p.latest_b, w.latest_b, `${what} latest b`);
      assert.equal(p.broken, w.broken, `${what} broken`);
    });
    assert.equal(got.correlation.broken, want.correlation.pairs.filter((p) => p.broken).length);

    // Lines: the fixed interface. months = the history it was fitted on (SQL); forecast = the
    // months after as_of's month up to December (at least one), low ≤ value ≤ high, integer fen.
    assert.deepEqual(got.lines.map((l) => l.code), LINES);
    assert.deepEqual([got.forecast.first, got.forecast.last], [want.forecast_months[0], want.forecast_months.at(-1)]);
    for (const l of got.lines) {
      assert.ok(['holt_winters', 'trend_seasonal_naive'].includes(l.model), `${l.code} model ${l.model}`);
      assert.deepEqual(l.months, sqlHistory(l.code, want.history.last), `${l.code} months`);
      assert.deepEqual(l.forecast.map((p) => p.month), want.forecast_months, `${l.code} forecast months`);
      for (const p of l.forecast) {
        for (const k of ['value', 'low', 'high']) assert.ok(Number.isInteger(p[k]), `${l.code} ${p.month} ${k} in fen`);
        assert.ok(p.low <= p.value && p.value <= p.high, `${l.code} ${p.month}: ${p.low} ≤ ${p.value} ≤ ${p.high}`);
      }
      // The chosen model's backtest is the one shown, and it is the one of its method.
      assert.deepEqual(l.backtest, l.backtests[l.model], `${l.code} backtest`);
      assert.ok(l.backtest.points > 0 && l.backtest.mape >= 0 && l.backtest.wape >= 0, `${l.code} backtest scored`);
      if (l.model === 'holt_winters') assert.ok(l.params && l.params.alpha >= 0 && l.params.alpha <= 1);
    }
  });
}

test('P4 is company-wide: admins and executives see it, managers and reps get 403', async () => {
  const exec = (await (await as('executive')).get('/api/v1/plan/finance?as_of=2026-06-15')).json;
  const admin = await (await as('admin')).get('/api/v1/plan/finance?as_of=2026-06-15');
  assert.equal(admin.status, 200);
  assert.deepEqual(admin.json.months, exec.months);
  for (const [role, k] of [['manager', 0], ['manager', 1], ['rep', 0], ['rep', 2]]) {
    const r = await (await as(role, k)).get('/api/v1/plan/finance?as_of=2026-06-15');
    assert.equal(r.status, 403, `${role} ${k}`);
    assert.equal(r.json.error.code, 'forbidden');
    assert.ok(!JSON.stringify(r.json).includes('revenue'));
    const file = await (await as(role, k)).get('/api/v1/plan/finance?as_of=2026-06-15&format=csv&table=months');
    assert.equal(file.status, 403, `${role} ${k} file`);
  }
});

test('P4 bad input is a 422 naming the field, in both languages', async () => {
  const c = await as('executive');
  for (const [q, field] of [['as_of=2026-13-01', 'as_of'], ['as_of=yesterday', 'as_of'], ['format=csv&table=x', 'table'],
    ['format=pdf&table=months', 'format']]) {
    const r = await c.get(`/api/v1/plan/finance?${q}`);
    assert.equal(r.status, 422, q);
    assert.equal(r.json.error.field, field, q);
  }
  const en = await c.req('GET', '/api/v1/plan/finance?format=csv&table=x', undefined, { headers: { 'Accept-Language': 'en' } });
  assert.match(en.json.error.message, /table must be/);
  const zh = await c.get('/api/v1/plan/finance?format=csv&table=x');
  assert.match(zh.json.error.message, /table 应为/);
});

test('P4 every table downloads from the same result as the page', async () => {
  const c = await as('executive');
  const page = (await c.get('/api/v1/plan/finance?as_of=2026-06-15')).json;
  const file = async (t) => (await c.get(`/api/v1/plan/finance?as_of=2026-06-15&format=json&table=${t}`)).json;
  const months = await file('months');
  assert.equal(months.rows.length, page.months.length);
  assert.equal(months.rows.at(-1).operating_profit, page.months.at(-1).operating_profit);
  const ytd = await file('ytd');
  assert.deepEqual(ytd.rows.map((r) => r.ytd), page.ytd.lines.map((l) => l.ytd));
  const models = await file('models');
  assert.deepEqual(models.rows.map((r) => r.mape), page.lines.map((l) => l.backtest.mape));
  const fc = await file('forecast');
  assert.equal(fc.rows.length, page.lines.reduce((n, l) => n + l.forecast.length, 0));
  assert.deepEqual(fc.rows.slice(0, page.lines[0].forecast.length).map((r) => r.high), page.lines[0].forecast.map((p) => p.high));
  const corr = await file('correlation');
  assert.deepEqual(corr.rows.map((r) => r.r), page.correlation.pairs.map((p) => p.r));
  const csv = await c.get('/api/v1/plan/finance?as_of=2026-06-15&format=csv&table=months&lang=en');
  assert.equal(csv.status, 200);
  assert.match(String(csv.json), /Operating profit/);
  const xlsx = await c.get('/api/v1/plan/finance?as_of=2026-06-15&format=xlsx&table=correlation');
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-disposition') ?? '', /p4-correlation-2026-06-15/);
});

test('P4 before the first ledger month: no months, no YTD, no forecast', async () => {
  const c = await as('executive');
  const [{ first }] = sql('SELECT MIN(month) AS first FROM finance_months');
  const r = (await c.get(`/api/v1/plan/finance?as_of=${Number(first.slice(0, 4)) - 1}-06-30`)).json;
  assert.deepEqual(r.months, []);
  assert.equal(r.ytd.first, null);
  assert.ok(r.ytd.lines.every((l) => l.ytd === 0 && l.growth === null));
  assert.equal(r.lines.length, 8);
  assert.ok(r.lines.every((l) => l.months.length === 0 && l.forecast.length === 0));
  assert.equal(r.correlation.pairs.length, 28);
  assert.ok(r.correlation.pairs.every((p) => p.r === null && !p.broken));
});
