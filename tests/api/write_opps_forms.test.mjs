// 商机维护 end to end through its reads: a save shows at once in the list, the drawer (history,
// audit) and P3's funnel — each write appended to the Snapshot, not rebuilt (the answer says
// so). Expected values from SQL and by hand. Writes: runs after the read-only suites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, AS_OF } from './helpers.mjs';

const funnel = async (c) => (await c.get(`/api/v1/plan/funnel?as_of=${AS_OF}&period=2026`)).json;
const list = async (c, query = '') => (await c.get(`/api/v1/opportunities?page_size=200${query}`)).json;

test('a rep creates, moves and loses an opportunity: list, drawer and P3 at once, appended', async () => {
  const rep = await as('rep');
  const [customer] = sql(`SELECT id FROM customers WHERE owner_rep = ${rep.user.rep} ORDER BY id LIMIT 1`);
  const [{ category }] = sql('SELECT category FROM products ORDER BY id LIMIT 1');
  const before = { list: await list(rep), open: await list(rep, '&status=open'), p3: await funnel(rep) };

  const created = await rep.req('POST', '/api/v1/opportunities', { customer: customer.id, category, amount: 7654300, expected_close: '2026-09-30' });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  assert.equal(created.json.snapshot.incremental, true);
  const id = created.json.id;
  const after = await list(rep);
  assert.equal(after.total, before.list.total + 1);
  assert.equal(after.rows[0].id, id, 'newest first');
  assert.deepEqual({ ...after.rows[0], customer: after.rows[0].customer.id, rep: after.rows[0].rep.id }, {
    id, code: `O${String(id).padStart(6, '0')}`, customer: customer.id, rep: rep.user.rep, category, amount: 7654300,
    created: AS_OF, expected_close: '2026-09-30', stage: 'lead', closed: null,
  });
  const p3 = await funnel(rep);
  assert.equal(p3.cohort.created, before.p3.cohort.created + 1);
  assert.equal(p3.cohort.amount, before.p3.cohort.amount + 7654300);
  assert.equal(p3.open_pipeline.count, before.p3.open_pipeline.count + 1);

  const moved = await rep.req('POST', `/api/v1/opportunities/${id}/stage`, { stage: 'negotiation', date: AS_OF });
  assert.equal(moved.status, 200, JSON.stringify(moved.json));
  assert.equal(moved.json.snapshot.incremental, true);
  assert.ok((await list(rep, '&stage=negotiation')).rows.some((r) => r.id === id));
  const drawer = (await rep.get(`/api/v1/opportunities/${id}`)).json;
  assert.deepEqual(drawer.history, [{ stage: 'lead', date: AS_OF }, { stage: 'negotiation', date: AS_OF }]);
  assert.deepEqual(drawer.next_stages, ['won', 'lost']);
  assert.equal(drawer.audit.length, 2);
  assert.equal(drawer.audit[0].user, rep.user.login, 'the latest change first, with who made it');
  assert.equal(drawer.audit[0].old, 'lead');
  assert.equal(drawer.audit[0].new, `negotiation ${AS_OF}`);
  // negotiation is past every stage but won: the funnel counts it as having reached each one.
  const reached = (f, s) => f.stages.find((x) => x.stage === s).reached;
  assert.equal(reached(await funnel(rep), 'negotiation'), reached(before.p3, 'negotiation') + 1);

  const lost = await rep.req('POST', `/api/v1/opportunities/${id}/stage`, { stage: 'lost', lost_reason: '客户预算冻结' });
  assert.equal(lost.status, 200, JSON.stringify(lost.json));
  assert.equal(lost.json.snapshot.incremental, true);
  const closed = (await rep.get(`/api/v1/opportunities/${id}`)).json;
  assert.equal(closed.stage, 'lost');
  assert.equal(closed.closed, AS_OF);
  assert.equal(closed.lost_reason, '客户预算冻结');
  assert.deepEqual(closed.next_stages, []);
  assert.deepEqual(closed.history, sql(`SELECT stage, date FROM opportunity_stage_events WHERE opportunity = ${id} ORDER BY date, seq`));
  assert.equal(closed.audit.length, sql(`SELECT count(*) AS n FROM audit_log WHERE entity = 'opportunity' AND entity_key = '${id}'`)[0].n);
  assert.equal((await list(rep, '&status=open')).total, before.open.total, 'out of the open ones again');
  assert.ok((await list(rep, '&status=lost')).rows.some((r) => r.id === id));
  const p3Lost = await funnel(rep);
  assert.equal(p3Lost.cohort.lost, before.p3.cohort.lost + 1);
  assert.equal(p3Lost.open_pipeline.count, before.p3.open_pipeline.count);
});

test('a manager creates one for a rep of the region; the rep sees it in their list', async () => {
  const mgr = await as('manager');
  const [rep] = sql(`SELECT u.rep FROM users u JOIN reps r ON r.id = u.rep WHERE u.role = 'rep' AND r.region IN
    (WITH RECURSIVE sub(id) AS (SELECT CAST(${mgr.user.region} AS BIGINT) UNION ALL SELECT g.id FROM regions g JOIN sub ON g.parent = sub.id) SELECT id FROM sub)
    ORDER BY u.id LIMIT 1`);
  const [customer] = sql(`SELECT id FROM customers WHERE owner_rep = ${rep.rep} ORDER BY id LIMIT 1`);
  const [{ category }] = sql('SELECT category FROM products ORDER BY id LIMIT 1');
  const r = await mgr.req('POST', '/api/v1/opportunities', { customer: customer.id, rep: rep.rep, category, amount: 100, expected_close: '2026-07-31' });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const mine = await mgr.get(`/api/v1/opportunities?rep=${rep.rep}&page_size=1`);
  assert.equal(mine.json.rows[0].id, r.json.id);
  const audit = (await mgr.get(`/api/v1/opportunities/${r.json.id}`)).json.audit;
  assert.equal(audit.length, 1);
  assert.equal(audit[0].user, mgr.user.login);
});
