// D1 cockpit, D2 process, D4 leaderboard and per-capita, contract detail: endpoint figures
// against SQL on the same database (tests/support/oracle.mjs says what a row holds).
import { AS_OF, subtree } from '../helpers.mjs';

const cockpit = { login: 'rep', endpoint: '/api/v1/do/cockpit', params: { as_of: AS_OF } };
const card = (a) => a.cards[0];
const repSales = (from, to) => ({ user }) =>
  `SELECT COALESCE(SUM(amount), 0) AS v FROM contracts WHERE rep = ${user.rep} AND signed_date BETWEEN '${from}' AND '${to}'`;
const subtreeSales = (from, to) => ({ user }) => `${subtree()} SELECT COALESCE(SUM(c.amount), 0) AS v FROM contracts c JOIN reps p ON p.id = c.rep
    JOIN sub ON sub.id = p.region WHERE sub.top = ${user.region} AND c.signed_date BETWEEN '${from}' AND '${to}'`;

const d2 = (login, period) => ({ login, endpoint: '/api/v1/do/process', params: { period, as_of: AS_OF } });
const maySales = `SELECT SUM(amount) AS v, COUNT(*) AS n FROM contracts WHERE signed_date BETWEEN '2026-05-01' AND '2026-05-31'`;
const mayBids = `SELECT SUM(amount) AS v, COUNT(*) AS n FROM bids WHERE result = 'won' AND result_date BETWEEN '2026-05-01' AND '2026-05-31'`;

const board = (login, params = {}) => ({ login, endpoint: '/api/v1/do/leaderboard', params: { period: '2026-05', metric: 'sales', as_of: AS_OF, ...params } });
// The manager's 大区, as the executive filters the leaderboard by it.
const managerRegion = async (c) => ({ region: (await c.userOf('manager', 0)).region });
// Exactly the active reps placed in the region's subtree, with their May sales.
const subtreeReps = async (c) => `${subtree()}
    SELECT p.id, COALESCE((SELECT SUM(amount) FROM contracts c WHERE c.rep = p.id
      AND c.signed_date BETWEEN '2026-05-01' AND '2026-05-31'), 0) AS v
    FROM reps p JOIN sub ON sub.id = p.region WHERE sub.top = ${(await managerRegion(c)).region}
      AND p.hire_date <= '2026-05-31' AND (p.leave_date IS NULL OR p.leave_date >= '2026-05-01')`;
const byNumber = (a, b) => a - b;

// The contract of the rep's first overdue receivable on the cockpit.
const overdue = async (c) => (await c.get(`/api/v1/do/cockpit?as_of=${AS_OF}`)).overdue[0].contract;
const detail = (rest) => ({
  login: 'rep', endpoint: async (c) => `/api/v1/contracts/${await overdue(c)}`, params: { as_of: AS_OF }, ...rest,
  sql: async (c) => rest.sql(await overdue(c)),
});
const paid = (k) => `SELECT COALESCE(SUM(amount), 0) AS v FROM payments WHERE contract = ${k} AND date <= '${AS_OF}'`;
const amount = (k) => `SELECT amount AS v FROM contracts WHERE id = ${k}`;

const perCapita = { login: 'executive', endpoint: '/api/v1/do/per-capita', params: { as_of: AS_OF } };
const may = (a) => a.months.indexOf('2026-05');
// Person-days employed in May over 31 days, computed day by day in SQL.
const mayHeadcount = `WITH RECURSIVE d(day) AS (SELECT '2026-05-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2026-05-31')
      SELECT COUNT(*) * 1.0 / 31 AS hc FROM d JOIN reps p
        ON substr(p.hire_date, 1, 10) <= d.day AND (p.leave_date IS NULL OR substr(p.leave_date, 1, 10) >= d.day)`;

export const rows = [
  // The cockpit's month card: the rep's sales and collections in June through as_of.
  { ...cockpit, name: 'cockpit month card is June', got: (a) => card(a).period.label, want: () => '2026-06' },
  { ...cockpit, name: 'cockpit month card: sales', got: (a) => card(a).sales.actual, sql: repSales('2026-06-01', AS_OF) },
  { ...cockpit, name: 'cockpit month card: collections', got: (a) => card(a).collection.actual,
    sql: ({ user }) => `SELECT COALESCE(SUM(p.amount), 0) AS v FROM payments p JOIN contracts c ON c.id = p.contract
      WHERE c.rep = ${user.rep} AND p.date BETWEEN '2026-06-01' AND '${AS_OF}'` },
  { ...cockpit, name: 'cockpit month card: sales target', got: (a) => card(a).sales.target, want: (o) => o[0]?.v ?? null,
    sql: ({ user }) => `SELECT value AS v FROM targets WHERE metric = 'sales' AND owner_kind = 'rep' AND owner_id = ${user.rep} AND month = '2026-06'` },
  // Activities this week (Monday 2026-06-15 .. as_of).
  { ...cockpit, name: 'cockpit activities of the week', each: (a, o) => o, label: (x) => `activities ${x.type}`,
    got: (a, x) => a.activities[x.type], want: (o, x) => x.n,
    sql: ({ user }) => `SELECT type, COUNT(*) AS n FROM activities WHERE rep = ${user.rep} AND date BETWEEN '2026-06-15' AND '${AS_OF}' GROUP BY type` },

  // A manager's D2 totals: SQL over their subtree.
  { ...d2('manager', '2026-Q2'), name: "manager's D2 sales total of 2026-Q2", got: (a) => a.totals[1].amount, sql: subtreeSales('2026-04-01', AS_OF) },
  { ...d2('manager', '2026-Q2'), name: "manager's D2 sales a year before", got: (a) => a.totals[1].yoy_amount, sql: subtreeSales('2025-04-01', '2025-06-15') },

  // An executive's D2 totals equal the company's: sales, bids won, collections, target.
  { ...d2('executive', '2026-05'), name: 'D2 May sales', got: (a) => a.totals[1].amount, sql: maySales },
  { ...d2('executive', '2026-05'), name: 'D2 May contracts', got: (a) => a.totals[1].count, sql: maySales, want: (o) => o[0].n },
  { ...d2('executive', '2026-05'), name: 'D2 May collections', got: (a) => a.totals[2].amount,
    sql: `SELECT SUM(amount) AS v FROM payments WHERE date BETWEEN '2026-05-01' AND '2026-05-31'` },
  { ...d2('executive', '2026-05'), name: 'D2 May bids won', got: (a) => a.totals[0].amount, sql: mayBids, want: (o) => o[0].v ?? 0 },
  { ...d2('executive', '2026-05'), name: 'D2 May bids won, count', got: (a) => a.totals[0].count, sql: mayBids, want: (o) => o[0].n },
  { ...d2('executive', '2026-05'), name: 'D2 May sales target', got: (a) => a.totals[1].target,
    sql: `SELECT value AS v FROM targets WHERE metric = 'sales' AND owner_kind = 'company' AND month = '2026-05'` },
  { ...d2('executive', '2026-05'), name: 'D2 May sales, the sum of the regions', sql: maySales,
    got: (a) => a.regions.reduce((s, row) => s + row.metrics[1].amount, 0) },

  // The leaderboard: a rep's own value; ranks within a region's subtree.
  { ...board('rep'), name: "leaderboard: the rep's own May sales", got: (a) => a.reps.find((x) => x.own).value, sql: repSales('2026-05-01', '2026-05-31') },
  { ...board('executive'), params: async (c) => ({ ...board().params, ...(await managerRegion(c)) }),
    name: 'leaderboard region filter: exactly the active reps of the subtree', sql: subtreeReps, compare: 'deepEqual',
    got: (a) => a.reps.map((x) => x.id).sort(byNumber), want: (o) => o.map((x) => x.id).sort(byNumber) },
  { ...board('executive'), params: async (c) => ({ ...board().params, ...(await managerRegion(c)) }),
    name: 'leaderboard region filter: ranked by May sales', sql: subtreeReps, each: (a) => a.reps, label: (row) => `rank of rep ${row.id}`,
    got: (a, row) => row.rank, want: (o, row) => o.filter((x) => x.v > o.find((y) => y.id === row.id).v).length + 1 },

  // Contract detail of the cockpit's overdue receivable: plan status, payments and lines.
  detail({ name: 'contract detail: paid', got: (a) => a.paid, sql: paid }),
  detail({ name: 'contract detail: receivable', got: (a) => a.receivable, sql: (k) => ({ paid: paid(k), k: amount(k) }),
    want: (o) => o.k[0].v - o.paid[0].v }),
  detail({ name: 'contract detail: lines', got: (a) => a.lines.length, sql: (k) => `SELECT COUNT(*) AS v FROM contract_lines WHERE contract = ${k}` }),
  detail({ name: 'contract detail: the plan adds up to the amount', got: (a) => a.plan.reduce((s, p) => s + p.amount, 0), sql: amount }),
  detail({ name: 'contract detail: the plan paid is what was paid', got: (a) => a.plan.reduce((s, p) => s + p.paid, 0),
    sql: (k) => ({ paid: paid(k), k: amount(k) }), want: (o) => Math.min(o.paid[0].v, o.k[0].v) }),

  // Per-capita of May 2026: sales / mean daily headcount.
  { ...perCapita, name: 'per-capita: May headcount', got: (a) => a.total.headcount[may(a)], sql: mayHeadcount, want: (o) => o[0].hc,
    compare: { abs: 1e-9 } },
  { ...perCapita, name: 'per-capita: May sales per head', got: (a) => a.total.per_capita[may(a)],
    sql: { h: mayHeadcount, s: `SELECT SUM(amount) AS v FROM contracts WHERE signed_date BETWEEN '2026-05-01' AND '2026-05-31'` },
    want: (o) => o.s[0].v / o.h[0].hc, compare: { abs: 1e-6 } },
];
