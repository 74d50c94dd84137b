// 客户档案 downloads (?format=json|csv|xlsx&table=contracts|lines|payments|opportunities): every
// cell against SQL over the same database (the sqlite3 shell), for the executive (every
// contract of the customer) and a rep (their own book of their own customer); the customer
// code and lost reason of the profile; bad table → 422.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql } from './helpers.mjs';

const AS_OF = '2026-06-15';
const STAGE_EN = { lead: 'Lead', qualified: 'Qualified', proposal: 'Proposal', bidding: 'Bidding', negotiation: 'Negotiation', won: 'Won', lost: 'Lost' };
const byText = (a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

function expected(id, rep) {
  const book = `k.customer = ${id} AND k.signed_date <= '${AS_OF}'${rep ? ` AND k.rep = ${rep}` : ''}`;
  const contracts = sql(`SELECT k.code, k.signed_date, r.name AS rep, k.amount,
      COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.contract = k.id AND p.date <= '${AS_OF}'), 0) AS paid
    FROM contracts k JOIN reps r ON r.id = k.rep WHERE ${book} ORDER BY k.signed_date DESC, k.id DESC`)
    .map((x) => ({ ...x, receivable: x.amount - x.paid }));
  const lines = sql(`SELECT k.code AS contract, p.name AS product, p.category, l.qty, l.amount FROM contract_lines l
    JOIN contracts k ON k.id = l.contract JOIN products p ON p.id = l.product WHERE ${book}`);
  const payments = sql(`SELECT k.code AS contract, p.date, p.amount FROM payments p JOIN contracts k ON k.id = p.contract
    WHERE ${book} AND p.date <= '${AS_OF}'`);
  const opportunities = sql(`SELECT o.id, o.category, r.name AS rep, o.amount, o.created, o.expected_close,
      (SELECT e.stage FROM opportunity_stage_events e WHERE e.opportunity = o.id AND e.date <= '${AS_OF}' ORDER BY e.date DESC, e.seq DESC LIMIT 1) AS stage,
      CASE WHEN o.closed <= '${AS_OF}' THEN o.closed END AS closed
    FROM opportunities o JOIN reps r ON r.id = o.rep WHERE o.customer = ${id} AND o.created <= '${AS_OF}'${rep ? ` AND o.rep = ${rep}` : ''}
    ORDER BY o.created DESC, o.id`).map((o) => ({ ...o, stage: STAGE_EN[o.stage] ?? null }));
  return { contracts, lines, payments, opportunities };
}

async function download(c, id, table, format = 'json') {
  const r = await c.get(`/api/v1/customers/${id}?as_of=${AS_OF}&format=${format}&table=${table}&lang=en`);
  assert.equal(r.status, 200, `${table} ${format}`);
  return r.json;
}

async function compare(c, id, rep) {
  const want = expected(id, rep);
  const page = (await c.get(`/api/v1/customers/${id}?as_of=${AS_OF}`)).json;
  const contracts = (await download(c, id, 'contracts')).rows;
  assert.equal(contracts.length, page.contracts_total);
  assert.deepEqual(contracts.map(({ overdue, max_days, ...x }) => x), want.contracts, `contracts of ${id}`);
  // Overdue applies the payments to the oldest instalment first (checked against the oracle in
  // check_review.test.mjs): the file says what the page says.
  page.contracts.forEach((k, i) => {
    assert.equal(contracts[i].overdue, k.overdue);
    assert.equal(contracts[i].max_days, k.max_days);
  });
  assert.deepEqual((await download(c, id, 'lines')).rows.sort(byText), want.lines.sort(byText), `lines of ${id}`);
  assert.deepEqual((await download(c, id, 'payments')).rows.sort(byText), want.payments.sort(byText), `payments of ${id}`);
  const opps = (await download(c, id, 'opportunities')).rows;
  assert.equal(opps.length, page.opportunities_total);
  assert.deepEqual(opps, want.opportunities, `opportunities of ${id}`);
  return want;
}

test('customer profile: code, lost reason and every export cell equal SQL (executive and rep)', async () => {
  const e = await as('executive');
  // The customer with the most contracts (lines, payments and opportunities to compare).
  const [busy] = sql(`SELECT customer AS id FROM contracts WHERE signed_date <= '${AS_OF}' GROUP BY customer ORDER BY COUNT(*) DESC, customer LIMIT 1`);
  const want = await compare(e, busy.id);
  assert.ok(want.contracts.length > 1 && want.lines.length > 0 && want.payments.length > 0);
  const p = (await e.get(`/api/v1/customers/${busy.id}?as_of=${AS_OF}`)).json;
  const [row] = sql(`SELECT code, lost_reason FROM customers WHERE id = ${busy.id}`);
  assert.equal(p.code, row.code);
  assert.equal(p.lost_reason, row.lost_reason || null);
  const [lost] = sql("SELECT id, code, lost_reason FROM customers WHERE lost_reason <> '' ORDER BY id LIMIT 1");
  if (lost) assert.equal((await e.get(`/api/v1/customers/${lost.id}?as_of=${AS_OF}`)).json.lost_reason, lost.lost_reason);

  const rep = await as('rep');
  const [own] = sql(`SELECT k.customer AS id FROM contracts k JOIN customers c ON c.id = k.customer
    WHERE c.owner_rep = ${rep.user.rep} AND k.rep = ${rep.user.rep} AND k.signed_date <= '${AS_OF}'
    GROUP BY k.customer ORDER BY COUNT(*) DESC, k.customer LIMIT 1`);
  await compare(rep, own.id, rep.user.rep);
});

test('customer profile downloads: CSV and XLSX files, 422 on an unknown table, 404 out of scope', async () => {
  const e = await as('executive');
  const [busy] = sql(`SELECT customer AS id FROM contracts GROUP BY customer ORDER BY COUNT(*) DESC, customer LIMIT 1`);
  const csv = await e.req('GET', `/api/v1/customers/${busy.id}?as_of=${AS_OF}&format=csv&table=lines&lang=en`);
  assert.equal(csv.status, 200);
  const text = typeof csv.json === 'string' ? csv.json : '';
  const [{ n }] = sql(`SELECT COUNT(*) AS n FROM contract_lines l JOIN contracts k ON k.id = l.contract WHERE k.customer = ${busy.id} AND k.signed_date <= '${AS_OF}'`);
  assert.equal(text.trim().split('\n').length - 1, n);
  assert.match(text.split('\n')[0], /Contract.*Product.*Category.*Quantity.*Amount/);
  const xlsx = await e.req('GET', `/api/v1/customers/${busy.id}?as_of=${AS_OF}&format=xlsx&table=contracts`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  const bad = await e.get(`/api/v1/customers/${busy.id}?format=json&table=nope`);
  assert.equal(bad.status, 422);
  assert.equal(bad.json.error.field, 'table');
  const fmt = await e.get(`/api/v1/customers/${busy.id}?format=pdf&table=contracts`);
  assert.equal(fmt.status, 422);
  assert.equal(fmt.json.error.field, 'format');
  const rep = await as('rep');
  const [foreign] = sql(`SELECT id FROM customers WHERE owner_rep <> ${rep.user.rep} ORDER BY id LIMIT 1`);
  assert.equal((await rep.get(`/api/v1/customers/${foreign.id}?format=json&table=contracts`)).status, 404);
});
