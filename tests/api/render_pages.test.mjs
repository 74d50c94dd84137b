// `salesloop render --page P --as LOGIN` for every page a subscription can push (issue 14),
// as an executive, a manager and a rep, in zh-CN and en: the PDF opens (pdftotext), holds the
// page's title and a figure equal to that user's own API answer for the page, formatted by
// this file's own reading of docs/metrics.md "Money on screen"; for C1 and D2 the figure also
// equals SQL on the database (sqlite3). P4 is for executives and admins only, as the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { as, sql, subtree, AS_OF, DB, DB_URL } from './helpers.mjs';

const BIN = process.env.SALESLOOP_BIN;
const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-render-'));

// The report's figures as docs/metrics.md says money reads on screen: zh ≥ 1万 yuan in 万 with
// one decimal, en ≥ 1,000 yuan in K, else yuan with two decimals; 0 is "0"; ratios in percent
// with one decimal; thousands separators.
const sep = (s) => { const [i, f] = s.split('.'); return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? '.' + f : ''); };
const fixed = (v, d) => (v < 0 ? '-' : '') + sep(Math.abs(v).toFixed(d));
function money(fen, lang) {
  if (fen === 0) return '0';
  const yuan = fen / 100;
  if (lang === 'zh-CN' && Math.abs(yuan) >= 1e4) return fixed(yuan / 1e4, 1) + '万';
  if (lang === 'en' && Math.abs(yuan) >= 1e3) return fixed(yuan / 1e3, 1) + 'K';
  return fixed(yuan, 2);
}
const percent = (r) => fixed(r * 100, 1) + '%';
const count = (n) => fixed(n, 0);

const last = (a) => a[a.length - 1];
// page → [its API path, title zh-CN, title en, (answer, lang) → a figure the report shows]
const PAGES = {
  'do/cockpit': ['/api/v1/do/cockpit', '销售综合管理看板', 'Rep cockpit', (a, l) => money(a.cards[0].collection.actual, l)],
  'do/process': ['/api/v1/do/process', '业绩完成过程看板', 'Performance process', (a, l) => money(a.totals[0].amount, l)],
  'check/review': ['/api/v1/check/review', '销售结果复盘分析', 'Sales review', (a, l) => money(a.totals.sales, l)],
  'check/rfm': ['/api/v1/check/rfm', '客户价值分析', 'Customer value (RFM)', (a, l) => money(a.amount, l)],
  'check/churn': ['/api/v1/check/churn', '客户分级流失分析', 'Customer classes & churn', (a) => percent(last(a.flow).churn_rate)],
  'check/products': ['/api/v1/check/products', '产品市场预警管理', 'Product warnings', (a, l) => money(a.totals.sales, l)],
  'plan/market': ['/api/v1/plan/market', '市场规模及占有率分析', 'Market size & share', (a, l) => money(a.totals.market, l)],
  'plan/competitors': ['/api/v1/plan/competitors', '同行业同类型竞品分析', 'Competitor analysis', (a, l) => money(a.focus.market, l)],
  'plan/funnel': ['/api/v1/plan/funnel', '商机数量变化趋势分析', 'Opportunity trend & funnel', (a, l) => money(a.open_pipeline.amount, l)],
  'plan/finance': ['/api/v1/plan/finance', '营业收入各项指标分析', 'Financial indicators',
    (a, l) => money(a.ytd.lines.find((x) => x.code === 'revenue').ytd, l)],
  'plan/forecasts': ['/api/v1/plan/forecasts', '月度销售目标预测', 'Monthly sales forecast', (a) => a.lock_date],
  'plan/suggestion': ['/api/v1/plan/suggestion', '目标建议', 'Target suggestion', (a, l) => money(a.suggested, l)],
  act: ['/api/v1/act/stats', '会议执行统计', 'Meeting figures', (a) => percent(a.overall.closure_rate)],
};

function render(login, page, lang) {
  const out = path.join(dir, `${page.replace('/', '_')}-${login}-${lang}.pdf`);
  const r = spawnSync(BIN, ['render', '--db', DB_URL, '--as', login, '--page', page, '--param', `as_of=${AS_OF}`,
    '--lang', lang, '--format', 'pdf', '--out', out], { encoding: 'utf8' });
  return { ...r, out };
}
// pdftotext's lines, spaces and line breaks squeezed out (a figure never spans lines).
const pdfText = (file) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

const roles = ['executive', 'manager', 'rep'];
const clients = {};
// Long CLI renders leave the HTTP connection idle; a pooled socket the server has closed fails
// its next fetch once ("fetch failed"), so the first request after them is tried again.
const again = async (f) => { try { return await f(); } catch (e) { if (e.message !== 'fetch failed') throw e; return f(); } };
const client = async (role) => (clients[role] ??= await again(() => as(role)));

for (const [page, [api, zh, en, fig]] of Object.entries(PAGES)) {
  test(`render ${page} as executive, manager and rep in zh-CN and en: the title and the user's own figure`, async () => {
    for (const role of roles) {
      const c = await client(role);
      const answer = await again(() => c.get(`${api}?as_of=${AS_OF}`));
      for (const lang of ['zh-CN', 'en']) {
        const r = render(c.user.login, page, lang);
        if (answer.status === 403) {  // P4 for a manager or a rep: refused as the page refuses
          assert.notEqual(r.status, 0, `${page} ${role}`);
          assert.match(r.stderr, /无权访问|not allowed/);
          continue;
        }
        assert.equal(answer.status, 200, `${page} ${role}: ${JSON.stringify(answer.json)}`);
        assert.equal(r.status, 0, `${page} ${role} ${lang}: ${r.stderr}`);
        assert.ok(statSync(r.out).size > 1000, 'a PDF');
        const text = pdfText(r.out);
        assert.ok(text.includes(lang === 'en' ? en : zh), `${page} ${role} ${lang}: the title in\n${text.slice(0, 300)}`);
        const want = fig(answer.json, lang);
        assert.ok(text.includes(want), `${page} ${role} ${lang}: ${want} in\n${text.slice(0, 600)}`);
      }
    }
  });
}

// The recipient's sales in June through AS_OF straight from the contracts: the company's, the
// manager's 大区 subtree's (by the rep's region), the rep's own.
function juneSales(user) {
  const when = `signed_date BETWEEN '2026-06-01' AND '${AS_OF}'`;
  if (user.role === 'rep') return sql(`SELECT COALESCE(SUM(amount), 0) AS v FROM contracts WHERE rep = ${user.rep} AND ${when}`)[0].v;
  if (user.role === 'manager')
    return sql(`${subtree()} SELECT COALESCE(SUM(c.amount), 0) AS v FROM contracts c JOIN reps p ON p.id = c.rep
      JOIN sub ON sub.id = p.region WHERE sub.top = ${user.region} AND c.${when}`)[0].v;
  return sql(`SELECT COALESCE(SUM(amount), 0) AS v FROM contracts WHERE ${when}`)[0].v;
}

test('C1 and D2 reports: the June sales figure equals SQL on the contracts, for each role and language', async () => {
  for (const role of roles) {
    const c = await client(role);
    const want = juneSales(c.user);
    assert.ok(want > 0, `${role} has June sales in the demo`);
    for (const page of ['check/review', 'do/process'])
      for (const lang of ['zh-CN', 'en']) {
        const r = render(c.user.login, page, lang);
        assert.equal(r.status, 0, r.stderr);
        assert.ok(pdfText(r.out).includes(money(want, lang)), `${page} ${role} ${lang}: ${money(want, lang)}`);
      }
  }
});

test('render: an unknown page is refused with the list of pages, in both languages', () => {
  const r = spawnSync(BIN, ['render', '--db', DB_URL, '--as', 'admin', '--page', 'no/such', '--out', path.join(dir, 'x.pdf')],
    { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /check\/review/);
  assert.match(r.stderr, /可推送的页面|the pages are/);
  assert.ok(readFileSync(DB).length > 0);
});

test("a condition may test the page's own metrics (C1 overdue_share), and only those", async () => {
  const admin = await client('admin');
  const rep = await client('rep');
  const body = (condition) => ({ page: 'check/review', params: {}, schedule: 'daily 08:00', recipients: { users: [rep.user.id] },
    channels: ['email'], formats: [], condition });
  // The rep's overdue share is a fraction ≤ 1: "> 2" never holds, "< 2" always does.
  const never = await again(() => admin.req('POST', '/api/v1/subscriptions', body({ metric: 'overdue_share', op: '>', value: 2 })));
  assert.equal(never.status, 201, JSON.stringify(never.json));
  const a = await admin.req('POST', `/api/v1/subscriptions/${never.json.id}/send`);
  assert.equal(a.status, 202);
  assert.equal(a.json.skipped, 1);
  const always = await admin.req('POST', '/api/v1/subscriptions', body({ metric: 'overdue_share', op: '<', value: 2 }));
  const b = await admin.req('POST', `/api/v1/subscriptions/${always.json.id}/send`);
  assert.equal(b.json.skipped, 0);
  // Another page's metric is refused on this one.
  const bad = await admin.req('POST', '/api/v1/subscriptions', body({ metric: 'churn_rate', op: '>', value: 0 }));
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'condition');
  for (const id of [never.json.id, always.json.id]) await admin.req('DELETE', `/api/v1/subscriptions/${id}`);
});
