// Push by e-mail end to end on loopback (issue 14): a real SMTP server (aiosmtpd,
// tests/support/smtp_server.py) collects the mails; Python's email module reads them back
// (tests/support/mail_read.py). Each recipient's numbers equal that user's own API answer;
// the XLSX attachment's cells read back; SMTP down → retries → sent once it is back, each
// Message-ID once; bad input is refused with nothing saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '../support/client.mjs';
import { readLogins } from '../support/logins.mjs';
import { ownServer } from '../support/own_server.mjs';
import { PY, startSmtp } from '../support/smtp.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let srv, smtp, mailDir, smtpPort;
const stopSmtp = () => smtp.stop();
const mails = () => JSON.parse(execFileSync(PY, ['tests/support/mail_read.py', mailDir], { encoding: 'utf8' }));
const sqlite = (q) => execFileSync('sqlite3', ['-json', srv.db, q], { encoding: 'utf8' });
const rows = (q) => { const t = sqlite(q).trim(); return t ? JSON.parse(t) : []; };

async function login(role, index = 0) {
  const u = readLogins()[role][index];
  const c = new Client('zh-CN', srv.base);
  const r = await c.login(u.login, u.password);
  assert.equal(r.status, 200);
  c.user = r.json.user;
  return c;
}

async function waitFor(what, check, ms = 30000) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(250)) {
    const v = await check();
    if (v) return v;
  }
  throw new Error('timed out waiting for ' + what);
}

let admin, mgr, rep;
before(async () => {
  mailDir = mkdtempSync(path.join(tmpdir(), 'salesloop-mail-'));
  smtp = await startSmtp(mailDir);
  smtpPort = smtp.port;
  srv = await ownServer();
  admin = await login('admin');
  mgr = await login('manager', 0);
  rep = await login('rep', 0);
  // Addresses for the recipients (the users API is another helper's; SQL here).
  sqlite(`UPDATE users SET email = login || '@example.test' WHERE id IN (${admin.user.id}, ${mgr.user.id}, ${rep.user.id})`);
  let r = await admin.req('PUT', '/api/v1/settings/channels',
    { smtp: { host: '127.0.0.1', port: smtpPort, tls: 'none', user: '', password: 's3cret-pass', from: 'salesloop@example.test' } });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  r = await admin.req('PUT', '/api/v1/settings/push', { retry_base_seconds: 1, max_attempts: 8 });
  assert.equal(r.status, 200, JSON.stringify(r.json));
});
after(async () => {
  await srv?.stop();
  if (smtp) await stopSmtp();
});

test('channel settings: the password is never shown back; a masked value sent back keeps it', async () => {
  const r = await admin.get('/api/v1/settings/channels');
  assert.equal(r.status, 200);
  assert.ok(!JSON.stringify(r.json).includes('s3cret-pass'));
  assert.equal(r.json.smtp.password_set, true);
  const again = await admin.req('PUT', '/api/v1/settings/channels', { smtp: { password: r.json.smtp.password } });
  assert.equal(again.status, 200);
  const [stored] = rows(`SELECT value FROM push_settings WHERE key = 'channels'`);
  assert.equal(JSON.parse(stored.value).smtp.password, 's3cret-pass');
  assert.ok(!srv.log().includes('s3cret-pass'));
});

test('bad input is 422 naming the field, and nothing is saved', async () => {
  const before = rows(`SELECT value FROM push_settings WHERE key = 'channels'`)[0].value;
  const subsBefore = rows('SELECT count(*) AS n FROM subscriptions')[0].n;
  for (const [body, field] of [
    [{ smtp: { port: 70000 } }, 'smtp.port'],
    [{ smtp: { tls: 'ssl' } }, 'smtp.tls'],
    [{ smtp: { from: 'not-an-address' } }, 'smtp.from'],
    [{ wecom_webhook: 'ftp://example.test/hook' }, 'wecom_webhook'],
    [{ dingtalk_webhook: 'javascript:alert(1)' }, 'dingtalk_webhook'],
  ]) {
    const r = await admin.req('PUT', '/api/v1/settings/channels', body);
    assert.equal(r.status, 422, JSON.stringify(body));
    assert.equal(r.json.error.field, field);
  }
  // An unreachable SMTP host at test time: a clear message, and the settings stay as they were.
  const t = await admin.req('POST', '/api/v1/settings/channels/test', { to: 'x@example.test', smtp: { host: '127.0.0.1', port: 1 } });
  assert.equal(t.status, 502);
  assert.match(t.json.error.message, /测试消息发送失败/);
  assert.equal(rows(`SELECT value FROM push_settings WHERE key = 'channels'`)[0].value, before);
  const bad = await admin.req('POST', '/api/v1/subscriptions', { page: 'do/progress', params: {}, schedule: '61 * * * *',
    recipients: { users: [rep.user.id] }, channels: ['email'], formats: ['xlsx'] });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'schedule');
  assert.equal(rows('SELECT count(*) AS n FROM subscriptions')[0].n, subsBefore);
});

test('who may address whom: a rep only themselves, a manager their region', async () => {
  const body = (users) => ({ page: 'do/progress', params: {}, schedule: 'daily 08:00', recipients: { users }, channels: ['email'], formats: [] });
  assert.equal((await rep.req('POST', '/api/v1/subscriptions', body([mgr.user.id]))).status, 403);
  assert.equal((await rep.req('POST', '/api/v1/subscriptions', { ...body([rep.user.id]), recipients: { roles: ['rep'] } })).status, 403);
  assert.equal((await mgr.req('POST', '/api/v1/subscriptions', body([999999]))).status, 404);
  const own = await rep.req('POST', '/api/v1/subscriptions', body([rep.user.id]));
  assert.equal(own.status, 201);
  assert.equal(own.json.next_runs.length, 5);
  const mine = await rep.get('/api/v1/subscriptions');
  assert.deepEqual(mine.json.subscriptions.map((s) => s.id), [own.json.id]);
  assert.equal((await mgr.req('DELETE', `/api/v1/subscriptions/${own.json.id}`)).status, 404);
  assert.equal((await rep.req('DELETE', `/api/v1/subscriptions/${own.json.id}`)).status, 204);
});

test('send now: each recipient gets their own numbers, as their own API answer shows them', async () => {
  const created = await admin.req('POST', '/api/v1/subscriptions', { page: 'do/progress', params: { period: '2026-06' },
    schedule: 'weekly mon 08:00', recipients: { users: [mgr.user.id, rep.user.id] }, channels: ['email'], formats: ['pdf', 'xlsx'] });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  assert.ok(Number.isInteger(created.json.id));
  const sent = await admin.req('POST', `/api/v1/subscriptions/${created.json.id}/send`);
  assert.equal(sent.status, 202);
  assert.equal(sent.json.queued, 2);
  const got = await waitFor('two mails', () => { const m = mails(); return m.length >= 2 ? m : null; });
  for (const who of [mgr, rep]) {
    const mail = got.find((m) => m.to === who.user.login + '@example.test');
    assert.ok(mail, 'a mail to ' + who.user.login);
    const api = await who.get('/api/v1/do/progress?period=2026-06');
    assert.equal(api.status, 200);
    const xlsx = mail.attachments.find((a) => a.name === 'report-d3_progress.xlsx');
    assert.ok(xlsx, 'the xlsx attachment');
    const names = xlsx.cells.slice(1).map((r) => r[0]);
    assert.deepEqual(names, api.json.rows.map((r) => r.name));
    // actual: fen in the API, yuan in the file.
    assert.deepEqual(xlsx.cells.slice(1).map((r) => Math.round(r[2] * 100)), api.json.rows.map((r) => r.actual));
    for (const r of api.json.rows) assert.ok(mail.html.includes(r.name));
  }
  // A manager's mail holds only their region's rows; a rep's only themselves.
  const repMail = got.find((m) => m.to === rep.user.login + '@example.test');
  const repRows = repMail.attachments.find((a) => a.name === 'report-d3_progress.xlsx').cells.slice(1);
  assert.equal(repRows.length, 1);
  const log = await admin.get('/api/v1/deliveries');
  assert.equal(log.status, 200);
  assert.deepEqual(log.json.deliveries.slice(0, 2).map((d) => d.state), ['sent', 'sent']);
  const own = await rep.get('/api/v1/deliveries');
  assert.ok(own.json.deliveries.every((d) => d.recipient === rep.user.id));
});

test('SMTP down: the delivery retries and is sent once the server is back, each Message-ID once', async () => {
  await stopSmtp();
  const created = await admin.req('POST', '/api/v1/subscriptions', { page: 'do/progress', params: {},
    schedule: 'daily 08:00', recipients: { users: [rep.user.id] }, channels: ['email'], formats: [] });
  const before = mails().length;
  assert.equal((await admin.req('POST', `/api/v1/subscriptions/${created.json.id}/send`)).status, 202);
  await waitFor('a failed attempt', () => rows(`SELECT attempts, last_error FROM deliveries WHERE subscription = ${created.json.id}
    AND attempts >= 2 AND state = 'queued'`).length === 1);
  smtp = await startSmtp(mailDir, smtpPort);
  await waitFor('sent', () => rows(`SELECT 1 FROM deliveries WHERE subscription = ${created.json.id} AND state = 'sent'`).length === 1);
  const all = mails();
  assert.equal(all.length, before + 1);
  assert.equal(new Set(all.map((m) => m.message_id)).size, all.length);
});
