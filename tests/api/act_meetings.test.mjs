// A1 meetings against a real server (today pinned to 2026-06-15): the whole loop, the
// permission rules, the 422s (nothing saved) and the close-blocked-by-carry-over rule.
// The SQLite file is the oracle for what was (and was not) written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, count } from './helpers.mjs';

async function people(c) {
  const r = await c.get('/api/v1/act/people');
  assert.equal(r.status, 200);
  const by = {};
  for (const u of r.json.users) by[u.login] = u;
  return by;
}

// A fresh team series in the manager's 大区, so demo carry-over does not interfere.
async function freshSeries(m, name) {
  const r = await m.req('POST', '/api/v1/meeting-series', { name, type: 'weekly', level: 'team', region: m.user.region });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json.id;
}

// A meeting on 2026-06-16 of a fresh series, a resolution in it due 2026-06-30, an action item
// of that resolution due 2026-06-20: each one created (201) and its id returned.
async function newMeeting(m, seriesName) {
  const r = await m.req('POST', '/api/v1/meetings', { series: await freshSeries(m, seriesName), date: '2026-06-16' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json.id;
}
async function newResolution(m, meeting, owner, title = 'R') {
  const r = await m.req('POST', `/api/v1/meetings/${meeting}/resolutions`, { title, owner, due_date: '2026-06-30' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json.id;
}
async function newAction(m, resolution, owner, title = 'A') {
  const r = await m.req('POST', `/api/v1/resolutions/${resolution}/actions`, { title, owner, due_date: '2026-06-20' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json.id;
}

function expect422(r, field) {
  assert.equal(r.status, 422, JSON.stringify(r.json));
  assert.equal(r.json.error.code, 'invalid_field');
  assert.equal(r.json.error.field, field);
  assert.ok(r.json.error.message.length > 0);
}

test('a manager runs the loop: open, resolve, act, close; the next meeting carries over', async () => {
  const m = await as('manager');            // mgr.east
  const rep = await as('rep', 0);           // rep.east1
  const p = await people(m);
  const east1 = p['rep.east1'].id, east2 = p['rep.east2'].id;
  const series = await freshSeries(m, '华东重点客户攻坚会');

  let r = await m.req('POST', '/api/v1/meetings', { series, date: '2026-06-15', attendees: [east1, east2], agenda: '1. 回款\n2. 签单' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const m1 = r.json.id;
  assert.deepEqual(sql(`SELECT status, chair FROM meetings WHERE id = ${m1}`), [{ status: 'planned', chair: m.user.id }]);
  assert.equal(count(`SELECT COUNT(*) n FROM meeting_attendees WHERE meeting = ${m1}`), 3);  // chair + 2

  r = await m.req('POST', `/api/v1/meetings/${m1}/status`, { status: 'open' });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.status, 'open');
  assert.deepEqual(r.json.carry_over, []);

  r = await m.req('POST', `/api/v1/meetings/${m1}/resolutions`, {
    title: '上海重点客户回款专项', owner: east1, due_date: '2026-06-30', expected: '回款 50 万',
    goal: { metric: 'collections', scope: `region:${m.user.region}`, comparator: '>=', value: 50000000 },
  });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const r1 = r.json.id;
  assert.equal(r.json.goal.metric, 'collections');
  r = await m.req('POST', `/api/v1/meetings/${m1}/resolutions`, { title: '新客户开拓', owner: east2, due_date: '2026-06-20' });
  assert.equal(r.status, 201);
  const r2 = r.json.id;
  r = await m.req('POST', `/api/v1/resolutions/${r1}/actions`, { title: '拜访财务负责人', owner: east1, due_date: '2026-06-18' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const a1 = r.json.id;
  r = await m.req('POST', `/api/v1/resolutions/${r2}/actions`, { title: '梳理名单', owner: east2, due_date: '2026-06-19' });
  assert.equal(r.status, 201);
  const a2 = r.json.id;

  r = await m.req('POST', `/api/v1/meetings/${m1}/status`, { status: 'closed' });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(sql(`SELECT status FROM meetings WHERE id = ${m1}`)[0].status, 'closed');

  // A closed meeting is read-only.
  expect422(await m.req('PATCH', `/api/v1/meetings/${m1}`, { minutes: 'late edit' }), 'status');
  expect422(await m.req('POST', `/api/v1/meetings/${m1}/status`, { status: 'open' }), 'status');
  expect422(await m.req('POST', `/api/v1/meetings/${m1}/resolutions`, { title: 'x', owner: east1, due_date: '2026-06-30' }), 'status');
  assert.equal(sql(`SELECT minutes FROM meetings WHERE id = ${m1}`)[0].minutes, '');

  // The rep updates their own action item: status and a progress note, logged with who and when.
  r = await rep.req('PATCH', `/api/v1/actions/${a1}`, { status: 'doing', note: '已约见客户财务总监' });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.status, 'doing');
  const log = sql(`SELECT "user", text FROM action_item_log WHERE action_item = ${a1}`);
  assert.equal(log.length, 1);
  assert.equal(log[0].user, rep.user.id);
  assert.match(log[0].text, /todo → doing/);
  assert.match(log[0].text, /已约见客户财务总监/);
  r = await rep.req('POST', `/api/v1/actions/${a1}/log`, { text: '客户承诺月底前付款' });
  assert.equal(r.status, 201);
  assert.equal(r.json.log.length, 2);

  // Next meeting: both unresolved resolutions come back as carry-over.
  r = await m.req('POST', '/api/v1/meetings', { series, date: '2026-06-22', attendees: [east1] });
  const m2 = r.json.id;
  r = await m.req('POST', `/api/v1/meetings/${m2}/status`, { status: 'open' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.carry_over.map((c) => c.resolution.id).sort(), [r1, r2].sort());
  assert.equal(r.json.carry_over_pending, 2);
  assert.equal(r.json.can_close, false);
  const a1row = r.json.carry_over.find((c) => c.resolution.id === r1).resolution.actions.find((a) => a.id === a1);
  assert.equal(a1row.log.length, 2, 'carry-over shows the action history');

  // Close is refused while a carry-over lacks its update; nothing changes.
  r = await m.req('POST', `/api/v1/meetings/${m2}/status`, { status: 'closed' });
  assert.equal(r.status, 409, JSON.stringify(r.json));
  assert.equal(r.json.error.code, 'carryover_pending');
  assert.equal(r.json.error.field, 'carry_over');
  assert.equal(sql(`SELECT status FROM meetings WHERE id = ${m2}`)[0].status, 'open');

  r = await m.req('POST', `/api/v1/meetings/${m2}/carry-over/${r1}`, { update: '已回款 20 万，余款月底', status: 'doing' });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal((await m.req('POST', `/api/v1/meetings/${m2}/status`, { status: 'closed' })).status, 409);
  r = await m.req('POST', `/api/v1/meetings/${m2}/carry-over/${r2}`, { update: '新增 3 家客户', status: 'done' });
  assert.equal(r.status, 200);
  assert.deepEqual(sql(`SELECT status, closed_date FROM resolutions WHERE id = ${r2}`), [{ status: 'done', closed_date: '2026-06-15' }]);
  r = await m.req('POST', `/api/v1/meetings/${m2}/status`, { status: 'closed' });
  assert.equal(r.status, 200, JSON.stringify(r.json));

  // Third meeting: only r1 is left, with the update it got in m2 as history.
  r = await m.req('POST', '/api/v1/meetings', { series, date: '2026-06-29' });
  r = await m.req('POST', `/api/v1/meetings/${r.json.id}/status`, { status: 'open' });
  assert.deepEqual(r.json.carry_over.map((c) => c.resolution.id), [r1]);
  assert.equal(r.json.carry_over[0].history.length, 1);
  assert.equal(r.json.carry_over[0].history[0].meeting_id, m2);
  assert.equal(r.json.carry_over[0].history[0].update, '已回款 20 万，余款月底');

  // Every change left an audit row.
  const audited = count(`SELECT COUNT(*) n FROM audit_log WHERE entity IN ('meeting','resolution','action_item','carry_over','meeting_series')
      AND "user" IN (${m.user.id}, ${rep.user.id}) AND entity_key IN ('${series}','${m1}','${m2}','${r1}','${r2}','${a1}','${a2}')`);
  assert.ok(audited >= 14, `audit rows: ${audited}`);
});

test('permissions: who may see, manage and update', async () => {
  const m = await as('manager');           // mgr.east
  const south = await as('manager', 1);    // mgr.south
  const ceo = await as('executive');
  const rep = await as('rep', 0);          // rep.east1
  const repSouth = await as('rep', 2);     // rep.south1
  const p = await people(m);
  const series = await freshSeries(m, '华东权限测试会');
  let r = await m.req('POST', '/api/v1/meetings', { series, date: '2026-06-16', attendees: [p['rep.east1'].id] });
  const mid = r.json.id;
  await m.req('POST', `/api/v1/meetings/${mid}/status`, { status: 'open' });
  r = await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { title: 'R', owner: p['rep.east2'].id, due_date: '2026-06-30' });
  const rid = r.json.id;
  r = await m.req('POST', `/api/v1/resolutions/${rid}/actions`, { title: 'A', owner: p['rep.east2'].id, due_date: '2026-06-30' });
  const aid = r.json.id;

  // Managers chair their region's meetings only; executives chair company ones.
  const company = sql(`SELECT id FROM meeting_series WHERE level = 'company' ORDER BY id LIMIT 1`)[0].id;
  assert.equal((await m.req('POST', '/api/v1/meetings', { series: company, date: '2026-06-20' })).status, 403);
  assert.equal((await m.req('POST', '/api/v1/meeting-series', { name: 'x', type: 'monthly', level: 'company' })).status, 403);
  r = await ceo.req('POST', '/api/v1/meetings', { series: company, date: '2026-07-05' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal((await south.req('POST', '/api/v1/meeting-series', { name: 'x', type: 'weekly', level: 'team', region: m.user.region })).status, 403);

  // Another region's manager cannot see the meeting at all; the executive can.
  assert.equal((await south.get(`/api/v1/meetings/${mid}`)).status, 404);
  assert.equal((await south.req('PATCH', `/api/v1/meetings/${mid}`, { minutes: 'x' })).status, 404);
  assert.equal((await ceo.get(`/api/v1/meetings/${mid}`)).status, 200);
  const southList = (await south.get('/api/v1/meetings')).json.meetings.map((x) => x.id);
  assert.ok(!southList.includes(mid));

  // Reps see meetings they attend, manage none, and update only their own action items.
  assert.ok((await rep.get('/api/v1/meetings')).json.meetings.some((x) => x.id === mid));
  assert.ok(!(await repSouth.get('/api/v1/meetings')).json.meetings.some((x) => x.id === mid));
  assert.equal((await repSouth.get(`/api/v1/meetings/${mid}`)).status, 404);
  assert.equal((await rep.req('POST', '/api/v1/meetings', { series, date: '2026-06-20' })).status, 403);
  assert.equal((await rep.req('POST', `/api/v1/meetings/${mid}/status`, { status: 'closed' })).status, 403);
  assert.equal((await rep.req('PATCH', `/api/v1/resolutions/${rid}`, { status: 'done' })).status, 403);
  assert.equal((await rep.req('PATCH', `/api/v1/actions/${aid}`, { status: 'done' })).status, 403);  // rep.east2's item
  assert.equal((await rep.req('POST', `/api/v1/actions/${aid}/log`, { text: 'x' })).status, 403);
  const east2 = await as('rep', 1);
  assert.equal((await east2.req('PATCH', `/api/v1/actions/${aid}`, { title: 'renamed' })).status, 403);
  assert.equal((await east2.req('PATCH', `/api/v1/actions/${aid}`, { due_date: '2026-07-30' })).status, 403);
  r = await east2.req('PATCH', `/api/v1/actions/${aid}`, { status: 'done' });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.deepEqual(sql(`SELECT status, done_date, title FROM action_items WHERE id = ${aid}`),
    [{ status: 'done', done_date: '2026-06-15', title: 'A' }]);
  // The rep owner of an item sees the meeting through it even without attending.
  assert.equal((await east2.get(`/api/v1/meetings/${mid}`)).status, 200);
  // Writes without the CSRF token are refused.
  assert.equal((await m.req('POST', `/api/v1/meetings/${mid}/agenda`, { title: 'x' }, { csrf: false })).status, 403);
});

test('bad input is a 422 naming the field, and nothing is saved', async () => {
  const m = await as('manager');
  const p = await people(m);
  const series = await freshSeries(m, '华东校验测试会');
  const meetingsBefore = count('SELECT COUNT(*) n FROM meetings');
  // An attendee outside the series' region (a 华南 rep in a 华东 series).
  const south1 = sql(`SELECT id FROM users WHERE login = 'rep.south1'`)[0].id;
  expect422(await m.req('POST', '/api/v1/meetings', { series, date: '2026-06-16', attendees: [p['rep.east1'].id, south1] }), 'attendees[1]');
  expect422(await m.req('POST', '/api/v1/meetings', { series, date: '2026-06-16', attendees: [987654] }), 'attendees[0]');
  expect422(await m.req('POST', '/api/v1/meetings', { series, date: '2026-02-30' }), 'date');
  assert.equal(count('SELECT COUNT(*) n FROM meetings'), meetingsBefore);

  let r = await m.req('POST', '/api/v1/meetings', { series, date: '2026-06-16' });
  const mid = r.json.id;
  expect422(await m.req('PATCH', `/api/v1/meetings/${mid}`, { attendees: [south1] }), 'attendees[0]');
  assert.equal(count(`SELECT COUNT(*) n FROM meeting_attendees WHERE meeting = ${mid}`), 1);

  const resBefore = count('SELECT COUNT(*) n FROM resolutions');
  const ok = { title: '专项', owner: p['rep.east1'].id, due_date: '2026-06-30' };
  // A due date before the meeting.
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { ...ok, due_date: '2026-06-15' }), 'due_date');
  // An owner who is not a user.
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { ...ok, owner: 987654 }), 'owner');
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { ...ok, status: 'finished' }), 'status');
  // A metric goal on a scope the chair cannot see: another 大区, the whole company, a rep elsewhere.
  const southRegion = sql(`SELECT region FROM users WHERE login = 'mgr.south'`)[0].region;
  const southRep = sql(`SELECT rep FROM users WHERE login = 'rep.south1'`)[0].rep;
  const goal = (scope) => ({ ...ok, goal: { metric: 'sales', scope, comparator: '>=', value: 1 } });
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, goal(`region:${southRegion}`)), 'goal.scope');
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, goal('company')), 'goal.scope');
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, goal(`rep:${southRep}`)), 'goal.scope');
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, goal('region:999999')), 'goal.scope');
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { ...ok, goal: { metric: 'churn', scope: 'company', comparator: '>=', value: 1 } }), 'goal.metric');
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { ...ok, goal: { metric: 'sales', scope: `region:${m.user.region}`, comparator: '=', value: 1 } }), 'goal.comparator');
  assert.equal(count('SELECT COUNT(*) n FROM resolutions'), resBefore);

  r = await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, ok);
  assert.equal(r.status, 201);
  const actBefore = count('SELECT COUNT(*) n FROM action_items');
  expect422(await m.req('POST', `/api/v1/resolutions/${r.json.id}/actions`, { title: 'x', owner: p['rep.east1'].id, due_date: '2026-06-01' }), 'due_date');
  expect422(await m.req('POST', `/api/v1/resolutions/${r.json.id}/actions`, { title: 'x', owner: 0, due_date: '2026-06-20' }), 'owner');
  assert.equal(count('SELECT COUNT(*) n FROM action_items'), actBefore);

  // Carry-over updates need text; malformed JSON is a 400.
  const bad = await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, '{"title":', { raw: true });
  assert.equal(bad.status, 400);
  // The English message when asked for.
  m.lang = 'en';
  r = await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { ...ok, due_date: '2026-06-01' });
  assert.match(r.json.error.message, /due date cannot be before the meeting date/);
});

test('an anomaly sent to the agenda becomes a resolution that keeps the link', async () => {
  const m = await as('manager');
  const p = await people(m);
  const series = await freshSeries(m, '华东异常复盘会');
  let r = await m.req('POST', '/api/v1/meetings', { series, date: '2026-06-17' });
  const mid = r.json.id;
  const series_list = (await m.get('/api/v1/meeting-series')).json.series;
  assert.equal(series_list.find((s) => s.id === series).next_planned, mid);
  const figures = { metric: 'sales', month: '2026-05', value: 1234500, yoy: -0.35, severity: 'high' };
  r = await m.req('POST', `/api/v1/meetings/${mid}/agenda`, { source: 'd2', key: `region:${m.user.region}/sales/2026-05`, title: '华东 5 月销售同比 −35%', figures });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const item = r.json.id;
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/agenda`, { source: 'x', key: 'k', title: 't' }), 'source');
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/agenda`, { source: 'd2', title: 't' }), 'key');
  r = await m.get(`/api/v1/meetings/${mid}`);
  assert.deepEqual(r.json.agenda_items[0].figures, figures);

  await m.req('POST', `/api/v1/meetings/${mid}/status`, { status: 'open' });
  r = await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { title: '华东销售止跌', owner: p['rep.east1'].id, due_date: '2026-06-30', agenda_item: item });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.link.source, 'd2');
  assert.equal(r.json.link.key, `region:${m.user.region}/sales/2026-05`);
  assert.deepEqual(r.json.link.figures, figures);
  assert.equal(sql(`SELECT resolution FROM agenda_items WHERE id = ${item}`)[0].resolution, r.json.id);
  // One resolution per agenda item; the failed second one leaves nothing behind.
  const before = count('SELECT COUNT(*) n FROM resolutions');
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { title: 'again', owner: p['rep.east1'].id, due_date: '2026-06-30', agenda_item: item }), 'agenda_item');
  assert.equal(count('SELECT COUNT(*) n FROM resolutions'), before);
});

test('owners of resolutions and action items come from the series region, as attendees do (create and PATCH)', async () => {
  const m = await as('manager');           // mgr.east
  const south = await as('rep', 2);        // rep.south1, another 大区
  const p = await people(m);
  const outsider = sql(`SELECT id FROM users WHERE login = 'rep.south1'`)[0].id, east1 = p['rep.east1'].id;
  const mid = await newMeeting(m, '华东负责人范围');
  const before = count('SELECT COUNT(*) n FROM resolutions') + count('SELECT COUNT(*) n FROM action_items');
  const audit = count('SELECT COUNT(*) n FROM audit_log');
  expect422(await m.req('POST', `/api/v1/meetings/${mid}/resolutions`, { title: 'x', owner: outsider, due_date: '2026-06-30' }), 'owner');
  const rid = await newResolution(m, mid, east1, '华东专项');
  expect422(await m.req('PATCH', `/api/v1/resolutions/${rid}`, { owner: outsider }), 'owner');
  expect422(await m.req('POST', `/api/v1/resolutions/${rid}/actions`, { title: 'a', owner: outsider, due_date: '2026-06-20' }), 'owner');
  const aid = await newAction(m, rid, east1, '拜访');
  expect422(await m.req('PATCH', `/api/v1/actions/${aid}`, { owner: outsider }), 'owner');
  assert.equal(count('SELECT COUNT(*) n FROM resolutions') + count('SELECT COUNT(*) n FROM action_items'), before + 2);
  assert.equal(sql(`SELECT owner FROM resolutions WHERE id = ${rid}`)[0].owner, east1);
  assert.equal(count('SELECT COUNT(*) n FROM audit_log'), audit + 2, 'only the two accepted writes are audited');
  // The outsider still cannot read the meeting.
  assert.equal((await south.get(`/api/v1/meetings/${mid}`)).status, 404);
});

test('a PATCH naming no known field is 422 and audits nothing', async () => {
  const m = await as('manager');
  const east1 = (await people(m))['rep.east1'].id;
  const mid = await newMeeting(m, '华东字段校验');
  const rid = await newResolution(m, mid, east1);
  const aid = await newAction(m, rid, east1);
  const audit = count('SELECT COUNT(*) n FROM audit_log');
  for (const path of [`/api/v1/meetings/${mid}`, `/api/v1/resolutions/${rid}`, `/api/v1/actions/${aid}`]) {
    expect422(await m.req('PATCH', path, { titel: 'typo' }), 'titel');
    expect422(await m.req('PATCH', path, {}), 'body');
  }
  // A known field beside an unknown one: still 422, nothing half-applied.
  expect422(await m.req('PATCH', `/api/v1/actions/${aid}`, { title: 'B', colour: 'red' }), 'colour');
  assert.equal(sql(`SELECT title FROM action_items WHERE id = ${aid}`)[0].title, 'A');
  assert.equal(count('SELECT COUNT(*) n FROM audit_log'), audit);
});
