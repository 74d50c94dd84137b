// The runner of SQL oracles written as rows (tests/api/oracles/*.mjs): call an endpoint as a
// demo user, run SQL on the same database with the sqlite3 shell, compare.
//
// A row:
//   name      the test's name
//   login     the caller: a role ('executive') or [role, index] (['rep', 0])
//   endpoint  the path, or (ctx) => path
//   params    query parameters {name: value}, or (ctx) => them
//   sql       the oracle: a query, or {key: query}, or (ctx, answer) => either; none for a
//             value worked out by hand. oracle = its rows (or {key: rows}).
//   got       (answer, item) => the value the endpoint gave
//   want      (oracle, item, answer) => the value expected; default the v column of the first row
//   each      (answer, oracle) => items: one comparison per item (got and want get the item)
//   label     (item) => what a failing comparison names
//   compare   'equal' (default) | 'deepEqual' | { abs: e } (|got − want| < e)
//             | { rel: e } (|got − want| ≤ e·max(1, |want|))
//   when      (oracle) => false skips the comparison (a rate of nothing)
//   assume    [[message, (oracle) => true]]: what the oracle must show first (the demo has …)
// ctx: { user } the caller's session user, get(path) a GET as the caller (200, answers kept),
// userOf(role, index) another demo user.
import assert from 'node:assert/strict';
import { as } from './client.mjs';
import { sql as runSql } from './db.mjs';

export function oracleRunner() {
  const clients = new Map(), answers = new Map();
  const client = async (login) => {
    const [role, index = 0] = Array.isArray(login) ? login : [login];
    const key = `${role}/${index}`;
    if (!clients.has(key)) clients.set(key, await as(role, index));
    return clients.get(key);
  };
  // The database does not change while the rows run, so one answer per caller and URL.
  const get = async (c, path) => {
    const key = `${c.user.login} ${path}`;
    if (!answers.has(key)) {
      const r = await c.get(path);
      assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.json)}`);
      answers.set(key, r.json);
    }
    return answers.get(key);
  };
  const value = (x, ...args) => (typeof x === 'function' ? x(...args) : x);
  const query = (q) => (typeof q === 'string' ? runSql(q) : Object.fromEntries(Object.entries(q).map(([k, v]) => [k, runSql(v)])));

  return async function check(row) {
    const c = await client(row.login);
    const ctx = { user: c.user, get: (path) => get(c, path), userOf: async (role, i) => (await client([role, i])).user };
    const endpoint = await value(row.endpoint, ctx);
    const params = new URLSearchParams(await value(row.params ?? {}, ctx)).toString();
    const answer = await ctx.get(params ? `${endpoint}?${params}` : endpoint);
    const q = await value(row.sql, ctx, answer);
    const oracle = q === undefined ? null : query(q);
    for (const [message, ok] of row.assume ?? []) assert.ok(ok(oracle), message);
    if (row.when && !row.when(oracle)) return;
    const want = row.want ?? ((o) => o[0]?.v);
    const items = row.each ? row.each(answer, oracle) : [undefined];
    for (const item of items) {
      const got = row.got(answer, item), expected = want(oracle, item, answer);
      const what = `${row.name}${row.label ? ': ' + row.label(item) : ''}`;
      const how = row.compare ?? 'equal';
      if (how === 'equal') assert.equal(got, expected, what);
      else if (how === 'deepEqual') assert.deepEqual(got, expected, what);
      else if (how.abs !== undefined) assert.ok(Math.abs(got - expected) < how.abs, `${what}: ${got} vs ${expected}`);
      else if (how.rel !== undefined) assert.ok(Math.abs(got - expected) <= how.rel * Math.max(1, Math.abs(expected)), `${what}: ${got} vs ${expected}`);
      else throw new Error(`${row.name}: unknown compare ${JSON.stringify(how)}`);
    }
  };
}
