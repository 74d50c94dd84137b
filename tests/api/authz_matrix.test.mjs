// The authorization matrix (issue 8), written as data: every route the server knows ×
// eight callers → the status each must get, and names an answer must not contain. A route
// without a row fails the test, so a new endpoint cannot ship without its permissions
// decided here. Write rows use bodies that fail validation once permission is granted (422),
// so the matrix writes nothing; permission refusals are 401 (no session), 403 (seen but not
// allowed) or 404 (not in scope: it does not exist for the caller).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { as, sql, Client, AS_OF } from './helpers.mjs';

const CALLERS = ['anon', 'admin', 'exec', 'mgrEast', 'mgrSouth', 'repEast1', 'repEast2', 'repSouth1'];

async function callers() {
  const c = { anon: new Client() };
  [c.admin, c.exec, c.mgrEast, c.mgrSouth] = [await as('admin'), await as('executive'), await as('manager', 0), await as('manager', 1)];
  [c.repEast1, c.repEast2, c.repSouth1] = [await as('rep', 0), await as('rep', 1), await as('rep', 2)];
  return c;
}

// The facts the expectations are computed from, read with SQL.
function facts(c) {
  const user = (k) => c[k].user;
  const east = user('mgrEast').region, south = user('mgrSouth').region;
  const openIn = (region) => sql(`SELECT m.id FROM meetings m JOIN meeting_series s ON s.id = m.series
    WHERE s.region = ${region} AND s.level = 'region' AND m.status = 'open' ORDER BY m.id LIMIT 1`)[0].id;
  const meeting = openIn(east);
  const [res] = sql(`SELECT r.id, r.owner, r.meeting FROM resolutions r JOIN meetings m ON m.id = r.meeting
    JOIN meeting_series s ON s.id = m.series WHERE s.region = ${east} AND s.level = 'region'
    ORDER BY (m.status = 'open') DESC, m.date DESC, r.id LIMIT 1`);
  const [carry] = sql(`SELECT resolution FROM carry_overs WHERE meeting = ${meeting} ORDER BY resolution LIMIT 1`);
  // An action item of an open east meeting when there is one, else of the latest east meeting with one.
  const [act] = sql(`SELECT a.id, a.owner, r.meeting FROM action_items a JOIN resolutions r ON r.id = a.resolution
    JOIN meetings m ON m.id = r.meeting JOIN meeting_series s ON s.id = m.series
    WHERE s.region = ${east} AND s.level = 'region' ORDER BY (m.status = 'open') DESC, m.date DESC, a.id LIMIT 1`);
  const people = (id) => {
    const [m] = sql(`SELECT chair FROM meetings WHERE id = ${id}`);
    return new Set([m.chair, ...sql(`SELECT "user" FROM meeting_attendees WHERE meeting = ${id} UNION
      SELECT owner FROM resolutions WHERE meeting = ${id} UNION
      SELECT a.owner FROM action_items a JOIN resolutions r ON r.id = a.resolution WHERE r.meeting = ${id}`).map((r) => r.user ?? r.owner)]);
  };
  const inMeeting = { [meeting]: people(meeting), [act.meeting]: people(act.meeting), [res.meeting]: people(res.meeting) };
  const involved = (k, id = meeting) => inMeeting[id].has(user(k).id);
  const contract = sql(`SELECT id FROM contracts WHERE rep = ${user('repEast1').rep} ORDER BY id LIMIT 1`)[0].id;
  const [customer] = sql(`SELECT id FROM customers WHERE owner_rep = ${user('repEast1').rep} ORDER BY id LIMIT 1`);
  const [product] = sql('SELECT id FROM products ORDER BY id LIMIT 1');
  const [opportunity] = sql(`SELECT id FROM opportunities WHERE rep = ${user('repEast1').rep} ORDER BY id LIMIT 1`);
  const repName = (k) => sql(`SELECT name FROM reps WHERE id = ${user(k).rep}`)[0].name;
  const regionName = (id) => sql(`SELECT name FROM regions WHERE id = ${id}`)[0].name;
  return { east, south, meeting, res, carry, act, involved, contract, customer, product, opportunity, repName, regionName, user };
}

// Expectation helpers: a status for every caller.
const every = (status, anon = 401) => Object.fromEntries(CALLERS.map((k) => [k, k === 'anon' ? anon : status]));
const by = (base, over) => ({ ...base, ...over });

function rows(f) {
  const reps = ['repEast1', 'repEast2', 'repSouth1'];
  // A meeting of the east 大区: managed by admin, exec, mgrEast; seen by the reps involved in it.
  const meetingRead = (id = f.meeting) => by(every(200), { mgrSouth: 404, ...Object.fromEntries(reps.map((k) => [k, f.involved(k, id) ? 200 : 404])) });
  const meetingWrite = (id = f.meeting) => by(every(422), { mgrSouth: 404, ...Object.fromEntries(reps.map((k) => [k, f.involved(k, id) ? 403 : 404])) });
  const ownerOr = (owner, base) => Object.fromEntries(Object.entries(base).map(([k, v]) =>
    [k, k !== 'anon' && f.user(k).id === owner && v !== 404 ? 422 : v]));
  const south = f.south, east = f.east;
  const contractBody = {
    code: `MATRIX-${Date.now()}`, customer: f.customer.id, rep: f.user('repEast1').rep, signed_date: AS_OF,
    lines: [{ product: f.product.id, qty: 1, amount: 1000, cost: 0 }], plan: [{ due_date: AS_OF, amount: 999 }],  // plan ≠ amount: 422
  };
  const foreignRep = { repEast1: [f.repName('repSouth1'), f.repName('repEast2')], repEast2: [f.repName('repEast1')],
    repSouth1: [f.repName('repEast1')], mgrEast: [f.repName('repSouth1')], mgrSouth: [f.repName('repEast1')] };
  const grid = `year=2026&metric=sales&owner=rep&region=${east}`;
  const regionOnly = (ok) => by(every(403), { admin: 200, exec: 200, [ok]: 200 });
  return [
    { route: 'POST /api/v1/session', body: {}, expect: every(422, 422) },
    { route: 'DELETE /api/v1/session', csrf: false, expect: every(403) },
    { route: 'GET /api/v1/me', expect: every(200) },
    { route: 'GET /api/v1/meta', expect: every(200, 200) },
    { route: 'GET /api/v1/health', expect: every(200, 200) },  // pgmulti: no login (load balancers ask it)
    { route: 'GET /api/v1/regions', expect: every(200), forbid: { mgrEast: [f.regionName(south)], repEast1: [f.regionName(east)] } },
    { route: 'GET /api/v1/do/progress', query: `period=2026-06&as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/do/progress', query: `period=2026-06&as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/do/cockpit', query: `as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/do/cockpit', query: `as_of=${AS_OF}&rep=${f.user('repSouth1').rep}`, expect: by(regionOnly('mgrSouth'), { repSouth1: 200 }) },
    { route: 'GET /api/v1/do/process', query: `period=2026-06&as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/do/process', query: `period=2026-06&as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/do/leaderboard', query: `period=2026-06&as_of=${AS_OF}`, expect: every(200) },
    { route: 'GET /api/v1/do/per-capita', query: `as_of=${AS_OF}`, expect: by(every(200), { repEast1: 403, repEast2: 403, repSouth1: 403 }) },
    { route: 'GET /api/v1/do/per-capita', query: `as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/do/leaderboard', query: `period=2026-06&as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/do/progress', query: `period=2026-06&as_of=${AS_OF}&level=rep&region=999999`, expect: by(every(404), { repEast1: 404, repEast2: 404, repSouth1: 404 }) },
    { route: 'GET /api/v1/check/rfm', query: `as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/check/rfm', query: `as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/check/churn', query: `as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/check/churn', query: `as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/contracts/{id}', path: { id: 999999999 }, expect: every(404) },
    // 数据导入: admins only; the admin's rows fail validation or find nothing, so nothing is written.
    { route: 'GET /api/v1/imports', expect: by(every(403), { admin: 200 }) },
    { route: 'POST /api/v1/imports', body: {}, expect: by(every(403), { admin: 422 }) },
    { route: 'GET /api/v1/imports/{id}', path: { id: 999999 }, expect: by(every(403), { admin: 404 }) },
    { route: 'GET /api/v1/imports/{id}/columns', path: { id: 999999 }, expect: by(every(403), { admin: 404 }) },
    { route: 'POST /api/v1/imports/{id}/dry-run', path: { id: 999999 }, body: {}, expect: by(every(403), { admin: 422 }) },
    { route: 'POST /api/v1/imports/{id}/commit', path: { id: 999999 }, expect: by(every(403), { admin: 404 }) },
    { route: 'POST /api/v1/imports/{id}/cancel', path: { id: 999999 }, expect: by(every(403), { admin: 404 }) },
    { route: 'GET /api/v1/imports/{id}/errors', path: { id: 999999 }, expect: by(every(403), { admin: 404 }) },
    { route: 'GET /api/v1/import-entities', expect: by(every(403), { admin: 200 }) },
    { route: 'GET /api/v1/import-entities/{entity}/template', path: { entity: 'planets' }, expect: by(every(403), { admin: 422 }) },
    { route: 'GET /api/v1/import-entities/{entity}/export', path: { entity: 'planets' }, expect: by(every(403), { admin: 422 }) },
    { route: 'GET /api/v1/import-templates', expect: by(every(403), { admin: 200 }) },
    { route: 'POST /api/v1/import-templates', body: {}, expect: by(every(403), { admin: 422 }) },
    { route: 'DELETE /api/v1/import-templates/{id}', path: { id: 999999 }, expect: by(every(403), { admin: 404 }) },
    // 用户管理 (issue 14): admins only; every user their own account, never their role.
    { route: 'GET /api/v1/users', expect: by(every(403), { admin: 200 }) },
    { route: 'GET /api/v1/users/scopes', expect: by(every(403), { admin: 200 }) },
    { route: 'POST /api/v1/users', body: {}, expect: by(every(403), { admin: 422 }) },
    { route: 'PATCH /api/v1/users/{id}', path: { id: 999999 }, body: { email: 'x@example.com' }, expect: by(every(403), { admin: 404 }) },
    { route: 'PATCH /api/v1/users/{id}', path: { id: f.user('repEast1').id }, body: { email: 'not an address' }, expect: by(every(403), { admin: 422 }) },
    { route: 'POST /api/v1/users/{id}/password', path: { id: 999999 }, body: {}, expect: by(every(403), { admin: 404 }) },
    { route: 'PATCH /api/v1/me', body: { email: 'not an address' }, expect: every(422) },
    { route: 'PATCH /api/v1/me', body: { role: 'admin' }, expect: every(403) },
    { route: 'PATCH /api/v1/me', csrf: false, body: { lang: 'en' }, expect: every(403) },
    // Push (issue 14): settings are the admins'; anyone may subscribe (whom they may address is
    // checked in tests/api/push_smtp.test.mjs); a subscription or delivery not one's own is 404.
    { route: 'GET /api/v1/settings/channels', expect: by(every(403), { admin: 200 }) },
    { route: 'PUT /api/v1/settings/channels', body: { smtp: { port: 0 } }, expect: by(every(403), { admin: 422 }) },
    { route: 'POST /api/v1/settings/channels/test', body: { channel: 'nope' }, expect: by(every(403), { admin: 422 }) },
    { route: 'GET /api/v1/settings/push', expect: by(every(403), { admin: 200 }) },
    { route: 'PUT /api/v1/settings/push', body: { max_attempts: 0 }, expect: by(every(403), { admin: 422 }) },
    { route: 'GET /api/v1/subscriptions', expect: every(200) },
    { route: 'GET /api/v1/subscriptions/recipients', expect: every(200) },
    { route: 'GET /api/v1/subscriptions/schedule-preview', expect: every(422) },
    { route: 'POST /api/v1/subscriptions', body: {}, expect: every(422) },
    { route: 'PATCH /api/v1/subscriptions/{id}', path: { id: 999999 }, body: {}, expect: every(404) },
    { route: 'DELETE /api/v1/subscriptions/{id}', path: { id: 999999 }, expect: every(404) },
    { route: 'POST /api/v1/subscriptions/{id}/send', path: { id: 999999 }, expect: every(404) },
    { route: 'POST /api/v1/subscriptions/{id}/test', path: { id: 999999 }, expect: every(404) },
    { route: 'GET /api/v1/deliveries', expect: every(200) },
    { route: 'GET /api/v1/deliveries/{id}/files/{n}', path: { id: 999999, n: 0 }, expect: every(404) },
    { route: 'GET /api/v1/notices', expect: every(200) },
    // Alerts (issue 14): everyone has their own rules and alerts; a rule's scope outside the
    // caller's is 404 (a bad value after the scope makes the allowed ones 422, nothing written).
    { route: 'GET /api/v1/alerts/rules', expect: every(200) },
    { route: 'POST /api/v1/alerts/rules', body: {}, expect: every(422) },
    { route: 'POST /api/v1/alerts/rules', body: { name: 'x', kind: 'threshold', scope: `region:${south}`, metric: 'd3_completion', op: '<', value: 'x' },
      expect: by(every(404), { admin: 422, exec: 422, mgrSouth: 422 }) },
    { route: 'PATCH /api/v1/alerts/rules/{id}', path: { id: 999999 }, body: {}, expect: every(404) },
    { route: 'DELETE /api/v1/alerts/rules/{id}', path: { id: 999999 }, expect: every(404) },
    { route: 'GET /api/v1/alerts', expect: every(200) },
    { route: 'POST /api/v1/alerts/read', expect: every(200) },
    { route: 'POST /api/v1/alerts/{id}/read', path: { id: 999999 }, expect: every(404) },
    { route: 'POST /api/v1/alerts/{id}/ack', path: { id: 999999 }, expect: every(404) },
    { route: 'POST /api/v1/alerts/{id}/snooze', path: { id: 999999 }, body: { until: '2026-07-01' }, expect: every(404) },
    { route: 'POST /api/v1/alerts/{id}/agenda', path: { id: 999999 }, body: {}, expect: every(404) },
    { route: 'GET /api/v1/plan/forecasts', query: 'month=2026-06', expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/plan/forecasts', query: `month=2026-06&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/plan/forecast-accuracy', query: `as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/plan/forecast-accuracy', query: `as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    // P5: a rep submits their own, a manager for a rep of their team (a negative value: 422, nothing written).
    { route: 'PUT /api/v1/plan/forecasts', body: { month: '2026-07', value: -1, rep: f.user('repSouth1').rep },
      expect: by(every(422), { mgrEast: 403, repEast1: 403, repEast2: 403 }) },
    { route: 'PUT /api/v1/plan/forecasts', csrf: false, body: {}, expect: every(403) },
    { route: 'GET /api/v1/check/review', query: `period=2026-Q2&as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/check/review', query: `period=2026-Q2&as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/customers/{id}', path: { id: f.customer.id }, expect: by(every(200), { mgrSouth: 404, repEast2: 404, repSouth1: 404 }) },
    { route: 'POST /api/v1/do/anomalies/ack', body: { key: 'rep:1/sales/2026-05/yoy', comment: '' }, expect: every(422) },
    { route: 'GET /api/v1/check/products', query: `period=2026&as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/check/products', query: `period=2026&as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    // P4: the company's finance ledger, for the callers who see the whole company.
    { route: 'GET /api/v1/plan/finance', query: `as_of=${AS_OF}`, expect: by(every(403), { admin: 200, exec: 200 }) },
    { route: 'POST /api/v1/check/products/warnings/ack', body: { key: 'product:1/no_sale/2026', comment: '' }, expect: every(422) },
    { route: 'GET /api/v1/plan/funnel', query: `as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    // P6: the caller's own owner by default; an owner outside the scope answers as not found.
    { route: 'GET /api/v1/plan/suggestion', query: `as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/plan/suggestion', query: `as_of=${AS_OF}&owner=region:${south}`, expect: by(every(404), { admin: 200, exec: 200, mgrSouth: 200 }) },
    { route: 'GET /api/v1/plan/funnel', query: `as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/plan/market', query: `period=2026&as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/plan/market', query: `period=2026&as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/plan/competitors', query: `period=2026&as_of=${AS_OF}`, expect: every(200), forbid: foreignRep },
    { route: 'GET /api/v1/plan/competitors', query: `period=2026&as_of=${AS_OF}&region=${south}`, expect: regionOnly('mgrSouth') },
    { route: 'GET /api/v1/targets/grid', query: grid, expect: regionOnly('mgrEast') },
    { route: 'PUT /api/v1/targets/grid', body: { year: 2026, metric: 'sales', owner: 'rep', region: east }, expect: by(regionOnly('mgrEast'), { admin: 422, exec: 422, mgrEast: 422 }) },
    { route: 'GET /api/v1/targets/audit', query: grid, expect: regionOnly('mgrEast') },
    { route: 'GET /api/v1/contracts/{id}', path: { id: f.contract }, expect: by(every(200), { mgrSouth: 403, repEast2: 403, repSouth1: 403 }) },
    { route: 'POST /api/v1/contracts', body: contractBody, expect: by(every(422), { mgrSouth: 403, repEast2: 403, repSouth1: 403 }) },
    // 回款登记 and 商机维护: bad bodies (nothing written); outside the scope answers as not found.
    { route: 'POST /api/v1/payments', body: { contract: f.contract, date: AS_OF, amount: 0 }, expect: by(every(422), { mgrSouth: 404, repEast2: 404, repSouth1: 404 }) },
    { route: 'POST /api/v1/opportunities', body: { customer: f.customer.id, category: '没有的类别', amount: 1, expected_close: AS_OF }, expect: by(every(422), { mgrSouth: 404, repEast2: 404, repSouth1: 404 }) },
    { route: 'POST /api/v1/opportunities/{id}/stage', path: { id: f.opportunity.id }, body: { stage: 'nope' }, expect: by(every(422), { mgrSouth: 404, repEast2: 404, repSouth1: 404 }) },
    // opps: 商机维护's list and drawer, the forms' pickers (scoped lists: everyone reads their own).
    { route: 'GET /api/v1/opportunities', expect: every(200) },
    { route: 'GET /api/v1/opportunities/{id}', path: { id: f.opportunity.id }, expect: by(every(200), { mgrSouth: 404, repEast2: 404, repSouth1: 404 }) },
    { route: 'GET /api/v1/pickers/customers', expect: every(200) },
    { route: 'GET /api/v1/pickers/products', expect: every(200) },
    // Without the CSRF header a write is refused before anything else.
    { route: 'POST /api/v1/contracts', csrf: false, body: contractBody, expect: every(403) },
    { route: 'PUT /api/v1/targets/grid', csrf: false, body: {}, expect: every(403) },
    { route: 'PATCH /api/v1/meetings/{id}', csrf: false, path: { id: f.meeting }, body: {}, expect: every(403) },
    { route: 'GET /api/v1/act/people', expect: every(200) },
    { route: 'GET /api/v1/act/stats', expect: every(200) },
    { route: 'GET /api/v1/todos', expect: every(200) },
    { route: 'GET /api/v1/meeting-series', expect: every(200) },
    { route: 'POST /api/v1/meeting-series', body: { name: '' }, expect: by(every(422), Object.fromEntries(reps.map((k) => [k, 403]))) },
    { route: 'GET /api/v1/meetings', expect: every(200) },
    { route: 'POST /api/v1/meetings', body: { series: sql(`SELECT id FROM meeting_series WHERE region = ${south} AND level = 'region'`)[0].id },
      expect: by(every(403), { admin: 422, exec: 422, mgrSouth: 422 }) },
    { route: 'GET /api/v1/meetings/{id}', path: { id: f.meeting }, expect: meetingRead(), forbid: { mgrSouth: ['agenda'] } },
    { route: 'PATCH /api/v1/meetings/{id}', path: { id: f.meeting }, body: {}, expect: meetingWrite() },
    { route: 'GET /api/v1/meetings/{id}/resolutions', path: { id: f.meeting }, expect: meetingRead() },
    { route: 'POST /api/v1/meetings/{id}/status', path: { id: f.meeting }, body: { status: 'bogus' }, expect: meetingWrite() },
    { route: 'POST /api/v1/meetings/{id}/carry-over/{resolution}', path: { id: f.meeting, resolution: f.carry ? f.carry.resolution : f.res.id },
      body: {}, expect: meetingWrite() },
    { route: 'POST /api/v1/meetings/{id}/agenda', path: { id: f.meeting }, body: {}, expect: meetingWrite() },
    { route: 'POST /api/v1/meetings/{id}/resolutions', path: { id: f.meeting }, body: {}, expect: meetingWrite() },
    { route: 'GET /api/v1/resolutions/{id}/actions', path: { id: f.res.id }, expect: meetingRead(f.res.meeting) },
    { route: 'POST /api/v1/resolutions/{id}/actions', path: { id: f.res.id }, body: {}, expect: meetingWrite(f.res.meeting) },
    { route: 'PATCH /api/v1/resolutions/{id}', path: { id: f.res.id }, body: { status: 'bogus' }, expect: meetingWrite(f.res.meeting) },
    { route: 'PATCH /api/v1/actions/{id}', path: { id: f.act.id }, body: { status: 'bogus' }, expect: ownerOr(f.act.owner, meetingWrite(f.act.meeting)) },
    { route: 'POST /api/v1/actions/{id}/log', path: { id: f.act.id }, body: {}, expect: ownerOr(f.act.owner, meetingWrite(f.act.meeting)) },
  ];
}

test('every route has a row, and every caller gets the status its row says', async () => {
  const c = await callers();
  const f = facts(c);
  const table = rows(f);
  const audit = sql('SELECT COUNT(*) AS n FROM audit_log')[0].n;
  const known = execFileSync(process.env.SALESLOOP_BIN, ['routes'], { encoding: 'utf8' }).trim().split('\n');
  const covered = new Set(table.map((r) => r.route));
  const missing = known.filter((r) => !covered.has(r));
  assert.deepEqual(missing, [], `routes without a row in the authorization matrix: ${missing.join(', ')}`);
  const stale = [...covered].filter((r) => !known.includes(r));
  assert.deepEqual(stale, [], `rows for routes the server does not have: ${stale.join(', ')}`);

  const wrong = [];
  for (const row of table) {
    const [method, pattern] = row.route.split(' ');
    let path = pattern.replace(/\{(\w+)\}/g, (_, k) => String(row.path[k]));
    if (row.query) path += `?${row.query}`;
    for (const who of CALLERS) {
      const r = await c[who].req(method, path, row.body, { csrf: row.csrf !== false });
      if (r.status !== row.expect[who]) wrong.push(`${row.route}${row.query ? '?' + row.query : ''} as ${who}: ${r.status}, expected ${row.expect[who]} ${JSON.stringify(r.json).slice(0, 120)}`);
      const text = JSON.stringify(r.json);
      for (const name of (row.forbid ?? {})[who] ?? [])
        if (r.status === 200 && text.includes(name)) wrong.push(`${row.route} as ${who}: the answer names ${name}`);
    }
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
  assert.equal(sql('SELECT COUNT(*) AS n FROM audit_log')[0].n, audit, 'the matrix wrote nothing');
});
