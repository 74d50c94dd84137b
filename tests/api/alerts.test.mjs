// Alerts (issue 14) over HTTP: a manager's threshold rule on their region's D3 completion gap,
// breached by a target saved through the targets API, found by the server's check (run within
// seconds of the new data version), deduplicated, cleared, acknowledged, snoozed and sent to a
// meeting's agenda; who may make rules on what; bad input. The expected gap is computed here
// from SQL sums of contracts and targets (sqlite3), not from the server's answer.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, subtree, AS_OF, otherRegion } from './helpers.mjs';

const JUNE = { first: '2026-06-01', days: 30, elapsed: 15 };  // the server's today is 2026-06-15
const cleanups = [];
after(async () => { for (const f of cleanups.reverse()) await f(); });

const regionActual = (region) => sql(`${subtree(String(region))} SELECT COALESCE(SUM(c.amount), 0) AS v FROM contracts c
    JOIN reps p ON p.id = c.rep JOIN sub ON sub.id = p.region
    WHERE c.signed_date BETWEEN '${JUNE.first}' AND '${AS_OF}'`)[0].v;
const regionTarget = (region) => sql(`SELECT value AS v FROM targets WHERE metric = 'sales' AND owner_kind = 'region'
    AND owner_id = ${region} AND month = '2026-06'`)[0]?.v ?? null;

async function saveRegionTarget(exec, region, value) {
  const r = await exec.req('PUT', '/api/v1/targets/grid', {
    year: 2026, metric: 'sales', owner: 'region', cells: [{ id: region, month: 6, value }],
  });
  assert.equal(r.status, 200, JSON.stringify(r.json));
}

const mine = async (c, rule, state = '') =>
  (await c.get(`/api/v1/alerts?page_size=200${state ? `&state=${state}` : ''}`)).json.alerts.filter((a) => a.rule === rule);

// Polls until pred holds of the rule's alerts (the check runs every 2 s after a data change).
async function waitFor(c, rule, pred, what) {
  for (let i = 0; i < 40; i++) {
    const list = await mine(c, rule);
    if (pred(list)) return list;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`timed out waiting for ${what}: ${JSON.stringify(await mine(c, rule))}`);
}
const settle = () => new Promise((r) => setTimeout(r, 4500));  // two check periods

test('a manager\'s D3 gap rule: breach by a saved target, one alert, its link and number, no duplicate, clear, re-open', async () => {
  const m = await as('manager');
  const exec = await as('executive');
  const region = m.user.region;
  const original = regionTarget(region);
  cleanups.push(() => saveRegionTarget(exec, region, original ?? 0));
  const actual = regionActual(region);
  assert.ok(actual > 0, 'the region signed something in June');
  assert.equal((await m.req('PATCH', '/api/v1/me', { email: 'alerts-manager@example.com' })).status, 200);

  // Not breached first: target = actual, completion 100 %, 50 points ahead of time.
  await saveRegionTarget(exec, region, actual);
  const made = await m.req('POST', '/api/v1/alerts/rules', {
    name: '完成率落后', kind: 'threshold', metric: 'd3_completion_gap', scope: `region:${region}`,
    filters: { period: 'month' }, op: '<', value: -0.2, channels: ['email'],
  });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const rule = made.json.id;
  assert.ok(Number.isInteger(rule));
  cleanups.push(() => m.req('DELETE', `/api/v1/alerts/rules/${rule}`));
  await settle();
  assert.equal((await mine(m, rule)).length, 0, 'no alert while not breached');

  // The breach: a target ten times the actual — completion 10 %, 40 points behind.
  const target = actual * 10;
  await saveRegionTarget(exec, region, target);
  assert.equal(regionTarget(region), target);
  const [alert] = await waitFor(m, rule, (l) => l.length === 1, 'the alert');
  const want = actual / target - JUNE.elapsed / JUNE.days;
  assert.ok(Math.abs(alert.measured - want) < 1e-9, `measured ${alert.measured} != ${want}`);
  assert.equal(alert.state, 'open');
  assert.equal(alert.read, false);
  assert.equal(alert.threshold, -0.2);
  assert.equal(alert.link, `/do/progress?period=2026-06&level=rep&region=${region}`);
  assert.equal(alert.key, `region:${region}/2026-06`);
  assert.match(alert.title, /完成率落后/);
  const list = await m.get('/api/v1/alerts');
  assert.equal(list.status, 200);
  assert.ok(list.json.unread >= 1);
  // The page the link opens shows the same gap.
  const page = await m.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=rep&region=${region}`);
  assert.ok(Math.abs(page.json.parent.gap - want) < 1e-9);

  // One e-mail in the outbox, to the owner, in the same transaction as the alert.
  const mails = sql(`SELECT recipient, channel, address FROM deliveries WHERE idem_key LIKE 'alert:${rule}:%'`);
  assert.deepEqual(mails, [{ recipient: m.user.id, channel: 'email', address: 'alerts-manager@example.com' }]);

  // Still breached after another save: no second alert, no second mail.
  await saveRegionTarget(exec, region, actual * 11);
  await settle();
  assert.equal((await mine(m, rule)).length, 1, 'saving again does not duplicate');
  assert.equal(sql(`SELECT COUNT(*) AS n FROM deliveries WHERE idem_key LIKE 'alert:${rule}:%'`)[0].n, 1);

  // Cleared: the alert closes. Breached again: a new one opens.
  await saveRegionTarget(exec, region, actual);
  await waitFor(m, rule, (l) => l.length === 1 && l[0].state === 'closed', 'the alert to close');
  await saveRegionTarget(exec, region, target);
  const again = await waitFor(m, rule, (l) => l.length === 2, 'a new alert after the clear');
  assert.deepEqual(again.map((a) => a.state), ['open', 'closed']);  // newest first
});

test('read, acknowledge, snooze and send to the next meeting\'s agenda', async () => {
  const m = await as('manager');
  const list = (await m.get('/api/v1/alerts?state=open')).json.alerts;
  assert.ok(list.length > 0, 'the first test left an open alert');
  const a = list[0];
  const before = (await m.get('/api/v1/alerts')).json.unread;

  const acked = await m.req('POST', `/api/v1/alerts/${a.id}/ack`);
  assert.equal(acked.status, 200);
  assert.equal(acked.json.acked, true);
  assert.equal(acked.json.read, true);
  assert.equal((await m.get('/api/v1/alerts')).json.unread, before - 1);
  assert.equal(sql(`SELECT CASE WHEN acked_at > 0 THEN 1 ELSE 0 END AS y FROM alerts WHERE id = ${a.id}`)[0].y, 1);

  const bad = await m.req('POST', `/api/v1/alerts/${a.id}/snooze`, { until: '2026-06-15' });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'until');
  const snoozed = await m.req('POST', `/api/v1/alerts/${a.id}/snooze`, { until: '2026-06-22' });
  assert.equal(snoozed.status, 200);
  assert.equal(snoozed.json.snoozed_until, '2026-06-22');
  assert.equal(snoozed.json.snoozed, true);
  assert.ok((await m.get('/api/v1/alerts?state=snoozed')).json.alerts.some((x) => x.id === a.id));

  // The next planned meeting of a series the manager runs (planned here when there is none).
  const series = (await m.get('/api/v1/meeting-series')).json.series.filter((s) => s.can_manage);
  assert.ok(series.length > 0, 'the manager runs a meeting series');
  if (!series.some((s) => s.next_planned)) {
    const planned = await m.req('POST', '/api/v1/meetings', { series: series[0].id, date: '2026-06-20' });
    assert.equal(planned.status, 201, JSON.stringify(planned.json));
  }
  const sent = await m.req('POST', `/api/v1/alerts/${a.id}/agenda`, {});
  assert.equal(sent.status, 201, JSON.stringify(sent.json));
  const meeting = await m.get(`/api/v1/meetings/${sent.json.meeting_id}`);
  const item = meeting.json.agenda_items.find((g) => g.id === sent.json.agenda_item);
  assert.ok(item, 'the agenda item is on the meeting');
  assert.equal(item.source, '');  // a threshold alert is a plain item; a D2 anomaly alert goes as 'd2'
  assert.equal(item.key, `alert:${a.id}`);
  const [row] = sql(`SELECT meeting, date, status FROM agenda_items g JOIN meetings mt ON mt.id = g.meeting WHERE g.id = ${sent.json.agenda_item}`);
  assert.equal(row.status, 'planned');
  assert.ok(row.date >= AS_OF);
  // The earliest planned meeting from today of the series the manager may manage is chosen.
  assert.equal(sent.json.alert.meeting, sent.json.meeting_id);

  const other = await as('manager', 1);
  assert.equal((await other.req('POST', `/api/v1/alerts/${a.id}/ack`)).status, 404, "someone else's alert");
  assert.equal((await m.req('POST', '/api/v1/alerts/read')).status, 200);
  assert.equal((await m.get('/api/v1/alerts?state=unread')).json.alerts.length, 0);
});

test('scope: a rep only on their own book, a manager only in their region', async () => {
  const rep = await as('rep');
  const otherRep = sql(`SELECT id FROM reps WHERE id <> ${rep.user.rep} ORDER BY id LIMIT 1`)[0].id;
  const body = (scope) => ({ name: 'x', kind: 'threshold', metric: 'd3_completion', scope, op: '<', value: 0.5 });
  assert.equal((await rep.req('POST', '/api/v1/alerts/rules', body(`rep:${otherRep}`))).status, 404);
  assert.equal((await rep.req('POST', '/api/v1/alerts/rules', body(`region:${sql('SELECT id FROM regions LIMIT 1')[0].id}`))).status, 404);
  assert.equal((await rep.req('POST', '/api/v1/alerts/rules', body('company'))).status, 404);
  const own = await rep.req('POST', '/api/v1/alerts/rules', body(`rep:${rep.user.rep}`));
  assert.equal(own.status, 201, JSON.stringify(own.json));
  cleanups.push(() => rep.req('DELETE', `/api/v1/alerts/rules/${own.json.id}`));

  const m = await as('manager');
  assert.equal((await m.req('POST', '/api/v1/alerts/rules', body(`region:${otherRegion(m.user.region).id}`))).status, 404);
  assert.equal((await m.req('POST', '/api/v1/alerts/rules', body('company'))).status, 404);
  assert.equal((await m.req('POST', '/api/v1/alerts/rules', body('region:999999'))).status, 404);
  // Another's rule is not there for them.
  assert.equal((await m.req('PATCH', `/api/v1/alerts/rules/${own.json.id}`, { name: 'y' })).status, 404);
  assert.equal((await m.req('DELETE', `/api/v1/alerts/rules/${own.json.id}`)).status, 404);
  assert.ok(!(await m.get('/api/v1/alerts/rules')).json.rules.some((r) => r.id === own.json.id));
  const exec = await as('executive');
  const company = await exec.req('POST', '/api/v1/alerts/rules', { ...body('company'), kind: 'anomaly', metric: 'd2', severity: 'high' });
  assert.equal(company.status, 201, JSON.stringify(company.json));
  cleanups.push(() => exec.req('DELETE', `/api/v1/alerts/rules/${company.json.id}`));
  assert.equal(company.json.severity, 'high');
  assert.equal(company.json.op, null);
});

test('an anomaly rule alerts each D2 anomaly of its severity once, linking to D2 with its unit', async () => {
  const exec = await as('executive');
  const rule = (await exec.get('/api/v1/alerts/rules')).json.rules.find((r) => r.kind === 'anomaly');
  assert.ok(rule);
  const got = await waitFor(exec, rule.id, (l) => l.length > 0, 'anomaly alerts');
  const d2 = await exec.get(`/api/v1/do/process?period=2026-06&as_of=${AS_OF}`);
  assert.equal(d2.status, 200);
  for (const a of got) {
    assert.equal(a.figures.severity, 'high');
    assert.match(a.link, /^\/do\/process\?period=2026-0[56]&(region|rep)=\d+$/);
  }
  assert.equal(new Set(got.map((a) => a.key)).size, got.length, 'one alert per anomaly');
});

test('C3 churned customers: measured on the rule\'s region, against SQL, linking to C3', async () => {
  const m = await as('manager');
  const region = m.user.region;
  // Active in 2026-Q1 (a contract of a rep of the region), none in 2026-Q2 through as_of.
  const want = sql(`${subtree(String(region))}, c AS (SELECT c.customer, c.signed_date FROM contracts c
      JOIN reps p ON p.id = c.rep JOIN sub ON sub.id = p.region)
    SELECT COUNT(DISTINCT customer) AS v FROM c WHERE signed_date BETWEEN '2026-01-01' AND '2026-03-31'
      AND customer NOT IN (SELECT customer FROM c WHERE signed_date BETWEEN '2026-04-01' AND '${AS_OF}')`)[0].v;
  const made = await m.req('POST', '/api/v1/alerts/rules', {
    name: '流失', kind: 'threshold', metric: 'c3_churned', scope: `region:${region}`, op: '>=', value: 0,
  });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  cleanups.push(() => m.req('DELETE', `/api/v1/alerts/rules/${made.json.id}`));
  const [a] = await waitFor(m, made.json.id, (l) => l.length === 1, 'the churn alert');
  assert.equal(a.measured, want);
  assert.equal(a.key, `region:${region}/2026-Q2`);
  assert.equal(a.link, `/check/churn?period=2026-06&region=${region}`);
  const bad = await m.req('POST', '/api/v1/alerts/rules', {
    name: 'x', kind: 'threshold', metric: 'c1_overdue_90_share', scope: `region:${region}`, op: '>', value: 0.5, filters: { period: 'month' },
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'filters');
});

test('bad input is 422 naming the field, in the caller\'s language', async () => {
  const m = await as('manager');
  const ok = { name: 'r', kind: 'threshold', metric: 'd3_completion_gap', scope: `region:${m.user.region}`, op: '<', value: -0.1 };
  const cases = [
    [{ ...ok, name: ' ' }, 'name'],
    [{ ...ok, kind: 'sometimes' }, 'kind'],
    [{ ...ok, metric: 'profit' }, 'metric'],
    [{ ...ok, op: '==' }, 'op'],
    [{ ...ok, value: '5' }, 'value'],
    [{ ...ok, scope: 'everywhere' }, 'scope'],
    [{ ...ok, channels: ['fax'] }, 'channels'],
    [{ ...ok, filters: { period: 'week' } }, 'filters.period'],
    [{ ...ok, filters: { metric: 'profit' } }, 'filters.metric'],
    [{ ...ok, kind: 'anomaly', metric: 'd2', severity: 'low' }, 'severity'],
    [{ ...ok, enabled: 'yes' }, 'enabled'],
  ];
  for (const [body, field] of cases) {
    const r = await m.req('POST', '/api/v1/alerts/rules', body);
    assert.equal(r.status, 422, `${field}: ${JSON.stringify(r.json)}`);
    assert.equal(r.json.error.field, field);
    assert.match(r.json.error.message, /[\u4e00-\u9fff]/, 'zh-CN message');
  }
  m.lang = 'en';
  const en = await m.req('POST', '/api/v1/alerts/rules', { ...ok, op: '==' });
  assert.equal(en.status, 422);
  assert.doesNotMatch(en.json.error.message, /[\u4e00-\u9fff]/);
  const made = await m.req('POST', '/api/v1/alerts/rules', ok);
  assert.equal(made.status, 201);
  cleanups.push(() => m.req('DELETE', `/api/v1/alerts/rules/${made.json.id}`));
  const typo = await m.req('PATCH', `/api/v1/alerts/rules/${made.json.id}`, { nmae: 'x' });
  assert.equal(typo.status, 422);
  const renamed = await m.req('PATCH', `/api/v1/alerts/rules/${made.json.id}`, { name: 'renamed', enabled: false });
  assert.equal(renamed.status, 200);
  assert.equal(renamed.json.name, 'renamed');
  assert.equal(renamed.json.enabled, false);
  const kindOnly = await m.req('PATCH', `/api/v1/alerts/rules/${made.json.id}`, { kind: 'anomaly' });
  assert.equal(kindOnly.status, 422, 'a threshold metric is no anomaly source');
  assert.equal(kindOnly.json.error.field, 'metric');
  assert.equal((await m.get('/api/v1/alerts?state=bogus')).status, 422);
  assert.equal((await m.get('/api/v1/alerts?page_size=0')).status, 422);
});
