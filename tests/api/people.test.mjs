// People (issue 9 items 8, 12 and 15): employee numbers beside rep names, a rep's to-dos on
// their cockpit for managers and executives, and resolutions whose metric goal is met.
// Expected values come from SQL over the server's database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, AS_OF } from './helpers.mjs';

const TODAY = AS_OF;
const byId = (rows) => [...rows].sort((a, b) => a - b);
// Open items owned by a user, as GET /todos lists them: resolutions open or doing, action items
// not done under a resolution that is not cancelled.
const openItems = (user) => ({
  resolutions: sql(`SELECT id FROM resolutions WHERE owner = ${user} AND status IN ('open','doing')`).map((r) => r.id),
  actions: sql(`SELECT a.id FROM action_items a JOIN resolutions r ON r.id = a.resolution
      WHERE a.owner = ${user} AND a.status IN ('todo','doing','blocked') AND r.status <> 'cancelled'`).map((r) => r.id),
});
const ids = (items, kind) => byId(items.filter((x) => x.kind === kind).map((x) => x.id));

test('every rep has an employee number, unique ignoring case and spaces', () => {
  const [r] = sql(`SELECT COUNT(*) n, COUNT(DISTINCT lower(trim(employee_no))) k, SUM(trim(employee_no) = '') blank FROM reps`);
  assert.ok(r.n > 0);
  assert.equal(r.k, r.n);
  assert.equal(r.blank, 0);
});

test('rep lists answer employee_no beside the name; same-named reps are told apart', async () => {
  const exec = await as('executive');
  const emp = new Map(sql('SELECT id, employee_no FROM reps').map((r) => [r.id, r.employee_no]));
  const same = sql(`SELECT name, group_concat(id) ids FROM reps GROUP BY name HAVING COUNT(*) > 1`);
  assert.ok(same.length > 0, 'the demo has two reps of the same name');
  const twins = same[0].ids.split(',').map(Number);
  // D3 by rep
  const d3 = (await exec.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=rep`)).json;
  assert.ok(d3.rows.length > 0);
  for (const row of d3.rows) assert.equal(row.employee_no, emp.get(row.id), `D3 rep ${row.id}`);
  // D4 ranking
  const d4 = (await exec.get(`/api/v1/do/leaderboard?period=2026-06&as_of=${AS_OF}`)).json;
  for (const row of d4.reps) assert.equal(row.employee_no, emp.get(row.id), `D4 rep ${row.id}`);
  const d4twins = d4.reps.filter((r) => twins.includes(r.id));
  assert.equal(d4twins.length, 2);
  assert.equal(d4twins[0].name, d4twins[1].name);
  assert.notEqual(d4twins[0].employee_no, d4twins[1].employee_no);
  // D2 reps and the D1 header and picker
  const d2 = (await exec.get(`/api/v1/do/process?period=2026-06&as_of=${AS_OF}`)).json;
  for (const row of d2.reps) assert.equal(row.employee_no, emp.get(row.id), `D2 rep ${row.id}`);
  const d1 = (await exec.get(`/api/v1/do/cockpit?rep=${twins[1]}&as_of=${AS_OF}`)).json;
  assert.equal(d1.rep.employee_no, emp.get(twins[1]));
  for (const r of d1.reps) assert.equal(r.employee_no, emp.get(r.id));
  // The target grid of the twins' 大区
  const [{ top }] = sql(`SELECT CASE WHEN g.level = 1 THEN g.id ELSE g.parent END top FROM reps p
      JOIN regions g ON g.id = p.region WHERE p.id = ${twins[0]}`);
  const grid = (await exec.get(`/api/v1/targets/grid?year=2026&metric=sales&owner=rep&region=${top}`)).json;
  const rows = grid.rows.filter((r) => twins.includes(r.id));
  assert.equal(rows.length, 2, JSON.stringify(grid.rows.map((r) => r.id)));
  assert.deepEqual(rows.map((r) => r.employee_no).sort(), twins.map((t) => emp.get(t)).sort());
});

test('D1 to-dos: a manager sees the shown rep\'s open items, and their own without rep=', async () => {
  const mgr = await as('manager');
  const rep = await as('rep');  // rep.east1, in mgr.east's region
  const want = openItems(rep.user.id);
  assert.ok(want.resolutions.length + want.actions.length > 0, 'the demo rep has open items');
  const theirs = (await mgr.get(`/api/v1/todos?rep=${rep.user.rep}&page_size=200`)).json;
  assert.equal(theirs.owner.id, rep.user.id);
  // A manager sees every meeting of their region's series; the rep's items lie there or in
  // company meetings the manager attends: a subset, never someone else's.
  for (const id of ids(theirs.items, 'resolution')) assert.ok(want.resolutions.includes(id), `resolution ${id}`);
  for (const id of ids(theirs.items, 'action')) assert.ok(want.actions.includes(id), `action ${id}`);
  assert.ok(theirs.items.length > 0);
  // The executive sees every meeting: exactly the rep's open items.
  const exec = await as('executive');
  const all = (await exec.get(`/api/v1/todos?rep=${rep.user.rep}&page_size=200`)).json;
  assert.deepEqual(ids(all.items, 'resolution'), byId(want.resolutions));
  assert.deepEqual(ids(all.items, 'action'), byId(want.actions));
  // Without rep=: the caller's own.
  const own = (await mgr.get('/api/v1/todos?page_size=200')).json;
  const mine = openItems(mgr.user.id);
  assert.equal(own.owner.id, mgr.user.id);
  assert.deepEqual(ids(own.items, 'resolution'), byId(mine.resolutions));
  assert.deepEqual(ids(own.items, 'action'), byId(mine.actions));
  // Outside the caller's scope: 404, never the items.
  const [{ other }] = sql(`SELECT id other FROM reps WHERE id <> ${rep.user.rep} ORDER BY id LIMIT 1`);
  assert.equal((await rep.get(`/api/v1/todos?rep=${other}`)).status, 404);
  assert.equal((await rep.get(`/api/v1/todos?rep=${rep.user.rep}`)).json.owner.id, rep.user.id);
  const south = await as('rep', 2);
  assert.equal((await mgr.get(`/api/v1/todos?rep=${south.user.rep}`)).status, 404);
  assert.equal((await mgr.get('/api/v1/todos?rep=abc')).status, 422);
});

test('a resolution whose metric goal is met is not overdue; its owner closes it in one click', async () => {
  const mgr = await as('manager');
  const met = `EXISTS (SELECT 1 FROM goal_checks g WHERE g.resolution = r.id AND g.as_of = r.due_date AND g.met = 1)`;
  const [pick] = sql(`SELECT r.id, r.meeting FROM resolutions r WHERE r.owner = ${mgr.user.id}
      AND r.status IN ('open','doing') AND r.due_date < '${TODAY}' AND ${met} ORDER BY r.id DESC LIMIT 1`);
  assert.ok(pick, 'the demo has an open resolution of mgr.east whose goal is met');
  const overdueSql = () => sql(`SELECT COUNT(*) n FROM resolutions r JOIN meetings m ON m.id = r.meeting
      WHERE m.date <= '${TODAY}' AND r.status IN ('open','doing') AND r.due_date < '${TODAY}' AND NOT ${met}`)[0].n;
  const exec = await as('executive');
  const before = (await exec.get('/api/v1/act/stats')).json.overall;
  assert.equal(before.overdue_resolutions, overdueSql());

  const detail = (await mgr.get(`/api/v1/meetings/${pick.meeting}`)).json;
  const r = detail.resolutions.find((x) => x.id === pick.id);
  assert.equal(r.goal_met, true);
  assert.equal(r.goal.check.met, true);
  assert.equal(r.overdue, false);
  assert.equal(r.can_confirm, true);
  const todo = (await mgr.get('/api/v1/todos?kind=resolution&page_size=200')).json.items.find((x) => x.id === pick.id);
  assert.equal(todo.goal_met, true);
  assert.equal(todo.overdue, false);
  // Someone who may not move its status is not offered the click.
  const rep = await as('rep');
  const seen = await rep.get(`/api/v1/meetings/${pick.meeting}`);
  if (seen.status === 200) assert.equal(seen.json.resolutions.find((x) => x.id === pick.id)?.can_confirm ?? false, false);

  const audits = sql(`SELECT COUNT(*) n FROM audit_log`)[0].n;
  const done = await mgr.req('PATCH', `/api/v1/resolutions/${pick.id}`, { status: 'done' });
  assert.equal(done.status, 200, JSON.stringify(done.json));
  assert.deepEqual(sql(`SELECT status, closed_date FROM resolutions WHERE id = ${pick.id}`), [{ status: 'done', closed_date: TODAY }]);
  assert.ok(sql(`SELECT COUNT(*) n FROM audit_log`)[0].n > audits, 'the status change is audited');
  const after = (await exec.get('/api/v1/act/stats')).json.overall;
  assert.equal(after.overdue_resolutions, overdueSql());
  assert.equal(after.overdue_resolutions, before.overdue_resolutions, 'it was never counted overdue');
  assert.equal(after.done, before.done + 1);
  const again = (await mgr.get(`/api/v1/meetings/${pick.meeting}`)).json.resolutions.find((x) => x.id === pick.id);
  assert.equal(again.can_confirm, false);
  assert.equal(again.flagged, false, 'done with its goal met: not flagged');
});
