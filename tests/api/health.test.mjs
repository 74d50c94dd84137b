// GET /api/v1/health (issue 15): no login; the database answers a round trip, the data version
// is the database's (read with SQL), the Snapshot's version is at most that (a write outside
// the analysed data moves only the data version) and moves with a data write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, Client, sql, contractBody, logins } from './helpers.mjs';
import { ownServer } from '../support/own_server.mjs';

const health = async (base = BASE) => {
  const res = await fetch(base + '/api/v1/health');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  return res.json();
};

test('health answers without a login, with the data and Snapshot versions', async () => {
  const h = await health();
  assert.deepEqual(Object.keys(h).sort(), ['data_version', 'db', 'snapshot_version']);
  assert.equal(h.db, 'ok');
  const [{ version }] = sql('SELECT version FROM data_version WHERE id = 1');
  assert.equal(h.data_version, Number(version));
  assert.ok(h.snapshot_version > 0 && h.snapshot_version <= h.data_version, JSON.stringify(h));
});

test('a contract written through the API moves both versions to the database one', async () => {
  const own = await ownServer();  // a copy: this file runs among the read-only ones
  try {
    const rep = new Client('zh-CN', own.base);
    const u = logins().rep[0];
    const li = await rep.login(u.login, u.password);
    assert.equal(li.status, 200);
    const before = await health(own.base);
    const r = await rep.req('POST', '/api/v1/contracts', contractBody(li.json.user.rep));
    assert.equal(r.status, 201, JSON.stringify(r.json));
    const h = await health(own.base);
    const [{ version }] = sql('SELECT version FROM data_version WHERE id = 1', own.db);
    assert.equal(h.data_version, Number(version));
    assert.ok(h.data_version > before.data_version);
    assert.equal(h.snapshot_version, Number(version), 'the write published its Snapshot');
  } finally {
    await own.stop();
  }
});
