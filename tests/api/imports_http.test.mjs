// The 数据导入 page's API (issue 12): upload → columns and the guessed mapping → dry run (预检)
// with its errors (paginated, and the XLSX report) → commit → the dashboard shows the new
// payments at once; 413 over the upload limit; cancel; 409 for a second import; 403 for
// everyone but admins; 422 naming the field for bad input; mapping templates saved and reused.
// Runs its own servers on copies of the suite's database. Expected numbers are written out by
// hand (the files are made here) or read with the sqlite3 shell; the report is read with
// Python's zipfile (tests/support/xlsx_cells.mjs); the SHA-256 by node's crypto.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, logins, sql } from './helpers.mjs';
import { ownServer } from '../support/own_server.mjs';
import { xlsxInlineCells } from '../support/xlsx_cells.mjs';

const AS_OF = '2026-06-15';
const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-imports-http-'));
let srv, small, admin, adminEn;

async function loginAs(base, role, lang = 'zh-CN') {
  const u = logins()[role][0];
  const c = new Client(lang, base);
  const r = await c.login(u.login, u.password);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  c.login_name = u.login;
  return c;
}

// POST /api/v1/imports with the file as the raw body.
async function upload(c, name, bytes, query = {}) {
  const q = new URLSearchParams({ name, ...query });
  const res = await fetch(`${c.base}/api/v1/imports?${q}`, {
    method: 'POST', body: bytes,
    headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Accept-Language': c.lang, 'Content-Type': 'text/csv' },
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

// Polls the job until it is no longer running.
async function settle(c, id) {
  for (let i = 0; i < 600; ++i) {
    const r = await c.get(`/api/v1/imports/${id}`);
    assert.equal(r.status, 200);
    if (!['checking', 'committing'].includes(r.json.state)) return r.json;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error('the import did not finish');
}

const csv = (rows) => Buffer.from('\ufeff' + rows.join('\r\n') + '\r\n');
const q = (db, query) => sql(query, db);

// A contract of the copy signed well before as_of, and the company's June collection.
const contractCode = (db) => q(db, "SELECT code FROM contracts WHERE signed_date <= '2026-05-01' ORDER BY id LIMIT 1")[0].code;
async function juneCollection(c) {
  const r = await c.get(`/api/v1/do/progress?period=2026-06&as_of=${AS_OF}&level=region&metric=collection`);
  assert.equal(r.status, 200);
  return r.json.rows.reduce((s, row) => s + row.actual, 0);
}

before(async () => {
  srv = await ownServer();
  small = await ownServer({ args: ['--max-upload-mb', '1'] });
  admin = await loginAs(srv.base, 'admin');
  adminEn = await loginAs(srv.base, 'admin', 'en');
});

after(async () => {
  await srv?.stop();
  await small?.stop();
});

test('only admins: others get 403, no session 401', async () => {
  for (const role of ['executive', 'manager', 'rep']) {
    const c = await loginAs(srv.base, role);
    const up = await upload(c, 'x.csv', csv(['合同编号,回款日期,回款金额']));
    assert.equal(up.status, 403, role);
    assert.equal((await c.get('/api/v1/import-entities')).status, 403, role);
    assert.equal((await c.get('/api/v1/import-templates')).status, 403, role);
  }
  assert.equal((await new Client('zh-CN', srv.base).get('/api/v1/import-entities')).status, 401);
});

test('upload, dry run with errors, the report, then a good file committed: the dashboard moves', async () => {
  const code = contractCode(srv.db);
  const before = q(srv.db, 'SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS s FROM payments')[0];
  const bad = csv([
    '合同编号,回款日期,回款金额',
    `${code},2026/6/2,"1,234.56"`,   // row 2: good
    `${code},2026-07-01,100`,        // row 3: after today
    'NO-SUCH-CONTRACT,2026-06-03,100', // row 4: unknown contract
    `${code},2026-06-04,abc`,        // row 5: not an amount
  ]);
  const up = await upload(admin, '六月回款.csv', bad, { entity: 'payments' });
  assert.equal(up.status, 201, JSON.stringify(up.json));
  assert.equal(up.json.state, 'uploaded');
  assert.equal(up.json.format, 'csv');
  assert.equal(up.json.sha256, createHash('sha256').update(bad).digest('hex'));
  const cols = up.json.columns;
  assert.deepEqual(cols.headers, ['合同编号', '回款日期', '回款金额']);
  const col = Object.fromEntries(cols.fields.map((f) => [f.name, f.column]));
  assert.deepEqual(col, { contract: '合同编号', date: '回款日期', amount: '回款金额' });

  const dry = await admin.req('POST', `/api/v1/imports/${up.json.id}/dry-run`, { entity: 'payments' });
  assert.equal(dry.status, 202, JSON.stringify(dry.json));
  const done = await settle(admin, up.json.id);
  assert.equal(done.state, 'checked');
  assert.deepEqual({ ...done.result, committed: undefined }, { rows: 4, inserted: 1, updated: 0, unchanged: 0, errors: 3, committed: undefined });
  assert.equal(done.progress.rows_checked, 4);

  const p1 = await admin.get(`/api/v1/imports/${up.json.id}/errors?page=1&page_size=2`);
  assert.equal(p1.status, 200);
  assert.equal(p1.json.total, 3);
  assert.deepEqual(p1.json.rows.map((r) => [r.row, r.field]), [[3, 'date'], [4, 'contract']]);
  assert.match(p1.json.rows[0].message, /回款日期不能晚于今天/);
  const p2 = await admin.get(`/api/v1/imports/${up.json.id}/errors?page=2&page_size=2`);
  assert.deepEqual(p2.json.rows.map((r) => [r.row, r.field, r.value]), [[5, 'amount', 'abc']]);
  const en = await adminEn.get(`/api/v1/imports/${up.json.id}/errors?page_size=1`);
  assert.match(en.json.rows[0].message, /cannot be in the future/);

  const rep = await fetch(`${srv.base}/api/v1/imports/${up.json.id}/errors?format=xlsx`, { headers: { Cookie: admin.cookie } });
  assert.equal(rep.status, 200);
  assert.match(rep.headers.get('content-disposition'), /attachment/);
  const file = path.join(dir, 'report.xlsx');
  writeFileSync(file, Buffer.from(await rep.arrayBuffer()));
  const cells = xlsxInlineCells(file, 5);
  assert.deepEqual(cells[0], ['行号 Row', '列 Column', '值 Value', '错误', 'Error']);
  assert.deepEqual(cells.slice(1).map((r) => [r[0], r[1], r[2]]), [['3', '回款日期', '2026-07-01'], ['4', '合同编号', 'NO-SUCH-CONTRACT'], ['5', '回款金额', 'abc']]);

  const refused = await admin.req('POST', `/api/v1/imports/${up.json.id}/commit`);
  assert.equal(refused.status, 409);
  assert.equal(refused.json.error.code, 'dry_run_first');

  // The fixed file: 1,234.56 元 and 100 元 on June days before as_of.
  const collectionBefore = await juneCollection(admin);
  const good = csv(['合同编号,回款日期,回款金额', `${code},2026/6/2,"1,234.56"`, `${code},2026年6月3日,100`]);
  const up2 = await upload(admin, '六月回款-改.csv', good);
  assert.equal(up2.status, 201);
  assert.equal((await admin.req('POST', `/api/v1/imports/${up2.json.id}/dry-run`, { entity: 'payments' })).status, 202);
  const checked = await settle(admin, up2.json.id);
  assert.equal(checked.result.errors, 0);
  assert.equal(checked.result.inserted, 2);
  assert.equal(q(srv.db, 'SELECT COUNT(*) AS n FROM payments')[0].n, before.n, 'a dry run writes nothing');
  const commit = await admin.req('POST', `/api/v1/imports/${up2.json.id}/commit`);
  assert.equal(commit.status, 202, JSON.stringify(commit.json));
  const committed = await settle(admin, up2.json.id);
  assert.equal(committed.state, 'committed', JSON.stringify(committed));
  assert.equal(committed.progress.rows_written, 2);
  const afterRows = q(srv.db, 'SELECT COUNT(*) AS n, SUM(amount) AS s FROM payments')[0];
  assert.equal(afterRows.n, before.n + 2);
  assert.equal(afterRows.s, before.s + 123456 + 10000);
  // The dashboard at once (the Snapshot was reloaded before the job said "committed").
  assert.equal(await juneCollection(admin), collectionBefore + 123456 + 10000);
  const [audit] = q(srv.db, "SELECT entity_key, new_value FROM audit_log WHERE entity = 'import' ORDER BY id DESC LIMIT 1");
  assert.equal(audit.entity_key, 'payments');
  const a = JSON.parse(audit.new_value);
  assert.equal(a.user, admin.login_name);
  assert.equal(a.file, '六月回款-改.csv');
  assert.equal(a.sha256, createHash('sha256').update(good).digest('hex'));
  assert.equal(a.inserted, 2);
  const again = await admin.req('POST', `/api/v1/imports/${up2.json.id}/commit`);
  assert.equal(again.status, 409);
});

test('bad input: 422 naming the field, in both languages', async () => {
  const code = contractCode(srv.db);
  const file = csv(['合同编号,回款日期,回款金额,金额', `${code},2026-06-02,1,1`]);
  const pdf = await upload(admin, 'x.pdf', Buffer.from('%PDF-1.4'));
  assert.equal(pdf.status, 422);
  assert.equal(pdf.json.error.field, 'file');
  const broken = await upload(admin, 'x.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
  assert.equal(broken.status, 422);
  assert.equal(broken.json.error.field, 'file');
  const notZip = await upload(adminEn, 'y.xlsx', Buffer.from('a,b\n1,2\n'));
  assert.equal(notZip.status, 422);
  assert.match(notZip.json.error.message, /Not a valid XLSX/);
  const binary = await upload(admin, 'z.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  assert.equal(binary.status, 422);
  assert.match(binary.json.error.message, /不是 CSV/);

  const up = await upload(admin, 'ok.csv', file);
  assert.equal(up.status, 201);
  const id = up.json.id;
  const dry = (body, c = admin) => c.req('POST', `/api/v1/imports/${id}/dry-run`, body);
  const unknown = await dry({ entity: 'planets' });
  assert.equal(unknown.status, 422);
  assert.equal(unknown.json.error.field, 'entity');
  const missing = await dry({ entity: 'payments', map: [{ field: 'date', column: '到账日' }] });
  assert.equal(missing.status, 422);
  assert.equal(missing.json.error.field, 'map.date');
  assert.match(missing.json.error.message, /到账日/);
  const twice = await dry({ entity: 'payments', map: [{ field: 'amount', column: '回款金额' }, { field: 'amount', column: '金额' }] }, adminEn);
  assert.equal(twice.status, 422);
  assert.equal(twice.json.error.field, 'map.amount');
  assert.match(twice.json.error.message, /Two columns map to the field amount/);
  const noField = await dry({ entity: 'payments', map: [{ field: 'colour', column: '金额' }] });
  assert.equal(noField.json.error.field, 'map.colour');
  assert.equal((await admin.get(`/api/v1/imports/${id}/columns?entity=planets`)).status, 422);
  assert.equal((await admin.get('/api/v1/imports/999999')).status, 404);
});

// 泰山 and 平原 in GBK (CC A9 C9 BD, C6 BD D4 AD) are valid UTF-8 too: detection reads them as
// UTF-8, so only the encoding chosen on the page (a form field) reads them right.
test('CSV encoding and delimiter chosen on upload or dry run: an ambiguous GBK file read right only with gbk', async () => {
  const gbk = Buffer.concat([Buffer.from('code;name;category;launch_date;list_price;unit_cost\nGBK01;'),
    Buffer.from([0xcc, 0xa9, 0xc9, 0xbd]), Buffer.from(';'), Buffer.from([0xc6, 0xbd, 0xd4, 0xad]),
    Buffer.from(';2026-01-05;100;50\n')]);
  const products = () => q(srv.db, "SELECT name, category, list_price FROM products WHERE code = 'GBK01'");
  const bad = await upload(adminEn, 'p.csv', gbk, { encoding: 'latin-1' });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'encoding');
  assert.match(bad.json.error.message, /Unknown encoding: latin-1/);
  const badDelim = await upload(admin, 'p.csv', gbk, { delimiter: '"' });
  assert.equal(badDelim.status, 422);
  assert.equal(badDelim.json.error.field, 'delimiter');
  assert.match(badDelim.json.error.message, /不支持的分隔符/);

  const chosen = await upload(admin, 'p.csv', gbk, { encoding: 'gbk', delimiter: ';', entity: 'products' });
  assert.equal(chosen.status, 201, JSON.stringify(chosen.json));
  assert.equal(chosen.json.encoding, 'gbk');
  assert.equal(chosen.json.delimiter, ';');
  assert.deepEqual(chosen.json.columns.headers, ['code', 'name', 'category', 'launch_date', 'list_price', 'unit_cost']);
  assert.equal((await admin.req('POST', `/api/v1/imports/${chosen.json.id}/dry-run`, { entity: 'products' })).status, 202);
  const checked = await settle(admin, chosen.json.id);
  assert.equal(checked.state, 'checked', JSON.stringify(checked));
  assert.equal(checked.result.inserted, 1);
  assert.equal((await admin.req('POST', `/api/v1/imports/${chosen.json.id}/commit`)).status, 202);
  assert.equal((await settle(admin, chosen.json.id)).state, 'committed');
  assert.deepEqual(products(), [{ name: '泰山', category: '平原', list_price: 10000 }]);

  // The same bytes detected: read as UTF-8, the name differs from what is stored (an update);
  // the dry run naming gbk finds the row unchanged. Nothing is committed here.
  const auto = await upload(admin, 'p.csv', gbk);
  assert.equal(auto.status, 201);
  assert.equal(auto.json.encoding, 'auto');
  assert.equal((await admin.req('POST', `/api/v1/imports/${auto.json.id}/dry-run`, { entity: 'products' })).status, 202);
  const detected = await settle(admin, auto.json.id);
  assert.deepEqual([detected.result.updated, detected.result.unchanged, detected.result.errors], [1, 0, 0]);
  const cols = await admin.get(`/api/v1/imports/${auto.json.id}/columns?entity=products&encoding=gbk&delimiter=%3B`);
  assert.equal(cols.status, 200);
  assert.equal((await admin.req('POST', `/api/v1/imports/${auto.json.id}/dry-run`, { entity: 'products', encoding: 'gb18030', delimiter: ';' })).status, 202);
  const right = await settle(admin, auto.json.id);
  assert.equal(right.encoding, 'gb18030');
  assert.deepEqual([right.result.updated, right.result.unchanged, right.result.errors], [0, 1, 0]);
  const wrongDelim = await admin.req('POST', `/api/v1/imports/${auto.json.id}/dry-run`, { entity: 'products', delimiter: 'tab' });
  assert.equal(wrongDelim.status, 202);
  const failed = await settle(admin, auto.json.id);
  assert.equal(failed.state, 'failed', 'one column "code;name;…": no column for the required fields');
  assert.equal(failed.delimiter, '\t');
  assert.equal(failed.error.field, 'map');
  assert.deepEqual(products(), [{ name: '泰山', category: '平原', list_price: 10000 }]);
});

test('mapping templates are saved, replaced by name and reused in a dry run', async () => {
  const code = contractCode(srv.db);
  const file = csv(['HT,RQ,JE', `${code},2026-06-05,7`]);  // headers nothing guesses
  const up = await upload(admin, 'odd.csv', file, { entity: 'payments' });
  assert.equal(up.status, 201);
  assert.ok(up.json.columns.fields.every((f) => f.column === null));
  const guessed = await admin.req('POST', `/api/v1/imports/${up.json.id}/dry-run`, { entity: 'payments' });
  assert.equal(guessed.status, 202);
  const failed = await settle(admin, up.json.id);
  assert.equal(failed.state, 'failed');
  assert.equal(failed.error.field, 'map');

  const mapping = [{ field: 'contract', column: 'HT' }, { field: 'date', column: 'RQ' }, { field: 'amount', column: 'XX' }];
  const saved = await admin.req('POST', '/api/v1/import-templates', { entity: 'payments', name: '财务系统回款', mapping });
  assert.equal(saved.status, 201, JSON.stringify(saved.json));
  mapping[2].column = 'JE';
  const replaced = await admin.req('POST', '/api/v1/import-templates', { entity: 'payments', name: ' 财务系统回款 ', mapping });
  assert.equal(replaced.status, 201);
  assert.equal(replaced.json.id, saved.json.id);
  const list = await admin.get('/api/v1/import-templates?entity=payments');
  assert.equal(list.json.templates.length, 1);
  assert.deepEqual(list.json.templates[0].mapping, mapping);
  assert.equal(q(srv.db, "SELECT COUNT(*) AS n FROM import_templates WHERE entity = 'payments'")[0].n, 1);
  const bad = await admin.req('POST', '/api/v1/import-templates', { entity: 'payments', name: 'x', mapping: [{ field: 'nope', column: 'A' }] });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'map.nope');

  const reuse = await admin.req('POST', `/api/v1/imports/${up.json.id}/dry-run`, { entity: 'payments', template: saved.json.id });
  assert.equal(reuse.status, 202, JSON.stringify(reuse.json));
  const ok = await settle(admin, up.json.id);
  assert.equal(ok.state, 'checked');
  assert.deepEqual([ok.result.inserted, ok.result.errors], [1, 0]);
  assert.deepEqual(ok.map, mapping);
  assert.equal((await admin.req('DELETE', `/api/v1/import-templates/${saved.json.id}`)).status, 204);
  assert.equal((await admin.get('/api/v1/import-templates?entity=payments')).json.templates.length, 0);
});

test('one import at a time (409), and a running or checked import can be cancelled', async () => {
  const code = contractCode(srv.db);
  // 150,000 distinct payments: long enough to be caught running.
  const rows = ['合同编号,回款日期,回款金额'];
  for (let i = 1; i <= 150000; ++i) rows.push(`${code},2026-06-0${1 + (i % 9)},${i}`);
  const big = await upload(admin, 'big.csv', csv(rows));
  assert.equal(big.status, 201);
  const other = await upload(admin, 'small.csv', csv(['合同编号,回款日期,回款金额', `${code},2026-06-02,5`]));
  const count = q(srv.db, 'SELECT COUNT(*) AS n FROM payments')[0].n;
  assert.equal((await admin.req('POST', `/api/v1/imports/${big.json.id}/dry-run`, { entity: 'payments' })).status, 202);
  const second = await admin.req('POST', `/api/v1/imports/${other.json.id}/dry-run`, { entity: 'payments' });
  assert.equal(second.status, 409);
  assert.equal(second.json.error.code, 'import_running');
  assert.match(second.json.error.message, /另一个导入正在进行/);
  const cancel = await admin.req('POST', `/api/v1/imports/${big.json.id}/cancel`);
  assert.equal(cancel.status, 200);
  const stopped = await settle(admin, big.json.id);
  assert.equal(stopped.state, 'cancelled');
  assert.equal(stopped.error.code, 'cancelled');

  // Cancelled after its dry run: the commit is refused and nothing is written.
  assert.equal((await admin.req('POST', `/api/v1/imports/${other.json.id}/dry-run`, { entity: 'payments' })).status, 202);
  assert.equal((await settle(admin, other.json.id)).state, 'checked');
  assert.equal((await admin.req('POST', `/api/v1/imports/${other.json.id}/cancel`)).status, 200);
  assert.equal((await admin.req('POST', `/api/v1/imports/${other.json.id}/commit`)).status, 409);
  assert.equal(q(srv.db, 'SELECT COUNT(*) AS n FROM payments')[0].n, count);
});

test('413 over --max-upload-mb, answered from the header, and the server goes on', async () => {
  const c = await loginAs(small.base, 'admin', 'en');
  const size = 1024 * 1024 + 1;
  // Only the header is sent: the answer must come before any of the body.
  const res = await new Promise((resolve, reject) => {
    const url = new URL(`${small.base}/api/v1/imports?name=big.csv`);
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST',
      headers: { 'Content-Length': size, Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Accept-Language': 'en' } }, (r) => {
      let body = '';
      r.on('data', (d) => { body += d; });
      r.on('end', () => { resolve({ status: r.statusCode, json: JSON.parse(body) }); req.destroy(); });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
  assert.equal(res.status, 413);
  assert.equal(res.json.error.code, 'upload_too_large');
  assert.match(res.json.error.message, /limit 1 MB/);
  // Under the limit it is taken, and other requests are not limited by it.
  const ok = await upload(c, 'fits.csv', csv(['合同编号,回款日期,回款金额', 'X,2026-06-01,1']));
  assert.equal(ok.status, 201);
  assert.equal((await c.get('/api/v1/me')).status, 200);
});

test('blank templates and exports per entity, in the format the import reads', async () => {
  const t = await fetch(`${srv.base}/api/v1/import-entities/payments/template?format=csv`, { headers: { Cookie: admin.cookie } });
  assert.equal(t.status, 200);
  const text = (await t.text()).replace(/^\ufeff/, '');
  assert.deepEqual(text.trim().split(/\r\n/), ['contract,date,amount', 'HT-2026-0001,2026-07-02,"300,000.00"']);
  const x = await fetch(`${srv.base}/api/v1/import-entities/customers/template?format=xlsx`, { headers: { Cookie: admin.cookie } });
  const file = path.join(dir, 'customers-template.xlsx');
  writeFileSync(file, Buffer.from(await x.arrayBuffer()));
  assert.equal(xlsxInlineCells(file)[0][0], 'code');
  const e = await fetch(`${srv.base}/api/v1/import-entities/regions/export?format=csv`, { headers: { Cookie: admin.cookie } });
  assert.equal(e.status, 200);
  const lines = (await e.text()).replace(/^\ufeff/, '').trim().split(/\r\n/);
  assert.equal(lines[0], 'name,parent');
  assert.equal(lines.length - 1, q(srv.db, 'SELECT COUNT(*) AS n FROM regions')[0].n);
  const entities = await admin.get('/api/v1/import-entities');
  assert.ok(entities.json.entities.some((x) => x.name === 'payments' && x.fields.length === 3));
  assert.equal((await admin.get('/api/v1/import-entities/planets/template?format=csv')).status, 422);
  assert.equal((await admin.get('/api/v1/import-entities/payments/export?format=pdf')).status, 422);
});
