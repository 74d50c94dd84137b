// The filter bar on every C endpoint (issue 11): region, rep, industry, customer size and
// product category each change the totals of C1 review, C2 RFM, C3 churn and C4 products
// exactly as SQL over the same database says (the sqlite3 shell, not the product). C2 and C3
// read as of the period's last day when the period ended before as_of; under a product category
// they read that category's contract lines (docs/metrics.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, subtree } from './helpers.mjs';

const AS_OF = '2026-06-15';
const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 864e5).toISOString().slice(0, 10);

// One value of each filter that the demo holds: a 大区, a rep with contracts, an industry, a size, a category.
function filters() {
  const [region] = sql('SELECT id FROM regions WHERE level = 1 ORDER BY id LIMIT 1');
  const [rep] = sql(`SELECT rep AS id FROM contracts WHERE signed_date <= '${AS_OF}' GROUP BY rep ORDER BY COUNT(*) DESC, rep LIMIT 1`);
  const [industry] = sql('SELECT industry AS v FROM customers GROUP BY industry ORDER BY COUNT(*) DESC, industry LIMIT 1');
  const [category] = sql('SELECT category AS v FROM products GROUP BY category ORDER BY category LIMIT 1');
  return [
    { name: 'region', query: `region=${region.id}`, where: `k.rep IN (SELECT r.id FROM reps r WHERE r.region IN (${subtree(region.id)} SELECT id FROM sub))` },
    { name: 'rep', query: `rep=${rep.id}`, where: `k.rep = ${rep.id}` },
    { name: 'industry', query: `industry=${encodeURIComponent(industry.v)}`, where: `c.industry = ${q(industry.v)}` },
    { name: 'size', query: 'size=large', where: "c.size = 'large'" },
    { name: 'category', query: `category=${encodeURIComponent(category.v)}`, category: category.v, where: '1 = 1' },
  ];
}

// Σ contract amount (or, under a category, Σ line amount of its products) signed in [first, last].
function sales(f, first, last) {
  const base = `FROM contracts k JOIN customers c ON c.id = k.customer WHERE k.signed_date BETWEEN '${first}' AND '${last}' AND ${f.where}`;
  if (!f.category) return sql(`SELECT COALESCE(SUM(k.amount), 0) AS n ${base}`)[0].n;
  return sql(`SELECT COALESCE(SUM(l.amount), 0) AS n FROM contract_lines l JOIN products p ON p.id = l.product
    JOIN contracts k ON k.id = l.contract JOIN customers c ON c.id = k.customer
    WHERE p.category = ${q(f.category)} AND k.signed_date BETWEEN '${first}' AND '${last}' AND ${f.where}`)[0].n;
}

// Σ payments dated in [first, last]: collections are not split by category.
function collections(f, first, last) {
  return sql(`SELECT COALESCE(SUM(p.amount), 0) AS n FROM payments p JOIN contracts k ON k.id = p.contract
    JOIN customers c ON c.id = k.customer WHERE p.date BETWEEN '${first}' AND '${last}' AND ${f.where}`)[0].n;
}

const ALL = { name: 'none', query: '', where: '1 = 1' };

test('C1 review and C4 products: each filter changes sales (and C1 collections) as SQL says', async () => {
  const e = await as('executive');
  let whole = null;
  for (const f of [ALL, ...filters()]) {
    const review = await e.get(`/api/v1/check/review?as_of=${AS_OF}&period=2026-Q2&${f.query}`);
    assert.equal(review.status, 200, JSON.stringify(review.json));
    const { first, last } = review.json.windows.current;
    assert.equal(review.json.totals.sales, sales(f, first, last), `C1 sales ${f.name}`);
    whole ??= review.json.totals.sales;
    if (f !== ALL) assert.ok(review.json.totals.sales > 0 && review.json.totals.sales < whole, `C1 ${f.name} narrows`);
    assert.equal(review.json.totals.collections, collections({ ...f, category: undefined }, first, last), `C1 collections ${f.name}`);
    const products = await e.get(`/api/v1/check/products?as_of=${AS_OF}&period=2026&page_size=1&${f.query}`);
    assert.equal(products.status, 200, JSON.stringify(products.json));
    const w = products.json.windows.current;
    const [{ n: lines }] = sql(`SELECT COALESCE(SUM(l.amount), 0) AS n FROM contract_lines l JOIN products p ON p.id = l.product
      JOIN contracts k ON k.id = l.contract JOIN customers c ON c.id = k.customer
      WHERE k.signed_date BETWEEN '${w.first}' AND '${w.last}' AND ${f.where}${f.category ? ` AND p.category = ${q(f.category)}` : ''}`);
    assert.equal(products.json.totals.sales, lines, `C4 sales ${f.name}`);
  }
});

// What C2/C3 count: each contract (customer, signed_date, amount), or under a category each of
// its lines of that category (amount = the line's): customers and sums do not depend on how the
// lines group into purchases (docs/metrics.md).
function bought(f) {
  if (!f.category) return `SELECT k.customer, k.signed_date, k.amount FROM contracts k JOIN customers c ON c.id = k.customer WHERE ${f.where}`;
  return `SELECT k.customer, k.signed_date, l.amount FROM contract_lines l JOIN products p ON p.id = l.product
    JOIN contracts k ON k.id = l.contract JOIN customers c ON c.id = k.customer WHERE p.category = ${q(f.category)} AND ${f.where}`;
}

// C2: scored customers (any contract by the date) and Σ M (contracts of the 365-day window).
function rfmFigures(f, date) {
  const first = addDays(date, -364);
  return sql(`SELECT COUNT(DISTINCT b.customer) AS scored,
      COALESCE(SUM(CASE WHEN b.signed_date >= '${first}' THEN b.amount ELSE 0 END), 0) AS amount
    FROM (${bought(f)}) b WHERE b.signed_date <= '${date}'`)[0];
}

// C3: customers active in the quarter of the date (through it), the Pareto's trailing-12-month
// total and the lost customers the scope has sold to by the date.
function churnFigures(f, date) {
  const m = Number(date.slice(5, 7));
  const qFirst = `${date.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
  const from = `FROM (${bought(f)}) b JOIN customers c ON c.id = b.customer WHERE 1 = 1`;
  return {
    active: sql(`SELECT COUNT(DISTINCT b.customer) AS n ${from} AND b.signed_date BETWEEN '${qFirst}' AND '${date}'`)[0].n,
    total: sql(`SELECT COALESCE(SUM(b.amount), 0) AS n ${from} AND b.signed_date BETWEEN '${addDays(date, -364)}' AND '${date}'`)[0].n,
    lost: sql(`SELECT COUNT(DISTINCT b.customer) AS n ${from} AND b.signed_date <= '${date}' AND c.lost_reason <> ''`)[0].n,
  };
}

test('C2 RFM and C3 churn: each customer filter and the period change the figures as SQL says', async () => {
  const e = await as('executive');
  for (const [period, date] of [['2026-06', AS_OF], ['2025-Q4', '2025-12-31'], ['2026', AS_OF]]) {
    for (const f of [ALL, ...filters()]) {
      const want = f;  // the category narrows C2/C3 too: the category's lines (docs/metrics.md)
      const rfm = await e.get(`/api/v1/check/rfm?as_of=${AS_OF}&period=${period}&page_size=1&${f.query}`);
      assert.equal(rfm.status, 200, JSON.stringify(rfm.json));
      assert.equal(rfm.json.as_of, date, `C2 reads ${period}`);
      assert.equal(rfm.json.period.label, period);
      const r = rfmFigures(want, date);
      assert.equal(rfm.json.scored, r.scored, `C2 scored ${period} ${f.name}`);
      assert.equal(rfm.json.amount, r.amount, `C2 amount ${period} ${f.name}`);
      assert.equal(rfm.json.segments.reduce((s, x) => s + x.customers, 0), r.scored);
      if (f !== ALL) assert.ok(r.scored > 0 && r.scored < rfmFigures(ALL, date).scored, `C2 ${f.name} narrows`);

      const churn = await e.get(`/api/v1/check/churn?as_of=${AS_OF}&period=${period}&page_size=1&${f.query}`);
      assert.equal(churn.status, 200, JSON.stringify(churn.json));
      const c = churnFigures(want, date);
      const last = churn.json.flow.at(-1);
      assert.equal(last.period, `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`);
      assert.equal(last.active, c.active, `C3 active ${period} ${f.name}`);
      assert.equal(churn.json.pareto.total, c.total, `C3 pareto total ${period} ${f.name}`);
      assert.equal(churn.json.reasons.customers, c.lost, `C3 lost customers ${period} ${f.name}`);
    }
  }
});

test('filters and period: bad values are 422 naming the field on every C endpoint', async () => {
  const e = await as('executive');
  for (const path of ['review', 'rfm', 'churn', 'products']) {
    for (const [query, field] of [['size=huge', 'size'], ['industry=nope', 'industry'], ['category=nope', 'category'], ['period=2026-13', 'period']]) {
      const r = await e.get(`/api/v1/check/${path}?as_of=${AS_OF}&${query}`);
      assert.equal(r.status, 422, `${path} ${query}`);
      assert.equal(r.json.error.field, field, `${path} ${query}`);
    }
  }
});
