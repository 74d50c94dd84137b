// kill -9 between claim and send (issue 14): the SMTP host first accepts the connection and
// never answers, so the delivery sits claimed in `sending`; the server is killed with SIGKILL;
// a real SMTP server takes the port and a new server process on the same database re-claims the
// stale row and sends it: exactly one mail arrives, with the Message-ID recorded before the send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '../support/client.mjs';
import { readLogins } from '../support/logins.mjs';
import { copyDb } from '../support/own_server.mjs';

const PY = process.env.SALESLOOP_PYTHON ?? '/usr/bin/python3';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const bin = process.env.SALESLOOP_BIN ?? path.resolve('build/salesloop');

function serve(db) {
  const child = spawn(bin, ['serve', '--db', db, '--port', '0', '--today', '2026-06-15'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const base = new Promise((resolve) => {
    const seen = (c) => { out += c; const m = out.match(/http:\/\/127\.0\.0\.1:\d+/); if (m) resolve(m[0]); };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
  });
  return { child, base };
}

test('a delivery claimed by a killed server is sent exactly once after restart', async () => {
  const db = copyDb();
  const mailDir = mkdtempSync(path.join(tmpdir(), 'salesloop-mail-'));
  const hang = net.createServer(() => {}).listen(0, '127.0.0.1');
  await new Promise((r) => hang.on('listening', r));
  const port = hang.address().port;
  const first = serve(db);
  const base = await first.base;
  const u = readLogins().admin[0];
  const admin = new Client('zh-CN', base);
  const me = (await admin.login(u.login, u.password)).json.user;
  execFileSync('sqlite3', [db, `UPDATE users SET email = 'admin@example.test' WHERE id = ${me.id}`]);
  assert.equal((await admin.req('PUT', '/api/v1/settings/channels', { smtp: { host: '127.0.0.1', port, tls: 'none', from: 'sl@example.test' } })).status, 200);
  assert.equal((await admin.req('PUT', '/api/v1/settings/push', { stale_seconds: 2, retry_base_seconds: 1 })).status, 200);
  const sub = await admin.req('POST', '/api/v1/subscriptions', { page: 'do/progress', params: {}, schedule: 'daily 08:00',
    recipients: { users: [me.id] }, channels: ['email'], formats: [] });
  assert.equal((await admin.req('POST', `/api/v1/subscriptions/${sub.json.id}/send`)).status, 202);
  const row = () => JSON.parse(execFileSync('sqlite3', ['-json', db, `SELECT state, message_id FROM deliveries WHERE subscription = ${sub.json.id}`], { encoding: 'utf8' }))[0];
  for (let i = 0; i < 80 && row()?.state !== 'sending'; i++) await sleep(100);
  assert.equal(row().state, 'sending');
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.on('exit', r));
  hang.close();
  await new Promise((r) => hang.on('close', r));
  const smtp = spawn(PY, ['tests/support/smtp_server.py', mailDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((r) => smtp.stdout.on('data', (c) => { if (String(c).includes('READY')) r(); }));
  const second = serve(db);
  await second.base;
  try {
    for (let i = 0; i < 100 && row().state !== 'sent'; i++) await sleep(200);
    assert.equal(row().state, 'sent');
    await sleep(1500);
    const mails = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
    assert.equal(mails.length, 1);
    const got = JSON.parse(execFileSync(PY, ['tests/support/mail_read.py', mailDir], { encoding: 'utf8' }));
    assert.equal(got[0].message_id, row().message_id);
  } finally {
    second.child.kill('SIGTERM');
    smtp.kill('SIGTERM');
  }
});
