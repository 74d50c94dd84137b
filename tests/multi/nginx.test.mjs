// A browser through nginx to two app servers on one PostgreSQL (issue 15, docs/deploy.md
// "nginx and systemd"): deploy/nginx-salesloop.conf with TLS (a self-signed certificate made
// here) in front of two `salesloop serve --db postgresql://… --trusted-proxy 127.0.0.1
// --secure-cookie auto`. Which server answered is read from an X-Upstream header that only the
// test's copy of the conf adds (tests/multi/nginx_site.mjs). Chromium (Debian's, as the browser
// tests launch it) logs in through nginx; the next requests land on the other server and the
// user is still logged in; the session cookie is Secure; /api/v1/health answers through nginx;
// with one server stopped nginx sends everything to the other and the user stays logged in.
//
// Starts its own PostgreSQL cluster (scripts/lib/pg.sh, as root) and its own nginx (the Debian
// binary as a child, `-c CONF -p DIR`). Needs web/dist built. Screenshots: test-results/nginx-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLogins } from '../support/logins.mjs';
import { spawnServer } from '../support/own_server.mjs';
import { openBrowser, login, shot, progressRows } from '../browser/helpers.mjs';
import { freePort, siteConf, makeCert, writeConf, startNginx } from './nginx_site.mjs';

const BIN = process.env.SALESLOOP_BIN ?? path.resolve('build/salesloop');
const PG = path.resolve('scripts/lib/pg.sh');
const AS_OF = '2026-06-15';

let dir, url, logins, servers = [], nginx, base, httpPort, ca;

// GET over https through nginx, the certificate checked against the test's own: { status, headers, body }.
function get(p, port = null) {
  const u = new URL(p, base);
  return new Promise((resolve, reject) => {
    https.get({ host: '127.0.0.1', port: port ?? u.port, path: u.pathname + u.search, ca, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    }).on('error', reject);
  });
}
// The app server that answered last (nginx lists every one it tried: "A, B" after a retry).
const lastUpstream = (h) => (h ?? '').split(',').pop().trim();
const psql = (q) => execFileSync('psql', [url, '-X', '-q', '-t', '-A', '-c', q], { encoding: 'utf8' }).trim();

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'salesloop-nginx-'));
  const root = execFileSync(PG, ['start', dir, '', 'fsync=off', 'synchronous_commit=off'], { encoding: 'utf8' }).trim();
  url = execFileSync(PG, ['createdb', root, 'nginx'], { encoding: 'utf8' }).trim();
  writeFileSync(path.join(dir, 'logins.txt'),
    execFileSync(BIN, ['demo', '--db', url, '--seed', '3', '--scale', 'small', '--as-of', AS_OF], { encoding: 'utf8' }));
  logins = readLogins(path.join(dir, 'logins.txt'));
  const args = ['--web', 'web/dist', '--trusted-proxy', '127.0.0.1', '--secure-cookie', 'auto'];
  servers = await Promise.all([spawnServer(url, { args, startMs: 60000 }), spawnServer(url, { args, startMs: 60000 })]);
  for (const s of servers) s.addr = new URL(s.base).host;  // 127.0.0.1:PORT, as $upstream_addr says it
  const { cert, key } = makeCert(dir);
  ca = readFileSync(cert);
  const httpsPort = await freePort();
  httpPort = await freePort();
  const conf = writeConf(path.join(dir, 'nginx'), siteConf({
    upstreams: servers.map((s) => new URL(s.base).port), http: httpPort, https: httpsPort, cert, key, showUpstream: true,
  }));
  nginx = await startNginx(path.join(dir, 'nginx'), conf, httpsPort);
  base = `https://127.0.0.1:${httpsPort}`;
});

after(async () => {
  if (process.env.MULTI_LOGS && nginx) console.log(`--- nginx\n${nginx.log().slice(-3000)}`);
  await nginx?.stop();
  await Promise.all(servers.map((s) => s.stop()));
  if (dir) {
    execFileSync(PG, ['stop', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('through nginx: TLS with the test certificate, http redirects to https, health from both servers', async () => {
  const redirect = await new Promise((resolve, reject) => {
    import('node:http').then(({ default: http }) => http.get({ host: '127.0.0.1', port: httpPort, path: '/do/progress' },
      (res) => { res.resume(); resolve(res); }).on('error', reject));
  });
  assert.equal(redirect.statusCode, 301);
  assert.equal(redirect.headers.location, 'https://127.0.0.1/do/progress');

  const dataVersion = Number(psql('SELECT version FROM data_version'));
  const seen = new Set();
  for (let i = 0; i < 4; i++) {
    const r = await get('/api/v1/health');
    assert.equal(r.status, 200, r.body);
    const h = JSON.parse(r.body);
    assert.equal(h.db, 'ok');
    assert.equal(h.data_version, dataVersion);
    seen.add(lastUpstream(r.headers['x-upstream']));
  }
  assert.deepEqual([...seen].sort(), servers.map((s) => s.addr).sort(), 'round robin: both servers answered');
});

test('browser: log in through nginx, the next requests on the other server still logged in; one server stopped', async () => {
  const b = await openBrowser(undefined, { ignoreHTTPSErrors: true });
  const { page, context } = b;
  const answers = [];  // every /api/ answer the page got: { path, method, status, upstream }
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/')) {
      answers.push({ path: u.pathname, method: r.request().method(), status: r.status(), upstream: r.headers()['x-upstream'] });
    }
  });
  // Sequential GET /api/v1/me from the page (its cookie): [{ status, upstream, login }].
  const me = (n) => page.evaluate(async (times) => {
    const out = [];
    for (let i = 0; i < times; i++) {
      const r = await fetch('/api/v1/me', { credentials: 'same-origin' });
      const j = await r.json().catch(() => ({}));
      out.push({ status: r.status, upstream: r.headers.get('x-upstream'), login: j.user?.login ?? j.login ?? null });
    }
    return out;
  }, n);
  try {
    const user = logins.executive[0];
    await login(page, 'executive', { base, user });
    await page.waitForURL('**/do/progress**');
    const rows = await progressRows(page);
    assert.ok((await rows.count()) >= 1, 'the dashboard shows region rows');
    await page.locator('[data-test=progress-chart] canvas').waitFor();
    const signIn = answers.find((a) => a.method === 'POST' && a.path === '/api/v1/session');
    assert.ok(signIn, JSON.stringify(answers));
    assert.equal(signIn.status, 200);
    const first = lastUpstream(signIn.upstream);
    assert.ok(servers.some((s) => s.addr === first), `login answered by an app server (${signIn.upstream})`);
    const other = servers.find((s) => s.addr !== first).addr;
    await shot(page, 'nginx-executive-progress-zh');

    // The dashboard's own requests after the login: answered by both servers, none refused.
    const after = answers.slice(answers.indexOf(signIn) + 1);
    assert.ok(after.some((a) => lastUpstream(a.upstream) === other && a.status === 200), `a request after the login on the other server: ${JSON.stringify(after)}`);
    assert.deepEqual(after.filter((a) => a.status === 401 || a.status >= 500), []);
    // And one request after another: they alternate, each one logged in.
    const calls = await me(4);
    for (const c of calls) {
      assert.equal(c.status, 200, JSON.stringify(calls));
      assert.equal(c.login, user.login);
    }
    assert.deepEqual(new Set(calls.map((c) => lastUpstream(c.upstream))), new Set([first, other]), JSON.stringify(calls));

    // The session cookie is Secure over https (X-Forwarded-Proto from the trusted nginx) …
    const cookie = (await context.cookies(base)).find((c) => c.name === 'sl_session');
    assert.ok(cookie, 'a session cookie');
    assert.equal(cookie.secure, true);
    assert.equal(cookie.httpOnly, true);
    // … and not on plain http straight to an app server (--secure-cookie auto).
    const direct = await fetch(servers[0].base + '/api/v1/session', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }),
    });
    assert.equal(direct.status, 200);
    assert.match(direct.headers.get('set-cookie'), /sl_session=/);
    assert.doesNotMatch(direct.headers.get('set-cookie'), /;\s*Secure/i);

    // The server that answered the login stops: nginx sends everything to the other one, and
    // the user, whose session lives in PostgreSQL, stays logged in.
    await servers.find((s) => s.addr === first).stop();
    const mark = answers.length;
    await page.reload();
    await page.waitForURL('**/do/progress**');
    assert.ok((await (await progressRows(page)).count()) >= 1, 'the dashboard after the stop');
    await page.locator('[data-test=progress-chart] canvas').waitFor();
    await shot(page, 'nginx-one-server-stopped-zh');
    const since = answers.slice(mark);
    assert.ok(since.length > 0);
    for (const a of since) {
      assert.equal(lastUpstream(a.upstream), other, JSON.stringify(a));
      assert.ok(a.status < 400, JSON.stringify(a));
    }
    for (const c of await me(3)) {
      assert.equal(c.status, 200);
      assert.equal(c.login, user.login);
      assert.equal(lastUpstream(c.upstream), other);
    }
    assert.match(await page.locator('[data-test=user-role]').innerText(), /高管/);
    const retried = since.filter((a) => (a.upstream ?? '').includes(','));
    console.log(`nginx: login on ${first}; after it ${after.length} API answers, ${after.filter((a) => lastUpstream(a.upstream) === other).length} from ${other}; ` +
      `/me ×4 from ${calls.map((c) => c.upstream).join(' | ')}; after the stop ${since.length} answers, all from ${other} (${retried.length} tried on the stopped one first)`);
    const h = await get('/api/v1/health');
    assert.equal(h.status, 200);
    assert.equal(lastUpstream(h.headers['x-upstream']), other);
    assert.equal(JSON.parse(h.body).db, 'ok');
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
