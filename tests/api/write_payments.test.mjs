// 回款登记 POST /api/v1/payments: validation beside each field, scope (a contract outside the
// caller's answers as not found), one transaction with its audit row, and C1's and D1's
// receivable, overdue and aging figures changing at once (the Snapshot appends the payment).
// Expected values come from SQL on the database (the oracle). Runs after the read-only
// suites (file name order, like write_contracts): it adds payments to the shared database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, subtree, AS_OF } from './helpers.mjs';

const payments = () => sql('SELECT COUNT(*) AS n FROM payments')[0].n;

// Contracts of `where` with what they have open and overdue as of AS_OF, by SQL: the plan
// items due before AS_OF less everything paid (payments go to the oldest due first). Only
// contracts whose whole plan fell due before June, so no item is due in the days around AS_OF.
const overdueContracts = (where) => sql(`SELECT k.id, k.rep, k.signed_date, k.amount,
    k.amount - coalesce((SELECT sum(amount) FROM payments WHERE contract = k.id), 0) AS open,
    (SELECT sum(amount) FROM payment_plan WHERE contract = k.id AND due_date < '${AS_OF}')
      - coalesce((SELECT sum(amount) FROM payments WHERE contract = k.id AND date <= '${AS_OF}'), 0) AS overdue
  FROM contracts k WHERE ${where}
    AND (SELECT max(due_date) FROM payment_plan WHERE contract = k.id) < '2026-06-01'
    AND NOT EXISTS (SELECT 1 FROM payments WHERE contract = k.id AND date > '${AS_OF}')
  ORDER BY k.id`).filter((k) => k.overdue > 10000);

const review = async (c) => (await c.get(`/api/v1/check/review?as_of=${AS_OF}&period=2026-Q2`)).json;
const cockpit = async (c) => (await c.get(`/api/v1/do/cockpit?as_of=${AS_OF}`)).json;
const agingSum = (r) => Object.values(r.aging).reduce((a, b) => a + b, 0);

test('a rep records a payment: stored with its audit row; C1 and D1 overdue, receivables and aging change at once', async () => {
  const rep = await as('rep');
  const [k] = overdueContracts(`k.rep = ${rep.user.rep}`);
  assert.ok(k, 'the rep has an overdue contract');
  const [c1, d1] = [await review(rep), await cockpit(rep)];
  const pay = Math.floor(k.overdue / 2);
  const r = await rep.req('POST', '/api/v1/payments', { contract: k.id, date: AS_OF, amount: pay });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.snapshot.incremental, true, 'appended to the Snapshot, not rebuilt');
  assert.deepEqual(sql(`SELECT contract, date, amount FROM payments WHERE id = ${r.json.id}`),
    [{ contract: k.id, date: AS_OF, amount: pay }]);
  const [audit] = sql(`SELECT "user", new_value FROM audit_log WHERE entity = 'payment' AND entity_key = '${r.json.id}'`);
  assert.equal(audit.user, rep.user.id);
  assert.match(audit.new_value, new RegExp(`^contract ${k.id} ${AS_OF} ${pay}$`));

  const [c1After, d1After] = [await review(rep), await cockpit(rep)];
  assert.equal(c1After.overdue, c1.overdue - pay);
  assert.equal(c1After.receivables, c1.receivables - pay);
  assert.equal(c1After.totals.collections, c1.totals.collections + pay);
  assert.equal(agingSum(c1After), c1After.overdue, 'the aging buckets hold the overdue');
  assert.equal(agingSum(c1After), agingSum(c1) - pay);
  assert.equal(d1After.overdue_total, d1.overdue_total - pay);
  const row = d1After.overdue.find((x) => x.contract === k.id);
  assert.equal(row.overdue, k.overdue - pay);

  // The whole rest of what is overdue: the contract leaves D1's overdue list.
  const rest = await rep.req('POST', '/api/v1/payments', { contract: k.id, date: AS_OF, amount: k.overdue - pay });
  assert.equal(rest.status, 201, JSON.stringify(rest.json));
  const d1Paid = await cockpit(rep);
  assert.equal(d1Paid.overdue_total, d1.overdue_total - k.overdue);
  assert.equal(d1Paid.overdue.find((x) => x.contract === k.id), undefined);
});

test('bad payments are 422 naming the field, bilingual; nothing is written', async () => {
  const rep = await as('rep');
  const [k] = overdueContracts(`k.rep = ${rep.user.rep}`);
  const n = payments();
  const good = { contract: k.id, date: AS_OF, amount: 100 };
  const cases = [
    [{ contract: undefined }, 'contract'],
    [{ contract: 'x' }, 'contract'],
    [{ date: undefined }, 'date'],
    [{ date: '2026-02-30' }, 'date'],
    [{ date: '2026-06-16' }, 'date'],  // after today
    [{ date: '2000-01-01' }, 'date'],  // before the contract was signed
    [{ amount: undefined }, 'amount'],
    [{ amount: 0 }, 'amount'],
    [{ amount: -5 }, 'amount'],
    [{ amount: 1.5 }, 'amount'],
    [{ amount: k.open + 1 }, 'amount'],  // more than is open
  ];
  for (const [over, field] of cases) {
    const r = await rep.req('POST', '/api/v1/payments', { ...good, ...over });
    assert.equal(r.status, 422, `${field} ${JSON.stringify(over)}: ${JSON.stringify(r.json)}`);
    assert.equal(r.json.error.field, field);
    assert.match(r.json.error.message, /[\u4e00-\u9fff]/, 'zh-CN by default');
  }
  rep.lang = 'en';
  const en = await rep.req('POST', '/api/v1/payments', { ...good, amount: k.open + 1 });
  assert.equal(en.json.error.field, 'amount');
  assert.match(en.json.error.message, /more than the contract has open/);
  assert.equal(payments(), n);
});

test('scope: a rep pays only their own contracts, a manager their region\'s; others answer as not found', async () => {
  const rep = await as('rep');
  const mgr = await as('manager');
  const n = payments();
  const [other] = overdueContracts(`k.rep <> ${rep.user.rep}`);
  const r = await rep.req('POST', '/api/v1/payments', { contract: other.id, date: AS_OF, amount: 100 });
  assert.equal(r.status, 404);
  const none = await rep.req('POST', '/api/v1/payments', { contract: 99999999, date: AS_OF, amount: 100 });
  assert.equal(none.status, 404);
  assert.equal(none.json.error.field, 'contract');
  const inRegion = `k.rep IN (SELECT r.id FROM reps r WHERE r.region IN (${subtree(mgr.user.region)} SELECT id FROM sub))`;
  const outside = overdueContracts(`NOT (${inRegion})`)[0];
  assert.equal((await mgr.req('POST', '/api/v1/payments', { contract: outside.id, date: AS_OF, amount: 100 })).status, 404);
  assert.equal(payments(), n, 'nothing written');
  const mine = overdueContracts(`${inRegion} AND k.rep <> ${rep.user.rep}`)[0];
  const ok = await mgr.req('POST', '/api/v1/payments', { contract: mine.id, date: AS_OF, amount: 100 });
  assert.equal(ok.status, 201, JSON.stringify(ok.json));
  const e = await as('executive');
  const c1 = await review(e);
  const exec = await e.req('POST', '/api/v1/payments', { contract: outside.id, date: AS_OF, amount: 100 });
  assert.equal(exec.status, 201);
  assert.equal((await review(e)).totals.collections, c1.totals.collections + 100);
});
