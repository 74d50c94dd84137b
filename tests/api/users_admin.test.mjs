// 用户管理 (issue 14): admins list, create and edit users and reset passwords; a user edits
// their own email, language and display name and nothing else. Expectations are read back
// from the database file with sqlite3 (the users and audit_log rows), not from the answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { as, sql, Client, logins } from './helpers.mjs';

const tag = Date.now().toString(36);  // logins unique per run: the database is shared
const region = () => sql('SELECT id, name FROM regions WHERE level = 1 ORDER BY id LIMIT 1')[0];
const rep = () => sql('SELECT id, name FROM reps ORDER BY id LIMIT 1')[0];
const row = (id) => sql(`SELECT login, display_name, role, region, rep, lang, active, email, wecom_id, dingtalk_id FROM users WHERE id = ${id}`)[0];
const audits = (id) => sql(`SELECT "user", old_value, new_value FROM audit_log WHERE entity = 'user' AND entity_key = '${id}' ORDER BY id`);
const sessions = (id) => sql(`SELECT COUNT(*) AS n FROM sessions WHERE "user" = ${id}`)[0].n;

async function logIn(login, password, lang = 'zh-CN') {
  const c = new Client(lang);
  const r = await c.login(login, password);
  return { c, r };
}

test('admin creates a manager with an email; the row, its names and its audit row', async () => {
  const admin = await as('admin');
  const reg = region();
  const login = `mgr-${tag}`;
  const r = await admin.req('POST', '/api/v1/users', {
    login, display_name: `王经理${tag}`, role: 'manager', region: reg.id, email: `wang.${tag}@example.cn`, lang: 'en', password: 'a-long-first-pass-7',
  });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const id = r.json.user.id;
  assert.equal(r.json.password, undefined, 'a password given is not handed back');
  assert.deepEqual(row(id), { login, display_name: `王经理${tag}`, role: 'manager', region: reg.id, rep: null, lang: 'en', active: 1, email: `wang.${tag}@example.cn`, wecom_id: '', dingtalk_id: '' });
  assert.equal(r.json.user.region_name, reg.name);
  const [a] = audits(id);
  assert.equal(a.user, admin.user.id);
  assert.ok(!a.old_value, 'nothing before');
  const created = JSON.parse(a.new_value);
  assert.equal(created.email, `wang.${tag}@example.cn`);
  assert.ok(!a.new_value.includes('argon2'), 'no password hash in the audit row');
  assert.equal((await logIn(login, 'a-long-first-pass-7')).r.status, 200);

  // The list: search by login, name and email (any case), role filter, paging.
  for (const q of [login.toUpperCase(), `王经理${tag}`, `WANG.${tag.toUpperCase()}@example`]) {
    const l = await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}`);
    assert.equal(l.status, 200);
    assert.deepEqual(l.json.users.map((u) => u.id), [id], q);
    assert.equal(l.json.total, 1);
  }
  const managers = await admin.get('/api/v1/users?role=manager&page_size=200');
  const want = sql("SELECT id FROM users WHERE role = 'manager' ORDER BY id").map((x) => x.id);
  assert.deepEqual(managers.json.users.map((u) => u.id), want.slice(0, 200));
  assert.equal(managers.json.total, want.length);
  const page2 = await admin.get('/api/v1/users?page=2&page_size=2');
  assert.deepEqual(page2.json.users.map((u) => u.id), sql('SELECT id FROM users ORDER BY id LIMIT 2 OFFSET 2').map((x) => x.id));
  assert.equal((await admin.get('/api/v1/users?role=boss')).json.error.field, 'role');
});

test('validation: 422 naming the field, in both languages; nothing written', async () => {
  const admin = await as('admin');
  const en = new Client('en');
  const u = logins().admin[0];
  await en.login(u.login, u.password);
  const before = sql('SELECT COUNT(*) AS n FROM users')[0].n;
  const audit = sql('SELECT COUNT(*) AS n FROM audit_log')[0].n;
  const base = { login: `v-${tag}`, role: 'executive', password: 'a-long-first-pass-7' };
  const cases = [
    [{ ...base, login: 'has space' }, 'login'],
    [{ ...base, role: 'boss' }, 'role'],
    [{ ...base, role: 'manager' }, 'region'],
    [{ ...base, role: 'manager', region: 999999 }, 'region'],
    [{ ...base, role: 'rep', rep: 999999 }, 'rep'],
    [{ ...base, email: 'not-an-address' }, 'email'],
    [{ ...base, lang: 'fr' }, 'lang'],
    [{ ...base, password: 'short' }, 'password'],
    [{ ...base, password: 'qwertyuiop' }, 'password'],
    [{ ...base, nickname: 'x' }, 'nickname'],
    [{ ...base, login: u.login.toUpperCase() }, 'login'],  // taken, ignoring case
  ];
  for (const [body, field] of cases) {
    const zh = await admin.req('POST', '/api/v1/users', body);
    assert.equal(zh.status, 422, JSON.stringify(body));
    assert.equal(zh.json.error.field, field, JSON.stringify(zh.json));
    assert.match(zh.json.error.message, /[\u4e00-\u9fff]/, 'zh-CN message');
    const e = await en.req('POST', '/api/v1/users', body);
    assert.equal(e.json.error.field, field);
    assert.doesNotMatch(e.json.error.message, /[\u4e00-\u9fff]/, 'en message');
  }
  const target = sql("SELECT id FROM users WHERE role = 'rep' ORDER BY id LIMIT 1")[0].id;
  for (const [body, field] of [[{ email: 'a@b' }, 'email'], [{ role: 'manager', region: null }, 'region'], [{ active: 'no' }, 'active'], [{ login: 'x' }, 'login'], [{}, 'body']]) {
    const r = await admin.req('PATCH', `/api/v1/users/${target}`, body);
    assert.equal(r.status, 422, JSON.stringify(body));
    assert.equal(r.json.error.field, field);
  }
  assert.equal((await admin.req('PATCH', '/api/v1/users/999999', { email: 'x@example.com' })).status, 404);
  assert.equal((await admin.req('PATCH', '/api/v1/users/abc', { email: 'x@example.com' })).status, 404);
  assert.equal((await admin.req('POST', '/api/v1/users/999999/password', {})).status, 404);
  assert.equal(sql('SELECT COUNT(*) AS n FROM users')[0].n, before);
  assert.equal(sql('SELECT COUNT(*) AS n FROM audit_log')[0].n, audit);
});

test('only admins: every other role gets 403 and nothing is written', async () => {
  const audit = sql('SELECT COUNT(*) AS n FROM audit_log')[0].n;
  for (const [role, i] of [['executive', 0], ['manager', 0], ['rep', 0]]) {
    const c = await as(role, i);
    assert.equal((await c.get('/api/v1/users')).status, 403, role);
    assert.equal((await c.req('POST', '/api/v1/users', { login: `x-${tag}`, role: 'admin', password: 'a-long-first-pass-7' })).status, 403);
    assert.equal((await c.req('PATCH', `/api/v1/users/${c.user.id}`, { role: 'admin' })).status, 403);
    assert.equal((await c.req('POST', `/api/v1/users/${c.user.id}/password`, {})).status, 403);
  }
  assert.equal(sql('SELECT COUNT(*) AS n FROM audit_log')[0].n, audit);
});

test('edit, role change and deactivation end sessions; a deactivated user cannot log in', async () => {
  const admin = await as('admin');
  const reg = region(), rp = rep();
  const login = `rep-${tag}`;
  const made = await admin.req('POST', '/api/v1/users', { login, role: 'rep', rep: rp.id });
  assert.equal(made.status, 201);
  const id = made.json.user.id, pw = made.json.password;
  assert.equal(typeof pw, 'string');
  assert.ok(pw.length >= 10, 'a generated password is handed back once');
  assert.equal(made.json.user.rep_name, rp.name);

  const { c: s1 } = await logIn(login, pw);
  assert.equal((await s1.get('/api/v1/me')).status, 200);
  // Contact fields do not end the session.
  const e = await admin.req('PATCH', `/api/v1/users/${id}`, { email: 'rep@example.cn', wecom_id: 'ZhangSan', dingtalk_id: 'ding-01' });
  assert.equal(e.status, 200, JSON.stringify(e.json));
  assert.equal(row(id).email, 'rep@example.cn');
  assert.equal(row(id).wecom_id, 'ZhangSan');
  assert.equal((await s1.get('/api/v1/me')).status, 200);
  // A new role and scope does.
  const m = await admin.req('PATCH', `/api/v1/users/${id}`, { role: 'manager', region: reg.id });
  assert.equal(m.status, 200);
  assert.deepEqual([row(id).role, row(id).region, row(id).rep], ['manager', reg.id, null]);
  assert.equal((await s1.get('/api/v1/me')).status, 401);
  assert.equal(sessions(id), 0);

  const { c: s2 } = await logIn(login, pw);
  assert.equal((await s2.get('/api/v1/me')).json.user.role, 'manager');
  const off = await admin.req('PATCH', `/api/v1/users/${id}`, { active: false });
  assert.equal(off.status, 200);
  assert.equal(row(id).active, 0);
  assert.equal((await s2.get('/api/v1/me')).status, 401, 'an existing session ends');
  assert.equal(sessions(id), 0);
  const refused = await logIn(login, pw);
  assert.equal(refused.r.status, 403);
  assert.equal(refused.r.json.error.code, 'account_disabled');

  const trail = audits(id);
  assert.equal(trail.length, 4);  // created, contact, role, deactivated
  assert.equal(JSON.parse(trail[2].old_value).role, 'rep');
  assert.equal(JSON.parse(trail[2].new_value).role, 'manager');
  assert.equal(JSON.parse(trail[3].old_value).active, 1);
  assert.equal(JSON.parse(trail[3].new_value).active, 0);
  assert.ok(trail.every((a) => a.user === admin.user.id));

  // Back on, with a password the admin sets: the new one works, the old one does not.
  assert.equal((await admin.req('PATCH', `/api/v1/users/${id}`, { active: true })).status, 200);
  assert.equal((await logIn(login, pw)).r.status, 200);
  const { c: s3 } = await logIn(login, pw);
  const weak = await admin.req('POST', `/api/v1/users/${id}/password`, { password: 'short' });
  assert.equal(weak.status, 422);
  assert.equal(weak.json.error.field, 'password');
  const set = await admin.req('POST', `/api/v1/users/${id}/password`, { password: 'the-second-pass-8' });
  assert.equal(set.status, 200);
  assert.equal(set.json.password, undefined);
  assert.equal((await s3.get('/api/v1/me')).status, 401, 'a reset ends the sessions');
  assert.equal((await logIn(login, pw)).r.status, 401);
  assert.equal((await logIn(login, 'the-second-pass-8')).r.status, 200);
  const gen = await admin.req('POST', `/api/v1/users/${id}/password`);
  assert.equal(gen.status, 200);
  assert.equal((await logIn(login, gen.json.password)).r.status, 200);
  const last = audits(id).at(-1);
  assert.equal(last.new_value, '{"password":"reset"}');
});

test('the last active admin cannot deactivate or demote themselves (409, both languages)', async () => {
  const admin = await as('admin');
  // A second admin, made and then deactivated: allowed while the demo admin stays active.
  const other = await admin.req('POST', '/api/v1/users', { login: `adm-${tag}`, role: 'admin', password: 'a-long-first-pass-7' });
  assert.equal(other.status, 201);
  assert.equal((await admin.req('PATCH', `/api/v1/users/${other.json.user.id}`, { active: false })).status, 200);
  const others = sql(`SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND id <> ${admin.user.id}`)[0].n;
  if (others > 0) return;  // the demo has other active admins: the guard does not apply
  const before = row(admin.user.id);
  const audit = sql('SELECT COUNT(*) AS n FROM audit_log')[0].n;
  for (const body of [{ active: false }, { role: 'executive' }]) {
    const r = await admin.req('PATCH', `/api/v1/users/${admin.user.id}`, body);
    assert.equal(r.status, 409, JSON.stringify(body));
    assert.equal(r.json.error.code, 'last_admin');
    assert.match(r.json.error.message, /管理员/);
  }
  const en = new Client('en');
  en.cookie = admin.cookie; en.csrf = admin.csrf;
  const r = await en.req('PATCH', `/api/v1/users/${admin.user.id}`, { active: false });
  assert.match(r.json.error.message, /last active administrator/);
  assert.deepEqual(row(admin.user.id), before);
  assert.equal(sql('SELECT COUNT(*) AS n FROM audit_log')[0].n, audit);
  assert.equal((await admin.get('/api/v1/me')).status, 200, 'the session lives on');
});

test('a user edits their own email, language and name, nothing else', async () => {
  const admin = await as('admin');
  const login = `self-${tag}`;
  const made = await admin.req('POST', '/api/v1/users', { login, role: 'rep', rep: rep().id, password: 'a-long-first-pass-7' });
  const id = made.json.user.id;
  const { c } = await logIn(login, 'a-long-first-pass-7');
  const ok = await c.req('PATCH', '/api/v1/me', { email: 'me@example.cn', lang: 'en', display_name: '自己' });
  assert.equal(ok.status, 200, JSON.stringify(ok.json));
  assert.deepEqual([row(id).email, row(id).lang, row(id).display_name], ['me@example.cn', 'en', '自己']);
  assert.equal((await c.get('/api/v1/me')).json.user.email, 'me@example.cn', 'the session lives on');
  const a = audits(id).at(-1);
  assert.equal(a.user, id);
  assert.equal(JSON.parse(a.new_value).email, 'me@example.cn');
  for (const body of [{ role: 'admin' }, { rep: 1 }, { active: false }, { email: 'x@example.cn', region: 1 }]) {
    const r = await c.req('PATCH', '/api/v1/me', body);
    assert.equal(r.status, 403, JSON.stringify(body));
  }
  const bad = await c.req('PATCH', '/api/v1/me', { email: 'nope' });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'email');
  assert.equal((await c.req('PATCH', '/api/v1/me', { lang: 'en' }, { csrf: false })).status, 403);
  assert.deepEqual([row(id).role, row(id).email], ['rep', 'me@example.cn']);
});

test('CLI: user add --email keeps a good address and refuses a bad one', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-users-'));
  const db = path.join(dir, 'u.db');
  const run = (args) => spawnSync(process.env.SALESLOOP_BIN, ['user', 'add', '--db', db, ...args], { input: 'a-long-first-pass-7\n', encoding: 'utf8' });
  const bad = run(['--login', 'bad', '--role', 'executive', '--email', 'not-an-address']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /email|邮箱/i);
  const good = run(['--login', 'good', '--role', 'executive', '--email', 'good@example.cn']);
  assert.equal(good.status, 0, good.stderr);
  assert.deepEqual(sql('SELECT login, email FROM users ORDER BY id', db), [{ login: 'good', email: 'good@example.cn' }]);
});
