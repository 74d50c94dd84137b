// 商机维护 POST /api/v1/opportunities and POST …/{id}/stage: a new opportunity and its stage
// moves recorded in the stage history with their days, closing won or lost with a reason;
// each bad field a 422 naming it; scope (reps their own, managers their region; others answer
// as not found); audit rows; D1's pipeline and opportunities-created figures change at once.
// Expected values from SQL and by hand. Runs after the read-only suites (file name order).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, subtree, AS_OF } from './helpers.mjs';

const count = () => sql('SELECT COUNT(*) AS n FROM opportunities')[0].n;
const cockpit = async (c) => (await c.get(`/api/v1/do/cockpit?as_of=${AS_OF}`)).json;
const stageOf = (d1, s) => d1.pipeline.find((p) => p.stage === s) ?? { count: 0, amount: 0 };
const ownCustomer = (rep) => sql(`SELECT id FROM customers WHERE owner_rep = ${rep} ORDER BY id LIMIT 1`)[0].id;
const category = () => sql('SELECT category FROM products ORDER BY id LIMIT 1')[0].category;

test('a rep creates an opportunity and moves it on: history, audit and D1 at once', async () => {
  const rep = await as('rep');
  const d1 = await cockpit(rep);
  const body = { customer: ownCustomer(rep.user.rep), category: category(), amount: 12345600, expected_close: '2026-08-31' };
  const r = await rep.req('POST', '/api/v1/opportunities', body);
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const id = r.json.id;
  assert.equal(r.json.code, `O${String(id).padStart(6, '0')}`, 'no code given: O and six digits of the id');
  assert.deepEqual(sql(`SELECT customer, rep, category, amount, created, expected_close, stage, closed, lost_reason
    FROM opportunities WHERE id = ${id}`), [{ ...body, rep: rep.user.rep, created: AS_OF, stage: 'lead', closed: null, lost_reason: '' }]);
  const d1New = await cockpit(rep);
  assert.equal(d1New.created_this_month.count, d1.created_this_month.count + 1);
  assert.equal(d1New.created_this_month.amount, d1.created_this_month.amount + 12345600);
  assert.equal(stageOf(d1New, 'lead').amount, stageOf(d1, 'lead').amount + 12345600);

  const move = await rep.req('POST', `/api/v1/opportunities/${id}/stage`, { stage: 'proposal', date: AS_OF });
  assert.equal(move.status, 200, JSON.stringify(move.json));
  const d1Moved = await cockpit(rep);
  assert.equal(stageOf(d1Moved, 'proposal').amount, stageOf(d1, 'proposal').amount + 12345600);
  assert.equal(stageOf(d1Moved, 'lead').amount, stageOf(d1, 'lead').amount);

  // Back is refused; lost needs a reason; then lost with one closes it.
  assert.equal((await rep.req('POST', `/api/v1/opportunities/${id}/stage`, { stage: 'qualified' })).json.error.field, 'stage');
  assert.equal((await rep.req('POST', `/api/v1/opportunities/${id}/stage`, { stage: 'lost' })).json.error.field, 'lost_reason');
  const lost = await rep.req('POST', `/api/v1/opportunities/${id}/stage`, { stage: 'lost', lost_reason: '预算取消' });
  assert.equal(lost.status, 200, JSON.stringify(lost.json));
  assert.deepEqual(sql(`SELECT stage, date FROM opportunity_stage_events WHERE opportunity = ${id} ORDER BY seq`),
    [{ stage: 'lead', date: AS_OF }, { stage: 'proposal', date: AS_OF }, { stage: 'lost', date: AS_OF }]);
  assert.deepEqual(sql(`SELECT stage, closed, lost_reason FROM opportunities WHERE id = ${id}`),
    [{ stage: 'lost', closed: AS_OF, lost_reason: '预算取消' }]);
  assert.equal(stageOf(await cockpit(rep), 'proposal').amount, stageOf(d1, 'proposal').amount, 'out of the open pipeline');
  assert.equal((await rep.req('POST', `/api/v1/opportunities/${id}/stage`, { stage: 'won' })).json.error.field, 'stage', 'closed');
  const audit = sql(`SELECT "user", old_value, new_value FROM audit_log WHERE entity = 'opportunity' AND entity_key = '${id}' ORDER BY id`);
  assert.equal(audit.length, 3);
  assert.ok(audit.every((a) => a.user === rep.user.id));
  assert.equal(audit[2].new_value, `lost ${AS_OF} 预算取消`);
});

test('bad opportunities are 422 naming the field; nothing is written', async () => {
  const rep = await as('rep');
  const n = count();
  const good = { customer: ownCustomer(rep.user.rep), category: category(), amount: 100, expected_close: '2026-08-31' };
  const [taken] = sql('SELECT code FROM opportunities ORDER BY id LIMIT 1');
  for (const [over, field] of [
    [{ customer: undefined }, 'customer'], [{ category: '没有的类别' }, 'category'], [{ amount: -1 }, 'amount'],
    [{ amount: 1.5 }, 'amount'], [{ expected_close: '2026-02-30' }, 'expected_close'],
    [{ expected_close: '2026-01-01' }, 'expected_close'], [{ created: '2026-06-16' }, 'created'],
    [{ code: taken.code.toLowerCase() }, 'code'], [{ code: '   ' }, 'code'],
  ]) {
    const r = await rep.req('POST', '/api/v1/opportunities', { ...good, ...over });
    assert.equal(r.status, 422, `${field}: ${JSON.stringify(r.json)}`);
    assert.equal(r.json.error.field, field);
  }
  const [open] = sql(`SELECT id FROM opportunities WHERE rep = ${rep.user.rep} AND stage NOT IN ('won', 'lost') ORDER BY id LIMIT 1`);
  for (const [b, field] of [[{ stage: 'nope' }, 'stage'], [{ stage: 'lead' }, 'stage'], [{ stage: 'won', date: '2026-06-16' }, 'date'],
    [{ stage: 'won', date: '2000-01-01' }, 'date'], [{ stage: 'won', lost_reason: 'x' }, 'lost_reason']]) {
    const r = await rep.req('POST', `/api/v1/opportunities/${open.id}/stage`, b);
    assert.equal(r.status, 422, `${field}: ${JSON.stringify(r.json)}`);
    assert.equal(r.json.error.field, field);
  }
  assert.equal(count(), n);
});

test('scope: other reps\' customers and opportunities answer as not found; a manager works in their region', async () => {
  const rep = await as('rep');
  const mgr = await as('manager');
  const n = count();
  const [other] = sql(`SELECT id, rep FROM opportunities WHERE rep <> ${rep.user.rep} AND stage NOT IN ('won','lost') ORDER BY id LIMIT 1`);
  assert.equal((await rep.req('POST', `/api/v1/opportunities/${other.id}/stage`, { stage: 'won' })).status, 404);
  const [foreign] = sql(`SELECT id FROM customers WHERE owner_rep <> ${rep.user.rep} ORDER BY id LIMIT 1`);
  const r = await rep.req('POST', '/api/v1/opportunities', { customer: foreign.id, category: category(), amount: 1, expected_close: '2026-08-31' });
  assert.equal(r.status, 404);
  assert.equal(r.json.error.field, 'customer');
  const inRegion = `${subtree(mgr.user.region)} SELECT r.id FROM reps r WHERE r.region IN (SELECT id FROM sub)`;
  const [outside] = sql(`SELECT id FROM opportunities WHERE rep NOT IN (${inRegion}) AND stage NOT IN ('won','lost') ORDER BY id LIMIT 1`);
  assert.equal((await mgr.req('POST', `/api/v1/opportunities/${outside.id}/stage`, { stage: 'won' })).status, 404);
  assert.equal(count(), n);
  const [inside] = sql(`SELECT id FROM opportunities WHERE rep IN (${inRegion}) AND stage NOT IN ('won','lost')
    AND (SELECT max(date) FROM opportunity_stage_events WHERE opportunity = opportunities.id) <= '${AS_OF}' ORDER BY id LIMIT 1`);
  const won = await mgr.req('POST', `/api/v1/opportunities/${inside.id}/stage`, { stage: 'won', date: AS_OF });
  assert.equal(won.status, 200, JSON.stringify(won.json));
  assert.equal(sql(`SELECT stage FROM opportunities WHERE id = ${inside.id}`)[0].stage, 'won');
});
