// A1 read-outs against the SQL definition: my to-dos and the loop figures.
import { AS_OF as TODAY } from '../helpers.mjs';

// A resolution whose metric goal was checked at its due date and met is not overdue (issue 9
// item 12, docs/metrics.md).
const goalMet = (r) => `EXISTS (SELECT 1 FROM goal_checks g WHERE g.resolution = ${r}.id AND g.as_of = ${r}.due_date AND g.met = 1)`;
const todos = ({ user }) => `
    SELECT 'resolution' kind, 0 k, id, due_date,
        CASE WHEN due_date < '${TODAY}' AND NOT ${goalMet('resolutions')} THEN 1 ELSE 0 END overdue FROM resolutions
      WHERE owner = ${user.id} AND status IN ('open','doing')
    UNION ALL
    SELECT 'action', 1, a.id, a.due_date, CASE WHEN a.due_date < '${TODAY}' THEN 1 ELSE 0 END FROM action_items a JOIN resolutions r ON r.id = a.resolution
      WHERE a.owner = ${user.id} AND a.status IN ('todo','doing','blocked') AND r.status != 'cancelled'
    ORDER BY overdue DESC, due_date, k, id`;

const stats = { login: 'executive', endpoint: '/api/v1/act/stats', params: { months: 12 } };
// Resolutions of meetings held by today, not cancelled.
const overall = `
    WITH c AS (SELECT r.*, m.date mdate, ${goalMet('r')} goal_met FROM resolutions r JOIN meetings m ON m.id = r.meeting
               WHERE m.date <= '${TODAY}' AND r.status != 'cancelled')
    SELECT COUNT(*) total,
           SUM(status = 'done' OR due_date < '${TODAY}') closable,
           SUM(status = 'done') done,
           SUM(status = 'done' AND closed_date <= due_date) on_time,
           AVG(CASE WHEN status = 'done' AND closed_date IS NOT NULL THEN julianday(closed_date) - julianday(mdate) END) mean_days,
           SUM(status IN ('open','doing') AND due_date < '${TODAY}' AND NOT goal_met) overdue
    FROM c`;
const overdueActions = `SELECT COUNT(*) n FROM action_items a JOIN resolutions r ON r.id = a.resolution
      JOIN meetings m ON m.id = r.meeting
      WHERE m.date <= '${TODAY}' AND r.status != 'cancelled' AND a.status IN ('todo','doing','blocked') AND a.due_date < '${TODAY}'`;
// One month of the trend: resolutions due in May 2026.
const dueInMay = `SELECT SUM(r.status = 'done') done, SUM(r.status = 'done' OR r.due_date < '${TODAY}') closable
      FROM resolutions r JOIN meetings m ON m.id = r.meeting
      WHERE m.date <= '${TODAY}' AND r.status != 'cancelled' AND substr(r.due_date, 1, 8) = '2026-05-'`;
const f = (a) => a.overall;
const o = (q) => q[0];
const mayFigures = (a) => a.trend.find((x) => x.month === '2026-05').figures;
const rel = { rel: 1e-9 };

export const rows = [
  { login: ['rep', 0], endpoint: '/api/v1/todos', name: 'my to-dos: the open resolutions and action items I own, overdue first',
    sql: todos, compare: 'deepEqual',
    assume: [['the demo gives rep.east1 open items', (x) => x.length > 0],
      ['some overdue, some not', (x) => x.some((t) => t.overdue) && x.some((t) => !t.overdue)]],
    got: (a) => a.items.map((x) => [x.kind, x.id, x.due_date, x.overdue]),
    want: (x) => x.map((t) => [t.kind, t.id, t.due_date, t.overdue === 1]) },

  { ...stats, name: 'loop figures: resolutions', got: (a) => f(a).resolutions, sql: overall, want: (q) => o(q).total },
  { ...stats, name: 'loop figures: closable', got: (a) => f(a).closable, sql: overall, want: (q) => o(q).closable },
  { ...stats, name: 'loop figures: done', got: (a) => f(a).done, sql: overall, want: (q) => o(q).done },
  { ...stats, name: 'loop figures: closure rate', got: (a) => f(a).closure_rate, sql: overall, want: (q) => o(q).done / o(q).closable, compare: rel },
  { ...stats, name: 'loop figures: on-time rate', got: (a) => f(a).on_time_rate, sql: overall, want: (q) => o(q).on_time / o(q).done, compare: rel },
  { ...stats, name: 'loop figures: mean days to close', got: (a) => f(a).mean_days_to_close, sql: overall, want: (q) => o(q).mean_days, compare: rel },
  { ...stats, name: 'loop figures: overdue resolutions', got: (a) => f(a).overdue_resolutions, sql: overall, want: (q) => o(q).overdue },
  { ...stats, name: 'loop figures: overdue action items', got: (a) => f(a).overdue_actions, sql: overdueActions, want: (q) => o(q).n },
  { ...stats, name: 'loop figures: closable in May', got: (a) => mayFigures(a).closable, sql: dueInMay, want: (q) => o(q).closable },
  { ...stats, name: 'loop figures: closure rate in May', got: (a) => mayFigures(a).closure_rate, sql: dueInMay,
    when: (q) => o(q).closable, want: (q) => o(q).done / o(q).closable, compare: rel },
  { ...stats, name: 'loop figures: overdue by owner sums to the totals', sql: { o: overall, acts: overdueActions },
    got: (a) => a.overdue_by_owner.reduce((s, x) => s + x.resolutions + x.actions, 0), want: (q) => o(q.o).overdue + o(q.acts).n },
];
