// D3 over HTTP against an independent implementation: SQL run by the sqlite3 shell on
// the same database. as_of is pinned to 2026-06-15 (the demo's as_of and the server's --today).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql } from './helpers.mjs';

const AS_OF = '2026-06-15';
const Q2 = { first: '2026-04-01', months: ['2026-04', '2026-06'], days: 91, elapsed: 30 + 31 + 15 };

const SUBTREE = `WITH RECURSIVE sub(id, top) AS (
  SELECT id, id FROM regions WHERE level = 1
  UNION ALL SELECT r.id, sub.top FROM regions r JOIN sub ON r.parent = sub.id)`;

function byId(rows, key, value) {
  return Object.fromEntries(rows.map((r) => [r[key], r[value]]));
}

function close(a, b, what) {
  assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} != ${b}`);
}

test('region rows of 2026-Q2 equal SQL sums of contracts and region targets', async () => {
  const c = await as('executive');
  const r = await c.get(`/api/v1/do/progress?period=2026-Q2&as_of=${AS_OF}&level=region`);
  assert.equal(r.status, 200);
  assert.equal(r.json.period.elapsed, Q2.elapsed);
  const actual = byId(sql(`${SUBTREE} SELECT sub.top AS id, SUM(c.amount) AS v FROM contracts c
      JOIN reps p ON p.id = c.rep JOIN sub ON sub.id = p.region
      WHERE c.signed_date BETWEEN '${Q2.first}' AND '${AS_OF}' GROUP BY sub.top`), 'id', 'v');
  const target = byId(sql(`SELECT owner_id AS id, SUM(value) AS v FROM targets
      WHERE metric = 'sales' AND owner_kind = 'region' AND month BETWEEN '${Q2.months[0]}' AND '${Q2.months[1]}'
      GROUP BY owner_id`), 'id', 'v');
  const regions = sql('SELECT id FROM regions WHERE level = 1');
  assert.equal(r.json.rows.length, regions.length);
  for (const row of r.json.rows) {
    assert.equal(row.actual, actual[row.id] ?? 0, `actual of ${row.name}`);
    assert.equal(row.target, target[row.id], `target of ${row.name}`);
    close(row.completion, row.actual / row.target, `completion of ${row.name}`);
    close(row.time_progress, Q2.elapsed / Q2.days, 'time progress');
    close(row.gap, row.actual / row.target - Q2.elapsed / Q2.days, `gap of ${row.name}`);
    close(row.projected, (row.actual / Q2.elapsed) * Q2.days, `projected of ${row.name}`);
    close(row.required_daily, Math.max(0, (row.target - row.actual) / (Q2.days - Q2.elapsed)), 'required daily');
    const points = (row.completion - row.time_progress) * 100;
    const status = points >= 0 ? 'ahead' : points >= -10 ? 'at_risk' : 'behind';
    assert.equal(row.status, status, `status of ${row.name}`);
  }
  const [company] = sql(`SELECT SUM(amount) AS v FROM contracts WHERE signed_date BETWEEN '${Q2.first}' AND '${AS_OF}'`);
  assert.equal(r.json.parent.actual, company.v);
});

test('rep rows of one region and the collection metric equal SQL', async () => {
  const c = await as('executive');
  const [region] = sql('SELECT id FROM regions WHERE level = 1 ORDER BY id LIMIT 1');
  const r = await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=rep&region=${region.id}&metric=collection`);
  assert.equal(r.status, 200);
  const actual = byId(sql(`${SUBTREE} SELECT c.rep AS id, SUM(p.amount) AS v FROM payments p
      JOIN contracts c ON c.id = p.contract JOIN reps rp ON rp.id = c.rep JOIN sub ON sub.id = rp.region
      WHERE sub.top = ${region.id} AND p.date BETWEEN '2026-06-01' AND '${AS_OF}' GROUP BY c.rep`), 'id', 'v');
  const target = byId(sql(`SELECT owner_id AS id, value AS v FROM targets
      WHERE metric = 'collection' AND owner_kind = 'rep' AND month = '2026-06'`), 'id', 'v');
  const listed = new Set(r.json.rows.map((x) => x.id));
  for (const id of Object.keys(actual)) assert.ok(listed.has(Number(id)), `rep ${id} with collections is listed`);
  let sum = 0;
  for (const row of r.json.rows) {
    assert.equal(row.actual, actual[row.id] ?? 0, `actual of ${row.name}`);
    assert.equal(row.target, target[row.id] ?? null, `target of ${row.name}`);
    sum += row.actual;
  }
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
  const [own] = sql(`SELECT COALESCE(SUM(amount), 0) AS v FROM contracts WHERE rep = ${c.user.rep}
      AND signed_date BETWEEN '2026-06-01' AND '${AS_OF}'`);
  assert.equal(mine.json.rows[0].actual, own.v);
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
  const [other] = sql(`SELECT id FROM regions WHERE level = 1 AND id <> ${c.user.region} LIMIT 1`);
  const denied = await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=rep&region=${other.id}`);
  assert.equal(denied.status, 403);
  assert.equal((await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=company`)).status, 403);
});
