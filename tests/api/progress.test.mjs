// D3 over HTTP: the figures derived from each row, scopes and totals. The actuals and targets
// against SQL run by the sqlite3 shell are rows of oracles/progress.mjs. as_of is pinned to
// 2026-06-15 (the demo's as_of and the server's --today).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, AS_OF, otherRegion } from './helpers.mjs';

const Q2 = { days: 91, elapsed: 30 + 31 + 15 };

function close(a, b, what) {
  assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} != ${b}`);
}

test('region rows of 2026-Q2: completion, gap, projection and status from actual and target', async () => {
  const c = await as('executive');
  const r = await c.get(`/api/v1/do/progress?period=2026-Q2&as_of=${AS_OF}&level=region`);
  assert.equal(r.status, 200);
  assert.equal(r.json.period.elapsed, Q2.elapsed);
  for (const row of r.json.rows) {
    close(row.completion, row.actual / row.target, `completion of ${row.name}`);
    close(row.time_progress, Q2.elapsed / Q2.days, 'time progress');
    close(row.gap, row.actual / row.target - Q2.elapsed / Q2.days, `gap of ${row.name}`);
    close(row.projected, (row.actual / Q2.elapsed) * Q2.days, `projected of ${row.name}`);
    close(row.required_daily, Math.max(0, (row.target - row.actual) / (Q2.days - Q2.elapsed)), 'required daily');
    const points = (row.completion - row.time_progress) * 100;
    const status = points >= 0 ? 'ahead' : points >= -10 ? 'at_risk' : 'behind';
    assert.equal(row.status, status, `status of ${row.name}`);
  }
});

test('rep rows of one region and the collection metric add up to the region', async () => {
  const c = await as('executive');
  const [region] = sql('SELECT id FROM regions WHERE level = 1 ORDER BY id LIMIT 1');
  const r = await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=rep&region=${region.id}&metric=collection`);
  assert.equal(r.status, 200);
  const sum = r.json.rows.reduce((s, row) => s + row.actual, 0);
  assert.equal(r.json.parent.actual, sum);
  assert.equal(r.json.metric, 'collection');
});

test('a rep sees only their own row', async () => {
  const c = await as('rep');
  const mine = await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=rep`);
  assert.equal(mine.status, 200);
  assert.equal(mine.json.rows.length, 1);
  assert.equal(mine.json.rows[0].id, c.user.rep);
  assert.equal(mine.json.parent, null);
  for (const level of ['region', 'company']) {
    const r = await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=${level}`);
    assert.equal(r.status, 403, level);
  }
  const [region] = sql('SELECT id FROM regions WHERE level = 1 LIMIT 1');
  const other = await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=rep&region=${region.id}`);
  assert.equal(other.status, 403);
  assert.equal((await c.get('/api/v1/regions')).json.regions.length, 0);
});

test("a manager sees their region and its reps, and their totals add up", async () => {
  const c = await as('manager');
  const regions = await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=region`);
  assert.equal(regions.status, 200);
  assert.equal(regions.json.rows.length, 1);
  assert.equal(regions.json.rows[0].id, c.user.region);
  assert.equal(regions.json.parent, null);
  const reps = await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=rep&region=${c.user.region}`);
  assert.equal(reps.status, 200);
  const sum = reps.json.rows.reduce((s, x) => s + x.actual, 0);
  assert.equal(reps.json.parent.actual, sum);
  assert.equal(regions.json.rows[0].actual, sum);
  const other = otherRegion(c.user.region);
  const denied = await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=rep&region=${other.id}`);
  assert.equal(denied.status, 403);
  assert.equal((await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=company`)).status, 403);
});
