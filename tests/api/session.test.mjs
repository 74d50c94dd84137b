import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { BASE, Client, as, logins, postSession } from './helpers.mjs';

test('wrong password and unknown user get the same 401 answer', async () => {
  const u = logins().executive[0];
  const a = await new Client().login(u.login, 'wrong-password');
  const b = await new Client().login('nobody-' + Date.now(), 'wrong-password');
  assert.equal(a.status, 401);
  assert.equal(b.status, 401);
  assert.equal(a.json.error.code, 'bad_credentials');
  assert.deepEqual(a.json, b.json);
  assert.equal(a.json.error.message, '用户名或密码错误');  // zh-CN is the default language
  const en = await new Client('en').login(u.login, 'wrong-password');
  assert.equal(en.json.error.message, 'Wrong login or password');
});

test('login sets an HttpOnly SameSite=Strict cookie; logout needs the CSRF token', async () => {
  const c = await as('executive');
  assert.equal(c.user.role, 'executive');
  const me = await c.get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(me.json.user.login, logins().executive[0].login);
  assert.ok(c.csrf.length >= 32);

  const { login, password } = logins().executive[0];
  const raw = await postSession(BASE, login, password);
  const cookie = raw.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);

  const noCsrf = await c.req('DELETE', '/api/v1/session', undefined, { csrf: false });
  assert.equal(noCsrf.status, 403);
  assert.equal(noCsrf.json.error.code, 'csrf');
  const out = await c.req('DELETE', '/api/v1/session');
  assert.equal(out.status, 204);
  const after = await c.get('/api/v1/me');
  assert.equal(after.status, 401);
});

test('error classes: 400 malformed JSON, 404 unknown route, 401 not logged in, 422 invalid field', async () => {
  const anon = new Client();
  const bad = await anon.req('POST', '/api/v1/session', '{"login": "x", ', { raw: true });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.code, 'malformed_json');
  const missing = await anon.req('POST', '/api/v1/session', { login: 'x' });
  assert.equal(missing.status, 422);
  assert.equal(missing.json.error.field, 'password');
  const unknown = await anon.get('/api/v1/no-such-thing');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.json.error.code, 'not_found');
  const out = await anon.get('/api/v1/do/progress?period=2026-06');
  assert.equal(out.status, 401);
  assert.equal(out.json.error.message, '请先登录');

  const c = await as('executive');
  const period = await c.get('/api/v1/do/progress?period=2026-13&as_of=2026-06-15&level=company');
  assert.equal(period.status, 422);
  assert.equal(period.json.error.field, 'period');
  const date = await c.get('/api/v1/do/progress?period=2026-06&as_of=2026-02-30&level=company');
  assert.equal(date.status, 422);
  assert.equal(date.json.error.field, 'as_of');
  const level = await c.get('/api/v1/do/progress?period=2026-06&as_of=2026-06-15&level=galaxy');
  assert.equal(level.status, 422);
  assert.equal(level.json.error.field, 'level');
});

// A 2 GB upload is refused from its header alone, before any of the body is read.
test('an oversized body gets 413 without being read', async () => {
  const url = new URL(BASE);
  const answer = await new Promise((resolve, reject) => {
    const s = net.connect(Number(url.port), url.hostname, () => {
      s.write('POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAccept-Language: en\r\n' +
              'Content-Length: 2147483648\r\n\r\n{"login":');
    });
    let data = '';
    s.setTimeout(5000, () => { s.destroy(); reject(new Error('no answer within 5 s')); });
    s.on('data', (d) => { data += d; if (data.includes('\r\n\r\n')) { s.destroy(); resolve(data); } });
    s.on('error', reject);
    s.on('close', () => resolve(data));
  });
  assert.match(answer, /^HTTP\/1\.1 413/);
  assert.match(answer, /Request body too large/);  // in the caller's language
});
