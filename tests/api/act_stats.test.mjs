// A1 read-outs: my to-dos, the loop figures' shape and scope, and the scheduler's metric-goal
// checks (measured values recomputed in SQL). The to-dos and the loop figures against their
// SQL definition are rows of oracles/act_stats.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, subtree, AS_OF as TODAY } from './helpers.mjs';

const close = (a, b, eps = 1e-9) => assert.ok(Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test('my to-dos name their meetings', async () => {
  const rep = await as('rep', 0);
  const r = await rep.get('/api/v1/todos');
  assert.equal(r.status, 200);
  for (const x of r.json.items) assert.ok(x.meeting_id > 0);
});

test('loop figures for an executive: a trend of the months asked for', async () => {
  const ceo = await as('executive');
  const r = await ceo.get('/api/v1/act/stats?months=12');
  assert.equal(r.status, 200);
  assert.equal(r.json.trend.length, 12);
  assert.equal(r.json.trend[11].month, '2026-06');
});

test('a manager sees figures of their own meetings and region only', async () => {
  const m = await as('manager');
  const r = await m.get('/api/v1/act/stats');
  assert.equal(r.status, 200);
  const company = sql('SELECT id FROM regions WHERE parent IS NULL')[0].id;
  for (const row of r.json.overdue_by_region) assert.ok([m.user.region, company].includes(row.id), JSON.stringify(row));
  const names = r.json.by_series.map((s) => s.name);
  assert.ok(names.includes('华东大区销售周会'));
  assert.ok(!names.includes('华南大区销售周会'));
  assert.equal((await m.get('/api/v1/act/stats?series=999999')).status, 404);
  const south = sql(`SELECT id FROM meeting_series WHERE name = '华南大区销售周会'`)[0].id;
  assert.equal((await m.get(`/api/v1/act/stats?series=${south}`)).status, 404);
});

test('the scheduler checked every due goal; values match SQL; unmet done ones are flagged', async () => {
  const due = sql(`SELECT COUNT(*) n FROM resolutions WHERE goal_metric != '' AND status != 'cancelled'
      AND due_date < '${TODAY}'`)[0].n;
  assert.ok(due > 0);
  assert.equal(sql(`SELECT COUNT(*) n FROM goal_checks g JOIN resolutions r ON r.id = g.resolution
      WHERE g.as_of = r.due_date`)[0].n, due);

  // Recompute collection-rate and completion goals of regions in SQL: month to date of the due date.
  const checks = sql(`SELECT r.id, r.goal_metric, r.goal_scope, r.goal_comparator, r.goal_value, r.due_date,
        g.measured, g.met FROM goal_checks g JOIN resolutions r ON r.id = g.resolution
      WHERE r.goal_metric IN ('collection_rate','completion') AND r.goal_scope LIKE 'region:%' ORDER BY r.id LIMIT 6`);
  assert.ok(checks.length > 0);
  for (const c of checks) {
    const region = Number(c.goal_scope.split(':')[1]);
    const first = c.due_date.slice(0, 8) + '01';
    const reps = `${subtree(region)} SELECT p.id FROM reps p WHERE p.region IN (SELECT id FROM sub)`;
    const sales = sql(`SELECT COALESCE(SUM(amount),0) v FROM contracts WHERE rep IN (${reps})
        AND signed_date BETWEEN '${first}' AND '${c.due_date}'`)[0].v;
    let measured = null;
    if (c.goal_metric === 'collection_rate') {
      const coll = sql(`SELECT COALESCE(SUM(y.amount),0) v FROM payments y JOIN contracts k ON k.id = y.contract
          WHERE k.rep IN (${reps}) AND y.date BETWEEN '${first}' AND '${c.due_date}'`)[0].v;
      measured = sales === 0 ? null : coll / sales;
    } else {
      const t = sql(`SELECT value FROM targets WHERE metric = 'sales' AND owner_kind = 'region' AND owner_id = ${region}
          AND month = '${c.due_date.slice(0, 7)}'`);
      measured = t.length && t[0].value > 0 ? sales / t[0].value : null;
    }
    if (measured === null) {
      assert.equal(c.measured, null);
      assert.equal(c.met, 0);
    } else {
      close(c.measured, measured);
      const met = c.goal_comparator === '>=' ? measured >= c.goal_value : c.goal_comparator === '<=' ? measured <= c.goal_value
        : c.goal_comparator === '>' ? measured > c.goal_value : measured < c.goal_value;
      assert.equal(c.met, met ? 1 : 0, `resolution ${c.id}`);
    }
  }

  // A done resolution whose goal was not met is flagged wherever it is shown.
  const flagged = sql(`SELECT r.id, r.meeting FROM resolutions r JOIN goal_checks g ON g.resolution = r.id
      WHERE r.status = 'done' AND g.met = 0 AND g.as_of = r.due_date ORDER BY r.id LIMIT 1`);
  assert.equal(flagged.length, 1, 'the demo has a done resolution with an unmet goal');
  const ceo = await as('executive');
  const mt = await ceo.get(`/api/v1/meetings/${flagged[0].meeting}`);
  const res = mt.json.resolutions.find((x) => x.id === flagged[0].id);
  assert.equal(res.flagged, true);
  assert.equal(res.goal.check.met, false);
  const okOnes = mt.json.resolutions.filter((x) => x.status !== 'done' || !x.goal);
  for (const x of okOnes) assert.equal(x.flagged, false);
});

test('a rep\'s overdue rows by region add up to their cards (issue 9 item 11)', async () => {
  const rep = await as('rep');
  const r = (await rep.get('/api/v1/act/stats')).json;
  const sum = (k) => r.overdue_by_region.reduce((a, x) => a + x[k], 0);
  assert.equal(sum('resolutions'), r.overall.overdue_resolutions);
  assert.equal(sum('actions'), r.overall.overdue_actions);
  assert.equal(r.overdue_by_owner.reduce((a, x) => a + x.resolutions, 0), r.overall.overdue_resolutions);
});
