// `salesloop export` (issue 12) on the suite's demo database: every entity's file against the
// same rows computed by SQL straight from the tables (the independent oracle), the XLSX
// against the CSV, and the exit codes. Business keys stand for ids: a rep by employee number
// (schema v6's reps.employee_no when the column exists, else E and five digits of the id, as
// the migration backfills it), an opportunity by its code (schema v7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DB } from './helpers.mjs';
import { xlsxInlineCells } from '../support/xlsx_cells.mjs';

const BIN = process.env.SALESLOOP_BIN;
const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-export-'));

// Rows of text cells (NULL as ''), by separators no cell holds (-json would merge equal column names).
const rowsOf = (q) => execFileSync('sqlite3', ['-readonly', '-list', '-separator', '\x1f', '-newline', '\x1e', DB, q],
  { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\x1e').filter((l) => l !== '').map((l) => l.split('\x1f'));
const hasEmployeeNo = rowsOf('PRAGMA table_info(reps)').some((c) => c[1] === 'employee_no');
const rep = (a) => `CASE WHEN ${a}.id IS NULL THEN '' ELSE ${hasEmployeeNo ? `coalesce(nullif(${a}.employee_no, ''), 'E' || printf('%05d', ${a}.id))` : `'E' || printf('%05d', ${a}.id)`} END`;
// Fen as 元 with two decimals, in integers only.
const money = (x) => `(CASE WHEN ${x} < 0 THEN '-' ELSE '' END || (abs(${x}) / 100) || '.' || printf('%02d', abs(${x}) % 100))`;
const opp = (x) => `coalesce((SELECT code FROM opportunities WHERE id = ${x}), '')`;
const reached = (stage) => `coalesce((SELECT date FROM opportunity_stage_events e WHERE e.opportunity = o.id AND e.stage = '${stage}' ORDER BY seq LIMIT 1), '')`;

const oracle = {
  regions: [['name', 'parent'], `SELECT r.name, coalesce(p.name, '') FROM regions r LEFT JOIN regions p ON p.id = r.parent`],
  reps: [['employee_no', 'name', 'region', 'manager', 'hire_date', 'leave_date'],
    `SELECT ${rep('r')}, r.name, g.name, ${rep('m')}, r.hire_date, coalesce(r.leave_date, '') FROM reps r
     JOIN regions g ON g.id = r.region LEFT JOIN reps m ON m.id = r.manager`],
  customers: [['code', 'name', 'industry', 'size', 'region', 'owner_rep', 'created', 'lost_reason'],
    `SELECT c.code, c.name, c.industry, c.size, g.name, ${rep('r')}, c.created, c.lost_reason FROM customers c
     JOIN regions g ON g.id = c.region LEFT JOIN reps r ON r.id = c.owner_rep`],
  products: [['code', 'name', 'category', 'launch_date', 'list_price', 'unit_cost'],
    `SELECT code, name, category, launch_date, ${money('list_price')}, ${money('unit_cost')} FROM products`],
  competitors: [['name'], 'SELECT name FROM competitors'],
  competitor_products: [['competitor', 'name', 'category'],
    'SELECT c.name, p.name, p.category FROM competitor_products p JOIN competitors c ON c.id = p.competitor'],
  market_stats: [['month', 'industry', 'region', 'category', 'market_size'],
    `SELECT m.month, m.industry, g.name, m.category, ${money('m.market_size')} FROM market_stats m JOIN regions g ON g.id = m.region`],
  competitor_sales: [['month', 'competitor', 'competitor_product', 'region', 'amount'],
    `SELECT s.month, c.name, p.name, g.name, ${money('s.amount')} FROM competitor_sales s
     JOIN competitor_products p ON p.id = s.competitor_product JOIN competitors c ON c.id = p.competitor
     JOIN regions g ON g.id = s.region`],
  opportunities: [['code', 'customer', 'rep', 'category', 'amount', 'created', 'expected_close', 'stage', 'closed',
    'lost_reason', 'qualified_date', 'proposal_date', 'bidding_date', 'negotiation_date'],
  `SELECT o.code, c.code, ${rep('r')}, o.category, ${money('o.amount')}, o.created, o.expected_close, o.stage,
     coalesce(o.closed, ''), o.lost_reason, ${reached('qualified')}, ${reached('proposal')}, ${reached('bidding')},
     ${reached('negotiation')} FROM opportunities o JOIN customers c ON c.id = o.customer JOIN reps r ON r.id = o.rep`],
  bids: [['opportunity', 'bid_date', 'amount', 'result', 'result_date'],
    `SELECT ${opp('opportunity')}, bid_date, ${money('amount')}, result, coalesce(result_date, '') FROM bids`],
  contracts: [['code', 'customer', 'rep', 'opportunity', 'signed_date', 'amount'],
    `SELECT k.code, c.code, ${rep('r')}, ${opp('k.opportunity')}, k.signed_date, ${money('k.amount')} FROM contracts k
     JOIN customers c ON c.id = k.customer JOIN reps r ON r.id = k.rep`],
  contract_lines: [['contract', 'line_no', 'product', 'qty', 'line_amount', 'cost'],
    `SELECT k.code, row_number() OVER (PARTITION BY l.contract ORDER BY l.seq), p.code, l.qty, ${money('l.amount')},
     ${money('l.cost')} FROM contract_lines l JOIN contracts k ON k.id = l.contract JOIN products p ON p.id = l.product`],
  payment_plans: [['contract', 'due_date', 'amount'],
    `SELECT k.code, p.due_date, ${money('p.amount')} FROM payment_plan p JOIN contracts k ON k.id = p.contract`],
  payments: [['contract', 'date', 'amount'],
    `SELECT k.code, p.date, ${money('p.amount')} FROM payments p JOIN contracts k ON k.id = p.contract`],
  targets: [['month', 'metric', 'owner_kind', 'owner', 'value'],
    `SELECT t.month, t.metric, t.owner_kind,
       CASE t.owner_kind WHEN 'region' THEN g.name WHEN 'rep' THEN ${rep('r')} ELSE '' END,
       CASE WHEN t.metric IN ('sales', 'collection') THEN ${money('t.value')} ELSE CAST(t.value AS TEXT) END
     FROM targets t LEFT JOIN regions g ON t.owner_kind = 'region' AND g.id = t.owner_id
     LEFT JOIN reps r ON t.owner_kind = 'rep' AND r.id = t.owner_id`],
  forecasts: [['month', 'rep', 'value', 'submitted_at'],
    `SELECT f.month, ${rep('r')}, ${money('f.value')}, strftime('%Y-%m-%dT%H:%M:%S', f.submitted_at + 8 * 3600, 'unixepoch') || '+08:00'
     FROM forecasts f JOIN reps r ON r.id = f.rep`],
  finance_months: [['month', 'revenue', 'cost_of_sales', 'selling_expense', 'admin_expense', 'finance_expense', 'other_income'],
    `SELECT month, ${['revenue', 'cost_of_sales', 'selling_expense', 'admin_expense', 'finance_expense', 'other_income'].map(money).join(', ')} FROM finance_months`],
  activities: [['rep', 'customer', 'date', 'type'],
    `SELECT ${rep('r')}, coalesce(c.code, ''), a.date, a.type FROM activities a JOIN reps r ON r.id = a.rep
     LEFT JOIN customers c ON c.id = a.customer`],
};

// RFC 4180, as the export writes it (UTF-8 BOM, CRLF).
function parseCsv(text) {
  assert.equal(text.charCodeAt(0), 0xfeff, 'a BOM first');
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  assert.equal(cell, '', 'the file ends with CRLF');
  return rows;
}

const exportTo = (entity, file) => spawnSync(BIN, ['export', '--db', DB, '--entity', entity, '--file', file], { encoding: 'utf8' });
const sorted = (rows) => rows.map((r) => JSON.stringify(r)).sort();

test('every entity exports exactly the rows of its tables, by business keys', () => {
  for (const [entity, [headers, sql]] of Object.entries(oracle)) {
    const file = path.join(dir, `${entity}.csv`);
    const r = exportTo(entity, file);
    assert.equal(r.status, 0, `${entity}: ${r.stderr}`);
    const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    assert.deepEqual(head, headers, entity);
    const want = rowsOf(sql);
    assert.ok(want.length > 0, `${entity}: the demo has rows`);
    assert.match(r.stdout, new RegExp(`^exported ${want.length} rows of ${entity} to `));
    assert.deepEqual(sorted(rows), sorted(want), entity);
  }
});

test('the XLSX holds what the CSV holds, every cell as text', () => {
  for (const entity of ['contracts', 'forecasts', 'regions']) {
    const xlsx = path.join(dir, `${entity}.xlsx`);
    assert.equal(exportTo(entity, xlsx).status, 0);
    const cells = xlsxInlineCells(xlsx);  // Python's zipfile: a reader independent of ours
    const csv = parseCsv(readFileSync(path.join(dir, `${entity}.csv`), 'utf8'));
    const width = csv[0].length;
    assert.deepEqual(cells.map((r) => [...r, ...Array(width - r.length).fill('')]), csv, entity);
  }
});

test('export: bad usage exits 2, a missing database 1 and nothing is created', () => {
  const r1 = exportTo('nope', path.join(dir, 'x.csv'));
  assert.equal(r1.status, 2);
  assert.match(r1.stderr, /unknown entity nope/);
  const r2 = exportTo('reps', path.join(dir, 'x.txt'));
  assert.equal(r2.status, 2);
  assert.match(r2.stderr, /\.csv or \.xlsx/);
  assert.match(r2.stderr, /文件名/);
  const r3 = spawnSync(BIN, ['export', '--db', DB, '--entity', 'reps'], { encoding: 'utf8' });
  assert.equal(r3.status, 2);
  assert.match(r3.stderr, /--file/);
  const missing = path.join(dir, 'none.db');
  const r4 = spawnSync(BIN, ['export', '--db', missing, '--entity', 'reps', '--file', path.join(dir, 'y.csv')], { encoding: 'utf8' });
  assert.equal(r4.status, 1);
  assert.match(r4.stderr, /no database/);
  assert.throws(() => readFileSync(missing));
});
