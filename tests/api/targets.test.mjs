// Target entry: permissions, validation, one transaction, audit, and progress at once.
// The server's today is pinned to 2026-06-15, so June 2026 onwards is open, May is locked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, AS_OF, otherRegion } from './helpers.mjs';

async function managerAndRep() {
  const m = await as('manager');
  const grid = await m.get(`/api/v1/targets/grid?year=2026&metric=sales&owner=rep&region=${m.user.region}`);
  assert.equal(grid.status, 200);
  return { m, grid: grid.json };
}

// The grid's values against the targets table: oracles/targets.mjs.
test('grid shows the region reps and the lock', async () => {
  const { m, grid } = await managerAndRep();
  assert.equal(grid.locked_before, '2026-06');
  assert.equal(grid.region.id, m.user.region);
  assert.ok(grid.rows.length > 0);
});

test('a saved target shows in progress at once and in the audit trail', async () => {
  const { m, grid } = await managerAndRep();
  const rep = grid.rows[0];
  const before = rep.values[6];  // July
  const value = (before ?? 0) + 123400;
  const put = await m.req('PUT', '/api/v1/targets/grid', {
    year: 2026, metric: 'sales', owner: 'rep', region: m.user.region,
    cells: [{ id: rep.id, month: 7, value }],
  });
  assert.equal(put.status, 200, JSON.stringify(put.json));
  assert.equal(put.json.saved, 1);
  const p = await m.get(`/api/v1/do/progress?period=2026-07&as_of=${AS_OF}&level=rep&region=${m.user.region}`);
  assert.equal(p.json.rows.find((r) => r.id === rep.id).target, value);
  const [stored] = sql(`SELECT value FROM targets WHERE metric = 'sales' AND owner_kind = 'rep'
      AND owner_id = ${rep.id} AND month = '2026-07'`);
  assert.equal(stored.value, value);
  const audit = await m.get(`/api/v1/targets/audit?year=2026&metric=sales&owner=rep&region=${m.user.region}`);
  const entry = audit.json.entries.find((e) => e.key === `2026-07/sales/rep/${rep.id}` && e.new === value);
  assert.ok(entry, 'audit entry present');
  assert.equal(entry.old, before);
  assert.equal(entry.user, m.user.login);
});

test('dashboards read before a target write are not served after it (results cached per Snapshot)', async () => {
  const { m, grid } = await managerAndRep();
  const rep = grid.rows[0];
  const d2 = async () => {
    const r = await m.get(`/api/v1/do/process?period=2026-08&as_of=${AS_OF}`);
    assert.equal(r.status, 200);
    return r.json.reps.find((x) => x.id === rep.id).metrics.find((x) => x.metric === 'sales').target;
  };
  const cockpit = async () => (await m.get(`/api/v1/do/cockpit?rep=${rep.id}&as_of=2026-08-10`)).json.cards[0].sales.target;
  const before = await d2();
  assert.equal(await d2(), before);  // the second read is served from the cache
  await cockpit();
  const value = (before ?? 0) + 555500;
  const put = await m.req('PUT', '/api/v1/targets/grid', {
    year: 2026, metric: 'sales', owner: 'rep', region: m.user.region, cells: [{ id: rep.id, month: 8, value }],
  });
  assert.equal(put.status, 200, JSON.stringify(put.json));
  assert.equal(await d2(), value);
  assert.equal(await cockpit(), value);
});

test('one bad cell rejects the whole batch with the field named', async () => {
  const { m, grid } = await managerAndRep();
  const rep = grid.rows[0];
  const count = () => sql(`SELECT COUNT(*) AS n, COALESCE(SUM(value), 0) AS s FROM targets WHERE owner_kind = 'rep' AND owner_id = ${rep.id}`)[0];
  const before = count();
  const put = (cells) => m.req('PUT', '/api/v1/targets/grid', { year: 2026, metric: 'sales', owner: 'rep', region: m.user.region, cells });
  const cases = [
    [[{ id: rep.id, month: 8, value: 500 }, { id: rep.id, month: 5, value: 1 }], 'cells[1].month'],  // May is locked
    [[{ id: rep.id, month: 8, value: 500 }, { id: rep.id, month: 9, value: -5 }], 'cells[1].value'],
    [[{ id: rep.id, month: 8, value: 1.5 }], 'cells[0].value'],
    [[{ id: rep.id, month: 8, value: '100' }], 'cells[0].value'],
    [[{ id: rep.id, month: 13, value: 1 }], 'cells[0].month'],
    [[{ month: 8, value: 1 }], 'cells[0].id'],
  ];
  for (const [cells, field] of cases) {
    const r = await put(cells);
    assert.equal(r.status, 422, JSON.stringify(r.json));
    assert.equal(r.json.error.field, field);
    assert.ok(r.json.error.message.length > 0);
  }
  assert.deepEqual(count(), before);  // nothing half-written
  const noCells = await m.req('PUT', '/api/v1/targets/grid', { year: 2026, metric: 'sales', owner: 'rep', region: m.user.region });
  assert.equal(noCells.status, 422);
  assert.equal(noCells.json.error.field, 'cells');
  // Years outside 2000–2100 are 422 on "year", also 2^32 + 2000, which wraps to 2000 as a 32-bit int.
  for (const year of ['1999', '2101', '4294969296', '-4294965296', '18446744073709553616']) {
    const g = await m.get(`/api/v1/targets/grid?year=${year}&metric=sales&owner=rep&region=${m.user.region}`);
    assert.equal(g.status, 422, `GET year=${year}: ${JSON.stringify(g.json)}`);
    assert.equal(g.json.error.field, 'year');
    const a = await m.get(`/api/v1/targets/audit?year=${year}&metric=sales&owner=rep&region=${m.user.region}`);
    assert.equal(a.status, 422, `audit year=${year}`);
    assert.equal(a.json.error.field, 'year');
  }
  for (const year of [4294969296, '4294969296', 2101]) {
    const r = await m.req('PUT', '/api/v1/targets/grid', { year, metric: 'sales', owner: 'rep', region: m.user.region,
      cells: [{ id: rep.id, month: 8, value: 1 }] });
    assert.equal(r.status, 422, `PUT year=${year}: ${JSON.stringify(r.json)}`);
    assert.equal(r.json.error.field, 'year');
  }
  assert.deepEqual(count(), before);
});

test('writes outside scope are refused', async () => {
  const { m } = await managerAndRep();
  const other = otherRegion(m.user.region);
  assert.equal((await m.get(`/api/v1/targets/grid?year=2026&owner=rep&region=${other.id}`)).status, 403);
  assert.equal((await m.get('/api/v1/targets/grid?year=2026&owner=region')).status, 403);
  const exec = await as('executive');
  const otherGrid = await exec.get(`/api/v1/targets/grid?year=2026&owner=rep&region=${other.id}`);
  const stranger = otherGrid.json.rows[0];
  const put = await m.req('PUT', '/api/v1/targets/grid', {
    year: 2026, metric: 'sales', owner: 'rep', region: m.user.region, cells: [{ id: stranger.id, month: 9, value: 1 }],
  });
  assert.equal(put.status, 403);
  const noCsrf = await m.req('PUT', '/api/v1/targets/grid', { year: 2026, cells: [] }, { csrf: false });
  assert.equal(noCsrf.status, 403);

  const rep = await as('rep');
  assert.equal((await rep.get('/api/v1/targets/grid?year=2026')).status, 403);
  const repPut = await rep.req('PUT', '/api/v1/targets/grid', { year: 2026, cells: [{ id: rep.user.rep, month: 9, value: 1 }] });
  assert.equal(repPut.status, 403);
});

test('executives set region targets against the company target', async () => {
  const exec = await as('executive');
  const grid = await exec.get('/api/v1/targets/grid?year=2026&metric=collection&owner=region');
  assert.equal(grid.status, 200);  // one row per 大区: oracles/targets.mjs
  const region = grid.json.rows[0];
  const put = await exec.req('PUT', '/api/v1/targets/grid', {
    year: 2026, metric: 'collection', owner: 'region', cells: [{ id: region.id, month: 12, value: 777700 }],
  });
  assert.equal(put.status, 200);
  const p = await exec.get(`/api/v1/do/progress?period=2026-12&as_of=${AS_OF}&level=region&metric=collection`);
  assert.equal(p.json.rows.find((r) => r.id === region.id).target, 777700);
});
