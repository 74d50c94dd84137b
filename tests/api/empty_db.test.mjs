// A company's first day (issue 12): `salesloop init` makes an empty database with one admin,
// `salesloop serve` runs on it, and every dashboard of docs/api.md answers with zeros and
// empty lists — no 403 for the admin, no 500. The test makes its own database and server.
//
// Expected values are worked out by hand: with no data, every amount and count is 0; the only
// numbers that are not are the calendar's and the settings' (2026-Q2 has 30 + 31 + 30 = 91
// days, 30 + 31 + 15 = 76 of them elapsed on 2026-06-15; May 31 days, April 30; the RFM window
// 365 days; the Pareto classes 80% and 95%; the C4 thresholds 10% growth and 1.0 share; the
// default page sizes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from './helpers.mjs';

const BIN = process.env.SALESLOOP_BIN;
const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-empty-'));
const DB = path.join(dir, 'company.db');
const PASSWORD = 'first-day-at-work';
const Q2 = { days: 91, elapsed: 76 };

const init = (args, input = '') => spawnSync(BIN, ['init', ...args], { input, encoding: 'utf8' });
const sqlite = (db, q) => execFileSync('sqlite3', [db, q], { encoding: 'utf8' }).trim();

let server, base, admin;

before(async () => {
  const r = init(['--db', DB, '--login', 'boss', '--name', '老板'], PASSWORD + '\n');
  assert.equal(r.status, 0, r.stderr);
  server = spawn(BIN, ['serve', '--db', DB, '--port', '0', '--today', '2026-06-15'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + log)), 10000);
    const onData = (d) => {
      log += d;
      const m = log.match(/http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
  });
  admin = new Client('zh-CN', base);
  const login = await admin.login('boss', PASSWORD);
  assert.equal(login.status, 200, JSON.stringify(login.json));
});

after(async () => {
  if (!server) return;
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
});

// Every non-zero number of an answer as "path=value", array indexes folded to [].
function nonZero(v, at = '', out = new Set()) {
  if (typeof v === 'number' && v !== 0) out.add(`${at.replace(/\[\d+\]/g, '[]')}=${v}`);
  else if (Array.isArray(v)) v.forEach((x, i) => nonZero(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) nonZero(x, `${at}.${k}`, out);
  return out;
}

async function get(p, status = 200) {
  const r = await admin.get(p);
  assert.equal(r.status, status, `${p}: ${JSON.stringify(r.json)?.slice(0, 300)}`);
  return r.json;
}

// The answer is 200 and its only non-zero numbers are the ones listed.
async function zeros(p, expected) {
  const j = await get(p);
  assert.deepEqual([...nonZero(j)].sort(), Object.entries(expected).map(([k, v]) => `${k}=${v}`).sort(), p);
  return j;
}

test('init makes the schema and one admin, and nothing else', () => {
  const tables = sqlite(DB, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('regions', 'reps', 'customers', 'products', 'contracts', 'payments', 'targets', 'meetings')");
  assert.equal(tables, '8');
  for (const t of ['regions', 'reps', 'customers', 'products', 'opportunities', 'contracts', 'contract_lines', 'payments', 'targets', 'forecasts', 'finance_months', 'market_stats', 'activities', 'meetings', 'resolutions'])
    assert.equal(sqlite(DB, `SELECT count(*) FROM ${t}`), '0', t);
  assert.equal(sqlite(DB, 'SELECT login, display_name, role, active FROM users'), 'boss|老板|admin|1');
  assert.match(sqlite(DB, 'SELECT password_hash FROM users'), /^\$argon2id\$/);
});

test('init: usage errors exit 2, a weak password or an existing database exit 1, nothing left behind', () => {
  const other = path.join(dir, 'other.db');
  const noLogin = init(['--db', other], PASSWORD + '\n');
  assert.equal(noLogin.status, 2);
  assert.match(noLogin.stderr, /--login/);
  const badLogin = init(['--db', other, '--login', 'has space'], PASSWORD + '\n');
  assert.equal(badLogin.status, 2);
  assert.match(badLogin.stderr, /login/);
  assert.match(badLogin.stderr, /登录名/);
  for (const [pw, why] of [['short', /10/], ['', /10/], ['Password2026!', /common/], ['the-boss-password', /login/]]) {
    const r = init(['--db', other, '--login', 'the-boss'], pw + '\n');
    assert.equal(r.status, 1, pw);
    assert.match(r.stderr, why, pw);
    assert.match(r.stderr, /密码/, pw);  // both languages
  }
  assert.throws(() => statSync(other), 'a refused init leaves no file');
  const size = statSync(DB).size;
  const again = init(['--db', DB, '--login', 'boss2'], PASSWORD + '\n');
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already exists|已存在/);
  assert.equal(statSync(DB).size, size);
  assert.equal(sqlite(DB, 'SELECT count(*) FROM users'), '1');
  // An empty file (made by touch, say) is not a database yet: init fills it.
  const touched = path.join(dir, 'touched.db');
  writeFileSync(touched, '');
  const ok = init(['--db', touched, '--login', 'boss'], PASSWORD + '\n');
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(sqlite(touched, 'SELECT login FROM users'), 'boss');
});

test('the admin signs in and sees an empty company', async () => {
  const me = await get('/api/v1/me');
  assert.equal(me.user.role, 'admin');
  assert.deepEqual((await get('/api/v1/regions')).regions, []);
  assert.deepEqual((await get('/api/v1/act/people')).users.map((u) => u.login), ['boss']);
});

test('D3 target progress: no rows at any level, for the admin (not 403)', async () => {
  for (const level of ['company', 'region', 'rep']) {
    const j = await zeros(`/api/v1/do/progress?period=2026-Q2&as_of=2026-06-15&level=${level}`, {
      '.period.days': 91, '.period.elapsed': 76, '.period.early_days': 19, '.page': 1, '.page_size': 50,  // ⌈20 % × 91⌉ = 19
    });
    assert.deepEqual(j.rows, [], level);
    assert.equal(j.parent, null, level);
  }
  await get('/api/v1/do/progress?period=2026-Q2&as_of=2026-06-15&level=rep&region=1', 404);
});

test('D1 cockpit: there is no rep to show yet (404 saying so, and for any id)', async () => {
  const j = await get('/api/v1/do/cockpit?as_of=2026-06-15', 404);
  assert.equal(j.error.code, 'no_reps');
  assert.equal(j.error.field, 'rep');
  assert.match(j.error.message, /销售代表/);
  const en = new Client('en', base);
  en.cookie = admin.cookie;
  assert.match((await en.get('/api/v1/do/cockpit?as_of=2026-06-15')).json.error.message, /no sales reps/);
  await get('/api/v1/do/cockpit?as_of=2026-06-15&rep=1', 404);
});

test('target entry: an empty grid without a reference row (the server stays up)', async () => {
  const g = await get('/api/v1/targets/grid?year=2026&metric=sales&owner=region');
  assert.deepEqual(g.rows, []);
  assert.equal(g.parent, null);
  assert.equal(g.region, null);
  assert.deepEqual((await get('/api/v1/targets/audit?year=2026&metric=sales&owner=region')).entries, []);
  // The reps' grid of no region: empty too (what the page asks for its change log); a named region does not exist.
  for (const q of ['owner=rep', '']) {
    const reps = await get(`/api/v1/targets/grid?year=2026&metric=sales&${q}`);
    assert.deepEqual([reps.owner, reps.rows, reps.parent, reps.region], ['rep', [], null, null], q);
    assert.deepEqual((await get(`/api/v1/targets/audit?year=2026&metric=sales&${q}`)).entries, [], q);
  }
  assert.equal((await get('/api/v1/targets/grid?year=2026&metric=sales&owner=rep&region=1', 404)).error.code, 'not_found');
  const put = await admin.req('PUT', '/api/v1/targets/grid', { year: 2026, metric: 'sales', owner: 'region', cells: [] });
  assert.equal(put.status, 200, JSON.stringify(put.json));
  assert.equal(put.json.saved, 0);
  assert.equal((await get('/api/v1/me')).user.login, 'boss');
});

test('D2 performance process: every total is zero with no target', async () => {
  const j = await zeros('/api/v1/do/process?period=2026-Q2&as_of=2026-06-15', {
    '.period.days': Q2.days, '.period.elapsed': Q2.elapsed, '.time_progress': Q2.elapsed / Q2.days, '.trend_year': 2026,
    '.anomaly_page': 1, '.anomaly_page_size': 10, '.reps_page': 1, '.reps_page_size': 50,
  });
  assert.deepEqual(j.totals.map((t) => t.metric).sort(), ['bids_won', 'collection', 'sales']);
  for (const t of j.totals) assert.equal(t.target, null, t.metric);
  await get('/api/v1/do/process?period=2026-Q2&as_of=2026-06-15&region=1', 404);
});

test('D4 leaderboard and per-capita sales: nobody to rank, 24 months of zero sales', async () => {
  for (const metric of ['sales', 'completion', 'collections', 'collection_rate', 'new_customers', 'win_rate', 'forecast_accuracy', 'kpi_score']) {
    const j = await zeros(`/api/v1/do/leaderboard?period=2026-05&metric=${metric}&as_of=2026-06-15`, {
      '.period.days': 31, '.period.elapsed': 31, '.previous.days': 30, '.previous.elapsed': 30, '.page': 1, '.page_size': 50,
    });
    assert.deepEqual(j.reps, [], metric);
    assert.deepEqual(j.regions, [], metric);
  }
  const pc = await zeros('/api/v1/do/per-capita?as_of=2026-06-15', {});
  assert.equal(pc.months.length, 24);
  assert.equal(pc.months[0], '2024-07');
  assert.equal(pc.months[23], '2026-06');
  assert.deepEqual(pc.total.sales, Array(24).fill(0));
  assert.deepEqual(pc.total.per_capita, Array(24).fill(null));  // no headcount: no ratio
  assert.deepEqual(pc.regions, []);
});

test('C1 sales review, C2 RFM, C3 churn, C4 products: zeros and empty lists', async () => {
  const c1 = await zeros('/api/v1/check/review?period=2026-Q2&as_of=2026-06-15', {
    '.period.days': Q2.days, '.period.elapsed': Q2.elapsed, '.trend_year': 2026,
    '.blockers.customers.page': 1, '.blockers.customers.page_size': 10,
  });
  assert.equal(c1.totals.collection_rate, null);
  const JUNE = { '.period.days': 30, '.period.elapsed': 15 };  // no period: as_of's month
  const c2 = await zeros('/api/v1/check/rfm?as_of=2026-06-15', { ...JUNE, '.window': 365, '.customers.page': 1, '.customers.page_size': 20 });
  assert.equal(c2.scored, 0);
  assert.equal(c2.segments.length, 8);
  await zeros('/api/v1/check/rfm?as_of=2026-06-15&segment=important_value', { ...JUNE, '.window': 365, '.customers.page': 1, '.customers.page_size': 20 });
  for (const grain of ['quarter', 'month']) {
    const c3 = await zeros(`/api/v1/check/churn?as_of=2026-06-15&grain=${grain}`, {
      ...JUNE, '.pareto.a_percent': 80, '.pareto.b_percent': 95, '.key_accounts.page': 1, '.key_accounts.page_size': 20,
    });
    assert.ok(c3.flow.length > 0, grain);
  }
  const c4 = await zeros('/api/v1/check/products?period=2026-Q2&as_of=2026-06-15', {
    '.period.days': Q2.days, '.period.elapsed': Q2.elapsed, '.thresholds.growth': 0.1, '.thresholds.share': 1, '.page': 1, '.page_size': 50,
  });
  assert.deepEqual(c4.products, []);
  await get('/api/v1/customers/1', 404);
  await get('/api/v1/contracts/1', 404);
});

test('A1 meetings, to-dos and figures: none yet', async () => {
  assert.deepEqual((await get('/api/v1/meeting-series')).series, []);
  assert.deepEqual((await zeros('/api/v1/meetings', { '.page': 1, '.page_size': 50 })).meetings, []);
  assert.deepEqual((await zeros('/api/v1/todos', { '.page': 1, '.page_size': 50, '.owner.id': 1 })).items, []);  // the admin's own list (user 1)
  const stats = await zeros('/api/v1/act/stats?as_of=2026-06-15', {});
  assert.equal(stats.overall.resolutions, 0);
  assert.equal(stats.overall.closure_rate, null);
});

test('the downloads of the empty dashboards are files with headers only', async () => {
  for (const p of ['/api/v1/do/process?period=2026-Q2&as_of=2026-06-15', '/api/v1/check/review?period=2026-Q2&as_of=2026-06-15',
    '/api/v1/check/products?period=2026-Q2&as_of=2026-06-15', '/api/v1/do/per-capita?as_of=2026-06-15']) {
    for (const format of ['csv', 'xlsx']) {
      const r = await fetch(`${base}${p}&format=${format}`, { headers: { Cookie: admin.cookie } });
      assert.equal(r.status, 200, `${p} ${format}`);
      const body = Buffer.from(await r.arrayBuffer());
      if (format === 'xlsx') assert.equal(body.subarray(0, 2).toString(), 'PK', p);
      else assert.ok(body.length > 0, p);
    }
  }
});

test('export of the empty company: every entity a header row and nothing else', () => {
  for (const entity of ['regions', 'reps', 'customers', 'contracts', 'contract_lines', 'payments', 'targets', 'activities']) {
    const file = path.join(dir, `${entity}.csv`);
    const r = spawnSync(BIN, ['export', '--db', DB, '--entity', entity, '--file', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `exported 0 rows of ${entity} to ${file}\n`);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    assert.equal(lines.length, 2, entity);  // the header and the empty rest after its CRLF
    assert.equal(lines[1], '');
  }
});
