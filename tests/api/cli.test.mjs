// The command line: user add/passwd/list, demo refusing to overwrite, demo determinism
// end to end, and a database made without `demo` having no default login.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postSession } from './helpers.mjs';

const BIN = process.env.SALESLOOP_BIN;
const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-cli-'));

function run(args, input = '') {
  return spawnSync(BIN, args, { input, encoding: 'utf8' });
}

async function withServer(db, fn, extra = []) {
  const p = spawn(BIN, ['serve', '--db', db, '--port', '0', '--today', '2026-06-15', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + log)), 10000);
    const onData = (d) => {
      log += d;
      const m = log.match(/http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
    };
    p.stdout.on('data', onData);
    p.stderr.on('data', onData);
  });
  try {
    return await fn(base);
  } finally {
    p.kill('SIGTERM');
    await new Promise((r) => p.on('exit', r));
  }
}

const login = async (base, login, password) => (await postSession(base, login, password)).status;

test('user add, list and passwd; the new user can log in', async () => {
  const db = path.join(dir, 'users.db');
  const weak = run(['user', 'add', '--db', db, '--login', 'boss', '--role', 'admin'], 'short\n');
  assert.notEqual(weak.status, 0);
  assert.match(weak.stderr, /10/);  // the rule names the minimum length
  for (const [pw, why] of [['Password2026!', /common|常见/], ['qwertyuiop', /common|常见/], ['boss-is-the-boss', /login|登录名/]]) {
    const r = run(['user', 'add', '--db', db, '--login', 'boss', '--role', 'admin'], pw + '\n');
    assert.notEqual(r.status, 0, pw);
    assert.match(r.stderr, why, pw);
  }
  for (const bad of ['', 'a', 'has space', '张三']) {
    const r = run(['user', 'add', '--db', db, '--login', bad, '--role', 'admin'], 'long-enough-pw\n');
    assert.notEqual(r.status, 0, `login '${bad}'`);
    assert.match(r.stderr, /login|登录名/);
  }
  const ok = run(['user', 'add', '--db', db, '--login', 'boss', '--role', 'admin', '--name', '老板'], 'first-password\n');
  assert.equal(ok.status, 0, ok.stderr);
  for (const login of ['boss', 'BOSS', 'Boss']) {
    const dup = run(['user', 'add', '--db', db, '--login', login, '--role', 'admin'], 'another-password\n');
    assert.notEqual(dup.status, 0, login);
    assert.match(dup.stderr, /already exists|已存在/);
  }
  const noRegion = run(['user', 'add', '--db', db, '--login', 'm', '--role', 'manager'], 'long-enough-pw\n');
  assert.notEqual(noRegion.status, 0);
  assert.match(noRegion.stderr, /region/);
  const list = run(['user', 'list', '--db', db]);
  assert.match(list.stdout, /boss\tadmin\t老板/);
  await withServer(db, async (base) => {
    assert.equal(await login(base, 'boss', 'first-password'), 200);
  });
  // A new password ends the sessions of the old one, also while the server runs.
  await withServer(db, async (base) => {
    const r = await postSession(base, 'boss', 'first-password');
    const cookie = r.headers.get('set-cookie').split(';')[0];
    const me = async () => (await fetch(base + '/api/v1/me', { headers: { Cookie: cookie } })).status;
    assert.equal(await me(), 200);
    const pw = run(['user', 'passwd', '--db', db, '--login', 'boss'], 'second-password\n');
    assert.equal(pw.status, 0, pw.stderr);
    assert.equal(await me(), 401);
  });
  const nobody = run(['user', 'passwd', '--db', db, '--login', 'nobody'], 'second-password\n');
  assert.notEqual(nobody.status, 0);
  await withServer(db, async (base) => {
    assert.equal(await login(base, 'boss', 'first-password'), 401);
    assert.equal(await login(base, 'boss', 'second-password'), 200);
  });
});

test('a database not made by demo has no default login', async () => {
  const db = path.join(dir, 'empty.db');
  assert.equal(run(['user', 'list', '--db', db]).stdout, '');
  await withServer(db, async (base) => {
    for (const [u, p] of [['admin', 'admin'], ['admin', 'password'], ['root', 'root']]) assert.equal(await login(base, u, p), 401);
  });
});

test('demo refuses to overwrite and is deterministic for a seed and as-of date', () => {
  const a = path.join(dir, 'a.db'), b = path.join(dir, 'b.db'), c = path.join(dir, 'c.db');
  const args = (db, seed) => ['demo', '--db', db, '--seed', String(seed), '--scale', 'small', '--as-of', '2025-03-31'];
  assert.equal(run(args(a, 5)).status, 0);
  assert.equal(run(args(b, 5)).status, 0);
  assert.equal(run(args(c, 6)).status, 0);
  const again = run(args(a, 5));
  assert.notEqual(again.status, 0);
  assert.match(again.stderr, /already exists/);
  // Every data table except users (random passwords) and the audit log.
  const dump = (db) => execFileSync('sqlite3', [db, `SELECT group_concat(name, ' ') FROM sqlite_master
      WHERE type = 'table' AND name NOT IN ('users', 'sessions', 'audit_log', 'sqlite_sequence')`], { encoding: 'utf8' })
    .trim().split(' ').map((t) => execFileSync('sqlite3', [db, `SELECT * FROM ${t}`], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n').sort().join('\n')).join('\n');
  const da = dump(a);
  assert.ok(da.length > 100000);
  assert.equal(da, dump(b));
  assert.notEqual(da, dump(c));
  const [maxDate] = execFileSync('sqlite3', [a, "SELECT MAX(signed_date) FROM contracts"], { encoding: 'utf8' }).trim().split('\n');
  assert.ok(maxDate <= '2025-03-31', `no contract after as_of (got ${maxDate})`);
});

test('the session cookie is Secure behind a trusted TLS proxy, and only then', async () => {
  const db = path.join(dir, 'users.db');  // made by the first test: boss / second-password
  const cookie = async (base, headers = {}) => {
    const r = await postSession(base, 'boss', 'second-password', headers);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    return r.headers.get('set-cookie');
  };
  await withServer(db, async (base) => {
    assert.doesNotMatch(await cookie(base), /Secure/);
    assert.doesNotMatch(await cookie(base, { 'X-Forwarded-Proto': 'https' }), /Secure/, 'not from an untrusted peer');
  });
  await withServer(db, async (base) => {
    assert.match(await cookie(base, { 'X-Forwarded-Proto': 'https' }), /; Secure/);
    assert.doesNotMatch(await cookie(base, { 'X-Forwarded-Proto': 'http' }), /Secure/);
  }, ['--trusted-proxy', '127.0.0.1']);
  await withServer(db, async (base) => {
    assert.match(await cookie(base), /; Secure/);
  }, ['--secure-cookie', 'always']);
});

test('salesloop routes lists every route', () => {
  const r = run(['routes']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.includes('POST /api/v1/session'));
  assert.ok(lines.includes('GET /api/v1/meetings/{id}'));
  for (const l of lines) assert.match(l, /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\//);
});
