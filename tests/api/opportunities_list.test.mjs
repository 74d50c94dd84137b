// 商机维护's list GET /api/v1/opportunities, its drawer GET …/{id} and the forms' pickers
// GET /api/v1/pickers/customers, …/products: the scope of each role (a rep their own, a manager
// the reps placed in their region subtree, an executive all), filters, search, sort and paging
// totals, recomputed with sqlite3 from the database file; 404 for ids and filters out of scope,
// 422 naming the parameter in zh-CN and en. Read-only (the writes are in write_opps_forms).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, Client, logins, sql, subtree, otherRegion } from './helpers.mjs';

// The opportunity ids a user may see, newest first (the list's own order), by SQL.
function scopeWhere(user) {
  if (user.role === 'rep') return `o.rep = ${user.rep}`;
  if (user.role === 'manager') return `o.rep IN (${subtree(user.region)} SELECT r.id FROM reps r WHERE r.region IN (SELECT id FROM sub))`;
  return '1 = 1';
}
const ids = (user, extra = '1 = 1', order = 'o.id DESC') =>
  sql(`SELECT o.id FROM opportunities o JOIN customers c ON c.id = o.customer WHERE ${scopeWhere(user)} AND ${extra} ORDER BY ${order}`).map((r) => r.id);

// Every row of the list for a query, page after page.
async function all(c, query = '') {
  const out = [];
  for (let page = 1; ; ++page) {
    const r = await c.get(`/api/v1/opportunities?page_size=200&page=${page}${query}`);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    out.push(...r.json.rows);
    if (out.length >= r.json.total || r.json.rows.length === 0) {
      assert.equal(out.length, r.json.total, 'the pages add up to the total');
      return out;
    }
  }
}

for (const role of ['rep', 'manager', 'executive']) {
  test(`${role}: the list holds exactly the opportunities in scope, newest first`, async () => {
    const c = await as(role);
    const want = ids(c.user);
    assert.ok(want.length > 0);
    assert.deepEqual((await all(c)).map((r) => r.id), want);
  });
}

test('filters match SQL: status, stage, customer, expected close month, search', async () => {
  const c = await as('manager');
  const u = c.user;
  const cases = [
    ['&status=open', "o.stage NOT IN ('won', 'lost')"],
    ['&status=won', "o.stage = 'won'"],
    ['&status=lost', "o.stage = 'lost'"],
    ['&stage=proposal', "o.stage = 'proposal'"],
    ['&close_month=2026-08', "substr(o.expected_close, 1, 7) = '2026-08'"],
  ];
  const [cust] = sql(`SELECT o.customer AS id, c.name, c.code FROM opportunities o JOIN customers c ON c.id = o.customer
    WHERE ${scopeWhere(u)} GROUP BY o.customer, c.name, c.code ORDER BY count(*) DESC LIMIT 1`);
  cases.push([`&customer=${cust.id}`, `o.customer = ${cust.id}`]);
  // Search: part of a customer's name, a customer code in lower case, an opportunity code.
  const part = [...cust.name].slice(2, 5).join('');
  cases.push([`&q=${encodeURIComponent(part)}`, `(instr(c.name, '${part}') > 0 OR instr(lower(c.code), lower('${part}')) > 0 OR instr(lower(o.code), lower('${part}')) > 0)`]);
  cases.push([`&q=${cust.code.toLowerCase()}`, `(instr(lower(c.code), '${cust.code.toLowerCase()}') > 0 OR instr(lower(o.code), '${cust.code.toLowerCase()}') > 0)`]);
  const [one] = sql(`SELECT o.code FROM opportunities o WHERE ${scopeWhere(u)} ORDER BY o.id LIMIT 1`);
  cases.push([`&q=${one.code.toLowerCase()}`, `instr(lower(o.code), '${one.code.toLowerCase()}') > 0`]);
  cases.push(['&status=open&close_month=2026-07', "o.stage NOT IN ('won', 'lost') AND substr(o.expected_close, 1, 7) = '2026-07'"]);
  for (const [query, where] of cases) {
    const want = ids(u, where);
    assert.ok(want.length > 0, `${query}: the demo has some`);
    assert.deepEqual((await all(c, query)).map((r) => r.id), want, query);
  }
  // A rep of the region as a filter.
  const [rep] = sql(`SELECT o.rep AS id FROM opportunities o WHERE ${scopeWhere(u)} GROUP BY o.rep ORDER BY o.rep LIMIT 1`);
  assert.deepEqual((await all(c, `&rep=${rep.id}`)).map((r) => r.id), ids(u, `o.rep = ${rep.id}`));
});

test('rows carry what the table shows, as stored', async () => {
  const c = await as('rep');
  const r = await c.get('/api/v1/opportunities?page_size=5');
  const want = sql(`SELECT o.id, o.code, o.customer, c.name AS customer_name, o.rep, o.category, o.amount, o.created,
    o.expected_close, o.stage, o.closed FROM opportunities o JOIN customers c ON c.id = o.customer
    WHERE o.rep = ${c.user.rep} ORDER BY o.id DESC LIMIT 5`);
  assert.deepEqual(r.json.rows.map((x) => ({
    id: x.id, code: x.code, customer: x.customer.id, customer_name: x.customer.name, rep: x.rep.id, category: x.category,
    amount: x.amount, created: x.created, expected_close: x.expected_close, stage: x.stage, closed: x.closed,
  })), want);
  assert.ok(r.json.options.reps.some((p) => p.id === c.user.rep), 'filter options of the scope');
});

test('paging and sorting on the server: totals, pages, order', async () => {
  const c = await as('executive');
  const want = ids(c.user);
  const p2 = await c.get('/api/v1/opportunities?page_size=7&page=2');
  assert.equal(p2.json.total, want.length);
  assert.equal(p2.json.page, 2);
  assert.equal(p2.json.page_size, 7);
  assert.deepEqual(p2.json.rows.map((r) => r.id), want.slice(7, 14));
  const past = await c.get(`/api/v1/opportunities?page_size=200&page=${Math.ceil(want.length / 200) + 1}`);
  assert.equal(past.status, 200);
  assert.deepEqual(past.json.rows, []);
  assert.equal(past.json.total, want.length);
  // Equal values keep the list's own order (newest first).
  const byAmount = await c.get('/api/v1/opportunities?page_size=30&sort=amount&order=desc');
  assert.deepEqual(byAmount.json.rows.map((r) => r.id), ids(c.user, '1 = 1', 'o.amount DESC, o.id DESC').slice(0, 30));
  const byClose = await c.get('/api/v1/opportunities?page_size=30&page=3&sort=expected_close&order=asc');
  assert.deepEqual(byClose.json.rows.map((r) => r.id), ids(c.user, '1 = 1', 'o.expected_close ASC, o.id DESC').slice(60, 90));
  assert.equal(byClose.json.sort, 'expected_close');
  assert.equal(byClose.json.order, 'asc');
});

test('ids and filters outside the scope are 404; bad parameters 422 naming them, in both languages', async () => {
  const rep = await as('rep');
  const [other] = sql(`SELECT id, rep, customer FROM opportunities WHERE rep <> ${rep.user.rep} ORDER BY id LIMIT 1`);
  for (const [path, field] of [
    [`/api/v1/opportunities/${other.id}`, 'id'],
    ['/api/v1/opportunities/999999999', 'id'],
    [`/api/v1/opportunities?rep=${other.rep}`, 'rep'],
  ]) {
    const r = await rep.get(path);
    assert.equal(r.status, 404, path);
    assert.equal(r.json.error.field, field, path);
  }
  const move = await rep.req('POST', `/api/v1/opportunities/${other.id}/stage`, { stage: 'lost', lost_reason: 'x' });
  assert.equal(move.status, 404, 'a write on one out of scope');
  assert.equal(sql(`SELECT count(*) AS n FROM opportunity_stage_events WHERE opportunity = ${other.id} AND stage = 'lost' AND date = '2026-06-15'`)[0].n, 0);
  // A manager naming a customer of another region's book.
  const mgr = await as('manager');
  const away = otherRegion(mgr.user.region).id;
  const [cust] = sql(`${subtree(away)} SELECT c.id FROM customers c JOIN reps r ON r.id = c.owner_rep
    WHERE c.region IN (SELECT id FROM sub) AND r.region IN (SELECT id FROM sub) ORDER BY c.id LIMIT 1`);
  const r = await mgr.get(`/api/v1/opportunities?customer=${cust.id}`);
  assert.equal(r.status, 404);
  assert.equal(r.json.error.field, 'customer');

  const u = logins().rep[0];
  for (const [lang, words] of [['zh-CN', /阶段/], ['en', /stage/]]) {
    const c = new Client(lang);
    await c.login(u.login, u.password);
    for (const [query, field] of [
      ['stage=bogus', 'stage'], ['status=closed', 'status'], ['close_month=2026-13', 'close_month'],
      ['page_size=0', 'page_size'], ['page=x', 'page'], ['sort=bogus', 'sort'], ['order=up', 'order'], ['rep=abc', 'rep'],
    ]) {
      const x = await c.get(`/api/v1/opportunities?${query}`);
      assert.equal(x.status, 422, query);
      assert.equal(x.json.error.field, field, query);
    }
    const s = await c.get('/api/v1/opportunities?stage=bogus');
    assert.match(s.json.error.message, words, lang);
  }
});

test('the drawer: history and lost reason as stored, the stages it may move to', async () => {
  const c = await as('executive');
  const [lost] = sql("SELECT id, lost_reason, closed FROM opportunities WHERE stage = 'lost' AND lost_reason <> '' ORDER BY id LIMIT 1");
  const r = await c.get(`/api/v1/opportunities/${lost.id}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.lost_reason, lost.lost_reason);
  assert.equal(r.json.closed, lost.closed);
  assert.deepEqual(r.json.next_stages, []);
  assert.deepEqual(r.json.history, sql(`SELECT stage, date FROM opportunity_stage_events WHERE opportunity = ${lost.id} ORDER BY date, seq`));
  const [open] = sql("SELECT id FROM opportunities WHERE stage = 'proposal' ORDER BY id LIMIT 1");
  assert.deepEqual((await c.get(`/api/v1/opportunities/${open.id}`)).json.next_stages, ['bidding', 'negotiation', 'won', 'lost']);
});

test('pickers: customers in scope (searched, paged), every product with its unit cost', async () => {
  const rep = await as('rep');
  const mine = sql(`SELECT id FROM customers WHERE owner_rep = ${rep.user.rep} ORDER BY id`).map((r) => r.id);
  const r = await rep.get('/api/v1/pickers/customers?page_size=200');
  assert.equal(r.json.total, mine.length);
  assert.deepEqual(r.json.rows.map((x) => x.id), mine.slice(0, 200));
  // A manager: customers whose owner is a rep placed in the region subtree, or placed in it themselves.
  const mgr = await as('manager');
  const sub = subtree(mgr.user.region);
  const theirs = sql(`${sub} SELECT c.id FROM customers c LEFT JOIN reps r ON r.id = c.owner_rep
    WHERE r.region IN (SELECT id FROM sub) OR c.region IN (SELECT id FROM sub) ORDER BY c.id`).map((x) => x.id);
  const m = await mgr.get('/api/v1/pickers/customers?page_size=20&page=2');
  assert.equal(m.json.total, theirs.length);
  assert.deepEqual(m.json.rows.map((x) => x.id), theirs.slice(20, 40));
  const [one] = sql(`SELECT id, code FROM customers WHERE owner_rep = ${rep.user.rep} ORDER BY id LIMIT 1`);
  const q = await rep.get(`/api/v1/pickers/customers?q=${one.code.toLowerCase()}`);
  assert.deepEqual(q.json.rows.map((x) => x.id), [one.id]);

  const products = sql('SELECT id, code, name, category, list_price, unit_cost FROM products ORDER BY id');
  const p = await rep.get('/api/v1/pickers/products?page_size=200');
  assert.equal(p.json.total, products.length);
  assert.deepEqual(p.json.rows, products);
  assert.equal((await rep.get('/api/v1/pickers/customers?page_size=500')).status, 422);
});
