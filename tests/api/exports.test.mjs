// Every downloadable table of every page, in both languages and all three formats, from the one
// column spec per table (src/present/): headers with the unit, money in yuan in files and in fen
// in JSON, and the JSON form's rows agreeing with the CSV's. Expected headers written by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, BASE } from './helpers.mjs';

const AS_OF = '2026-06-15';
const TABLES = [
  ['/api/v1/do/process?period=2026-05', ['totals', 'regions', 'reps', 'trend', 'anomalies']],
  ['/api/v1/do/leaderboard?period=2026-05', ['reps', 'regions']],
  ['/api/v1/do/leaderboard?period=2026-05&metric=win_rate', ['reps']],
  ['/api/v1/do/per-capita?months=6', ['per_capita']],
];

// (fetch's text() drops the BOM; the first test reads the bytes.)
function csvRows(text) {
  return text.replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
}

test('every table downloads in both languages as CSV, XLSX and JSON', async () => {
  const c = await as('executive');
  for (const [url, tables] of TABLES)
    for (const table of tables)
      for (const lang of ['zh-CN', 'en']) {
        const base = `${url}&as_of=${AS_OF}&table=${table}&lang=${lang}`;
        const csv = await c.get(`${base}&format=csv`);
        assert.equal(csv.status, 200, `${base} csv`);
        const json = await c.get(`${base}&format=json`);
        assert.equal(json.status, 200, `${base} json`);
        const rows = csvRows(String(csv.json));
        assert.deepEqual(json.json.columns.map((col) => col.header), rows[0].map((h) => h), `${base}: same headers`);
        assert.equal(json.json.rows.length, rows.length - 1, `${base}: same rows`);
        const bytes = Buffer.from(await (await fetch(`${BASE}${base}&format=xlsx`, { headers: { Cookie: c.cookie } })).arrayBuffer());
        assert.equal(bytes.subarray(0, 2).toString(), 'PK', `${base} xlsx`);
        const raw = Buffer.from(await (await fetch(`${BASE}${base}&format=csv`, { headers: { Cookie: c.cookie } })).arrayBuffer());
        assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV starts with a BOM');
      }
});

test('headers name the metric and the unit; money is yuan in files and fen in JSON', async () => {
  const c = await as('executive');
  const zh = csvRows(String((await c.get(`/api/v1/do/process?period=2026-05&as_of=${AS_OF}&table=totals&format=csv&lang=zh-CN`)).json));
  assert.deepEqual(zh[0].slice(0, 8), ['范围', '中标·金额(元)', '中标·数量', '中标·目标', '中标·完成率', '中标·同比', '中标·环比', '签单·金额(元)']);
  assert.equal(zh[1][0], '合计');
  const en = csvRows(String((await c.get(`/api/v1/do/process?period=2026-05&as_of=${AS_OF}&table=totals&format=csv&lang=en`)).json));
  assert.deepEqual(en[0].slice(7, 10), ['Contracts · Amount (yuan)', 'Contracts · Count', 'Contracts · Target (yuan)']);
  assert.equal(en[1][0], 'Total');
  // The company's May contracts, from the database: fen in JSON, yuan with two decimals in the CSV.
  const [{ v }] = sql(`SELECT SUM(amount) AS v FROM contracts WHERE signed_date BETWEEN '2026-05-01' AND '2026-05-31'`);
  const j = (await c.get(`/api/v1/do/process?period=2026-05&as_of=${AS_OF}&table=totals&format=json`)).json;
  assert.equal(j.rows[0].sales_amount, v);
  assert.equal(j.columns.find((col) => col.key === 'sales_amount').unit, 'money');
  assert.equal(en[1][7], (v / 100).toFixed(2));
  // A ranking's value column is named after its metric, not by a code.
  const board = csvRows(String((await c.get(`/api/v1/do/leaderboard?period=2026-05&as_of=${AS_OF}&metric=collections&table=reps&format=csv&lang=zh-CN`)).json));
  assert.deepEqual(board[0], ['名次', '名称', '大区', '回款额(元)', '上期名次', '名次变化']);
});

test('a growth on a tiny base reads 新增 / New or stays empty in files, never a huge percentage', async () => {
  const c = await as('executive');
  const page = (await c.get(`/api/v1/do/process?period=2026&as_of=${AS_OF}`)).json;
  const file = (await c.get(`/api/v1/do/process?period=2026&as_of=${AS_OF}&table=reps&format=json&lang=zh-CN`)).json;
  page.reps.forEach((rep, i) => {
    for (const [k, m] of rep.metrics.entries()) {
      const cell = file.rows[i][`${m.metric}_yoy`];
      if (m.yoy_basis === 'new') assert.equal(cell, '新增', `${rep.name} ${m.metric}`);
      else if (m.yoy_basis !== 'normal') assert.equal(cell, null, `${rep.name} ${m.metric} (${m.yoy_basis})`);
      else assert.ok(Math.abs(cell - m.yoy) < 1e-12);
      assert.equal(file.rows[i].name, rep.name, `row ${i} ${k}`);
    }
  });
});

test('an unknown format or table is a 422 naming the field', async () => {
  const c = await as('executive');
  const f = await c.get(`/api/v1/do/leaderboard?period=2026-05&format=pdf`);
  assert.equal(f.status, 422);
  assert.equal(f.json.error.field, 'format');
  const t = await c.get(`/api/v1/do/leaderboard?period=2026-05&format=csv&table=nope`);
  assert.equal(t.status, 422);
  assert.equal(t.json.error.field, 'table');
});
