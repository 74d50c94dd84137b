// `salesloop import` (issue 12) on the command line: regions, customers and products into
// fresh `salesloop init` databases. Every expected value is written out by hand or read
// straight from the tables with the sqlite3 shell (the oracle); the error report is read
// with Python's zipfile, a reader independent of ours; the audit's SHA-256 comes from
// node's crypto. The round trip exports the suite's demo database (read only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DB, Client, logins } from './helpers.mjs';
import { xlsxInlineCells } from '../support/xlsx_cells.mjs';

const BIN = process.env.SALESLOOP_BIN;
const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-import-'));
let dbs = 0;
// A consistent copy of the suite's database (a running server may hold some of it in the WAL).
const backup = (to) => {
  execFileSync('sqlite3', [DB, `.backup '${to}'`]);
  return to;
};
const SRC = backup(path.join(dir, 'src.db'));

function freshDb() {
  const db = path.join(dir, `t${++dbs}.db`);
  const r = spawnSync(BIN, ['init', '--db', db, '--login', 'admin'], { input: 'Import-Test#2026\n', encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return db;
}
const file = (name, text) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const importFile = (db, entity, f, ...more) =>
  spawnSync(BIN, ['import', '--db', db, '--entity', entity, '--file', f, ...more], { encoding: 'utf8' });
const summary = (i, u, n, e) => new RegExp(`^inserted ${i}, updated ${u}, unchanged ${n}, errors ${e}\\n$`);
const rows = (db, q) => {
  const out = execFileSync('sqlite3', ['-readonly', '-json', db, q], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return out.trim() ? JSON.parse(out) : [];
};
// A rep's business key as export writes it: schema v6's employee_no, else E and five digits of the id.
const repOf = (db, where = '1') => {
  const v6 = rows(db, 'PRAGMA table_info(reps)').some((c) => c.name === 'employee_no');
  const key = v6 ? "coalesce(nullif(employee_no, ''), 'E' || printf('%05d', id))" : "'E' || printf('%05d', id)";
  return rows(db, `SELECT id, ${key} AS key FROM reps WHERE ${where} ORDER BY id LIMIT 1`)[0];
};
const dataVersion = (db) => rows(db, 'SELECT version AS v FROM data_version')[0].v;

// The report's cells (inline strings, as table_file.cpp writes them), header first.
const reportRows = (xlsx) => xlsxInlineCells(xlsx, 5);

const PRODUCTS = [
  '产品编码,产品名称,产品类别,上市日期,标准价,单位成本',
  'P01,控制柜 A1,控制系统,2020/1/5,"12,000.00",8000',
  'P02,传感器,传感,2021年3月15日,1.2万,5000.5',
  ' p03 ,网关,通信,20220701,¥300,200元',
].join('\n');
const PRODUCT_ROWS = [
  { code: 'P01', name: '控制柜 A1', category: '控制系统', launch_date: '2020-01-05', list_price: 1200000, unit_cost: 800000 },
  { code: 'P02', name: '传感器', category: '传感', launch_date: '2021-03-15', list_price: 1200000, unit_cost: 500050 },
  { code: 'p03', name: '网关', category: '通信', launch_date: '2022-07-01', list_price: 30000, unit_cost: 20000 },
];
const productsOf = (db) => rows(db, 'SELECT code, name, category, launch_date, list_price, unit_cost FROM products ORDER BY id');

test('products: a good file is committed, the same file again changes nothing, an update file changes its rows only', () => {
  const db = freshDb();
  const f = file('products.csv', PRODUCTS);
  const v0 = dataVersion(db);

  const dry = importFile(db, 'products', f, '--dry-run');
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, summary(3, 0, 0, 0));
  assert.deepEqual(productsOf(db), [], 'a dry run writes nothing');

  const r = importFile(db, 'products', f);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, summary(3, 0, 0, 0));
  assert.match(r.stderr, /import: committed/);
  assert.deepEqual(productsOf(db), PRODUCT_ROWS);
  assert.equal(dataVersion(db), v0 + 1, 'one data-version bump: a running server refreshes its Snapshot');
  const audit = rows(db, "SELECT entity_key, new_value, user FROM audit_log WHERE entity = 'import'");
  assert.equal(audit.length, 1);
  assert.equal(audit[0].entity_key, 'products');
  assert.equal(audit[0].user, null);
  assert.deepEqual(JSON.parse(audit[0].new_value), {
    file: f, sha256: createHash('sha256').update(readFileSync(f)).digest('hex'), user: 'cli',
    inserted: 3, updated: 0, unchanged: 0,
  });

  const again = importFile(db, 'products', f);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, summary(0, 0, 3, 0));
  assert.equal(dataVersion(db), v0 + 1, 'nothing changed, nothing written');

  // P02's price changes; P03 is spelled in another case with full-width digits; P01 is left out.
  const upd = file('products-update.csv', [
    '产品编码,产品名称,产品类别,上市日期,标准价（万元）,单位成本（万元）',
    'P02,传感器,传感,2021-03-15,1.3,0.500050',
    'P03,网关,通信,2022-07-01,０.０３,0.02',
  ].join('\r\n'));
  const u = importFile(db, 'products', upd);
  assert.equal(u.status, 0, u.stderr);
  assert.match(u.stdout, summary(0, 1, 1, 0));
  assert.deepEqual(productsOf(db), [PRODUCT_ROWS[0], { ...PRODUCT_ROWS[1], list_price: 1300000 }, PRODUCT_ROWS[2]]);
});

test('products: every kind of broken row is reported, in the report too, and nothing is written', () => {
  const db = freshDb();
  const report = path.join(dir, 'products-errors.xlsx');
  const f = file('products-bad.csv', [
    'code,name,category,launch_date,list_price,unit_cost',
    'P01,好的,A,2020-01-01,100,50',         // row 2: good
    'P02,坏日期,A,2020-02-30,100,50',        // row 3: no such day
    'P03,坏金额,A,2020-01-01,12.345,50',     // row 4: fractions of a fen
    'P04,,A,2020-01-01,100,50',              // row 5: name missing
    'p01,重复,A,2020-01-01,100,50',          // row 6: P01 again (case ignored)
    'P05,负价,A,2020-01-01,-1,50',           // row 7: below 0 (the validator)
    'P06,少一列,A,2020-01-01,100',           // row 8: a cell missing
  ].join('\n'));
  const r = importFile(db, 'products', f, '--report', report);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, summary(1, 0, 0, 6));
  assert.match(r.stderr, /nothing written/);
  assert.deepEqual(productsOf(db), []);
  assert.equal(rows(db, "SELECT count(*) AS n FROM audit_log WHERE entity = 'import'")[0].n, 0);

  const rep = reportRows(report);
  assert.deepEqual(rep[0], ['行号 Row', '列 Column', '值 Value', '错误', 'Error']);
  assert.deepEqual(rep.slice(1).map((x) => [x[0], x[1], x[2]]), [
    ['3', 'launch_date', '2020-02-30'],
    ['4', 'list_price', '12.345'],
    ['5', 'name', ''],
    ['6', 'code', 'p01'],
    ['7', 'list_price', '-1'],
    ['8', '', ''],
  ]);
  for (const x of rep.slice(1)) {
    assert.match(x[3], /[\u4e00-\u9fff]/, `row ${x[0]}: a Chinese message`);
    assert.match(x[4], /[a-z]{3}/, `row ${x[0]}: an English message`);
  }
  assert.match(rep[4][4], /row 2/, 'the duplicate names the first row');
  // The first errors on stderr as well.
  assert.match(r.stderr, /row 3, launch_date: /);
});

test('customers: unknown references, a bad enumeration and a missing required column', () => {
  const db = freshDb();
  assert.equal(importFile(db, 'regions', file('r.csv', 'name,parent\n公司,\n华东,公司\n上海,华东\n')).status, 0);
  const head = '客户编码,客户名称,行业,客户规模,区域,负责人工号,建档日期,流失原因';
  const f = file('customers-bad.csv', [
    head,
    'C1,甲公司,制造,大,上海,,2019-05-20,',     // row 2: good
    'C2,乙公司,制造,中,火星,,2019-05-20,',     // row 3: no such region
    'C3,丙公司,制造,巨大,上海,,2019-05-20,',   // row 4: not a size
    'C4,丁公司,制造,small,上海,E99999,2019-05-20,', // row 5: no such rep
  ].join('\n'));
  const r = importFile(db, 'customers', f);
  assert.equal(r.status, 1);
  assert.match(r.stdout, summary(1, 0, 0, 3));
  assert.match(r.stderr, /row 3, 区域: .*火星/);
  assert.match(r.stderr, /row 4, 客户规模: /);
  assert.match(r.stderr, /row 5, 负责人工号: .*E99999/);
  assert.equal(rows(db, 'SELECT count(*) AS n FROM customers')[0].n, 0);

  const good = file('customers-good.csv', [head, 'C1,甲公司,制造,大,上海,,2019-05-20,', 'C2,乙公司,金融,Small,华东,,2020/1/2,价格'].join('\n'));
  const ok = importFile(db, 'customers', good);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, summary(2, 0, 0, 0));
  assert.deepEqual(rows(db, `SELECT c.code, c.name, c.industry, c.size, g.name AS region, c.owner_rep, c.created, c.lost_reason
    FROM customers c JOIN regions g ON g.id = c.region ORDER BY c.code`), [
    { code: 'C1', name: '甲公司', industry: '制造', size: 'large', region: '上海', owner_rep: null, created: '2019-05-20', lost_reason: '' },
    { code: 'C2', name: '乙公司', industry: '金融', size: 'small', region: '华东', owner_rep: null, created: '2020-01-02', lost_reason: '价格' },
  ]);

  const noRegion = importFile(db, 'customers', file('customers-nocol.csv', 'code,name,industry,size,created\nC9,x,y,small,2020-01-01\n'));
  assert.equal(noRegion.status, 1);
  assert.match(noRegion.stderr, /required field\(s\).*region/);
});

test('regions: a GBK CSV with Chinese headers, parents from earlier rows, the level derived and limited', () => {
  const db = freshDb();
  const utf8 = file('regions-utf8.csv', '区域名称,上级区域\n公司,\n华东大区,公司\n上海,华东大区\n浦东,上海\n');
  const gbk = path.join(dir, 'regions-gbk.csv');
  writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', utf8]));
  const bad = importFile(db, 'regions', gbk);
  assert.equal(bad.status, 1, 'a fourth level is refused');
  assert.match(bad.stdout, summary(3, 0, 0, 1));
  assert.match(bad.stderr, /row 5, 上级区域: /);
  assert.equal(rows(db, 'SELECT count(*) AS n FROM regions')[0].n, 0);

  writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: '区域名称,上级区域\n公司,\n华东大区,公司\n上海,华东大区\n' }));
  const r = importFile(db, 'regions', gbk);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, summary(3, 0, 0, 0));
  assert.deepEqual(rows(db, 'SELECT r.name, p.name AS parent, r.level FROM regions r LEFT JOIN regions p ON p.id = r.parent ORDER BY r.level'), [
    { name: '公司', parent: null, level: 0 }, { name: '华东大区', parent: '公司', level: 1 }, { name: '上海', parent: '华东大区', level: 2 },
  ]);
});

// 泰山 and 平原 in GBK are valid UTF-8 as well (CC A9 C9 BD, C6 BD D4 AD): detection says UTF-8.
test('regions: --encoding gbk reads an ambiguous GBK file right, --delimiter overrides detection; bad values exit 2', () => {
  const bytes = Buffer.concat([Buffer.from('name\tparent\n'), Buffer.from([0xcc, 0xa9, 0xc9, 0xbd]), Buffer.from('\t\n'),
    Buffer.from([0xc6, 0xbd, 0xd4, 0xad]), Buffer.from('\t'), Buffer.from([0xcc, 0xa9, 0xc9, 0xbd]), Buffer.from('\n')]);
  const f = path.join(dir, 'regions-ambiguous.csv');
  writeFileSync(f, bytes);
  const names = (db) => rows(db, 'SELECT r.name, p.name AS parent FROM regions r LEFT JOIN regions p ON p.id = r.parent ORDER BY r.id');

  const detected = freshDb();
  assert.equal(importFile(detected, 'regions', f).status, 0);
  const asUtf8 = (b) => Buffer.from(b).toString('utf8');
  assert.deepEqual(names(detected), [{ name: asUtf8([0xcc, 0xa9, 0xc9, 0xbd]), parent: null },
    { name: asUtf8([0xc6, 0xbd, 0xd4, 0xad]), parent: asUtf8([0xcc, 0xa9, 0xc9, 0xbd]) }]);

  const db = freshDb();
  assert.equal(importFile(db, 'regions', f, '--encoding', 'latin1').status, 2);
  assert.equal(importFile(db, 'regions', f, '--delimiter', '"').status, 2);
  const comma = importFile(db, 'regions', f, '--encoding', 'gbk', '--delimiter', ',');
  assert.equal(comma.status, 1, 'one column "name\tparent": no name column');
  assert.equal(rows(db, 'SELECT count(*) AS n FROM regions')[0].n, 0);
  const r = importFile(db, 'regions', f, '--encoding', 'gbk', '--delimiter', 'tab');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, summary(2, 0, 0, 0));
  assert.deepEqual(names(db), [{ name: '泰山', parent: null }, { name: '平原', parent: '泰山' }]);
  assert.match(importFile(db, 'regions', f, '--encoding', 'GB18030').stdout, summary(0, 0, 2, 0));
});

test('an XLSX file and a MAP.json: the demo\'s products and regions read back from `salesloop export`', () => {
  const db = freshDb();
  for (const entity of ['regions', 'products']) {
    const xlsx = path.join(dir, `${entity}-demo.xlsx`);
    assert.equal(spawnSync(BIN, ['export', '--db', SRC, '--entity', entity, '--file', xlsx]).status, 0);
    const r = importFile(db, entity, xlsx, '--sheet', entity);
    assert.equal(r.status, 0, r.stderr);
  }
  const nosheet = importFile(db, 'regions', path.join(dir, 'regions-demo.xlsx'), '--sheet', 'nope');
  assert.equal(nosheet.status, 1);
  assert.match(nosheet.stderr, /nope/);
  const q = 'SELECT code, name, category, launch_date, list_price, unit_cost FROM products ORDER BY code';
  assert.deepEqual(rows(db, q), rows(SRC, q));

  // A file whose headers the guesser cannot know, mapped by MAP.json.
  const f = file('odd.csv', 'A,B,C,D,E,F\nX1,新品,控制系统,2026-01-01,10,5\n');
  const map = file('map.json', JSON.stringify({ code: 'A', name: 'B', category: 'C', launch_date: 'D', list_price: 'E', unit_cost: 'F' }));
  assert.equal(importFile(db, 'products', f).status, 1, 'without the map the required fields are missing');
  const r = importFile(db, 'products', f, '--map', map);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^inserted 1, updated 0, unchanged 0, errors 0`));
  assert.deepEqual(rows(db, "SELECT name, list_price FROM products WHERE code = 'X1'"), [{ name: '新品', list_price: 1000 }]);
});

test('round trip: the demo\'s regions, products and customers exported, imported into an empty database, equal', () => {
  const db = freshDb();
  // Reps are not imported yet: customers come without owner_rep (a MAP.json naming the rest).
  const map = file('customers-map.json', JSON.stringify(Object.fromEntries(
    ['code', 'name', 'industry', 'size', 'region', 'created', 'lost_reason'].map((k) => [k, k]))));
  for (const entity of ['regions', 'products', 'customers']) {
    const csv = path.join(dir, `${entity}-rt.csv`);
    assert.equal(spawnSync(BIN, ['export', '--db', SRC, '--entity', entity, '--file', csv]).status, 0);
    const r = importFile(db, entity, csv, ...(entity === 'customers' ? ['--map', map] : []));
    assert.equal(r.status, 0, `${entity}: ${r.stderr}`);
    const n = rows(SRC, `SELECT count(*) AS n FROM ${entity}`)[0].n;
    assert.match(r.stdout, summary(n, 0, 0, 0), entity);
  }
  const checks = [
    'SELECT r.name, p.name AS parent, r.level FROM regions r LEFT JOIN regions p ON p.id = r.parent ORDER BY r.name',
    'SELECT code, name, category, launch_date, list_price, unit_cost FROM products ORDER BY code',
    `SELECT c.code, c.name, c.industry, c.size, g.name AS region, c.created, c.lost_reason
       FROM customers c JOIN regions g ON g.id = c.region ORDER BY c.code`,
  ];
  for (const q of checks) assert.deepEqual(rows(db, q), rows(SRC, q));
  assert.equal(rows(db, 'PRAGMA integrity_check')[0].integrity_check, 'ok');
});

// Contracts read back by business keys (reps as export writes them without schema v6's column).
const CONTRACTS_Q = `SELECT k.code, c.code AS customer, k.rep, k.opportunity, k.signed_date, k.amount FROM contracts k
  JOIN customers c ON c.id = k.customer ORDER BY k.code`;
const LINES_Q = `SELECT k.code, l.seq, p.code AS product, l.qty, l.amount, l.cost FROM contract_lines l
  JOIN contracts k ON k.id = l.contract JOIN products p ON p.id = l.product ORDER BY k.code, l.seq`;
const PLAN_Q = `SELECT k.code, p.seq, p.due_date, p.amount FROM payment_plan p JOIN contracts k ON k.id = p.contract
  ORDER BY k.code, p.seq`;
const PAYMENTS_Q = `SELECT k.code, p.date, p.amount, count(*) AS n FROM payments p JOIN contracts k ON k.id = p.contract
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const withoutContracts = (name) => {
  const db = backup(path.join(dir, name));
  execFileSync('sqlite3', [db, 'DELETE FROM payments; DELETE FROM payment_plan; DELETE FROM contract_lines; DELETE FROM contracts;']);
  return db;
};

test('contracts: the demo\'s contracts and lines in two files, and in one file with the lines, read back equal', () => {
  const csv = (entity) => {
    const f = path.join(dir, `${entity}-demo.csv`);
    assert.equal(spawnSync(BIN, ['export', '--db', SRC, '--entity', entity, '--file', f]).status, 0);
    return f;
  };
  const contracts = csv('contracts'), lines = csv('contract_lines');
  const n = rows(SRC, 'SELECT count(*) AS n FROM contracts')[0].n;
  const nl = rows(SRC, 'SELECT count(*) AS n FROM contract_lines')[0].n;

  // Into the same database: nothing changes.
  const same = backup(path.join(dir, 'same.db'));
  assert.match(importFile(same, 'contracts', contracts).stdout, summary(0, 0, n, 0));
  assert.match(importFile(same, 'contract_lines', lines).stdout, summary(0, 0, nl, 0));

  // Two files into a database without contracts.
  const two = withoutContracts('two.db');
  const r1 = importFile(two, 'contracts', contracts);
  assert.equal(r1.status, 0, r1.stderr);
  assert.match(r1.stdout, summary(n, 0, 0, 0));
  const r2 = importFile(two, 'contract_lines', lines);
  assert.equal(r2.status, 0, r2.stderr);
  assert.match(r2.stdout, summary(nl, 0, 0, 0));
  assert.deepEqual(rows(two, CONTRACTS_Q), rows(SRC, CONTRACTS_Q));
  assert.deepEqual(rows(two, LINES_Q), rows(SRC, LINES_Q));
  // Then the plans and the payments, and again: nothing changes.
  for (const [entity, table] of [['payment_plans', 'payment_plan'], ['payments', 'payments']]) {
    const f = csv(entity);
    const m = rows(SRC, `SELECT count(*) AS n FROM ${table}`)[0].n;
    const r = importFile(two, entity, f);
    assert.equal(r.status, 0, `${entity}: ${r.stderr}`);
    assert.match(r.stdout, summary(m, 0, 0, 0), entity);
    assert.match(importFile(two, entity, f).stdout, summary(0, 0, m, 0), entity);
  }
  assert.deepEqual(rows(two, PLAN_Q), rows(SRC, PLAN_Q));
  assert.deepEqual(rows(two, PAYMENTS_Q), rows(SRC, PAYMENTS_Q));

  // One file: every line a row, its contract's columns repeated (joined here from the two exports).
  const parse = (f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l).map((l) => l.split(','));
  const [kh, ...ks] = parse(contracts), [lh, ...ls] = parse(lines);
  assert.ok(!readFileSync(contracts, 'utf8').includes('"'), 'no quoted cells to care about');
  const byCode = new Map(ks.map((k) => [k[0], k]));
  const joined = [[...kh, ...lh.slice(1)].join(','), ...ls.map((l) => [...byCode.get(l[0]), ...l.slice(1)].join(','))];
  const one = withoutContracts('one.db');
  const r3 = importFile(one, 'contracts', file('contracts-with-lines.csv', joined.join('\n')));
  assert.equal(r3.status, 0, r3.stderr);
  const withLines = rows(SRC, 'SELECT count(DISTINCT contract) AS n FROM contract_lines')[0].n;
  assert.match(r3.stdout, summary(withLines, 0, 0, 0));
  assert.deepEqual(rows(one, LINES_Q), rows(SRC, LINES_Q));
  assert.deepEqual(rows(one, CONTRACTS_Q), rows(SRC, `SELECT k.code, c.code AS customer, k.rep, k.opportunity, k.signed_date, k.amount
    FROM contracts k JOIN customers c ON c.id = k.customer WHERE k.id IN (SELECT contract FROM contract_lines) ORDER BY k.code`));
});

test('contracts: a file with lines, the cost from the product, an update, and every kind of broken row', () => {
  const db = withoutContracts('k.db');
  const [c1, c2] = rows(db, 'SELECT code FROM customers ORDER BY id LIMIT 2').map((x) => x.code);
  const [p1, p2] = rows(db, 'SELECT code, unit_cost FROM products ORDER BY id LIMIT 2');
  const rep = repOf(db).key;
  const head = '合同编号,客户编码,销售工号,签约日期,合同金额,行号,产品编码,数量,行金额,成本';
  const good = [
    head,
    `HT-1,${c1},${rep},2026/3/1,,1,${p1.code},2,"1,000.00",`,
    `HT-1,${c1},${rep},2026/3/1,,2,${p2.code},1,500,100`,
    `HT-2,${c2},${rep},2026年4月2日,0.2万,,${p1.code},4,2000,`,
  ];
  const f = file('k.csv', good.join('\n'));
  const r = importFile(db, 'contracts', f);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, summary(2, 0, 0, 0));
  const repId = repOf(db).id;
  assert.deepEqual(rows(db, CONTRACTS_Q), [
    { code: 'HT-1', customer: c1, rep: repId, opportunity: null, signed_date: '2026-03-01', amount: 150000 },
    { code: 'HT-2', customer: c2, rep: repId, opportunity: null, signed_date: '2026-04-02', amount: 200000 },
  ]);
  assert.deepEqual(rows(db, LINES_Q), [
    { code: 'HT-1', seq: 0, product: p1.code, qty: 2, amount: 100000, cost: 2 * p1.unit_cost },
    { code: 'HT-1', seq: 1, product: p2.code, qty: 1, amount: 50000, cost: 10000 },
    { code: 'HT-2', seq: 0, product: p1.code, qty: 4, amount: 200000, cost: 4 * p1.unit_cost },
  ]);
  assert.match(importFile(db, 'contracts', f).stdout, summary(0, 0, 2, 0));

  const upd = [...good];
  upd[2] = `HT-1,${c1},${rep},2026/3/1,,2,${p2.code},3,500,100`;
  const u = importFile(db, 'contracts', file('k2.csv', upd.join('\n')));
  assert.equal(u.status, 0, u.stderr);
  assert.match(u.stdout, summary(0, 1, 1, 0));
  assert.equal(rows(db, "SELECT l.qty FROM contract_lines l JOIN contracts k ON k.id = l.contract WHERE k.code = 'HT-1' AND l.seq = 1")[0].qty, 3);

  const before = [rows(db, CONTRACTS_Q), rows(db, LINES_Q)];
  const bad = [
    head,
    `HT-3,${c1},${rep},2026-02-30,,1,${p1.code},1,100,`,      // row 2: no such day
    `HT-4,${c1},${rep},2026-03-01,,1,${p1.code},1,1.001,`,    // row 3: fractions of a fen
    `HT-5,NOBODY,${rep},2026-03-01,,1,${p1.code},1,100,`,     // row 4: no such customer
    `HT-6,${c1},,2026-03-01,,1,${p1.code},1,100,`,            // row 5: rep missing
    `HT-7,${c1},${rep},2026-03-01,,1,${p1.code},1,100,`,      // row 6: good …
    `HT-7,${c2},${rep},2026-03-01,,2,${p1.code},1,100,`,      // row 7: … but another customer for HT-7
    `HT-8,${c1},${rep},2026-03-01,999,1,${p1.code},1,100,`,   // row 8: amount ≠ Σ lines
    `HT-9,${c1},${rep},2099-01-01,,1,${p1.code},1,100,`,      // row 9: signed in the future
    `HT-1,${c1},${rep},2026-03-01,,1,${p1.code},1,100,`,      // row 10: good (an update of HT-1)
  ];
  const report = path.join(dir, 'k-errors.xlsx');
  const b = importFile(db, 'contracts', file('k-bad.csv', bad.join('\n')), '--report', report);
  assert.equal(b.status, 1, b.stderr);
  assert.match(b.stdout, /errors 7\n$/);
  assert.deepEqual(reportRows(report).slice(1).map((x) => [x[0], x[1]]), [
    ['2', '签约日期'], ['3', '行金额'], ['4', '客户编码'], ['5', '销售工号'], ['7', '合同编号'], ['8', '合同金额'], ['9', '签约日期'],
  ]);
  assert.deepEqual([rows(db, CONTRACTS_Q), rows(db, LINES_Q)], before, 'nothing written');
});

test('payments and payment plans: broken rows reported, nothing written; a plan changed in place', () => {
  const db = withoutContracts('pay.db');
  const [c1] = rows(db, 'SELECT code FROM customers ORDER BY id LIMIT 1').map((x) => x.code);
  const [p1] = rows(db, 'SELECT code FROM products ORDER BY id LIMIT 1').map((x) => x.code);
  const rep = repOf(db).key;
  const k = importFile(db, 'contracts', file('pk.csv', [
    'code,customer,rep,signed_date,product,qty,line_amount',
    `K1,${c1},${rep},2026-03-01,${p1},1,1000`,
  ].join('\n')));
  assert.equal(k.status, 0, k.stderr);

  const badPlan = importFile(db, 'payment_plans', file('plan-bad.csv', [
    '合同编号,计划回款日期,计划回款金额',
    'K1,2026-04-01,600',
    'K1,2026-02-01,400', // row 3: due before the signing date
    'K2,2026-05-01,400', // row 4: no such contract
  ].join('\n')));
  assert.equal(badPlan.status, 1);
  assert.match(badPlan.stdout, /errors 3\n$/, 'and K1 does not add up to 1000');
  assert.match(badPlan.stderr, /row 3, 计划回款日期: /);
  assert.match(badPlan.stderr, /row 4, 合同编号: .*K2/);
  assert.match(badPlan.stderr, /row 2, 合同编号: .*add up/);

  const plan = file('plan.csv', 'contract,due_date,amount\nK1,2026-04-01,600\nK1,2026-05-01,400\n');
  assert.match(importFile(db, 'payment_plans', plan).stdout, summary(2, 0, 0, 0));
  const moved = importFile(db, 'payment_plans', file('plan2.csv', 'contract,due_date,amount\nk1,2026-04-01,700\nK1,2026-05-01,300\n'));
  assert.match(moved.stdout, summary(0, 2, 0, 0));
  assert.deepEqual(rows(db, PLAN_Q), [
    { code: 'K1', seq: 0, due_date: '2026-04-01', amount: 70000 }, { code: 'K1', seq: 1, due_date: '2026-05-01', amount: 30000 },
  ]);

  const badPay = importFile(db, 'payments', file('pay-bad.csv', [
    '合同编号,回款日期,回款金额',
    'K1,2026-04-03,100',     // row 2: good
    'K1,2026/13/01,100',     // row 3: no such month
    'K1,2026-04-03,abc',     // row 4: not an amount
    'K9,2026-04-03,100',     // row 5: no such contract
    'K1,,100',               // row 6: date missing
    'K1,2099-01-01,100',     // row 7: in the future
    'K1,2026-04-03,100.00',  // row 8: the same payment as row 2
  ].join('\n')));
  assert.equal(badPay.status, 1);
  assert.match(badPay.stdout, summary(1, 0, 0, 6));
  for (const n of [3, 4, 5, 6, 7, 8]) assert.match(badPay.stderr, new RegExp(`row ${n}, `));
  assert.deepEqual(rows(db, PAYMENTS_Q), []);
  const pay = importFile(db, 'payments', file('pay.csv', '合同编号,回款日期,回款金额\nK1,2026-04-03,"1,00"\nK1,2026-04-03,100\n'));
  assert.equal(pay.status, 1, '"1,00" is not an amount');
  const ok = importFile(db, 'payments', file('pay2.csv', '合同编号,回款日期,回款金额\nK1,2026-04-03,100\nK1,2026-04-05,0.03万\n'));
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(rows(db, PAYMENTS_Q), [{ code: 'K1', date: '2026-04-03', amount: 10000, n: 1 }, { code: 'K1', date: '2026-04-05', amount: 30000, n: 1 }]);
});

test('targets: the demo\'s targets read back, an update in 万元, and every kind of broken row', () => {
  const Q = `SELECT t.month, t.metric, t.owner_kind, coalesce(g.name, CASE WHEN t.owner_kind = 'rep' THEN t.owner_id END, '') AS owner,
    t.value FROM targets t LEFT JOIN regions g ON t.owner_kind = 'region' AND g.id = t.owner_id ORDER BY 1, 2, 3, 4`;
  const db = backup(path.join(dir, 'targets.db'));
  execFileSync('sqlite3', [db, 'DELETE FROM targets']);
  const f = path.join(dir, 'targets-demo.csv');
  assert.equal(spawnSync(BIN, ['export', '--db', SRC, '--entity', 'targets', '--file', f]).status, 0);
  const n = rows(SRC, 'SELECT count(*) AS n FROM targets')[0].n;
  const r = importFile(db, 'targets', f);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, summary(n, 0, 0, 0));
  assert.deepEqual(rows(db, Q), rows(SRC, Q));
  assert.match(importFile(db, 'targets', f).stdout, summary(0, 0, n, 0));

  const region = rows(db, 'SELECT name FROM regions WHERE level = 1 ORDER BY id LIMIT 1')[0].name;
  const upd = importFile(db, 'targets', file('t-upd.csv', [
    '月份,指标,对象类型,目标对象,目标值（万元）',
    `2031年1月,签单额,区域,${region},12.5`,
    '2031/1,新客户数,公司,,3',
  ].join('\n')));
  assert.equal(upd.status, 0, upd.stderr);
  assert.match(upd.stdout, summary(2, 0, 0, 0));
  assert.deepEqual(rows(db, "SELECT metric, owner_kind, value FROM targets WHERE month = '2031-01' ORDER BY metric"), [
    { metric: 'new_customers', owner_kind: 'company', value: 3 }, { metric: 'sales', owner_kind: 'region', value: 12500000 },
  ]);

  const before = rows(db, Q);
  const bad = importFile(db, 'targets', file('t-bad.csv', [
    'month,metric,owner_kind,owner,value',
    '2031-13,sales,company,,100',        // row 2: no such month
    '2031-02,profit,company,,100',       // row 3: not a metric
    '2031-02,sales,rep,E99999,100',      // row 4: no such rep
    `2031-02,sales,company,${region},1`, // row 5: a company target with an owner
    '2031-02,bids_won,company,,1.5',     // row 6: a count with a fraction
    '2031-02,sales,company,,100',        // row 7: good …
    '2031/2,sales,company,,200',         // row 8: … and the same target again
  ].join('\n')));
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, summary(1, 0, 0, 6));
  for (const [row, col] of [[2, 'month'], [3, 'metric'], [4, 'owner'], [5, 'owner'], [6, 'value'], [8, 'month']])
    assert.match(bad.stderr, new RegExp(`row ${row}, ${col}: `));
  assert.deepEqual(rows(db, Q), before);
});

test('competitors, their products and sales, market stats, finance months, activities and bids: the demo\'s read back equal', () => {
  const db = backup(path.join(dir, 'market.db'));
  execFileSync('sqlite3', [db, `DELETE FROM competitor_sales; DELETE FROM competitor_products; DELETE FROM competitors;
    DELETE FROM market_stats; DELETE FROM finance_months; DELETE FROM activities; DELETE FROM bids;`]);
  const checks = {
    competitors: ['competitors', 'SELECT name FROM competitors ORDER BY name'],
    competitor_products: ['competitor_products', `SELECT c.name AS competitor, p.name, p.category FROM competitor_products p
      JOIN competitors c ON c.id = p.competitor ORDER BY 1, 2`],
    competitor_sales: ['competitor_sales', `SELECT s.month, c.name AS competitor, p.name AS product, g.name AS region, s.amount
      FROM competitor_sales s JOIN competitor_products p ON p.id = s.competitor_product JOIN competitors c ON c.id = p.competitor
      JOIN regions g ON g.id = s.region ORDER BY 1, 2, 3, 4`],
    market_stats: ['market_stats', `SELECT m.month, m.industry, g.name AS region, m.category, m.market_size FROM market_stats m
      JOIN regions g ON g.id = m.region ORDER BY 1, 2, 3, 4`],
    finance_months: ['finance_months', 'SELECT * FROM finance_months ORDER BY month'],
    // Equal activities occur more than once (two calls on one day): each is kept.
    activities: ['activities', `SELECT rep, coalesce(c.code, '') AS customer, a.date, a.type, count(*) AS n FROM activities a
      LEFT JOIN customers c ON c.id = a.customer GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`],
    // Opportunities by their codes: the demo's opportunities are kept here.
    bids: ['bids', 'SELECT opportunity, bid_date, amount, result, result_date FROM bids ORDER BY 1, 2'],
  };
  for (const [entity, [table, q]] of Object.entries(checks)) {
    const f = path.join(dir, `${entity}-demo.csv`);
    assert.equal(spawnSync(BIN, ['export', '--db', SRC, '--entity', entity, '--file', f]).status, 0);
    const n = rows(SRC, `SELECT count(*) AS n FROM ${table}`)[0].n;
    const r = importFile(db, entity, f);
    assert.equal(r.status, 0, `${entity}: ${r.stderr}`);
    assert.match(r.stdout, summary(n, 0, 0, 0), entity);
    assert.match(importFile(db, entity, f).stdout, summary(0, 0, n, 0), entity);
    assert.deepEqual(rows(db, q), rows(SRC, q), entity);
  }
  const bad = importFile(db, 'market_stats', file('ms-bad.csv', 'month,industry,region,category,market_size\n2031-01,制造,火星,控制,-5\n2031-01,制造,,控制,(5)\n'));
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /row 2, region: .*火星/);
  assert.match(bad.stderr, /row 3, region: /);

  // A competitor product is named within its maker: another maker's product is no match.
  const a = rows(db, `SELECT c.name AS maker, p.name FROM competitor_products p JOIN competitors c ON c.id = p.competitor
    WHERE p.name NOT IN (SELECT name FROM competitor_products WHERE competitor <> p.competitor) ORDER BY p.id LIMIT 1`)[0];
  const b = rows(db, `SELECT name AS maker FROM competitors WHERE name <> '${a.maker}' ORDER BY id LIMIT 1`)[0];
  const region = rows(db, 'SELECT name FROM regions WHERE level = 1 LIMIT 1')[0].name;
  const cs = importFile(db, 'competitor_sales', file('cs-bad.csv', [
    'month,competitor,competitor_product,region,amount',
    `2031-01,${a.maker},${a.name},${region},100`,   // row 2: good
    `2031-01,${b.maker},${a.name},${region},100`,   // row 3: not that maker's product
    `2031-01,无名厂商,${a.name},${region},100`,      // row 4: no such maker
  ].join('\n')));
  assert.equal(cs.status, 1);
  assert.match(cs.stdout, summary(1, 0, 0, 2));
  assert.match(cs.stderr, /row 3, competitor_product: /);
  assert.match(cs.stderr, /row 4, competitor: /);

  const opp = `O${String(rows(db, 'SELECT min(id) AS id FROM opportunities')[0].id).padStart(6, '0')}`;
  const bids = importFile(db, 'bids', file('bids-bad.csv', [
    '商机编号,投标日期,投标金额,投标结果,结果日期',
    `${opp},2031-01-05,100,待定,2031-01-06`,  // row 2: pending with a result date
    `${opp},2031-01-06,100,中标,`,            // row 3: won without one
    `${opp},2031-01-07,100,落标,2031-01-01`,  // row 4: a result before the bid
    'O999999,2031-01-08,100,待定,',           // row 5: no such opportunity
    `${opp},2031-01-09,100,待定,`,            // row 6: good
  ].join('\n')));
  assert.equal(bids.status, 1);
  assert.match(bids.stdout, summary(1, 0, 0, 4));
  for (const [row, col] of [[2, '结果日期'], [3, '结果日期'], [4, '结果日期'], [5, '商机编号']])
    assert.match(bids.stderr, new RegExp(`row ${row}, ${col}: `));
});

test('reps: only with schema v6\'s employee_no; managers from rows above, leave not before hire', () => {
  const db = freshDb();
  assert.equal(importFile(db, 'regions', file('rr.csv', 'name,parent\n公司,\n华东,公司\n')).status, 0);
  const reps = file('reps.csv', [
    '工号,姓名,区域,上级工号,入职日期,离职日期',
    'E1,王经理,华东,,2020-01-01,',
    'E2,李销售,华东,e1,2021-03-01,2025-12-31',
  ].join('\n'));
  const hasColumn = () => rows(db, 'PRAGMA table_info(reps)').some((c) => c.name === 'employee_no');
  if (!hasColumn()) {
    const r = importFile(db, 'reps', reps);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /reps\.employee_no/);
    execFileSync('sqlite3', [db, 'ALTER TABLE reps ADD COLUMN employee_no TEXT']);  // what v6 adds
  }
  const r = importFile(db, 'reps', reps);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, summary(2, 0, 0, 0));
  assert.deepEqual(rows(db, `SELECT r.employee_no, r.name, g.name AS region, m.employee_no AS manager, r.hire_date, r.leave_date
    FROM reps r JOIN regions g ON g.id = r.region LEFT JOIN reps m ON m.id = r.manager ORDER BY r.employee_no`), [
    { employee_no: 'E1', name: '王经理', region: '华东', manager: null, hire_date: '2020-01-01', leave_date: null },
    { employee_no: 'E2', name: '李销售', region: '华东', manager: 'E1', hire_date: '2021-03-01', leave_date: '2025-12-31' },
  ]);
  assert.match(importFile(db, 'reps', reps).stdout, summary(0, 0, 2, 0));
  const bad = importFile(db, 'reps', file('reps-bad.csv', '工号,姓名,区域,入职日期,离职日期\nE3,赵,华东,2022-05-01,2022-04-30\nE4,钱,华东,,\n'));
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /row 2, 离职日期: /);
  assert.match(bad.stderr, /row 3, 入职日期: /);
  // Customers now resolve their owner by employee number.
  const c = importFile(db, 'customers', file('rc.csv', 'code,name,industry,size,region,owner_rep,created\nC1,甲,制造,small,华东,E2,2020-01-01\n'));
  assert.equal(c.status, 0, c.stderr);
  assert.deepEqual(rows(db, 'SELECT r.employee_no FROM customers c JOIN reps r ON r.id = c.owner_rep'), [{ employee_no: 'E2' }]);
});

test('forecasts: the demo\'s read back equal; times in Beijing time unless an offset is given', () => {
  const Q = 'SELECT month, rep, value, submitted_at FROM forecasts ORDER BY 1, 2, 4';
  const db = backup(path.join(dir, 'forecasts.db'));
  execFileSync('sqlite3', [db, 'DELETE FROM forecasts']);
  const f = path.join(dir, 'forecasts-demo.csv');
  assert.equal(spawnSync(BIN, ['export', '--db', SRC, '--entity', 'forecasts', '--file', f]).status, 0);
  const n = rows(SRC, 'SELECT count(*) AS n FROM forecasts')[0].n;
  const r = importFile(db, 'forecasts', f);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, summary(n, 0, 0, 0));
  assert.deepEqual(rows(db, Q), rows(SRC, Q));
  assert.match(importFile(db, 'forecasts', f).stdout, summary(0, 0, n, 0));

  const rep = repOf(db).key;
  const ok = importFile(db, 'forecasts', file('fc.csv', [
    '预测月份,销售工号,预测金额,提交时间',
    `2031-01,${rep},100,2030-12-02 10:15`,
    `2031-01,${rep},200,2030/12/3`,
    `2031-01,${rep},300,2030-12-04T10:15:00Z`,
  ].join('\n')));
  assert.equal(ok.status, 0, ok.stderr);
  const s = (...a) => Date.UTC(...a) / 1000;
  assert.deepEqual(rows(db, "SELECT value, submitted_at FROM forecasts WHERE month = '2031-01' ORDER BY value"), [
    { value: 10000, submitted_at: s(2030, 11, 2, 2, 15) },
    { value: 20000, submitted_at: s(2030, 11, 2, 16, 0) },
    { value: 30000, submitted_at: s(2030, 11, 4, 10, 15) },
  ]);
  const bad = importFile(db, 'forecasts', file('fc-bad.csv', `month,rep,value,submitted_at\n2031-02,${rep},1,2030-12-02 25:00\n2031-02,${rep},-1,2030-12-02\n`));
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /row 2, submitted_at: /);
  assert.match(bad.stderr, /row 3, value: /);
});

test('a running server sees a committed import within seconds: the company\'s sales grow by the new contract', async () => {
  const db = backup(path.join(dir, 'served.db'));
  const server = spawn(BIN, ['serve', '--db', db, '--port', '0', '--today', '2026-06-15'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const base = await new Promise((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error('server did not start: ' + log)), 10000);
      const onData = (d) => {
        log += d;
        const m = log.match(/listening on (http:\/\/[^\s/]+)/);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
    });
    const admin = logins().admin[0];
    const c = new Client('en', base);
    assert.equal((await c.login(admin.login, admin.password)).status, 200);
    const actual = async () => (await c.get('/api/v1/do/progress?period=2026-Q2&as_of=2026-06-15&level=company')).json.rows[0].actual;
    const before = await actual();
    const customer = rows(db, 'SELECT code FROM customers ORDER BY id LIMIT 1')[0].code;
    const product = rows(db, 'SELECT code FROM products ORDER BY id LIMIT 1')[0].code;
    const rep = repOf(db, 'leave_date IS NULL').key;
    const r = importFile(db, 'contracts', file('served.csv',
      `code,customer,rep,signed_date,product,qty,line_amount\nNEW-1,${customer},${rep},2026-06-10,${product},1,"1,234.56"\n`));
    assert.equal(r.status, 0, r.stderr);
    let now = before;
    for (let i = 0; i < 50 && now === before; i++) {
      await new Promise((done) => setTimeout(done, 100));
      now = await actual();
    }
    assert.equal(now, before + 123456);
  } finally {
    server.kill('SIGTERM');
    await new Promise((done) => server.on('exit', done));
  }
});

test('bad usage exits 2', () => {
  const db = freshDb();
  const f = file('p.csv', PRODUCTS);
  assert.equal(importFile(db, 'nonsense', f).status, 2);
  assert.equal(spawnSync(BIN, ['import', '--db', db, '--entity', 'products']).status, 2, 'no --file');
  assert.equal(importFile(db, 'products', f, '--map', file('bad.json', '[1,2]')).status, 2);
  assert.equal(importFile(db, 'products', f, '--report', path.join(dir, 'r.txt')).status, 2);
});

test('kill -9 during the commit of a big file leaves the database as it was', async () => {
  const db = freshDb();
  assert.equal(importFile(db, 'products', file('p0.csv', PRODUCTS)).status, 0);
  const lines = ['code,name,category,launch_date,list_price,unit_cost'];
  for (let i = 0; i < 400000; i++) lines.push(`K${i},产品${i},类别,2020-01-01,${i},${i % 100}`);
  const big = file('big.csv', lines.join('\n'));
  const before = productsOf(db);
  const child = spawn(BIN, ['import', '--db', db, '--entity', 'products', '--file', big]);
  const code = await new Promise((resolve) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      if (err.includes('writing')) child.kill('SIGKILL');
    });
    child.on('exit', (c, sig) => resolve(sig ?? c));
  });
  assert.equal(code, 'SIGKILL', 'killed before the commit ended');
  assert.equal(rows(db, 'PRAGMA integrity_check')[0].integrity_check, 'ok');
  assert.deepEqual(productsOf(db), before);
});

test('an import that commits while another is still checking its file: the later commit is refused, nothing of it written', async () => {
  const db = freshDb();
  const lines = ['code,name,category,launch_date,list_price,unit_cost'];
  for (let i = 0; i < 200000; i++) lines.push(`K${i},产品${i},类别,2020-01-01,${i},${i % 100}`);
  const big = file('big2.csv', lines.join('\n'));
  const small = file('small.csv', PRODUCTS);
  const child = spawn(BIN, ['import', '--db', db, '--entity', 'products', '--file', big]);
  let err = '';
  let quick;
  const code = await new Promise((resolve) => {
    child.stderr.on('data', (d) => {
      err += d;
      if (!quick && err.includes('checked 10000 rows')) quick = importFile(db, 'products', small);  // runs to its end
    });
    child.on('exit', (c) => resolve(c));
  });
  assert.equal(quick.status, 0, quick.stderr);
  assert.equal(code, 1, err);
  assert.match(err, /changed while the file was checked/);
  assert.deepEqual(productsOf(db), PRODUCT_ROWS, 'the quick import alone');
  assert.equal(rows(db, 'PRAGMA integrity_check')[0].integrity_check, 'ok');
});

// Opportunities (schema v7's code): every event of a history, in order, by code.
const OPPS_Q = `SELECT o.code, c.code AS customer, o.rep, o.category, o.amount, o.created, o.expected_close, o.stage,
  o.closed, o.lost_reason FROM opportunities o JOIN customers c ON c.id = o.customer ORDER BY o.code`;
const EVENTS_Q = `SELECT o.code, e.seq, e.stage, e.date FROM opportunity_stage_events e
  JOIN opportunities o ON o.id = e.opportunity ORDER BY o.code, e.seq`;

test('opportunities: the demo\'s exported file reads back equal, histories and all; again it changes nothing', () => {
  const db = backup(path.join(dir, 'opps.db'));
  execFileSync('sqlite3', [db, `DELETE FROM bids; UPDATE contracts SET opportunity = NULL;
    DELETE FROM opportunity_stage_events; DELETE FROM opportunities;`]);
  const f = path.join(dir, 'opportunities-demo.csv');
  assert.equal(spawnSync(BIN, ['export', '--db', SRC, '--entity', 'opportunities', '--file', f]).status, 0);
  const n = rows(SRC, 'SELECT count(*) AS n FROM opportunities')[0].n;
  assert.ok(n > 100);
  const r = importFile(db, 'opportunities', f);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, summary(n, 0, 0, 0));
  assert.match(importFile(db, 'opportunities', f).stdout, summary(0, 0, n, 0));
  assert.deepEqual(rows(db, OPPS_Q), rows(SRC, OPPS_Q));
  assert.deepEqual(rows(db, EVENTS_Q), rows(SRC, EVENTS_Q));
});

test('opportunities: every broken row named, nothing written; the good rows, an update, bids by code', () => {
  const db = backup(path.join(dir, 'opps2.db'));
  const cust = rows(db, 'SELECT code FROM customers ORDER BY id LIMIT 1')[0].code;
  const rep = repOf(db, 'leave_date IS NULL');
  const head = '商机编号,客户编码,销售工号,产品类别,预计金额,创建日期,预计成交日期,阶段,关闭日期,输单原因,验证日期,方案日期,投标日期,谈判日期';
  const row = (code, stage, closed, reason, q, p, b, n, more = {}) =>
    [code, more.cust ?? cust, rep.key, '控制系统', more.amount ?? '"500,000.00"', '2026-03-02', more.close ?? '2026-07-31',
      stage, closed, reason, q, p, b, n].join(',');
  const good = [
    row('OPX-1', '方案', '', '', '2026-03-20', '2026-04-10', '', ''),
    row('OPX-2', '赢单', '2026-05-01', '', '2026-03-10', '', '', '2026-04-01'),
    row('OPX-3', '输单', '2026-04-01', '价格太高', '2026-03-10', '', '', ''),
  ];
  const bad = [
    row('OPX-4', '方案', '', '', '2026-03-20', '', '', ''),                 // row 5: no day for the current stage
    row('OPX-5', '验证', '', '', '2026-03-20', '', '', '2026-04-01'),       // row 6: a day for a later stage
    row('OPX-6', '验证', '', '', '2026-02-01', '', '', ''),                 // row 7: before created
    row('OPX-7', '赢单', '', '', '2026-03-10', '', '', ''),                 // row 8: won without a closed day
    row('OPX-8', '线索', '2026-04-01', '', '', '', '', ''),                 // row 9: open with a closed day
    row('OPX-9', '线索', '', '价格', '', '', '', ''),                       // row 10: a lost reason, not lost
    row('OPX-10', '线索', '', '', '', '', '', '', { close: '2026-01-01' }), // row 11: expected close before created
    row('opx-1 ', '线索', '', '', '', '', '', ''),                          // row 12: OPX-1 again
    row('OPX-11', '线索', '', '', '', '', '', '', { cust: 'NO-SUCH' }),     // row 13: no such customer
    row('OPX-12', '验证', '', '', '2099-01-01', '', '', ''),                // row 14: a day after today
  ];
  const before = [rows(db, OPPS_Q), rows(db, EVENTS_Q)];
  const r = importFile(db, 'opportunities', file('opps-bad.csv', [head, ...good, ...bad].join('\n')));
  assert.equal(r.status, 1);
  assert.match(r.stdout, summary(3, 0, 0, 10));
  for (const [n, col] of [[5, '方案日期'], [6, '谈判日期'], [7, '验证日期'], [8, '关闭日期'], [9, '关闭日期'], [10, '输单原因'],
    [11, '预计成交日期'], [12, '商机编号'], [13, '客户编码'], [14, '验证日期']])
    assert.match(r.stderr, new RegExp(`row ${n}, ${col}: `));
  assert.deepEqual([rows(db, OPPS_Q), rows(db, EVENTS_Q)], before, 'nothing written');

  const ok = importFile(db, 'opportunities', file('opps-good.csv', [head, ...good].join('\n')));
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, summary(3, 0, 0, 0));
  const mine = (q) => rows(db, q).filter((x) => x.code.startsWith('OPX-'));
  const o = { customer: cust, rep: rep.id, category: '控制系统', amount: 50000000, created: '2026-03-02', expected_close: '2026-07-31' };
  assert.deepEqual(mine(OPPS_Q), [
    { code: 'OPX-1', ...o, stage: 'proposal', closed: null, lost_reason: '' },
    { code: 'OPX-2', ...o, stage: 'won', closed: '2026-05-01', lost_reason: '' },
    { code: 'OPX-3', ...o, stage: 'lost', closed: '2026-04-01', lost_reason: '价格太高' },
  ]);
  const ev = (code, list) => list.map(([stage, date], seq) => ({ code, seq, stage, date }));
  assert.deepEqual(mine(EVENTS_Q), [
    ...ev('OPX-1', [['lead', '2026-03-02'], ['qualified', '2026-03-20'], ['proposal', '2026-04-10']]),
    ...ev('OPX-2', [['lead', '2026-03-02'], ['qualified', '2026-03-10'], ['negotiation', '2026-04-01'], ['won', '2026-05-01']]),
    ...ev('OPX-3', [['lead', '2026-03-02'], ['qualified', '2026-03-10'], ['lost', '2026-04-01']]),
  ]);
  assert.match(importFile(db, 'opportunities', file('opps-good.csv', [head, ...good].join('\n'))).stdout, summary(0, 0, 3, 0));

  // OPX-1 moves on to bidding: one updated, its history replaced; the rest unchanged.
  const moved = [row('opx-1', '投标', '', '', '2026-03-20', '2026-04-10', '2026-05-05', ''), good[1], good[2]];
  const up = importFile(db, 'opportunities', file('opps-up.csv', [head, ...moved].join('\n')));
  assert.equal(up.status, 0, up.stderr);
  assert.match(up.stdout, summary(0, 1, 2, 0));
  assert.deepEqual(mine(EVENTS_Q).filter((x) => x.code === 'OPX-1'),
    ev('OPX-1', [['lead', '2026-03-02'], ['qualified', '2026-03-20'], ['proposal', '2026-04-10'], ['bidding', '2026-05-05']]));
  assert.equal(rows(db, "SELECT stage FROM opportunities WHERE code = 'OPX-1'")[0].stage, 'bidding');

  // Bids name it by its code, any case; export writes the code.
  const bids = importFile(db, 'bids', file('opx-bids.csv', 'opportunity,bid_date,amount,result,result_date\nopx-1,2026-05-06,480000,待定,\n'));
  assert.equal(bids.status, 0, bids.stderr);
  assert.deepEqual(rows(db, `SELECT o.code, b.amount FROM bids b JOIN opportunities o ON o.id = b.opportunity WHERE o.code = 'OPX-1'`),
    [{ code: 'OPX-1', amount: 48000000 }]);
  const out = path.join(dir, 'opx-export.csv');
  assert.equal(spawnSync(BIN, ['export', '--db', db, '--entity', 'opportunities', '--file', out]).status, 0);
  assert.ok(readFileSync(out, 'utf8').includes(
    `\r\nOPX-1,${cust},${rep.key},控制系统,500000.00,2026-03-02,2026-07-31,bidding,,,2026-03-20,2026-04-10,2026-05-05,\r\n`));
});
