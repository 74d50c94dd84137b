// The dashboard workload as SQL, one text per query for three dialects (sqlite, duckdb,
// postgres). Each query returns integer rows in the same shape and order as
// salesloop_bench prints for the engine (bench/workload.cpp), so answers compare row for row.
// Metric rules are shared/METRICS.md's (D3, D2, C1, C2, C3); see the comments per query.

// Dates are TEXT 'YYYY-MM-DD' in SQLite and DATE in DuckDB and PostgreSQL.
function dialect(name) {
  const sqlite = name === 'sqlite';
  return {
    d: (s) => (sqlite ? `'${s}'` : `DATE '${s}'`),
    // whole days from column x to date literal s
    daysTo: (s, x) => (sqlite ? `CAST(julianday('${s}') - julianday(${x}) AS INTEGER)` : `(DATE '${s}' - ${x})`),
    year: (x) => (sqlite ? `CAST(substr(${x},1,4) AS INTEGER)` : `CAST(EXTRACT(year FROM ${x}) AS INTEGER)`),
    month: (x) => (sqlite ? `CAST(substr(${x},6,2) AS INTEGER)` : `CAST(EXTRACT(month FROM ${x}) AS INTEGER)`),
  };
}

function iso(days) { return new Date(days * 86400000).toISOString().slice(0, 10); }
function dayOf(s) { return Math.round(Date.parse(s + 'T00:00:00Z') / 86400000); }

// as_of: 'YYYY-MM-DD'; region: the manager's 大区 id. Returns [{name, sql}] in the engine's order.
export function workloadSql(dialectName, asOf, region) {
  const x = dialect(dialectName);
  const [y, m] = asOf.split('-').map(Number);
  const monthFirst = `${asOf.slice(0, 7)}-01`, lastYearFirst = `${y - 1}-01-01`;
  const windowFirst = iso(dayOf(asOf) - 364);  // 365 days ending on as_of
  const A = x.d(asOf);
  const qLast = y * 4 + Math.floor((m - 1) / 3), q0 = qLast - 7;  // 8 quarters
  const qidx = (c) => `(${x.year(c)} * 4 + CASE WHEN ${x.month(c)} <= 3 THEN 0 WHEN ${x.month(c)} <= 6 THEN 1 WHEN ${x.month(c)} <= 9 THEN 2 ELSE 3 END)`;
  const out = [];
  for (const mgr of [false, true]) {
    const at = mgr ? '@mgr' : '@all';
    // Reps the scope sees, with the 大区 each is placed under (a province's parent).
    const rt = `rt AS (SELECT r.id AS rep, CASE WHEN g.level = 2 THEN g.parent ELSE g.id END AS daqu
      FROM reps r JOIN regions g ON g.id = r.region
      ${mgr ? `WHERE g.id = ${region} OR g.parent = ${region}` : ''})`;
    // D3: actual sales (contract lines) per rep in as_of's month up to as_of.
    out.push({ name: 'd3_sales_by_rep' + at, sql: `WITH ${rt}
      SELECT c.rep, SUM(l.amount) FROM contract_lines l JOIN contracts c ON c.id = l.contract JOIN rt ON rt.rep = c.rep
      WHERE c.signed_date BETWEEN ${x.d(monthFirst)} AND ${A}
      GROUP BY c.rep HAVING SUM(l.amount) <> 0 ORDER BY c.rep` });
    // D2: month × 大区 from January of last year to as_of.
    const ym = (c) => `${x.year(c)} * 100 + ${x.month(c)}`;
    const grid = (name, from, date, amount, join) => out.push({ name: name + at, sql: `WITH ${rt}
      SELECT ${ym(date)} AS ym, rt.daqu, SUM(${amount}) FROM ${from} JOIN rt ON rt.rep = ${join}
      WHERE ${date} BETWEEN ${x.d(lastYearFirst)} AND ${A}
      GROUP BY 1, 2 HAVING SUM(${amount}) <> 0 ORDER BY 1, 2` });
    grid('d2_bids_won', `bids b JOIN opportunities o ON o.id = b.opportunity`, 'b.result_date', 'b.amount',
      `o.rep AND b.result = 'won'`);
    grid('d2_sales', `contract_lines l JOIN contracts c ON c.id = l.contract`, 'c.signed_date', 'l.amount', 'c.rep');
    grid('d2_collections', `payments p JOIN contracts c ON c.id = p.contract`, 'p.date', 'p.amount', 'c.rep');
    // C1: payments by as_of go to the oldest plan amounts first; the unpaid part of a plan
    // amount due before as_of is overdue: min(amount, max(0, cumulative plan − paid)).
    out.push({ name: 'c1_aging' + at, sql: `WITH ${rt},
      k AS (SELECT c.id, c.amount FROM contracts c JOIN rt ON rt.rep = c.rep WHERE c.signed_date <= ${A}),
      paid AS (SELECT p.contract, SUM(p.amount) AS paid FROM payments p JOIN k ON k.id = p.contract
               WHERE p.date <= ${A} GROUP BY p.contract),
      pl AS (SELECT pp.contract, pp.due_date, pp.amount,
               SUM(pp.amount) OVER (PARTITION BY pp.contract ORDER BY pp.due_date, pp.seq ROWS UNBOUNDED PRECEDING) AS cum
             FROM payment_plan pp JOIN k ON k.id = pp.contract),
      od AS (SELECT ${x.daysTo(asOf, 'pl.due_date')} AS days,
               CASE WHEN pl.cum - COALESCE(pd.paid, 0) >= pl.amount THEN pl.amount
                    WHEN pl.cum - COALESCE(pd.paid, 0) > 0 THEN pl.cum - COALESCE(pd.paid, 0) ELSE 0 END AS unpaid
             FROM pl LEFT JOIN paid pd ON pd.contract = pl.contract WHERE pl.due_date < ${A})
      SELECT 0 AS b, 0 AS n, (SELECT COALESCE(SUM(amount), 0) FROM k) - (SELECT COALESCE(SUM(paid), 0) FROM paid) AS v
      UNION ALL
      SELECT CASE WHEN days <= 30 THEN 1 WHEN days <= 60 THEN 2 WHEN days <= 90 THEN 3 WHEN days <= 180 THEN 4 ELSE 5 END,
             COUNT(*), SUM(unpaid) FROM od WHERE unpaid > 0 GROUP BY 1
      ORDER BY 1` });
    // C2: R/F/M against the mean of the scored set, compared exactly as x·n vs Σ.
    out.push({ name: 'c2_rfm' + at, sql: `WITH ${rt},
      s AS (SELECT c.customer, c.signed_date, c.amount FROM contracts c JOIN rt ON rt.rep = c.rep WHERE c.signed_date <= ${A}),
      x AS (SELECT customer, ${x.daysTo(asOf, 'MAX(signed_date)')} AS r,
                   SUM(CASE WHEN signed_date >= ${x.d(windowFirst)} THEN 1 ELSE 0 END) AS f,
                   SUM(CASE WHEN signed_date >= ${x.d(windowFirst)} THEN amount ELSE 0 END) AS m
            FROM s GROUP BY customer),
      t AS (SELECT COUNT(*) AS n, SUM(r) AS sr, SUM(f) AS sf, SUM(m) AS sm FROM x)
      SELECT (CASE WHEN x.r * t.n < t.sr THEN 4 ELSE 0 END) + (CASE WHEN x.f * t.n > t.sf THEN 2 ELSE 0 END)
             + (CASE WHEN x.m * t.n > t.sm THEN 1 ELSE 0 END) AS seg, COUNT(*), SUM(x.m)
      FROM x, t GROUP BY 1 ORDER BY 1` });
    // C3 flow over 8 quarters (quarter index = year·4 + quarter − 1).
    const qs = Array.from({ length: 8 }, (_, i) => `SELECT ${q0 + i} AS q`).join(' UNION ALL ');
    out.push({ name: 'c3_flow' + at, sql: `WITH ${rt},
      s AS (SELECT DISTINCT c.customer, ${qidx('c.signed_date')} AS q FROM contracts c JOIN rt ON rt.rep = c.rep
            WHERE c.signed_date <= ${A}),
      f AS (SELECT customer, MIN(q) AS fq FROM s GROUP BY customer),
      cur AS (SELECT s.q, CASE WHEN p.customer IS NOT NULL THEN 1 ELSE 0 END AS kept,
                     CASE WHEN f.fq = s.q THEN 1 ELSE 0 END AS isnew
              FROM s JOIN f ON f.customer = s.customer LEFT JOIN s p ON p.customer = s.customer AND p.q = s.q - 1
              WHERE s.q BETWEEN ${q0} AND ${qLast}),
      gone AS (SELECT s.q + 1 AS q, COUNT(*) AS churned FROM s LEFT JOIN s n ON n.customer = s.customer AND n.q = s.q + 1
               WHERE s.q BETWEEN ${q0 - 1} AND ${qLast - 1} AND n.customer IS NULL GROUP BY s.q + 1),
      prevn AS (SELECT s.q + 1 AS q, COUNT(*) AS n FROM s WHERE s.q BETWEEN ${q0 - 1} AND ${qLast - 1} GROUP BY s.q + 1),
      a AS (SELECT q, COUNT(*) AS active, SUM(isnew) AS fresh, SUM(kept) AS retained, SUM(1 - kept - isnew) AS returned
            FROM cur GROUP BY q),
      qs AS (${qs})
      SELECT qs.q, COALESCE(a.active, 0), COALESCE(a.fresh, 0), COALESCE(a.retained, 0), COALESCE(a.returned, 0),
             COALESCE(g.churned, 0), COALESCE(pv.n, 0)
      FROM qs LEFT JOIN a ON a.q = qs.q LEFT JOIN gone g ON g.q = qs.q LEFT JOIN prevn pv ON pv.q = qs.q ORDER BY qs.q` });
    // C3 Pareto: trailing-365-day sales per customer, A while those ranked above cover < 80%.
    out.push({ name: 'c3_pareto' + at, sql: `WITH ${rt},
      x AS (SELECT c.customer, SUM(c.amount) AS m FROM contracts c JOIN rt ON rt.rep = c.rep
            WHERE c.signed_date BETWEEN ${x.d(windowFirst)} AND ${A} GROUP BY c.customer HAVING SUM(c.amount) > 0),
      r AS (SELECT m, SUM(m) OVER (ORDER BY m DESC, customer ROWS UNBOUNDED PRECEDING) - m AS above FROM x),
      t AS (SELECT SUM(m) AS total FROM x)
      SELECT CASE WHEN r.above * 100 < t.total * 80 THEN 1 WHEN r.above * 100 < t.total * 95 THEN 2 ELSE 3 END AS cls,
             COUNT(*), SUM(r.m)
      FROM r, t GROUP BY 1 ORDER BY 1` });
  }
  return out;
}

// Rows as strings of integers, so int64, BigInt, numeric and HUGEINT compare equal.
export function normalise(rows) {
  return rows.map((r) => r.map((v) => (v === null ? 'null' : typeof v === 'number' ? String(Math.round(v)) : String(v))));
}
