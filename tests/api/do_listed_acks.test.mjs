// What D2 lists can be acknowledged (issue 8): every anomaly of a year, at company scope and
// under a category filter, answers 201 to POST /api/v1/do/anomalies/ack; and no rep is judged
// in a month they were not employed in (issue 9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, sql, AS_OF } from './helpers.mjs';

async function listed(c, extra = '') {
  const r = await c.get(`/api/v1/do/process?period=2026&as_of=${AS_OF}&anomaly_limit=10000${extra}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.anomalies.length, r.json.anomalies_total);
  return r.json.anomalies;
}

test('no rep anomaly falls in a month the rep was not employed in', async () => {
  const exec = await as('executive');
  const reps = new Map(sql('SELECT id, hire_date, leave_date FROM reps').map((r) => [r.id, r]));
  let checked = 0;
  for (const a of await listed(exec)) {
    if (a.unit !== 'rep') continue;
    const r = reps.get(a.id);
    const first = `${a.month}-01`, last = `${a.month}-31`;
    assert.ok(r.hire_date <= last && (!r.leave_date || r.leave_date >= first), `${a.key}: hired ${r.hire_date}, left ${r.leave_date}`);
    ++checked;
  }
  assert.ok(checked > 0);
});

test('every listed anomaly can be acknowledged, with and without a filter', async () => {
  const exec = await as('executive');
  const [cat] = sql('SELECT category FROM products ORDER BY id LIMIT 1');
  for (const extra of ['', `&category=${encodeURIComponent(cat.category)}`]) {
    const all = await listed(exec, extra);
    assert.ok(all.length > 0, `anomalies listed${extra}`);
    const filter = extra ? { category: cat.category } : {};
    for (const a of all) {
      const r = await exec.req('POST', '/api/v1/do/anomalies/ack', { key: a.key, comment: '已核实', as_of: AS_OF, ...filter });
      assert.equal(r.status, 201, `${a.key}${extra}: ${JSON.stringify(r.json)}`);
    }
  }
});
