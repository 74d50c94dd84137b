// 合同录入 POST /api/v1/contracts: validation, scope, one transaction, and the dashboards
// showing the contract at once (the Snapshot appends it; a backdated one makes it rebuild).
// Runs after the read-only suites (file name order): it adds contracts to the shared database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, AS_OF, contractBody as body } from './helpers.mjs';

const count = () => sql('SELECT COUNT(*) AS n FROM contracts')[0].n;

test('a rep enters a contract: stored with lines, plan and audit; the cockpit and D2 show it at once', async () => {
  const rep = await as('rep');
  const mgr = await as('manager');
  const card = async () => (await rep.get(`/api/v1/do/cockpit?as_of=${AS_OF}`)).json.cards[0].sales.actual;
  const d2 = async () => (await mgr.get(`/api/v1/do/process?period=2026-06&as_of=${AS_OF}`)).json.totals.find((m) => m.metric === 'sales').amount;
  const [before, d2Before] = [await card(), await d2()];
  const b = body(rep.user.rep);
  const r = await rep.req('POST', '/api/v1/contracts', b);
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.amount, 4500000);
  assert.equal(r.json.snapshot.incremental, true, 'appended to the Snapshot, not rebuilt');
  const [row] = sql(`SELECT code, rep, customer, signed_date, amount FROM contracts WHERE id = ${r.json.id}`);
  assert.deepEqual(row, { code: b.code, rep: rep.user.rep, customer: b.customer, signed_date: AS_OF, amount: 4500000 });
  assert.equal(sql(`SELECT COUNT(*) AS n FROM contract_lines WHERE contract = ${r.json.id}`)[0].n, 2);
  assert.equal(sql(`SELECT SUM(amount) AS s FROM payment_plan WHERE contract = ${r.json.id}`)[0].s, 4500000);
  assert.equal(sql(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'contract' AND entity_key = '${r.json.id}'`)[0].n, 1);
  assert.equal(await card(), before + 4500000);
  // The manager's region holds the rep (demo logins: rep.east1 under mgr.east).
  assert.equal(await d2(), d2Before + 4500000);
  // The engine and SQL agree on June's sales of the rep after the append.
  const [s] = sql(`SELECT SUM(amount) AS v FROM contracts WHERE rep = ${rep.user.rep} AND signed_date BETWEEN '2026-06-01' AND '${AS_OF}'`);
  assert.equal(await card(), s.v);
});

test('bad contracts are 422 naming the field, out of scope 403, and nothing is written', async () => {
  const rep = await as('rep');
  const n = count();
  const cases = [
    [{ lines: [{ product: 999999, qty: 1, amount: 100, cost: 0 }], plan: [{ due_date: '2026-07-01', amount: 100 }] }, 'lines[0].product'],
    [{ plan: [{ due_date: '2026-07-15', amount: 1 }] }, 'plan'],
    [{ signed_date: '2026-06-16' }, 'signed_date'],
    [{ signed_date: '2026-02-30' }, 'signed_date'],
    [{ plan: [{ due_date: '2026-06-01', amount: 4500000 }] }, 'plan[0].due_date'],
    [{ code: '' }, 'code'],
    [{ customer: 99999999 }, 'customer'],
    [{ lines: [] }, 'lines'],
    [{ lines: [{ product: sql('SELECT id FROM products LIMIT 1')[0].id, qty: 1, amount: -5, cost: 0 }] }, 'lines[0].amount'],
  ];
  for (const [over, field] of cases) {
    const r = await rep.req('POST', '/api/v1/contracts', body(rep.user.rep, over));
    assert.equal(r.status, 422, `${field}: ${JSON.stringify(r.json)}`);
    assert.equal(r.json.error.field, field);
  }
  // A code already taken.
  const [taken] = sql('SELECT code FROM contracts ORDER BY id LIMIT 1');
  const dup = await rep.req('POST', '/api/v1/contracts', body(rep.user.rep, { code: taken.code }));
  assert.equal(dup.status, 422);
  assert.equal(dup.json.error.field, 'code');
  // Malformed JSON, English message.
  const bad = await rep.req('POST', '/api/v1/contracts', '{"code":', { raw: true });
  assert.equal(bad.status, 400);
  // Another rep's book: 403.
  const [other] = sql(`SELECT id FROM reps WHERE id <> ${rep.user.rep} ORDER BY id LIMIT 1`);
  assert.equal((await rep.req('POST', '/api/v1/contracts', body(other.id))).status, 403);
  // Without the CSRF header: 403.
  assert.equal((await rep.req('POST', '/api/v1/contracts', body(rep.user.rep), { csrf: false })).status, 403);
  assert.equal(count(), n, 'nothing written');
});

test('a backdated contract is inserted into the Snapshot (no rebuild) and the figures are right', async () => {
  const exec = await as('executive');
  const may = async () => (await exec.get(`/api/v1/do/process?period=2026-05&as_of=${AS_OF}`)).json.totals.find((m) => m.metric === 'sales').amount;
  const before = await may();
  const [rep] = sql(`SELECT r.id FROM reps r WHERE r.leave_date IS NULL AND EXISTS (SELECT 1 FROM customers c
    JOIN contracts k ON k.customer = c.id WHERE c.owner_rep = r.id AND k.signed_date < '2026-05-20') ORDER BY r.id LIMIT 1`);
  const [cust] = sql(`SELECT c.id FROM customers c WHERE c.owner_rep = ${rep.id}
    AND (SELECT MIN(signed_date) FROM contracts WHERE customer = c.id) < '2026-05-20' ORDER BY c.id LIMIT 1`);
  const r = await exec.req('POST', '/api/v1/contracts', body(rep.id, { signed_date: '2026-05-20', customer: cust.id }));
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.snapshot.incremental, true, 'inserted, not rebuilt');
  assert.equal(await may(), before + 4500000);
  const [s] = sql(`SELECT SUM(amount) AS v FROM contracts WHERE signed_date BETWEEN '2026-05-01' AND '2026-05-31'`);
  assert.equal(await may(), s.v);
});

test('a contract before its customer\'s first contract moves that first contract, still without a rebuild', async () => {
  const exec = await as('executive');
  // A customer whose first contract is in June 2026, owned by an active rep hired before May.
  const [c] = sql(`SELECT c.id, c.owner_rep AS rep, MIN(k.signed_date) AS first FROM customers c JOIN contracts k ON k.customer = c.id
    JOIN reps r ON r.id = c.owner_rep WHERE r.leave_date IS NULL AND r.hire_date < '2026-04-01'
    GROUP BY c.id HAVING MIN(k.signed_date) BETWEEN '2026-06-01' AND '${AS_OF}' ORDER BY c.id LIMIT 1`);
  assert.ok(c, 'the demo (seed 3) has such a customer');
  const newCustomers = async (period) => (await exec.get(`/api/v1/do/leaderboard?period=${period}&as_of=${AS_OF}&metric=new_customers`))
    .json.reps.find((r) => r.id === c.rep).value;
  // The oracle: customers whose first contract (earliest date, then lowest id) falls in the month, by that contract's rep.
  const firstIn = (from, to) => sql(`SELECT COUNT(*) AS n FROM contracts k WHERE k.rep = ${c.rep} AND k.signed_date BETWEEN '${from}' AND '${to}'
    AND NOT EXISTS (SELECT 1 FROM contracts e WHERE e.customer = k.customer AND (e.signed_date < k.signed_date OR (e.signed_date = k.signed_date AND e.id < k.id)))`)[0].n;
  const r = await exec.req('POST', '/api/v1/contracts', body(c.rep, { signed_date: '2026-05-10', customer: c.id }));
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.snapshot.incremental, true, 'the first-contract row moves in place: no rebuild');
  const [s] = sql(`SELECT SUM(amount) AS v FROM contracts WHERE signed_date BETWEEN '2026-05-01' AND '2026-05-31'`);
  const may = (await exec.get(`/api/v1/do/process?period=2026-05&as_of=${AS_OF}`)).json.totals.find((m) => m.metric === 'sales').amount;
  assert.equal(may, s.v);
  assert.equal(await newCustomers('2026-05'), firstIn('2026-05-01', '2026-05-31'));
  assert.equal(await newCustomers('2026-06'), firstIn('2026-06-01', '2026-06-30'));
});

test('ids in the body are checked against the caller\'s scope: another book\'s customer or opportunity is "no such"', async () => {
  const rep = await as('rep');
  const n = count();
  const [foreign] = sql(`SELECT c.id FROM customers c JOIN reps r ON r.id = c.owner_rep
    WHERE c.owner_rep <> ${rep.user.rep} AND r.region NOT IN (SELECT region FROM reps WHERE id = ${rep.user.rep}) ORDER BY c.id LIMIT 1`);
  let r = await rep.req('POST', '/api/v1/contracts', body(rep.user.rep, { customer: foreign.id }));
  assert.equal(r.status, 422, JSON.stringify(r.json));
  assert.equal(r.json.error.field, 'customer');
  // The same answer as for an id that does not exist: nothing tells the two apart.
  const none = await rep.req('POST', '/api/v1/contracts', body(rep.user.rep, { customer: 99999999 }));
  assert.equal(r.json.error.message.replace(String(foreign.id), 'N'), none.json.error.message.replace('99999999', 'N'));
  const [opp] = sql(`SELECT id FROM opportunities WHERE rep <> ${rep.user.rep} ORDER BY id LIMIT 1`);
  r = await rep.req('POST', '/api/v1/contracts', body(rep.user.rep, { opportunity: opp.id }));
  assert.equal(r.status, 422);
  assert.equal(r.json.error.field, 'opportunity');
  // Their own opportunity of another customer of theirs.
  const [own] = sql(`SELECT o.id FROM opportunities o WHERE o.rep = ${rep.user.rep}
    AND o.customer <> (SELECT id FROM customers WHERE owner_rep = ${rep.user.rep} ORDER BY id LIMIT 1) ORDER BY o.id LIMIT 1`);
  if (own) {
    r = await rep.req('POST', '/api/v1/contracts', body(rep.user.rep, { opportunity: own.id }));
    assert.equal(r.status, 422);
    assert.equal(r.json.error.field, 'opportunity');
  }
  assert.equal(count(), n, 'nothing written');
});

test('contract codes are one key: case and surrounding spaces do not make a new contract', async () => {
  const rep = await as('rep');
  const b = body(rep.user.rep, { code: `Case-${Date.now()}` });
  assert.equal((await rep.req('POST', '/api/v1/contracts', b)).status, 201);
  const n = count();
  for (const code of [b.code.toLowerCase(), b.code.toUpperCase(), `${b.code} `, `  ${b.code}`]) {
    const r = await rep.req('POST', '/api/v1/contracts', body(rep.user.rep, { code }));
    assert.equal(r.status, 422, code);
    assert.equal(r.json.error.field, 'code');
  }
  assert.equal(count(), n);
  // Stored trimmed.
  const t = body(rep.user.rep, { code: `  Trim-${Date.now()} ` });
  const r = await rep.req('POST', '/api/v1/contracts', t);
  assert.equal(sql(`SELECT code FROM contracts WHERE id = ${r.json.id}`)[0].code, t.code.trim());
});

test('a code over 40 characters as typed is 422 on code, and nothing is written', async () => {
  const rep = await as('rep');
  const n = count();
  // 39 letters and two spaces: 41 as typed, 39 once trimmed. The limit is on what was typed.
  for (const code of ['X'.repeat(41), ` ${'Y'.repeat(39)} `]) {
    const r = await rep.req('POST', '/api/v1/contracts', body(rep.user.rep, { code }));
    assert.equal(r.status, 422, JSON.stringify(r.json));
    assert.equal(r.json.error.field, 'code');
    assert.equal(r.json.error.message.length > 0, true);
  }
  assert.equal(count(), n, 'nothing written');
});
