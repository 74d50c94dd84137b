// D2's anomalies grouped by unit (issue 9 item 4): the groups partition exactly the flat list
// (every anomaly in one group, counts adding up), the amount at stake and the order (severity,
// then amount at stake) recomputed here from the flat list's own fields after docs/metrics.md,
// and the groups paged server-side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, AS_OF } from './helpers.mjs';

const RULES = ['yoy', 'z', 'completion'];
const METRICS = ['bids_won', 'sales', 'collection'];

// The amount at stake of one flat anomaly, as docs/metrics.md defines it: the largest
// |actual − expected| of the rules that fired; a bids-won completion gap valued at the month's
// mean won bid (0 with none won).
function stakeOf(a) {
  let s = 0;
  if (a.rules.includes('yoy') && a.last_year !== null) s = Math.max(s, Math.abs(a.last_year - a.value));
  if (a.rules.includes('z') && a.median !== null) s = Math.max(s, Math.abs(a.value - Math.round(a.median)));
  if (a.rules.includes('completion') && a.target !== null && a.time_progress !== null) {
    const pace = Math.round(a.target * a.time_progress);
    if (a.metric !== 'bids_won') s = Math.max(s, Math.abs(pace - a.value));
    else if (a.count > 0) s = Math.max(s, Math.round((Math.abs(pace - a.count) * a.value) / a.count));
  }
  return s;
}

// Every group of a query, all pages read.
async function allGroups(c, query) {
  const groups = [];
  let summary = null;
  for (let page = 1; ; page++) {
    const r = await c.get(`/api/v1/do/process?${query}&anomaly_limit=10000&anomaly_page_size=7&anomaly_page=${page}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.anomaly_page, page);
    assert.equal(r.json.anomaly_page_size, 7);
    summary = r.json.anomaly_summary;
    if (!r.json.anomaly_groups.length) break;
    assert.ok(r.json.anomaly_groups.length <= 7);
    groups.push(...r.json.anomaly_groups);
  }
  const flat = (await c.get(`/api/v1/do/process?${query}&anomaly_limit=10000`)).json;
  assert.equal(flat.anomalies.length, flat.anomalies_total);
  return { groups, summary, flat: flat.anomalies };
}

function checkPartition({ groups, summary, flat }, label) {
  // The groups from the flat list, built here.
  const byUnit = new Map();
  flat.forEach((a, i) => {
    const u = `${a.unit}:${a.id}`;
    if (!byUnit.has(u)) byUnit.set(u, []);
    byUnit.get(u).push({ a, i, stake: stakeOf(a) });
  });
  assert.equal(groups.length, byUnit.size, `${label}: one group per unit`);
  assert.equal(summary.groups, byUnit.size);
  const seen = new Set();
  let high = 0, medium = 0, highGroups = 0, rest = 0;
  for (const g of groups) {
    const mine = byUnit.get(`${g.unit}:${g.id}`);
    assert.ok(mine, `${label}: group ${g.unit}:${g.id} has anomalies`);
    assert.equal(g.name, mine[0].a.name);
    assert.equal(g.count, mine.length);
    assert.equal(g.anomalies.length, mine.length);
    const h = mine.filter((x) => x.a.severity === 'high').length;
    assert.equal(g.high, h);
    assert.equal(g.medium, mine.length - h);
    assert.equal(g.severity, h > 0 ? 'high' : 'medium');
    assert.equal(g.at_stake, mine.reduce((s, x) => s + x.stake, 0), `${label}: ${g.unit}:${g.id} at stake`);
    assert.deepEqual(g.rules, RULES.filter((r) => mine.some((x) => x.a.rules.includes(r))));
    assert.deepEqual(g.metrics, METRICS.filter((m) => mine.some((x) => x.a.metric === m)));
    assert.deepEqual(g.months, [...new Set(mine.map((x) => x.a.month))].sort());
    // Inside: high first, then the larger amount at stake, then the flat list's order.
    const want = [...mine].sort((x, y) => (x.a.severity === y.a.severity ? 0 : x.a.severity === 'high' ? -1 : 1) || y.stake - x.stake || x.i - y.i);
    assert.deepEqual(g.anomalies.map((a) => a.key), want.map((x) => x.a.key), `${label}: order inside ${g.unit}:${g.id}`);
    for (const [k, a] of g.anomalies.entries()) {
      const f = want[k].a;
      assert.ok(!seen.has(a.key), `${a.key} in one group only`);
      seen.add(a.key);
      assert.equal(a.at_stake, want[k].stake, a.key);
      for (const field of ['metric', 'month', 'severity', 'value', 'count', 'last_year', 'yoy_basis', 'target']) assert.deepEqual(a[field], f[field], `${a.key} ${field}`);
      assert.deepEqual(a.rules, f.rules);
      for (const field of ['yoy', 'z', 'completion', 'time_progress']) {
        if (f[field] === null) assert.equal(a[field], null);
        else assert.ok(Math.abs(a[field] - f[field]) <= 1e-6, `${a.key} ${field}`);
      }
      for (const field of ['median', 'mad']) {
        if (f[field] === null) assert.equal(a[field], null);
        else assert.ok(Math.abs(a[field] - f[field]) <= 0.5, `${a.key} ${field}`);
      }
      assert.equal(a.pace_target, f.target !== null && f.time_progress !== null ? Math.round(f.target * f.time_progress) : null);
      if (f.completion === null || f.time_progress === null) assert.equal(a.gap, null);
      else assert.ok(Math.abs(a.gap - (f.completion - f.time_progress)) <= 1e-6);
      assert.deepEqual(a.acks, f.acks);
    }
    high += h;
    medium += mine.length - h;
    if (h > 0) highGroups++;
    else rest += mine.length;
  }
  assert.equal(seen.size, flat.length, `${label}: every anomaly in a group`);
  assert.deepEqual(summary, { groups: byUnit.size, high_groups: highGroups, high, medium, rest });
  // Ranked: high groups first, then the larger amount at stake, more anomalies, 大区 before reps, id.
  for (let k = 1; k < groups.length; k++) {
    const x = groups[k - 1], y = groups[k];
    const key = (g) => [g.severity === 'high' ? 0 : 1, -g.at_stake, -g.count, g.unit === 'region' ? 0 : 1, g.id];
    const [kx, ky] = [key(x), key(y)];
    const cmp = kx.findIndex((v, i) => v !== ky[i]);
    assert.ok(cmp >= 0 && kx[cmp] < ky[cmp], `${label}: ${x.unit}:${x.id} before ${y.unit}:${y.id}`);
  }
}

test('the groups partition the flat list, counted and ranked as docs/metrics.md says', async () => {
  for (const role of ['executive', 'manager', 'rep']) {
    const c = await as(role);
    for (const period of ['2026', '2026-Q2', '2026-06']) {
      const all = await allGroups(c, `period=${period}&as_of=${AS_OF}`);
      if (role !== 'rep') assert.ok(all.flat.length > 0, `${role} ${period}: anomalies`);
      checkPartition(all, `${role} ${period}`);
    }
  }
});

test('a page of groups is that slice of the ranking; the default page holds 10 groups', async () => {
  const c = await as('executive');
  const q = `period=2026&as_of=${AS_OF}`;
  const { groups } = await allGroups(c, q);
  assert.ok(groups.length > 10, `more than a page of units (${groups.length})`);
  const first = (await c.get(`/api/v1/do/process?${q}`)).json;
  assert.equal(first.anomaly_page, 1);
  assert.equal(first.anomaly_page_size, 10);
  assert.deepEqual(first.anomaly_groups.map((g) => `${g.unit}:${g.id}`), groups.slice(0, 10).map((g) => `${g.unit}:${g.id}`));
  const third = (await c.get(`/api/v1/do/process?${q}&anomaly_page=3&anomaly_page_size=4`)).json;
  assert.deepEqual(third.anomaly_groups.map((g) => `${g.unit}:${g.id}`), groups.slice(8, 12).map((g) => `${g.unit}:${g.id}`));
  // The flat list is as before: anomaly_limit, not the group page, bounds it.
  assert.equal(third.anomalies.length, Math.min(200, third.anomalies_total));
  const past = (await c.get(`/api/v1/do/process?${q}&anomaly_page=1000`)).json;
  assert.deepEqual(past.anomaly_groups, []);
  assert.equal(past.anomaly_summary.groups, groups.length);
  for (const [name, bad] of [['anomaly_page', '0'], ['anomaly_page_size', '101'], ['anomaly_page_size', 'x']]) {
    const r = await c.get(`/api/v1/do/process?${q}&${name}=${bad}`);
    assert.equal(r.status, 422, `${name}=${bad}`);
    assert.equal(r.json.error.field, name);
  }
});

test('the anomalies file carries each row’s amount at stake and its unit’s rank', async () => {
  const c = await as('executive');
  const q = `period=2026-Q2&as_of=${AS_OF}`;
  const { groups, flat } = await allGroups(c, q);
  const file = (await c.get(`/api/v1/do/process?${q}&table=anomalies&format=json&lang=en`)).json;
  assert.equal(file.rows.length, flat.length);
  const rank = new Map(groups.map((g, i) => [`${g.unit}:${g.id}`, i + 1]));
  flat.forEach((a, i) => {
    assert.equal(file.rows[i].at_stake, stakeOf(a), a.key);
    assert.equal(file.rows[i].group_rank, rank.get(`${a.unit}:${a.id}`), a.key);
  });
  const headers = file.columns.map((col) => col.header);
  assert.ok(headers.includes('Amount at stake (yuan)'), headers.join('|'));
  assert.ok(headers.includes('Unit rank'));
});
