// The whole-company round trip of issue 12: every entity of a medium demo exported with
// `salesloop export`, an empty database made with `salesloop init`, the files imported in the
// order of docs/import.md with `salesloop import`, then every dashboard answer — D1–D4, C1–C4,
// P1–P5 — asked of a server on each database, for an executive, a manager and a rep at two
// as_of dates, must be the same JSON. Meetings (and the acknowledgements and action items of
// the A pages) are the system's own records, not part of the round trip.
//
// Ids: the import inserts rows in the file's order into an empty database and the export
// writes them in id order, so the round trip keeps the ids of regions, reps, customers,
// products, opportunities and contracts; the test checks that first (by business key, with the
// sqlite3 shell), which is what makes the answers comparable as they are.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '../support/client.mjs';
import { ownServer } from '../support/own_server.mjs';

const BIN = process.env.SALESLOOP_BIN ?? 'build/salesloop';
const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-round-trip-'));
const TODAY = '2026-06-15';
const AS_OFS = ['2026-06-15', '2026-03-31'];
const ENTITIES = ['regions', 'reps', 'customers', 'products', 'opportunities', 'bids', 'contracts', 'contract_lines',
  'payment_plans', 'payments', 'targets', 'forecasts', 'competitors', 'competitor_products', 'market_stats',
  'competitor_sales', 'finance_months', 'activities'];
const PAGES = {
  D1: '/do/cockpit', D2: '/do/process', D3: '/do/progress', D4: '/do/leaderboard', 'D4 per capita': '/do/per-capita',
  C1: '/check/review', C2: '/check/rfm', C3: '/check/churn', C4: '/check/products',
  P1: '/plan/market', P2: '/plan/competitors', P3: '/plan/funnel', P4: '/plan/finance',
  P5: '/plan/forecasts', 'P5 accuracy': '/plan/forecast-accuracy',
};
const ROLES = ['executive', 'manager', 'rep'];
const servers = [];

after(async () => {
  for (const s of servers) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const rows = (db, q) => {
  const out = execFileSync('sqlite3', ['-readonly', '-json', db, q], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return out.trim() ? JSON.parse(out) : [];
};
const run = (args, input) => {
  const r = spawnSync(BIN, args, { encoding: 'utf8', input, maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

// Each id and business key, in both databases.
const KEYS = {
  regions: 'SELECT id, name AS k FROM regions ORDER BY id',
  reps: 'SELECT id, employee_no AS k FROM reps ORDER BY id',
  customers: 'SELECT id, code AS k FROM customers ORDER BY id',
  products: 'SELECT id, code AS k FROM products ORDER BY id',
  opportunities: 'SELECT id, code AS k FROM opportunities ORDER BY id',
  contracts: 'SELECT id, code AS k FROM contracts ORDER BY id',
};

test('whole company: export, init, import in order, and every dashboard answer equals the original', { timeout: 900000 }, async () => {
  const src = path.join(dir, 'src.db');
  const demoLogins = run(['demo', '--db', src, '--seed', '5', '--scale', 'medium', '--as-of', TODAY]);
  const logins = {};
  for (const line of demoLogins.trim().split('\n')) {
    const [role, login, password] = line.trim().split(/\s+/);
    (logins[role] ??= []).push({ login, password });
  }

  const db = path.join(dir, 'company.db');
  run(['init', '--db', db, '--login', 'admin'], 'Round-Trip#2026\n');
  for (const entity of ENTITIES) {
    const file = path.join(dir, `${entity}.csv`);
    run(['export', '--db', src, '--entity', entity, '--file', file]);
    const out = run(['import', '--db', db, '--entity', entity, '--file', file]);
    assert.match(out, /^inserted \d+, updated 0, unchanged 0, errors 0\n$/, `${entity}: ${out}`);
  }
  assert.equal(rows(db, 'PRAGMA integrity_check')[0].integrity_check, 'ok');
  for (const [entity, q] of Object.entries(KEYS)) assert.deepEqual(rows(db, q), rows(src, q), `${entity}: ids by business key`);
  // What the dashboards read, table by table (payments: the same sum per contract and day;
  // equal payments of a day are one row of the import, export.cpp writes them as their sum).
  for (const q of [
    'SELECT count(*) AS n, sum(amount) AS s FROM contract_lines', 'SELECT count(*) AS n, sum(amount) AS s FROM payment_plan',
    'SELECT contract, date, sum(amount) AS s FROM payments GROUP BY 1, 2 ORDER BY 1, 2',
    'SELECT count(*) AS n, sum(value) AS s FROM targets', 'SELECT count(*) AS n FROM activities',
    'SELECT * FROM opportunity_stage_events ORDER BY 1',
  ]) assert.deepEqual(rows(db, q), rows(src, q), q);

  // The three roles' users, linked to the same region and rep by business key.
  const users = {};
  for (const role of ROLES) {
    const { login, password } = logins[role][0];
    const [u] = rows(src, `SELECT u.role, g.name AS region, r.employee_no AS rep FROM users u LEFT JOIN regions g ON g.id = u.region
      LEFT JOIN reps r ON r.id = u.rep WHERE u.login = '${login}'`);
    const args = ['user', 'add', '--db', db, '--login', login, '--role', u.role];
    if (u.region) args.push('--region', String(rows(db, `SELECT id FROM regions WHERE name = '${u.region}'`)[0].id));
    if (u.rep) args.push('--rep', String(rows(db, `SELECT id FROM reps WHERE employee_no = '${u.rep}'`)[0].id));
    run(args, `${password}\n`);
    users[role] = { login, password };
  }

  const a = await ownServer({ db: src, today: TODAY });
  servers.push(a);
  const b = await ownServer({ db, today: TODAY });
  servers.push(b);
  let compared = 0;
  for (const role of ROLES) {
    const ca = new Client('zh-CN', a.base), cb = new Client('zh-CN', b.base);
    assert.equal((await ca.login(users[role].login, users[role].password)).status, 200);
    assert.equal((await cb.login(users[role].login, users[role].password)).status, 200);
    for (const asOf of AS_OFS) {
      for (const [page, route] of Object.entries(PAGES)) {
        const url = `/api/v1${route}?as_of=${asOf}`;
        const [ra, rb] = [await ca.get(url), await cb.get(url)];
        assert.equal(rb.status, ra.status, `${page} ${role} ${asOf}`);
        assert.deepEqual(rb.json, ra.json, `${page} (${url}) as ${role}`);
        if (ra.status === 200) compared++;
      }
    }
  }
  assert.ok(compared >= 80, `only ${compared} answers compared`);
});
