// Soak load for a running salesloop server (issue 8): N keep-alive connections for M minutes
// on the dashboards, about 2 % writes mixed in (target saves, contract entries, meeting
// minutes). Prints one JSON summary on stdout; exits 1 when any request failed.
//
//   node bench/soak.mjs --base http://127.0.0.1:PORT --db FILE --logins FILE
//        [--minutes 10] [--connections 64] [--as-of 2026-06-15] [--write-share 0.02]
//        [--timeout-ms 30000] [--backdated-share 0.2] [--ready-file PATH]
//
// Run by bench/soak.sh, which also makes the database, starts the server and samples its RSS.
// An error is a network error or timeout, a 5xx, or any status other than the one expected
// (200, 201 for a new contract, 304 when If-None-Match was sent). Reads and writes run on one
// node:http Agent with keepAlive and maxSockets = connections, so the server sees exactly
// that many connections.
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    base: { type: 'string' },
    db: { type: 'string' },
    logins: { type: 'string' },
    minutes: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    'as-of': { type: 'string', default: '2026-06-15' },
    'write-share': { type: 'string', default: '0.02' },
    'timeout-ms': { type: 'string', default: '30000' },
    'backdated-share': { type: 'string', default: '0.2' },
    'ready-file': { type: 'string' },
  },
});
for (const k of ['base', 'db', 'logins']) if (!opt[k]) { console.error(`soak.mjs: --${k} is required`); process.exit(2); }

const BASE = new URL(opt.base);
const MINUTES = Number(opt.minutes);
const CONNECTIONS = Number(opt.connections);
const AS_OF = opt['as-of'];
const YEAR = Number(AS_OF.slice(0, 4));
const MONTH = AS_OF.slice(0, 7);
const QUARTER = `${YEAR}-Q${Math.floor((Number(AS_OF.slice(5, 7)) - 1) / 3) + 1}`;
const WRITE_SHARE = Number(opt['write-share']);
const TIMEOUT_MS = Number(opt['timeout-ms']);
const BACKDATED_SHARE = Number(opt['backdated-share']);
const RUN_ID = Date.now().toString(36).toUpperCase();

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS, maxFreeSockets: CONNECTIONS });

// ---------------------------------------------------------------- HTTP

// One request; resolves {status, headers, body (string), ms} or {error, ms}. Never rejects.
function request(method, path, { session, body, headers = {} } = {}) {
  const h = { 'Accept-Language': 'zh-CN', ...headers };
  if (session) {
    h.Cookie = session.cookie;
    if (method !== 'GET') h['X-CSRF-Token'] = session.csrf;
  }
  let payload;
  if (body !== undefined) {
    payload = Buffer.from(JSON.stringify(body));
    h['Content-Type'] = 'application/json';
    h['Content-Length'] = payload.length;
  }
  const t0 = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
  return new Promise((resolve) => {
    let done = false;
    const finish = (r) => { if (!done) { done = true; resolve({ ...r, ms: ms() }); } };
    const req = http.request({ host: BASE.hostname, port: BASE.port, method, path, headers: h, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => finish({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => finish({ error: e.code || e.message }));
      res.on('aborted', () => finish({ error: 'aborted' }));
    });
    req.setTimeout(TIMEOUT_MS, () => { req.destroy(new Error('timeout')); });
    req.on('error', (e) => finish({ error: e.message === 'timeout' ? 'timeout' : (e.code || e.message) }));
    req.end(payload);
  });
}

// ---------------------------------------------------------------- statistics

const started = { at: 0 };
const stats = {
  requests: 0, errors: 0, notModified: 0,
  kinds: new Map(),       // kind → {count, errors, notModified, ms: []}
  errorKinds: new Map(),  // "kind status" → count
  statuses: new Map(),    // status → count
  minutes: [],            // per minute: {requests, errors, writes, ms: []}
  samples: [],            // the first errors in full
};
const WRITE_KINDS = new Set(['target_save', 'contract_entry', 'meeting_minutes']);

function record(kind, method, path, r, expected) {
  const minute = Math.min(Math.floor((Date.now() - started.at) / 60000), Math.max(0, Math.ceil(MINUTES) - 1));
  const m = (stats.minutes[minute] ??= { requests: 0, errors: 0, writes: 0, ms: [] });
  const k = stats.kinds.get(kind) ?? { count: 0, errors: 0, notModified: 0, ms: [] };
  stats.kinds.set(kind, k);
  stats.requests++; m.requests++; k.count++;
  if (WRITE_KINDS.has(kind)) m.writes++;
  k.ms.push(r.ms); m.ms.push(r.ms);
  const status = r.error ? `network:${r.error}` : String(r.status);
  stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
  if (r.status === 304) { stats.notModified++; k.notModified++; }
  const ok = !r.error && expected.includes(r.status);
  if (!ok) {
    stats.errors++; m.errors++; k.errors++;
    const key = `${kind} ${r.error ? 'network:' + r.error : r.status >= 500 ? '5xx:' + r.status : 'unexpected:' + r.status}`;
    stats.errorKinds.set(key, (stats.errorKinds.get(key) ?? 0) + 1);
    if (stats.samples.length < 20)
      stats.samples.push({ t_s: +((Date.now() - started.at) / 1000).toFixed(1), kind, method, path, status,
                           ms: +r.ms.toFixed(1), body: (r.body ?? '').slice(0, 300) });
  }
  return ok;
}

function pct(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return +sorted[i].toFixed(2);
}
const latency = (ms) => { const s = Float64Array.from(ms).sort(); return { p50: pct(s, 0.5), p99: pct(s, 0.99), max: pct(s, 1) }; };

// ---------------------------------------------------------------- setup

function loginsFile() {
  const users = [];
  for (const line of readFileSync(opt.logins, 'utf8').split('\n')) {
    const [role, login, password] = line.trim().split(/\s+/);
    if (password) users.push({ role, login, password });
  }
  return users;
}
function sql(query) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', opt.db, query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}
function fail(what, r) {
  console.error(`soak.mjs: setup failed: ${what}: ${r.error ?? r.status} ${(r.body ?? '').slice(0, 300)}`);
  process.exit(3);
}
async function getJson(session, path) {
  const r = await request('GET', path, { session });
  if (r.error || r.status !== 200) fail(`GET ${path} as ${session.login}`, r);
  return JSON.parse(r.body);
}

const users = loginsFile();
const sessions = [];
for (const u of users) {
  // One login per user; every worker of that user shares the session (cookie + CSRF token).
  const r = await request('POST', '/api/v1/session', { body: { login: u.login, password: u.password } });
  if (r.error || r.status !== 200) fail(`login ${u.login}`, r);
  const j = JSON.parse(r.body);
  sessions.push({ ...u, cookie: r.headers['set-cookie'][0].split(';')[0], csrf: j.csrf, user: j.user });
}
const managers = sessions.filter((s) => s.role === 'manager');
const reps = sessions.filter((s) => s.role === 'rep');
if (!managers.length || !reps.length) { console.error('soak.mjs: the logins file needs managers and reps'); process.exit(3); }

const products = sql(`SELECT id FROM products WHERE launch_date < '${MONTH}-01' ORDER BY id`).map((p) => p.id);
for (const s of sessions) {
  if (s.role === 'rep') {
    // Contract entry: customers this rep owns.
    s.customers = sql(`SELECT id FROM customers WHERE owner_rep = ${Number(s.user.rep)} ORDER BY id`).map((c) => c.id);
    if (!s.customers.length) { console.error(`soak.mjs: rep ${s.login} owns no customer`); process.exit(3); }
  } else {
    // The cockpit of another rep: the reps in this caller's scope (the cockpit's rep picker).
    const c = await getJson(s, `/api/v1/do/cockpit?as_of=${AS_OF}`);
    s.cockpitReps = c.reps.filter((r) => r.active).map((r) => r.id);
  }
  if (s.role === 'manager') {
    // Target save: the future months of the region's rep grid, with the values to put back.
    const g = await getJson(s, `/api/v1/targets/grid?year=${YEAR}&metric=sales&owner=rep`);
    const firstOpen = g.locked_before.startsWith(`${YEAR}-`) ? Number(g.locked_before.slice(5, 7)) : 1;
    s.grid = { region: g.region.id, rows: g.rows.map((r) => ({ id: r.id, values: r.values })),
               months: Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => m > firstOpen) };
    if (!s.grid.rows.length || !s.grid.months.length) { console.error(`soak.mjs: no future target cells for ${s.login}`); process.exit(3); }
    // Meeting minutes: the open meetings this manager manages.
    const m = await getJson(s, '/api/v1/meetings?status=open');
    s.meetings = m.meetings.filter((x) => x.can_manage && x.status === 'open').map((x) => x.id);
  }
}
if (!managers.some((m) => m.meetings.length)) { console.error('soak.mjs: no open meeting a manager manages'); process.exit(3); }

// ---------------------------------------------------------------- the load

const rnd = (n) => Math.floor(Math.random() * n);
const pick = (a) => a[rnd(a.length)];
const addDays = (iso, n) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10);
// A day of the month before as_of's (a back-dated contract entry).
const lastMonthDay = () => {
  const first = `${MONTH}-01`, prevLast = addDays(first, -1);
  return addDays(prevLast, -rnd(Number(prevLast.slice(8, 10))));
};

// Dashboard reads, by weight; per-capita is not for reps (403 by design).
const READS = [
  { kind: 'process_year', w: 2, path: () => `/api/v1/do/process?period=${YEAR}&as_of=${AS_OF}` },
  { kind: 'process_month', w: 2, path: () => `/api/v1/do/process?period=${MONTH}&as_of=${AS_OF}` },
  { kind: 'progress_quarter', w: 2, path: () => `/api/v1/do/progress?period=${QUARTER}&as_of=${AS_OF}` },
  { kind: 'cockpit', w: 2, path: (s) => s.role === 'rep' ? `/api/v1/do/cockpit?as_of=${AS_OF}`
                                                         : `/api/v1/do/cockpit?as_of=${AS_OF}&rep=${pick(s.cockpitReps)}` },
  { kind: 'leaderboard', w: 2, path: () => `/api/v1/do/leaderboard?period=${MONTH}&as_of=${AS_OF}` },
  { kind: 'per_capita', w: 1, path: () => `/api/v1/do/per-capita?as_of=${AS_OF}`, notFor: 'rep' },
  { kind: 'todos', w: 1, path: () => '/api/v1/todos' },
  { kind: 'me', w: 1, path: () => '/api/v1/me' },
];
const readsFor = (role) => READS.filter((r) => r.notFor !== role).flatMap((r) => Array(r.w).fill(r));

// A read; half the time with If-None-Match from this worker's last answer to the same URL.
async function read(w, r) {
  const path = r.path(w.session);
  const headers = {};
  const etag = w.etags.get(path);
  const conditional = etag && Math.random() < 0.5;
  if (conditional) headers['If-None-Match'] = etag;
  const res = await request('GET', path, { session: w.session, headers });
  if (record(r.kind, 'GET', path, res, conditional ? [200, 304] : [200]) && res.headers.etag) w.etags.set(path, res.headers.etag);
}

// Target save as a manager, the way the page does it: read the grid, save one changed future
// cell, then save it back to the value it had before the soak (so the grid ends as it began).
async function targetSave(w) {
  const s = w.session.role === 'manager' ? w.session : pick(managers);
  const g = s.grid;
  const path = `/api/v1/targets/grid?year=${YEAR}&metric=sales&owner=rep&region=${g.region}`;
  record('targets_grid', 'GET', path, await request('GET', path, { session: s }), [200]);
  const row = pick(g.rows), month = pick(g.months);
  const before = row.values[month - 1];
  const cell = (value) => ({ year: YEAR, metric: 'sales', owner: 'rep', region: g.region, cells: [{ id: row.id, month, value }] });
  record('target_save', 'PUT', '/api/v1/targets/grid',
         await request('PUT', '/api/v1/targets/grid', { session: s, body: cell((before ?? 0) + 100 * (1 + rnd(1000))) }), [200]);
  record('target_save', 'PUT', '/api/v1/targets/grid',
         await request('PUT', '/api/v1/targets/grid', { session: s, body: cell(before) }), [200]);
}

// Contract entry as a rep: one of their customers, 1–3 lines, a plan that adds up; signed
// today or (--backdated-share, one in five) back-dated to a day of the month before.
let contractSeq = 0;
async function contractEntry(w) {
  const s = w.session.role === 'rep' ? w.session : pick(reps);
  const lines = Array.from({ length: 1 + rnd(3) }, () => {
    const amount = 100000 * (1 + rnd(200));
    return { product: pick(products), qty: 1 + rnd(20), amount, cost: Math.round(amount * 0.6) };
  });
  const amount = lines.reduce((a, l) => a + l.amount, 0);
  const backdated = Math.random() < BACKDATED_SHARE;
  const signed = backdated ? lastMonthDay() : AS_OF;
  const first = Math.floor(amount / 2);
  const body = {
    code: `SOAK${RUN_ID}-${w.id}-${++contractSeq}`, customer: pick(s.customers), signed_date: signed,
    lines, plan: [{ due_date: addDays(signed, 30), amount: first }, { due_date: addDays(signed, 60), amount: amount - first }],
  };
  record('contract_entry', 'POST', '/api/v1/contracts', await request('POST', '/api/v1/contracts', { session: s, body }), [201]);
}

// Meeting minutes as the manager of an open meeting of their region.
let minutesSeq = 0;
async function meetingMinutes(w) {
  const own = w.session.role === 'manager' && w.session.meetings.length ? w.session : null;
  const s = own ?? pick(managers.filter((m) => m.meetings.length));
  const id = pick(s.meetings);
  const body = { minutes: `soak ${RUN_ID} #${++minutesSeq}\n1. 回款进度已跟进\n2. 下周复盘 (${new Date().toISOString()})` };
  record('meeting_minutes', 'PATCH', `/api/v1/meetings/${id}`,
         await request('PATCH', `/api/v1/meetings/${id}`, { session: s, body }), [200]);
}
const WRITES = [targetSave, contractEntry, meetingMinutes];

async function worker(w, deadline) {
  while (Date.now() < deadline) {
    if (Math.random() < WRITE_SHARE) await pick(WRITES)(w);
    else await read(w, pick(w.reads));
  }
}

const workers = Array.from({ length: CONNECTIONS }, (_, i) => {
  const session = sessions[i % sessions.length];  // round-robin over the demo users
  return { id: i, session, reads: readsFor(session.role), etags: new Map() };
});

started.at = Date.now();
const deadline = started.at + MINUTES * 60000;
if (opt['ready-file']) writeFileSync(opt['ready-file'], `${started.at}\n`);
console.error(`soak: ${CONNECTIONS} connections for ${MINUTES} min against ${BASE.origin}, ` +
              `${sessions.length} users (${sessions.map((s) => s.login).join(', ')}), write share ${WRITE_SHARE}`);
let reported = 0;
const ticker = setInterval(() => {
  const m = stats.minutes[reported];
  if (Date.now() - started.at < (reported + 1) * 60000 || !m) return;
  const l = latency(m.ms);
  console.error(`soak: minute ${reported + 1}: ${m.requests} requests (${(m.requests / 60).toFixed(0)}/s), ` +
                `${m.writes} writes, ${m.errors} errors, p50 ${l.p50} ms, p99 ${l.p99} ms`);
  reported++;
}, 1000);
await Promise.all(workers.map((w) => worker(w, deadline)));
clearInterval(ticker);
const elapsed = (Date.now() - started.at) / 1000;
agent.destroy();

// ---------------------------------------------------------------- summary

const kinds = {};
for (const [kind, k] of [...stats.kinds].sort()) {
  kinds[kind] = { requests: k.count, errors: k.errors, not_modified: k.notModified, ...latency(k.ms) };
}
const summary = {
  base: BASE.origin, connections: CONNECTIONS, minutes: MINUTES, as_of: AS_OF, write_share: WRITE_SHARE,
  backdated_share: BACKDATED_SHARE,
  users: sessions.map((s) => `${s.role} ${s.login}`),
  elapsed_s: +elapsed.toFixed(1),
  requests: stats.requests,
  requests_per_s: +(stats.requests / elapsed).toFixed(1),
  writes: [...stats.kinds].filter(([k]) => WRITE_KINDS.has(k)).reduce((a, [, k]) => a + k.count, 0),
  not_modified: stats.notModified,
  errors: stats.errors,
  errors_by_kind: Object.fromEntries(stats.errorKinds),
  statuses: Object.fromEntries([...stats.statuses].sort()),
  latency_ms: latency([...stats.kinds.values()].flatMap((k) => k.ms)),
  kinds,
  per_minute: stats.minutes.map((m, i) => ({ minute: i + 1, requests: m?.requests ?? 0, writes: m?.writes ?? 0,
                                            errors: m?.errors ?? 0, ...latency(m?.ms ?? []) })),
  error_samples: stats.samples,
};
console.log(JSON.stringify(summary, null, 2));
process.exit(stats.errors > 0 ? 1 : 0);
