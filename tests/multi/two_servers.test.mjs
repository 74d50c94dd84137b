// Two app servers on one PostgreSQL (issue 15): a write on A is seen on B within 1 s (LISTEN/
// NOTIFY, then B's catch-up), the meeting goal check runs once across both (job claims), and
// PostgreSQL going away mid-test: reads keep answering from the Snapshot, writes get 503 with
// Retry-After and a message in the caller's language, both servers recover by themselves and
// nothing acknowledged is lost. Expected values come from psql on the shared database.
//
// Starts its own throwaway cluster (scripts/lib/pg.sh: run as root, PostgreSQL 15 installed by
// scripts/bootstrap.sh --test); fails when it cannot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '../support/client.mjs';
import { readLogins } from '../support/logins.mjs';
import { spawnServer } from '../support/own_server.mjs';

const BIN = process.env.SALESLOOP_BIN ?? path.resolve('build/salesloop');
const PG = path.resolve('scripts/lib/pg.sh');
const AS_OF = '2026-06-15';
const SCALE = process.env.MULTI_SCALE ?? 'small';  // medium: to measure a catch-up at that size
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let dir, url, logins, A, B;
let restarted = null;  // pg.sh restart in progress: after() waits for it before stopping the cluster

// psql on the shared database: rows as objects (JSON per row, so types survive).
function sql(q) {
  const out = execFileSync('psql', [url, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c',
    `SELECT row_to_json(t) FROM (${q}) t`], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

// A server on the shared database, named for the messages.
async function serve(name) {
  const s = await spawnServer(url, { startMs: 60000 }).catch((e) => { throw new Error(`server ${name}: ${e.message}`); });
  return { name, ...s };
}

async function login(server, role, index = 0, lang = 'zh-CN') {
  const u = logins[role][index];
  const c = new Client(lang, server.base);
  const r = await c.login(u.login, u.password);
  assert.equal(r.status, 200, `login on ${server.name}: ${JSON.stringify(r.json)}`);
  c.user = r.json.user;
  return c;
}

const health = async (s) => (await fetch(s.base + '/api/v1/health')).json();
// Polls until pred(value) or the deadline; returns [value, ms waited].
async function until(get, pred, ms, what) {
  const t0 = performance.now();
  for (;;) {
    const v = await get();
    if (pred(v)) return [v, performance.now() - t0];
    if (performance.now() - t0 > ms) throw new Error(`${what}: not within ${ms} ms (last ${JSON.stringify(v)})`);
    await sleep(20);
  }
}

// A contract of the rep with more than 100 000 fen overdue as of AS_OF (all its plan due before
// June, nothing paid after AS_OF), by SQL: the payment lowers D1's overdue total by its amount.
function overdueContract(rep) {
  return sql(`SELECT k.id, (SELECT sum(amount) FROM payment_plan WHERE contract = k.id AND due_date < '${AS_OF}')
      - coalesce((SELECT sum(amount) FROM payments WHERE contract = k.id AND date <= '${AS_OF}'), 0) AS overdue
    FROM contracts k WHERE k.rep = ${rep}
      AND (SELECT max(due_date) FROM payment_plan WHERE contract = k.id) < '2026-06-01'
      AND NOT EXISTS (SELECT 1 FROM payments WHERE contract = k.id AND date > '${AS_OF}')
    ORDER BY k.id`).find((k) => Number(k.overdue) > 100000);
}
const overdueTotal = async (c) => (await c.get(`/api/v1/do/cockpit?as_of=${AS_OF}`)).json.overdue_total;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'salesloop-multi-'));
  const root = execFileSync(PG, ['start', dir, '', 'fsync=off', 'synchronous_commit=off'], { encoding: 'utf8' }).trim();
  url = execFileSync(PG, ['createdb', root, 'multi'], { encoding: 'utf8' }).trim();
  const printed = execFileSync(BIN, ['demo', '--db', url, '--seed', '3', '--scale', SCALE, '--as-of', AS_OF], { encoding: 'utf8' });
  writeFileSync(path.join(dir, 'logins.txt'), printed);
  logins = readLogins(path.join(dir, 'logins.txt'));
  // Every goal check undone, so both servers find the same goals due when they start.
  execFileSync('psql', [url, '-X', '-q', '-c', "DELETE FROM goal_checks; DELETE FROM audit_log WHERE entity = 'goal_check'"]);
  [A, B] = await Promise.all([serve('A'), serve('B')]);
});

after(async () => {
  if (process.env.MULTI_LOGS) for (const s of [A, B]) if (s) console.log(`--- server ${s.name}\n${s.log().split("\n").filter((l) => !/GET \/api/.test(l)).join("\n").slice(-5000)}`);
  await Promise.all([A?.stop(), B?.stop()]);
  await restarted;
  if (dir) {
    execFileSync(PG, ['stop', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('health: the database answers and both servers hold the data version', async () => {
  for (const s of [A, B]) {
    // The servers' first goal checks may be writing just now: read both until they agree.
    const dbVersion = () => Number(sql('SELECT version FROM data_version')[0].version);
    const [[h]] = await until(async () => [await health(s), dbVersion()], ([x, v]) => x.data_version === v, 10000, 'data version');
    assert.equal(h.db, 'ok');
    // The goal checks one server recorded are a write outside the analysed data: its own
    // Snapshot stays one version behind the data version, the other's catches up to it.
    assert.ok(h.snapshot_version > 0 && h.snapshot_version <= h.data_version, JSON.stringify(h));
  }
});

test('the meeting goal check runs once across both servers', async () => {
  const [{ due }] = sql(`SELECT count(*)::int AS due FROM resolutions WHERE goal_metric <> '' AND status <> 'cancelled'
    AND due_date < '${AS_OF}'`);
  assert.ok(due > 0, 'the demo has goals due');
  await until(() => sql('SELECT count(*)::int AS n FROM goal_checks')[0].n, (n) => n === due, 30000, 'every due goal checked');
  await sleep(2000);  // both servers' first ticks are over
  assert.deepEqual(sql(`SELECT entity_key, count(*)::int AS n FROM audit_log WHERE entity = 'goal_check'
    GROUP BY entity_key HAVING count(*) <> 1`), [], 'one check recorded per goal, by one server');
  assert.equal(sql("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'goal_check'")[0].n, due);
});

let acknowledged = [];  // payment ids a server answered 201 for

test('a payment registered on A is seen on B within 1 s', async () => {
  const onA = await login(A, 'rep');
  const onB = await login(B, 'rep');
  const k = overdueContract(onA.user.rep);
  assert.ok(k, 'the rep has an overdue contract');
  const before = await overdueTotal(onB);
  assert.equal(before, await overdueTotal(onA));
  const pay = Math.floor(Number(k.overdue) / 4);
  const r = await onA.req('POST', '/api/v1/payments', { contract: k.id, date: AS_OF, amount: pay });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  acknowledged.push(r.json.id);
  const [, ms] = await until(() => overdueTotal(onB), (x) => x === before - pay, Number(process.env.MULTI_WITHIN_MS ?? 1000), "B's D1 overdue total");
  const [{ version }] = sql('SELECT version FROM data_version');
  const h = await health(B);
  assert.equal(h.snapshot_version, Number(version));
  console.log(`# visibility A → B: ${ms.toFixed(0)} ms from A's 201 to B's D1 cockpit showing the payment`);
});

test('PostgreSQL restarts: reads answer, writes get 503 with Retry-After, both recover, nothing acknowledged is lost', async () => {
  const onA = await login(A, 'rep');
  const onB = await login(B, 'rep', 0, 'en');
  const k = overdueContract(onA.user.rep);
  const pay = Math.floor(Number(k.overdue) / 4);
  const shown = await overdueTotal(onB);
  const r = await onA.req('POST', '/api/v1/payments', { contract: k.id, date: AS_OF, amount: pay });
  assert.equal(r.status, 201);
  acknowledged.push(r.json.id);
  const [seenOnB] = await until(() => overdueTotal(onB), (x) => x === shown - pay, 1000, 'B shows the payment');
  const small = () => sql(`SELECT count(*)::int AS n FROM payments WHERE contract = ${k.id} AND amount = 100`)[0].n;
  const smallBefore = small();

  const restart = spawn(PG, ['restart', dir, '4'], { stdio: 'ignore' });
  const done = restarted = new Promise((res) => restart.on('exit', res));
  await until(() => health(A), (h) => h.db === 'down', 10000, 'A sees the database down');
  assert.equal((await health(B)).db, 'down');

  // Reads: from the Snapshot, with the session seen before.
  const read = await onB.get(`/api/v1/do/cockpit?as_of=${AS_OF}`);
  assert.equal(read.status, 200, JSON.stringify(read.json));
  assert.equal(read.json.overdue_total, seenOnB);
  // Writes: 503, Retry-After, the message in the caller's language; nothing written.
  const zh = await onA.req('POST', '/api/v1/payments', { contract: k.id, date: AS_OF, amount: 100 });
  assert.equal(zh.status, 503, JSON.stringify(zh.json));
  assert.ok(Number(zh.headers.get('retry-after')) > 0, 'Retry-After');
  assert.match(zh.json.error.message, /[\u4e00-\u9fff]/);
  const en = await onB.req('POST', '/api/v1/payments', { contract: k.id, date: AS_OF, amount: 100 });
  assert.equal(en.status, 503);
  assert.match(en.json.error.message, /database/i);

  assert.equal(await done, 0, 'pg.sh restart');
  for (const s of [A, B]) await until(() => health(s), (h) => h.db === 'ok', 10000, `${s.name} sees the database back`);
  // Both write and read again, and B catches up to a write made on A after the restart.
  const beforeB = await overdueTotal(onB);
  const again = await onA.req('POST', '/api/v1/payments', { contract: k.id, date: AS_OF, amount: 100 });
  assert.equal(again.status, 201, JSON.stringify(again.json));
  acknowledged.push(again.json.id);
  await until(() => overdueTotal(onB), (x) => x === beforeB - 100, 3000, 'B catches up after the restart');
  const onB2 = await login(B, 'rep');
  const more = await onB2.req('POST', '/api/v1/payments', { contract: k.id, date: AS_OF, amount: 100 });
  assert.equal(more.status, 201, JSON.stringify(more.json));
  acknowledged.push(more.json.id);

  // Nothing acknowledged lost; the two 503 writes left nothing.
  const stored = sql(`SELECT id FROM payments WHERE id IN (${acknowledged.join(',')}) ORDER BY id`).map((x) => x.id);
  assert.deepEqual(stored, [...acknowledged].sort((a, b) => a - b));
  assert.equal(small(), smallBefore + 2, 'the two payments made after the restart, not the two refused');
});
