// D1/D2/D4 over HTTP: scope rules, limits, acknowledgements, ETags and exports. Their
// figures against SQL are rows of oracles/do_dashboards.mjs. as_of is the demo's 2026-06-15.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, count, Client, BASE, AS_OF, otherRegion } from './helpers.mjs';

test('a rep gets only their own cockpit', async () => {
  const c = await as('rep');
  const own = await c.get(`/api/v1/do/cockpit?as_of=${AS_OF}`);
  assert.equal(own.status, 200);
  assert.equal(own.json.rep.id, c.user.rep);
  assert.deepEqual(own.json.reps.map((r) => r.id), [c.user.rep]);
  const [other] = sql(`SELECT id FROM reps WHERE id <> ${c.user.rep} ORDER BY id LIMIT 1`);
  const r = await c.get(`/api/v1/do/cockpit?rep=${other.id}&as_of=${AS_OF}`);
  assert.equal(r.status, 403);
  assert.equal(r.json.error.code, 'forbidden');
  assert.equal((await c.get(`/api/v1/do/cockpit?rep=999999&as_of=${AS_OF}`)).status, 404);
  assert.equal((await new Client().get(`/api/v1/do/cockpit`)).status, 401);
});

test("a manager's D2 totals equal the sum of their regions (SQL: oracles/do_dashboards.mjs)", async () => {
  const c = await as('manager');
  const r = await c.get(`/api/v1/do/process?period=2026-Q2&as_of=${AS_OF}`);
  assert.equal(r.status, 200);
  assert.ok(r.json.regions.length >= 1);
  for (let k = 0; k < 3; k++) {
    const sum = r.json.regions.reduce((a, row) => a + row.metrics[k].amount, 0);
    assert.equal(r.json.totals[k].amount, sum, `metric ${k}`);
  }
  // Another 大区 is out of scope.
  const other = otherRegion(c.user.region);
  assert.equal((await c.get(`/api/v1/do/process?period=2026-Q2&region=${other.id}`)).status, 403);
});

// The company totals against SQL: oracles/do_dashboards.mjs.
test("an executive's D2 answers; bad input is a 422 naming the field", async () => {
  const c = await as('executive');
  const r = await c.get(`/api/v1/do/process?period=2026-05&as_of=${AS_OF}`);
  assert.equal(r.status, 200);
  const bad = await c.get('/api/v1/do/process?period=2026-13');
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'period');
  assert.equal((await c.get('/api/v1/do/process?industry=nope')).json.error.field, 'industry');
});

test('D2 lists the most severe anomalies up to anomaly_limit, with the total count; the export has all', async () => {
  const e = await as('executive');
  const all = await e.get(`/api/v1/do/process?period=2026&as_of=${AS_OF}&anomaly_limit=10000`);
  assert.equal(all.status, 200);
  const total = all.json.anomalies_total;
  assert.ok(total >= 3, `the demo year has anomalies (${total})`);
  assert.equal(all.json.anomalies.length, total);
  const two = await e.get(`/api/v1/do/process?period=2026&as_of=${AS_OF}&anomaly_limit=2`);
  assert.equal(two.json.anomalies_total, total);
  assert.deepEqual(two.json.anomalies.map((a) => a.key), all.json.anomalies.slice(0, 2).map((a) => a.key));
  const byDefault = await e.get(`/api/v1/do/process?period=2026&as_of=${AS_OF}`);
  assert.equal(byDefault.json.anomalies.length, Math.min(total, 200));
  const csv = await e.get(`/api/v1/do/process?period=2026&as_of=${AS_OF}&table=anomalies&format=csv&anomaly_limit=2`);
  assert.equal(csv.status, 200);
  assert.equal(String(csv.json).trim().split('\n').length, total + 1, 'header + every anomaly');
  for (const bad of ['0', '10001', 'x']) {
    const r = await e.get(`/api/v1/do/process?period=2026&as_of=${AS_OF}&anomaly_limit=${bad}`);
    assert.equal(r.status, 422, bad);
    assert.equal(r.json.error.field, 'anomaly_limit');
  }
});

test('anomaly acknowledgement: comment required, stored, audited, shown', async () => {
  const c = await as('executive');
  const r = await c.get(`/api/v1/do/process?period=2026-05&as_of=${AS_OF}`);
  assert.ok(r.json.anomalies.length > 0, 'the demo has anomalies in May');
  const a = r.json.anomalies[0];
  const empty = await c.req('POST', '/api/v1/do/anomalies/ack', { key: a.key, comment: '  ', as_of: AS_OF });
  assert.equal(empty.status, 422);
  assert.equal(empty.json.error.field, 'comment');
  const long = await c.req('POST', '/api/v1/do/anomalies/ack', { key: a.key, comment: '长'.repeat(501), as_of: AS_OF });
  assert.equal(long.status, 422);
  const unknown = await c.req('POST', '/api/v1/do/anomalies/ack', { key: 'rep:1/sales/2020-01/yoy', comment: 'x', as_of: AS_OF });
  assert.equal(unknown.status, 404);
  const auditCount = () => count(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'anomaly_ack' AND entity_key = '${a.key}'`);
  const before = auditCount();
  const ok = await c.req('POST', '/api/v1/do/anomalies/ack', { key: a.key, comment: '已与大区经理沟通', as_of: AS_OF });
  assert.equal(ok.status, 201);
  const [row] = sql(`SELECT unit, unit_id, metric, month, rule, comment FROM anomaly_acks WHERE id = ${ok.json.id}`);
  assert.equal(`${row.unit}:${row.unit_id}/${row.metric}/${row.month}/${row.rule}`, a.key);
  assert.equal(row.comment, '已与大区经理沟通');
  assert.equal(auditCount(), before + 1, 'one audit row per acknowledgement');
  const again = await c.get(`/api/v1/do/process?period=2026-05&as_of=${AS_OF}`);
  assert.equal(again.json.anomalies.find((x) => x.key === a.key).acks.at(-1).comment, '已与大区经理沟通');
  // Without the CSRF token: 403, nothing written.
  const noCsrf = await c.req('POST', '/api/v1/do/anomalies/ack', { key: a.key, comment: 'x' }, { csrf: false });
  assert.equal(noCsrf.status, 403);
});

test('dashboard answers carry an ETag: a repeat is a 304, any write makes a new answer', async () => {
  const c = await as('executive');
  const url = `/api/v1/do/process?period=2026-05&as_of=${AS_OF}`;
  const first = await c.get(url);
  const etag = first.headers.get('etag');
  assert.match(etag, /^"[0-9a-f]{16}"$/);
  assert.equal(first.headers.get('cache-control'), 'no-store');
  const repeat = await c.req('GET', url, undefined, { headers: { 'If-None-Match': etag } });
  assert.equal(repeat.status, 304);
  assert.equal(repeat.json, null, 'no body');
  // Another user, another answer (their scope, their to-dos).
  const m = await as('manager');
  const theirs = await m.get(url);
  assert.notEqual(theirs.headers.get('etag'), etag);
  // An acknowledgement is a store write: the kept answer is not served any more.
  const a = first.json.anomalies[0];
  const ok = await c.req('POST', '/api/v1/do/anomalies/ack', { key: a.key, comment: '第二条说明', as_of: AS_OF });
  assert.equal(ok.status, 201);
  const after = await c.req('GET', url, undefined, { headers: { 'If-None-Match': etag } });
  assert.equal(after.status, 200);
  assert.notEqual(after.headers.get('etag'), etag);
  assert.equal(after.json.anomalies.find((x) => x.key === a.key).acks.at(-1).comment, '第二条说明');
});

test('leaderboard: a rep sees peers ranks but only own figures; executives see regions and per-capita', async () => {
  const rep = await as('rep');
  const r = await rep.get(`/api/v1/do/leaderboard?period=2026-05&metric=sales&as_of=${AS_OF}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.peer_view, true);
  assert.ok(r.json.reps.length >= 2);
  for (const row of r.json.reps) {
    assert.ok(row.rank !== undefined);
    if (row.id === rep.user.rep) assert.ok(row.value !== null && row.figures !== null);
    else assert.equal(row.value, null, 'peer value hidden'), assert.equal(row.figures, null);
  }
  assert.deepEqual(r.json.regions, []);
  assert.equal(r.json.per_capita, null);
  assert.equal((await rep.get('/api/v1/do/per-capita')).status, 403);
  // Own value equals SQL: oracles/do_dashboards.mjs.

  const ex = await as('executive');
  const e = await ex.get(`/api/v1/do/leaderboard?period=2026-05&metric=sales&as_of=${AS_OF}`);
  const ranks = e.json.reps.map((x) => x.rank).filter((x) => x !== null);
  for (let i = 1; i < ranks.length; i++) assert.ok(ranks[i] >= ranks[i - 1]);
  assert.ok(e.json.regions.length >= 2);
  assert.equal(e.json.per_capita.months.length, 24);
  assert.equal((await ex.get('/api/v1/do/leaderboard?metric=nope')).status, 422);
});

// Which reps and their ranks against SQL: oracles/do_dashboards.mjs.
test('leaderboard region filter: the region only, the manager sees the same, 403 outside the scope, 404 unknown', async () => {
  const ex = await as('executive');
  const mgr = await as('manager');
  const region = mgr.user.region;
  const r = await ex.get(`/api/v1/do/leaderboard?period=2026-05&metric=sales&as_of=${AS_OF}&region=${region}`);
  assert.equal(r.status, 200);
  assert.ok(r.json.options.regions.length >= 2, 'the filter bar gets its choices');
  assert.deepEqual(r.json.regions.map((x) => x.id), [region]);
  assert.equal(r.json.per_capita.total.id, region);
  // The manager of that region gets the same ranking; another region is 403; unknown 404.
  const m = await mgr.get(`/api/v1/do/leaderboard?period=2026-05&metric=sales&as_of=${AS_OF}&region=${region}`);
  assert.deepEqual(m.json.reps.map((x) => [x.id, x.rank]), r.json.reps.map((x) => [x.id, x.rank]));
  const other = otherRegion(region);
  assert.equal((await mgr.get(`/api/v1/do/leaderboard?region=${other.id}`)).status, 403);
  assert.equal((await ex.get('/api/v1/do/leaderboard?region=999999')).status, 404);
  assert.equal((await ex.get('/api/v1/do/leaderboard?region=abc')).status, 422);
  assert.equal((await ex.get(`/api/v1/do/per-capita?region=${region}`)).json.total.id, region);
});

// Paid, receivable, lines and the plan's sums against SQL: oracles/do_dashboards.mjs.
test('contract detail: the overdue amount is the cockpit\'s, oldest due paid first; scope', async () => {
  const rep = await as('rep');
  const cockpit = await rep.get(`/api/v1/do/cockpit?as_of=${AS_OF}`);
  const item = cockpit.json.overdue[0];
  assert.ok(item, 'the demo rep has an overdue receivable');
  const r = await rep.get(`/api/v1/contracts/${item.contract}?as_of=${AS_OF}`);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.code, item.code);
  assert.equal(r.json.overdue, item.overdue);
  // Oldest due first: a later instalment is never paid before an earlier one is settled.
  for (let i = 1; i < r.json.plan.length; i++) if (r.json.plan[i].paid > 0) assert.equal(r.json.plan[i - 1].unpaid, 0);
  assert.ok(r.json.plan.some((p) => p.status === 'overdue'));
  // Another rep's contract: 403; unknown: 404; a malformed id: 422.
  const [other] = sql(`SELECT id FROM contracts WHERE rep <> ${rep.user.rep} ORDER BY id LIMIT 1`);
  assert.equal((await rep.get(`/api/v1/contracts/${other.id}`)).status, 403);
  assert.equal((await rep.get('/api/v1/contracts/99999999')).status, 404);
  assert.equal((await rep.get('/api/v1/contracts/x1')).status, 422);
  const ex = await as('executive');
  assert.equal((await ex.get(`/api/v1/contracts/${other.id}`)).status, 200);
});

test('exports: XLSX and CSV with Content-Disposition', async () => {
  const c = await as('manager');
  const x = await fetch(`${BASE}/api/v1/do/process?period=2026-05&format=xlsx&table=reps`, { headers: { Cookie: c.cookie } });
  assert.equal(x.status, 200);
  assert.match(x.headers.get('content-disposition'), /attachment/);
  const bytes = Buffer.from(await x.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  const csv = await fetch(`${BASE}/api/v1/do/leaderboard?period=2026-05&format=csv&table=reps&lang=en`, { headers: { Cookie: c.cookie } });
  const text = await csv.text();
  assert.match(text.split('\r\n')[0], /Rank,Name,Region/);
  assert.equal((await c.get('/api/v1/do/process?format=pdf')).status, 422);
});
