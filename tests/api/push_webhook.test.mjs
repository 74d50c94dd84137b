// Push to the robots and the generic webhook on loopback (issue 14): a local receiver
// (tests/support/webhook_receiver.mjs) records what arrives. 企业微信: a markdown message and the
// chart as an image message whose md5 is that of the base64's bytes; 钉钉: a markdown message
// whose timestamp/sign verify (HMAC-SHA256 computed here with node:crypto); the generic JSON
// webhook: the recipient's own figures, equal to their own API answer. A receiver answering 500
// then 200 → delivered once, after a retry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { Client } from '../support/client.mjs';
import { readLogins } from '../support/logins.mjs';
import { ownServer } from '../support/own_server.mjs';
import { startReceiver } from '../support/webhook_receiver.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const SECRET = 'SECwebhook-test-0123456789';
let srv, rx, admin, mgr, rep;

const rows = (q) => { const t = execFileSync('sqlite3', ['-json', srv.db, q], { encoding: 'utf8' }).trim(); return t ? JSON.parse(t) : []; };
async function login(role, index = 0) {
  const u = readLogins()[role][index];
  const c = new Client('zh-CN', srv.base);
  const r = await c.login(u.login, u.password);
  assert.equal(r.status, 200);
  c.user = r.json.user;
  return c;
}
async function waitFor(what, check, ms = 30000) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) {
    const v = await check();
    if (v) return v;
  }
  throw new Error('timed out waiting for ' + what);
}
const subscribe = (channels, users) => admin.req('POST', '/api/v1/subscriptions', { page: 'do/progress', params: { period: '2026-06' },
  schedule: 'daily 08:00', recipients: { users }, channels, formats: [] });

before(async () => {
  rx = await startReceiver();
  srv = await ownServer();
  admin = await login('admin');
  mgr = await login('manager', 0);
  rep = await login('rep', 0);
  let r = await admin.req('PUT', '/api/v1/settings/channels', {
    wecom_webhook: `${rx.base}/wecom?key=wecom-key-123456789012345`,
    dingtalk_webhook: `${rx.base}/ding?access_token=ding-token-1234567890123`,
    dingtalk_secret: SECRET,
    webhook_url: `${rx.base}/generic?token=generic-token-123456789012`,
  });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  r = await admin.req('PUT', '/api/v1/settings/push', { retry_base_seconds: 1, max_attempts: 5 });
  assert.equal(r.status, 200);
});
after(async () => {
  await srv?.stop();
  await rx?.stop();
});

test('the generic webhook URL is stored masked, and must be http(s)', async () => {
  const r = await admin.get('/api/v1/settings/channels');
  assert.ok(r.json.webhook_url.endsWith('••••••'));
  assert.ok(!JSON.stringify(r.json).includes('generic-token-123456789012'));
  const bad = await admin.req('PUT', '/api/v1/settings/channels', { webhook_url: 'ftp://example.test/hook' });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'webhook_url');
  const [stored] = rows(`SELECT value FROM push_settings WHERE key = 'channels'`);
  assert.equal(JSON.parse(stored.value).webhook_url, `${rx.base}/generic?token=generic-token-123456789012`);
  const unknown = await subscribe(['fax'], [mgr.user.id]);
  assert.equal(unknown.status, 422);
  assert.equal(unknown.json.error.field, 'channels');
});

test('send now: 企业微信 markdown + image, 钉钉 signed markdown, the generic JSON — the manager\'s own figures', async () => {
  const created = await subscribe(['wecom', 'dingtalk', 'webhook'], [mgr.user.id]);
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const t0 = Date.now();
  const sent = await admin.req('POST', `/api/v1/subscriptions/${created.json.id}/send`);
  assert.equal(sent.status, 202);
  assert.equal(sent.json.queued, 3);
  await waitFor('3 deliveries sent', () => rows(`SELECT 1 FROM deliveries WHERE subscription = ${created.json.id} AND state = 'sent'`).length === 3);
  const t1 = Date.now();

  const wecom = rx.on('/wecom');
  assert.equal(wecom.length, 2);
  assert.equal(wecom[0].query.key, 'wecom-key-123456789012345');
  assert.equal(wecom[0].json.msgtype, 'markdown');
  assert.ok(Buffer.byteLength(wecom[0].json.markdown.content) <= 4096);
  assert.match(wecom[0].json.markdown.content, /华东大区/);
  assert.equal(wecom[1].json.msgtype, 'image');
  const png = Buffer.from(wecom[1].json.image.base64, 'base64');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.length <= 2 * 1024 * 1024);
  assert.equal(wecom[1].json.image.md5, createHash('md5').update(png).digest('hex'));

  const [ding] = rx.on('/ding');
  assert.equal(ding.query.access_token, 'ding-token-1234567890123');
  const ts = Number(ding.query.timestamp);
  assert.ok(ts >= t0 - 1000 && ts <= t1 + 1000, 'timestamp in ms, now');
  const sign = createHmac('sha256', SECRET).update(`${ding.query.timestamp}\n${SECRET}`).digest('base64');
  assert.equal(ding.query.sign, sign); // URLSearchParams has decoded the %-encoding
  assert.equal(ding.json.msgtype, 'markdown');
  assert.ok(ding.json.markdown.title.length > 0);
  assert.match(ding.json.markdown.text, /华东大区/);

  const [generic] = rx.on('/generic');
  assert.match(generic.headers['content-type'], /application\/json/);
  const g = generic.json;
  assert.equal(g.event, 'report');
  assert.equal(g.subscription, created.json.id);
  assert.equal(g.page, 'do/progress');
  assert.equal(g.recipient.id, mgr.user.id);
  assert.equal(g.lang, 'zh-CN');
  const api = await mgr.get('/api/v1/do/progress?period=2026-06');
  assert.equal(api.json.rows.length, 1); // the manager's one region
  const head = api.json.rows[0];
  assert.ok(Math.abs(g.metrics.completion - head.completion) < 1e-9);
  assert.ok(Math.abs(g.metrics.completion_minus_time_progress - (head.completion - head.time_progress)) < 1e-9);
  assert.match(g.markdown, /华东大区/);

  const log = await admin.get('/api/v1/deliveries');
  const mine = log.json.deliveries.filter((d) => d.subscription === created.json.id);
  assert.deepEqual(mine.map((d) => d.channel).sort(), ['dingtalk', 'webhook', 'wecom']);
  for (const d of mine) {
    assert.equal(d.page, 'do/progress');
    assert.equal(d.recipient_name, mgr.user.display_name);
    assert.ok(!d.address.includes('token'), 'no webhook secret in the log');
  }
  assert.ok(mine.find((d) => d.channel === 'wecom').files.some((f) => f.name === 'image.png'));
});

test('a receiver answering 500 then 200: delivered once, after a retry', async () => {
  const created = await subscribe(['webhook'], [rep.user.id]);
  assert.equal(created.status, 201);
  const before = rx.on('/generic').length;
  rx.failNext('/generic', 500);
  assert.equal((await admin.req('POST', `/api/v1/subscriptions/${created.json.id}/send`)).status, 202);
  const [d] = await waitFor('sent', () => {
    const r = rows(`SELECT state, attempts FROM deliveries WHERE subscription = ${created.json.id} AND state = 'sent'`);
    return r.length ? r : null;
  });
  assert.equal(d.attempts, 2);
  await sleep(1500); // nothing further arrives
  const got = rx.on('/generic').slice(before);
  assert.deepEqual(got.map((r) => r.status), [500, 200]);
  assert.equal(got[1].json.recipient.id, rep.user.id);
});

test('the pickers: a manager may address their region\'s people, a rep only themselves', async () => {
  const m = await mgr.get('/api/v1/subscriptions/recipients');
  assert.equal(m.status, 200);
  assert.equal(m.json.roles, false);
  // By SQL: the active users the manager may address — reps in their region subtree, managers of it, themselves.
  const want = rows(`WITH RECURSIVE sub(id) AS (SELECT ${mgr.user.region} UNION SELECT r.id FROM regions r JOIN sub ON r.parent = sub.id)
    SELECT u.id FROM users u LEFT JOIN reps p ON p.id = u.rep WHERE u.active = 1 AND (u.id = ${mgr.user.id}
      OR (u.role = 'rep' AND p.region IN (SELECT id FROM sub)) OR (u.role = 'manager' AND u.region IN (SELECT id FROM sub))) ORDER BY u.id`);
  assert.deepEqual(m.json.users.map((u) => u.id), want.map((r) => r.id));
  const r = await rep.get('/api/v1/subscriptions/recipients');
  assert.deepEqual(r.json.users.map((u) => u.id), [rep.user.id]);
  assert.deepEqual(r.json.regions, []);
  const a = await admin.get('/api/v1/subscriptions/recipients');
  assert.equal(a.json.roles, true);
  assert.equal(a.json.users.length, rows('SELECT count(*) AS n FROM users WHERE active = 1')[0].n);
});
