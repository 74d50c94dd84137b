// Issue 9 items 6 and 20 over HTTP: D3's projection and required daily rate wait until 20 % of
// the period has passed (the answer says why), and the rep tables of D3, D4 and D2 are sorted
// and paged on the server. Expected figures and orders come from SQL run by the sqlite3 shell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, subtree, AS_OF } from './helpers.mjs';

const close = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} != ${b}`);

// Sales (signed contract amount) per 大区 between two dates, and its sales target for months.
function regionSales(first, last) {
  const rows = sql(`${subtree()} SELECT sub.top AS id, COALESCE(SUM(c.amount), 0) AS amount
    FROM sub JOIN reps r ON r.region = sub.id JOIN contracts c ON c.rep = r.id
    WHERE c.signed_date BETWEEN '${first}' AND '${last}' GROUP BY sub.top`);
  return new Map(rows.map((r) => [r.id, r.amount]));
}
function regionTarget(id, months) {
  const [r] = sql(`SELECT SUM(value) AS v FROM targets WHERE metric = 'sales' AND owner_kind = 'region'
    AND owner_id = ${id} AND month IN (${months.map((m) => `'${m}'`).join(',')})`);
  return r.v;
}

test('D3 on 1 December: no projection or required rate yet, and the answer says why', async () => {
  const c = await as('executive');
  const r = await c.get('/api/v1/do/progress?period=2026-12&as_of=2026-12-01&level=region');
  assert.equal(r.status, 200);
  assert.equal(r.json.period.early_days, 7);  // 31 days × 20 % = 6.2 → 7
  for (const row of [...r.json.rows, r.json.parent]) {
    assert.equal(row.projected, null, row.name);
    assert.equal(row.projection_basis, 'too_early', row.name);
    assert.equal(row.required_daily, null, row.name);
    assert.equal(row.required_daily_basis, row.target === null ? 'no_target' : 'too_early', row.name);
    close(row.time_progress, 1 / 31, 'time progress');
  }
});

test('D3 on 20 December: projection = actual / 20 × 31, required = (target − actual) / 11', async () => {
  const c = await as('executive');
  const r = await c.get('/api/v1/do/progress?period=2026-12&as_of=2026-12-20&level=region');
  assert.equal(r.status, 200);
  const sales = regionSales('2026-12-01', '2026-12-20');
  for (const row of r.json.rows) {
    const actual = sales.get(row.id) ?? 0;
    const target = regionTarget(row.id, ['2026-12']);
    assert.equal(row.actual, actual, row.name);
    assert.equal(row.projection_basis, 'normal');
    close(row.projected, (actual / 20) * 31, `projected of ${row.name}`);
    if (target === null) assert.equal(row.required_daily, null);
    else close(row.required_daily, Math.max(0, target - actual) / 11, `required of ${row.name}`);
  }
});

test('D3 in June on the demo data: day 5 of 30 too early, day 6 projected from SQL actuals', async () => {
  const c = await as('executive');
  const early = await c.get('/api/v1/do/progress?period=2026-06&as_of=2026-06-05&level=region');
  assert.equal(early.status, 200);
  assert.ok(early.json.rows.every((row) => row.projected === null && row.projection_basis === 'too_early'));
  const r = await c.get('/api/v1/do/progress?period=2026-06&as_of=2026-06-06&level=region');
  const sales = regionSales('2026-06-01', '2026-06-06');
  assert.ok([...sales.values()].some((v) => v > 0), 'the demo has June sales');
  for (const row of r.json.rows) {
    close(row.projected, ((sales.get(row.id) ?? 0) / 6) * 30, `projected of ${row.name}`);
    const target = regionTarget(row.id, ['2026-06']);
    close(row.required_daily, Math.max(0, target - (sales.get(row.id) ?? 0)) / 24, `required of ${row.name}`);
  }
  // A quarter on 6 June is 67 days in (≥ 19 of 91): shown.
  const q = await c.get('/api/v1/do/progress?period=2026-Q2&as_of=2026-06-06&level=region');
  assert.ok(q.json.rows.every((row) => row.projection_basis === 'normal' && row.projected !== null));
});

// The reps of the largest 大区 and their sales in 2026-Q2 through AS_OF, from SQL.
function bigRegion() {
  return sql(`${subtree()} SELECT sub.top AS id, COUNT(*) AS n FROM sub JOIN reps r ON r.region = sub.id
    GROUP BY sub.top ORDER BY n DESC, sub.top LIMIT 1`)[0].id;
}
function repSales(first, last) {
  const rows = sql(`SELECT rep AS id, SUM(amount) AS amount FROM contracts
    WHERE signed_date BETWEEN '${first}' AND '${last}' GROUP BY rep`);
  return new Map(rows.map((r) => [r.id, r.amount]));
}
// ids ordered by a value (null lowest, as SQL), ties by id, in the given direction.
function orderBy(ids, value, desc) {
  const rows = ids.map((id) => `SELECT ${id} AS id, ${value(id) ?? 'NULL'} AS v`).join(' UNION ALL ');
  const dir = desc ? 'DESC' : 'ASC';
  return sql(`SELECT id FROM (${rows}) AS r ORDER BY CASE WHEN v IS NULL THEN 0 ELSE 1 END ${dir}, v ${dir}, id`).map((r) => r.id);
}

test('D3 rep rows: sorted on the server as SQL sorts, paged with a total', async () => {
  const c = await as('executive');
  const region = bigRegion();
  const base = `/api/v1/do/progress?period=2026-Q2&as_of=${AS_OF}&level=rep&region=${region}`;
  const all = await c.get(base);
  assert.equal(all.status, 200);
  assert.equal(all.json.total, all.json.rows.length);  // the default page (50) holds every rep
  assert.equal(all.json.page, 1);
  assert.equal(all.json.page_size, 50);
  const ids = all.json.rows.map((r) => r.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'the default order is the reps in id order');
  const sales = repSales('2026-04-01', AS_OF);
  for (const desc of [true, false]) {
    const r = await c.get(`${base}&sort=actual&order=${desc ? 'desc' : 'asc'}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.sort, 'actual');
    assert.deepEqual(r.json.rows.map((x) => x.id), orderBy(ids, (id) => sales.get(id) ?? 0, desc));
  }
  // Completion sorts with the reps without a target (null) last when descending.
  const byCompletion = await c.get(`${base}&sort=completion&order=desc`);
  const comp = new Map(all.json.rows.map((x) => [x.id, x.completion]));
  assert.deepEqual(byCompletion.json.rows.map((x) => x.id), orderBy(ids, (id) => comp.get(id), true));
  // Pages of 2: the same rows in the same order, a page past the end empty.
  const pages = [];
  for (let p = 1; p <= Math.ceil(ids.length / 2); ++p) {
    const r = await c.get(`${base}&sort=actual&order=desc&page=${p}&page_size=2`);
    assert.equal(r.json.total, ids.length);
    assert.ok(r.json.rows.length <= 2);
    pages.push(...r.json.rows.map((x) => x.id));
  }
  assert.deepEqual(pages, orderBy(ids, (id) => sales.get(id) ?? 0, true));
  const past = await c.get(`${base}&page=99&page_size=3`);
  assert.equal(past.status, 200);
  assert.deepEqual(past.json.rows, []);
  assert.equal(past.json.total, ids.length);
});

test('D4 reps paged in rank order; D2 reps sorted by amount and paged', async () => {
  const c = await as('executive');
  const board = await c.get(`/api/v1/do/leaderboard?period=2026-Q2&as_of=${AS_OF}`);
  assert.equal(board.status, 200);
  assert.equal(board.json.total, board.json.reps.length);
  const p2 = await c.get(`/api/v1/do/leaderboard?period=2026-Q2&as_of=${AS_OF}&page=2&page_size=5`);
  assert.deepEqual(p2.json.reps.map((r) => r.id), board.json.reps.slice(5, 10).map((r) => r.id));
  assert.equal(p2.json.total, board.json.reps.length);
  assert.equal(p2.json.regions.length, board.json.regions.length);  // the 大区 are not paged

  const d2 = await c.get(`/api/v1/do/process?period=2026-Q2&as_of=${AS_OF}`);
  assert.equal(d2.status, 200);
  assert.equal(d2.json.reps_total, d2.json.reps.length);
  const ids = d2.json.reps.map((r) => r.id);
  const sales = repSales('2026-04-01', AS_OF);
  const sorted = await c.get(`/api/v1/do/process?period=2026-Q2&as_of=${AS_OF}&reps_sort=sales&reps_order=desc&reps_page_size=4&reps_page=2`);
  assert.equal(sorted.status, 200);
  assert.equal(sorted.json.reps_total, ids.length);
  assert.deepEqual(sorted.json.reps.map((r) => r.id), orderBy(ids, (id) => sales.get(id) ?? 0, true).slice(4, 8));
  for (const r of sorted.json.reps) assert.equal(r.metrics[1].amount, sales.get(r.id) ?? 0, r.name);
});

test('bad paging and sorting parameters are 422 naming the parameter, in both languages', async () => {
  const c = await as('executive');
  const cases = [
    ['/api/v1/do/progress?level=region&page=0', 'page'],
    ['/api/v1/do/progress?level=region&page=abc', 'page'],
    ['/api/v1/do/progress?level=region&page_size=201', 'page_size'],
    ['/api/v1/do/progress?level=region&sort=status', 'sort'],
    ['/api/v1/do/progress?level=region&sort=actual&order=up', 'order'],
    ['/api/v1/do/leaderboard?page_size=0', 'page_size'],
    ['/api/v1/do/process?reps_page=-1', 'reps_page'],
    ['/api/v1/do/process?reps_sort=completion', 'reps_sort'],
  ];
  for (const [path, field] of cases) {
    const r = await c.get(`${path}&as_of=${AS_OF}`);
    assert.equal(r.status, 422, path);
    assert.equal(r.json.error.field, field, path);
    assert.match(r.json.error.message, /[\u4e00-\u9fff]/, path);
    const en = await c.req('GET', `${path}&as_of=${AS_OF}`, undefined, { headers: { 'Accept-Language': 'en' } });
    assert.match(en.json.error.message, /^[\x20-\x7e]+$/, path);
  }
});
