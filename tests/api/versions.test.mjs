// Optimistic concurrency (issue 15, "Concurrent edits"): an edit of target cells, a meeting,
// a resolution or an action item may send the version it read; when another edit came first
// the answer is 409 version_conflict with the current values and nothing is written. An edit
// without a version saves as before. The database is the oracle for what was written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, count } from './helpers.mjs';

function expectConflict(r, lang = 'zh') {
  assert.equal(r.status, 409, JSON.stringify(r.json));
  assert.equal(r.json.error.code, 'version_conflict');
  assert.equal(r.json.error.field, 'version');
  assert.match(r.json.error.message, lang === 'en' ? /changed this in the meantime; nothing was saved/ : /已被他人修改/);
  return r.json.current;
}

const audits = (entity, key) => count(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = '${entity}' AND entity_key = '${key}'`);

test('target cells: two saves of the same version, the second is 409 with the current cell; no version saves', async () => {
  const m = await as('manager');
  const m2 = await as('manager');  // the same manager in another session: the second editor
  m2.lang = 'en';
  const path = `/api/v1/targets/grid?year=2026&metric=sales&owner=rep&region=${m.user.region}`;
  const grid = (await m.get(path)).json;
  const row = grid.rows[0];
  const [stored] = sql(`SELECT value, version FROM targets WHERE metric = 'sales' AND owner_kind = 'rep'
      AND owner_id = ${row.id} AND month = '2026-10'`);
  // October's cell as the grid shows it: its value and the stored row's version (0 = no row).
  assert.equal(row.values[9], stored ? stored.value : null);
  assert.equal(row.versions[9], stored ? stored.version : 0);
  const read = row.versions[9], before = row.values[9] ?? 0;
  const body = (value, version) => ({ year: 2026, metric: 'sales', owner: 'rep', region: m.user.region,
    cells: [{ id: row.id, month: 10, value, ...(version === undefined ? {} : { version }) }] });

  const first = await m.req('PUT', '/api/v1/targets/grid', body(before + 1000, read));
  assert.equal(first.status, 200, JSON.stringify(first.json));
  const key = `2026-10/sales/rep/${row.id}`;
  const auditAfterFirst = audits('target', key);
  const second = await m2.req('PUT', '/api/v1/targets/grid', body(before + 2000, read));
  const current = expectConflict(second, 'en');
  // The first save wrote the cell once: version read + 1 (an insert starts at 1).
  assert.deepEqual(current.cells, [{ id: row.id, month: 10, value: before + 1000, version: read + 1 }]);
  const [now] = sql(`SELECT value, version FROM targets WHERE metric = 'sales' AND owner_kind = 'rep'
      AND owner_id = ${row.id} AND month = '2026-10'`);
  assert.deepEqual(now, { value: before + 1000, version: read + 1 }, 'the second save wrote nothing');
  assert.equal(audits('target', key), auditAfterFirst, 'and audited nothing');
  assert.equal((await m.get(path)).json.rows[0].versions[9], read + 1, 'the grid shows the new version');

  // One stale cell rejects the whole batch: the other cell is not written either.
  const batch = await m2.req('PUT', '/api/v1/targets/grid', { ...body(before + 3000, read),
    cells: [{ id: row.id, month: 11, value: 777700 }, { id: row.id, month: 10, value: before + 3000, version: read }] });
  expectConflict(batch, 'en');
  assert.equal(count(`SELECT COUNT(*) AS n FROM targets WHERE metric = 'sales' AND owner_kind = 'rep'
      AND owner_id = ${row.id} AND month = '2026-11' AND value = 777700`), 0);

  // The version now current saves; no version at all saves as before (last write wins).
  assert.equal((await m2.req('PUT', '/api/v1/targets/grid', body(before + 4000, read + 1))).status, 200);
  const old = await m.req('PUT', '/api/v1/targets/grid', body(before + 5000));
  assert.equal(old.status, 200, JSON.stringify(old.json));
  assert.deepEqual(sql(`SELECT value, version FROM targets WHERE metric = 'sales' AND owner_kind = 'rep'
      AND owner_id = ${row.id} AND month = '2026-10'`), [{ value: before + 5000, version: read + 3 }]);
});

test('a meeting, a resolution and an action item: a stale version is 409 with the current one', async () => {
  const m = await as('manager');
  const people = (await m.get('/api/v1/act/people')).json.users;
  const owner = people.find((u) => u.login === 'rep.east1').id;
  const series = (await m.req('POST', '/api/v1/meeting-series', { name: '并发编辑', type: 'weekly', level: 'team', region: m.user.region })).json.id;
  const mid = (await m.req('POST', '/api/v1/meetings', { series, date: '2026-06-16' })).json.id;

  // Meeting.
  const read = (await m.get(`/api/v1/meetings/${mid}`)).json;
  assert.equal(read.version, sql(`SELECT version FROM meetings WHERE id = ${mid}`)[0].version);
  let r = await m.req('PATCH', `/api/v1/meetings/${mid}`, { agenda: '第一版', version: read.version });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.version, read.version + 1);
  const auditN = audits('meeting', mid);
  r = await m.req('PATCH', `/api/v1/meetings/${mid}`, { agenda: '第二版', version: read.version });
  const cur = expectConflict(r);
  assert.equal(cur.id, mid);
  assert.equal(cur.agenda, '第一版');
  assert.equal(cur.version, read.version + 1);
  assert.deepEqual(sql(`SELECT agenda, version FROM meetings WHERE id = ${mid}`), [{ agenda: '第一版', version: read.version + 1 }]);
  assert.equal(audits('meeting', mid), auditN);
  r = await m.req('PATCH', `/api/v1/meetings/${mid}`, { agenda: '无版本' });  // no version: saved
  assert.equal(r.status, 200);
  assert.equal(r.json.agenda, '无版本');

  // Resolution.
  r = await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { title: 'R', owner, due_date: '2026-06-30' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const res = r.json;
  assert.equal(res.version, 1);
  r = await m.req('PATCH', `/api/v1/resolutions/${res.id}`, { title: 'R1', version: 1 });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.version, 2);
  r = await m.req('PATCH', `/api/v1/resolutions/${res.id}`, { title: 'R2', version: 1 });
  assert.deepEqual([expectConflict(r).title, r.json.current.version], ['R1', 2]);
  assert.deepEqual(sql(`SELECT title, version FROM resolutions WHERE id = ${res.id}`), [{ title: 'R1', version: 2 }]);

  // Action item: its owner moving the status (a status-and-progress-only edit) with a version.
  r = await m.req('POST', `/api/v1/resolutions/${res.id}/actions`, { title: 'A', owner, due_date: '2026-06-20' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const act = r.json;
  assert.equal(act.version, 1);
  const rep = await as('rep', 0);
  r = await rep.req('PATCH', `/api/v1/actions/${act.id}`, { status: 'doing', version: 1 });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.version, 2);
  r = await m.req('PATCH', `/api/v1/actions/${act.id}`, { title: 'A2', version: 1 });
  const a = expectConflict(r);
  assert.deepEqual([a.title, a.status, a.version], ['A', 'doing', 2]);
  assert.deepEqual(sql(`SELECT title, status, version FROM action_items WHERE id = ${act.id}`), [{ title: 'A', status: 'doing', version: 2 }]);
  assert.equal((await m.req('PATCH', `/api/v1/actions/${act.id}`, { title: 'A3' })).status, 200, 'no version: saved');
  r = await m.req('PATCH', `/api/v1/actions/${act.id}`, { version: -1 });
  assert.equal(r.status, 422, 'a version is a number ≥ 0');
});
