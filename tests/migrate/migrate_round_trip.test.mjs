// `salesloop migrate` round trip (issue 15): the medium demo copied into an empty PostgreSQL
// database gives the same dashboard answers — D1–D4, C1–C4, P1–P6 for an executive, a
// manager and a rep at two as_of dates, the same JSON from a server on each — and copied back
// into a new SQLite file it dumps (`sqlite3 .dump`) byte for byte as the original.
//   SALESLOOP_PG_URL=postgresql://…/postgres SALESLOOP_BIN=build/salesloop node --test tests/migrate/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '../support/client.mjs';
import { ownServer } from '../support/own_server.mjs';

const PG = process.env.SALESLOOP_PG_URL;
const BIN = process.env.SALESLOOP_BIN ?? path.resolve('build/salesloop');
const TODAY = '2026-06-15';
const AS_OFS = ['2026-06-15', '2026-03-31'];
const PAGES = {
  D1: '/do/cockpit', D2: '/do/process', D3: '/do/progress', D4: '/do/leaderboard', 'D4 per capita': '/do/per-capita',
  C1: '/check/review', C2: '/check/rfm', C3: '/check/churn', C4: '/check/products',
  P1: '/plan/market', P2: '/plan/competitors', P3: '/plan/funnel', P4: '/plan/finance',
  P5: '/plan/forecasts', 'P5 accuracy': '/plan/forecast-accuracy', P6: '/plan/suggestion',
};
const ROLES = ['executive', 'manager', 'rep'];
const skip = PG ? false : 'SALESLOOP_PG_URL is not set';
let dir, src, url, logins;

const run = (args) => spawnSync(BIN, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
const psql = (db, q) => execFileSync('psql', [db, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', q], { encoding: 'utf8' });

before(() => {
  if (skip) return;
  dir = mkdtempSync(path.join(tmpdir(), 'salesloop-migrate-'));
  src = path.join(dir, 'medium.db');
  const demo = run(['demo', '--db', src, '--seed', '5', '--scale', 'medium', '--as-of', TODAY]);
  assert.equal(demo.status, 0, demo.stderr);
  logins = {};
  for (const line of demo.stdout.split('\n')) {
    const m = line.match(/^(\w+)\s+(\S+)\s+(\S+)/);
    if (m && ROLES.includes(m[1])) (logins[m[1]] ??= []).push({ login: m[2], password: m[3] });
  }
  const name = `sl_migrate_rt_${process.pid}`;
  psql(PG, `DROP DATABASE IF EXISTS ${name}`);
  psql(PG, `CREATE DATABASE ${name}`);
  url = PG.slice(0, PG.lastIndexOf('/') + 1) + name;
});

after(() => {
  if (skip) return;
  psql(PG, `DROP DATABASE IF EXISTS ${url.slice(url.lastIndexOf('/') + 1)} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
});

test('medium demo → PostgreSQL: every count as sqlite3 and psql see it, money and dates exact', { skip, timeout: 900000 }, () => {
  const r = run(['migrate', '--from', src, '--to', url]);
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /every count and checksum equal\n$/);
  assert.match(r.stderr, /copying \d+ tables from SQLite to PostgreSQL/);
  const tables = execFileSync('sqlite3', [src, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1"], { encoding: 'utf8' })
    .trim().split('\n');
  for (const t of tables) {
    const n = execFileSync('sqlite3', [src, `SELECT count(*) FROM "${t}"`], { encoding: 'utf8' }).trim();
    assert.equal(psql(url, `SELECT count(*) FROM "${t}"`).trim(), n, t);
    assert.match(r.stdout, new RegExp(`^${t}\\s+${n}\\s+${n}\\s+[0-9a-f]{32}\\s+ok$`, 'm'), t);
  }
  // Money and dates exact: the company's contract total and its first and last signing day.
  const q = 'SELECT sum(amount), min(signed_date), max(signed_date) FROM contracts';
  assert.equal(psql(url, q), execFileSync('sqlite3', [src, q], { encoding: 'utf8' }));

});

test('PostgreSQL → a new SQLite file: sqlite3 .dump byte for byte the original; a second copy is refused', { skip, timeout: 600000 }, () => {
  const back = path.join(dir, 'back.db');
  const r = run(['migrate', '--from', url, '--to', back]);
  assert.equal(r.status, 0, r.stderr + r.stdout);
  const dump = (db) => execFileSync('sqlite3', [db, '.dump'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.ok(dump(back) === dump(src), 'the dumps differ');
  const again = run(['migrate', '--from', src, '--to', url]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /The target database is not empty .*目标数据库不是空的/);
});

// After the copies: the servers write sessions into both databases.
test('the same dashboard answers from a server on each, for every role', { skip, timeout: 900000 }, async () => {
  const a = await ownServer({ db: src, today: TODAY });
  const b = await ownServer({ db: url, today: TODAY });
  try {
    let compared = 0;
    for (const role of ROLES) {
      const { login, password } = logins[role][0];
      const ca = new Client('zh-CN', a.base), cb = new Client('zh-CN', b.base);
      assert.equal((await ca.login(login, password)).status, 200);
      assert.equal((await cb.login(login, password)).status, 200, 'the users and their password hashes came along');
      for (const asOf of AS_OFS) {
        for (const [page, route] of Object.entries(PAGES)) {
          const u = `/api/v1${route}?as_of=${asOf}`;
          const [ra, rb] = [await ca.get(u), await cb.get(u)];
          assert.equal(rb.status, ra.status, `${page} ${role} ${asOf}`);
          assert.deepEqual(rb.json, ra.json, `${page} (${u}) as ${role}`);
          if (ra.status === 200) compared++;
        }
      }
    }
    assert.ok(compared >= 80, `only ${compared} answers compared`);
  } finally {
    await a.stop();
    await b.stop();
  }
});
