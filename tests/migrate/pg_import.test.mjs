// `salesloop import` and the import page's jobs writing into PostgreSQL (issue 12 on issue
// 15's backend). A small demo (SQLite) is exported entity by entity and imported into an
// empty PostgreSQL database; the tables are then read with sqlite3 and psql by the same SQL
// and must print the same. Expected changes are written out by hand.
//   SALESLOOP_PG_URL=postgresql://…/postgres SALESLOOP_BIN=build/salesloop node --test tests/migrate/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '../support/client.mjs';
import { ownServer } from '../support/own_server.mjs';

const PG = process.env.SALESLOOP_PG_URL;
const BIN = process.env.SALESLOOP_BIN ?? path.resolve('build/salesloop');
const AS_OF = '2026-06-15';
const PASSWORD = 'Import-Pg#2026';
const ENTITIES = ['regions', 'reps', 'customers', 'products', 'competitors', 'competitor_products', 'market_stats',
  'competitor_sales', 'opportunities', 'bids', 'contracts', 'contract_lines', 'payment_plans', 'payments', 'targets', 'forecasts',
  'finance_months', 'activities'];
const skip = PG ? false : 'SALESLOOP_PG_URL is not set';
let dir, demo, url;

const run = (args, input) => spawnSync(BIN, args, { encoding: 'utf8', input });
const psql = (db, q) => execFileSync('psql', [db, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', q], { encoding: 'utf8' });
const sqlite = (db, q) => execFileSync('sqlite3', [db, q], { encoding: 'utf8' });
const importFile = (entity, file) => run(['import', '--db', url, '--entity', entity, '--file', file]);

before(() => {
  if (skip) return;
  dir = mkdtempSync(path.join(tmpdir(), 'salesloop-pg-import-'));
  demo = path.join(dir, 'demo.db');
  assert.equal(run(['demo', '--db', demo, '--seed', '3', '--scale', 'small', '--as-of', AS_OF]).status, 0);
  const name = `sl_pg_import_${process.pid}`;
  psql(PG, `DROP DATABASE IF EXISTS ${name}`);
  psql(PG, `CREATE DATABASE ${name}`);
  url = PG.slice(0, PG.lastIndexOf('/') + 1) + name;
  const init = run(['init', '--db', url, '--login', 'admin'], PASSWORD + '\n');
  assert.equal(init.status, 0, init.stderr);
});

after(() => {
  if (skip) return;
  psql(PG, `DROP DATABASE IF EXISTS ${url.slice(url.lastIndexOf('/') + 1)} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
});

// Business content (no internal ids), the same SQL on both databases.
const SAME = [
  'SELECT name, level FROM regions ORDER BY name',
  'SELECT employee_no, name, hire_date, leave_date FROM reps ORDER BY employee_no',
  'SELECT code, name, industry, size, created, lost_reason FROM customers ORDER BY code',
  'SELECT code, name, category, launch_date, list_price, unit_cost FROM products ORDER BY code',
  'SELECT code, category, amount, created, expected_close, stage, closed, lost_reason FROM opportunities ORDER BY code',
  'SELECT o.code, e.seq, e.stage, e.date FROM opportunity_stage_events e JOIN opportunities o ON o.id = e.opportunity ORDER BY 1, 2',
  'SELECT code, signed_date, amount FROM contracts ORDER BY code',
  'SELECT c.code, l.seq, p.code, l.qty, l.amount, l.cost FROM contract_lines l JOIN contracts c ON c.id = l.contract JOIN products p ON p.id = l.product ORDER BY 1, 2',
  'SELECT c.code, s.seq, s.due_date, s.amount FROM payment_plan s JOIN contracts c ON c.id = s.contract ORDER BY 1, 2',
  'SELECT c.code, p.date, p.amount FROM payments p JOIN contracts c ON c.id = p.contract ORDER BY 1, 2, 3',
  'SELECT month, metric, owner_kind, value FROM targets ORDER BY 1, 2, 3, 4',
  'SELECT month, industry, category, market_size FROM market_stats ORDER BY 1, 2, 3, 4',
  'SELECT month, amount FROM competitor_sales ORDER BY 1, 2',
  'SELECT month, revenue, cost_of_sales, selling_expense, admin_expense, finance_expense, other_income FROM finance_months ORDER BY 1',
  'SELECT date, type FROM activities ORDER BY 1, 2',
  'SELECT bid_date, amount, result, result_date FROM bids ORDER BY 1, 2, 3, 4',
  'SELECT month, value, submitted_at FROM forecasts ORDER BY 1, 2, 3',
];

test('CLI: every entity of the demo imported into PostgreSQL reads back as in SQLite; again changes nothing', { skip, timeout: 600000 }, () => {
  for (const e of ENTITIES) {
    const f = path.join(dir, `${e}.csv`);
    assert.equal(run(['export', '--db', demo, '--entity', e, '--file', f]).status, 0);
    const r = importFile(e, f);
    assert.equal(r.status, 0, `${e}: ${r.stdout} ${r.stderr}`);
    assert.match(r.stdout, /errors 0/);
  }
  for (const q of SAME) assert.equal(psql(url, q), sqlite(demo, q), q);
  const version = psql(url, 'SELECT version FROM data_version');
  for (const e of ['customers', 'market_stats', 'payment_plans', 'targets', 'contracts']) {
    const r = importFile(e, path.join(dir, `${e}.csv`));
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^inserted 0, updated 0, unchanged \d+, errors 0/, e);
  }
  assert.equal(psql(url, 'SELECT version FROM data_version'), version, 'nothing changed: no data-version bump');
  // One audit row per committed import, with the file's counts.
  assert.equal(psql(url, "SELECT count(*) FROM audit_log WHERE entity = 'import'").trim(), String(ENTITIES.length));
});

// Edits one cell of the exported CSV (row `row`, 1 = first data row, column `col`, negative from the end).
function edited(entity, row, col, value) {
  const lines = readFileSync(path.join(dir, `${entity}.csv`), 'utf8').split(/\r?\n/);
  const cells = lines[row].split(',');
  cells[col < 0 ? cells.length + col : col] = value;
  lines[row] = cells.join(',');
  const f = path.join(dir, `${entity}-edited.csv`);
  writeFileSync(f, lines.join('\n'));
  return { f, header: lines[0].split(','), before: lines[row].split(',') };
}

test('CLI: an update file changes exactly its row (a rowid table, a table keyed by contract and seq)', { skip }, () => {
  // targets: a rowid table on PostgreSQL; the first data row's value becomes 12345 元.
  const t = edited('targets', 1, -1, '12345');
  const col = t.header.length - 1;
  const r = importFile('targets', t.f);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^inserted 0, updated 1, unchanged \d+, errors 0/);
  assert.equal(psql(url, "SELECT count(*) FROM targets WHERE value = 1234500").trim(), '1', `column ${t.header[col]}`);
  // payment plans (keyed by contract and due date): 100 元 moved from a contract's first
  // instalment to its second, so the plan still adds up to the contract.
  const lines = readFileSync(path.join(dir, 'payment_plans.csv'), 'utf8').split(/\r?\n/);
  const amount = lines[0].split(',').length - 1;
  const rows = lines.map((l) => l.split(','));
  const at = rows.findIndex((r, i) => i > 0 && rows[i + 1] && rows[i + 1][0] === r[0]);
  assert.ok(at > 0);
  const [a, b] = [Number(rows[at][amount]), Number(rows[at + 1][amount])];
  rows[at][amount] = (a - 100).toFixed(2);
  rows[at + 1][amount] = (b + 100).toFixed(2);
  const f = path.join(dir, 'payment_plans-edited.csv');
  writeFileSync(f, rows.map((r) => r.join(',')).join('\n'));
  const sumOf = () => psql(url, 'SELECT sum(amount), count(*) FROM payment_plan').trim();
  const total = sumOf();
  const r2 = importFile('payment_plans', f);
  assert.equal(r2.status, 0, r2.stderr + r2.stdout);
  assert.match(r2.stdout, /^inserted 0, updated 2, unchanged \d+, errors 0/);
  assert.equal(sumOf(), total);
  const moved = (x) => psql(url, `SELECT count(*) FROM payment_plan WHERE amount = ${Math.round(x * 100)}`).trim();
  assert.notEqual(moved(a - 100), '0');
  assert.notEqual(moved(b + 100), '0');
});

test('HTTP: an import job on a PostgreSQL server commits in one go and the dashboard moves', { skip, timeout: 120000 }, async () => {
  const srv = await ownServer({ db: url });
  try {
    const c = new Client('zh-CN', srv.base);
    assert.equal((await c.login('admin', PASSWORD)).status, 200);
    const code = psql(url, "SELECT code FROM contracts WHERE signed_date <= '2026-05-01' ORDER BY id LIMIT 1").trim();
    const sums = () => psql(url, 'SELECT count(*), sum(amount) FROM payments').trim().split('|').map(Number);
    const [n0, s0] = sums();
    const body = Buffer.from(`\ufeff合同编号,回款日期,回款金额\r\n${code},2026/6/2,"1,234.56"\r\n${code},2026年6月3日,100\r\n`);
    const res = await fetch(`${srv.base}/api/v1/imports?name=pay.csv&entity=payments`, {
      method: 'POST', body, headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Content-Type': 'text/csv' },
    });
    assert.equal(res.status, 201);
    const id = (await res.json()).id;
    const settle = async () => {
      for (let i = 0; i < 600; ++i) {
        const r = await c.get(`/api/v1/imports/${id}`);
        if (!['checking', 'committing'].includes(r.json.state)) return r.json;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      throw new Error('the import did not finish');
    };
    const june = async () => (await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=region&metric=collection`))
      .json.rows.reduce((s, row) => s + row.actual, 0);
    assert.equal((await c.req('POST', `/api/v1/imports/${id}/dry-run`, { entity: 'payments' })).status, 202);
    const checked = await settle();
    assert.equal(checked.result.inserted, 2, JSON.stringify(checked));
    assert.deepEqual(sums(), [n0, s0], 'a dry run writes nothing');
    const juneBefore = await june();
    assert.equal((await c.req('POST', `/api/v1/imports/${id}/commit`)).status, 202);
    const done = await settle();
    assert.equal(done.state, 'committed', JSON.stringify(done));
    assert.deepEqual(sums(), [n0 + 2, s0 + 123456 + 10000]);
    assert.equal(await june(), juneBefore + 123456 + 10000);
    const audit = JSON.parse(psql(url, "SELECT new_value FROM audit_log WHERE entity = 'import' ORDER BY id DESC LIMIT 1"));
    assert.equal(audit.file, 'pay.csv');
    assert.equal(audit.inserted, 2);
  } finally {
    await srv.stop();
  }
});
