// The push benchmark's client (bench/push_bench.sh starts the servers): as the demo's admin it
// creates the recipients through the users API (reps on the demo's reps, managers on its 大区
// and 省区, executives; every other one in English), points the channels at the loopback SMTP
// server, subscribes them all to PAGE with PDF + XLSX, then times "send now" until the last
// mail has reached the SMTP server's folder.
//   node bench/push_bench.mjs BASE ADMIN_LOGIN ADMIN_PASSWORD SMTP_PORT MAIL_DIR DB RECIPIENTS PAGE
import { readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { Client } from '../tests/support/client.mjs';

const [base, login, password, smtpPort, mailDir, db, recipients, page] = process.argv.slice(2);
const want = Number(recipients);
const sql = (q) => JSON.parse(execFileSync('sqlite3', ['-json', db, q], { encoding: 'utf8' }) || '[]');
const check = (r, what) => { if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`); return r.json; };

const admin = new Client('zh-CN', base);
check(await admin.login(login, password), 'login');
check(await admin.req('PUT', '/api/v1/settings/channels',
  { smtp: { host: '127.0.0.1', port: Number(smtpPort), tls: 'none', user: '', password: '', from: 'salesloop@bench.test' } }), 'channels');

const have = sql(`SELECT id FROM users WHERE login LIKE 'bench%'`).map((u) => u.id);
const t0 = Date.now();
if (have.length < want) {
  const reps = sql('SELECT id FROM reps WHERE leave_date IS NULL ORDER BY id').map((r) => r.id);
  const regions = sql('SELECT id FROM regions WHERE level >= 1 ORDER BY id').map((r) => r.id);
  for (let i = have.length; i < want; ++i) {
    // 8 in 10 reps, 3 in 20 managers, 1 in 20 executives.
    const kind = i % 20 === 0 ? 'executive' : i % 20 < 4 ? 'manager' : 'rep';
    const body = { login: `bench${i}`, role: kind, email: `bench${i}@bench.test`, lang: i % 2 ? 'en' : 'zh-CN',
      password: `Bench-pass-${i}-x9` };
    if (kind === 'rep') body.rep = reps[i % reps.length];
    if (kind === 'manager') body.region = regions[i % regions.length];
    check(await admin.req('POST', '/api/v1/users', body), 'user ' + i);
  }
}
const users = sql(`SELECT id FROM users WHERE login LIKE 'bench%' ORDER BY id`).map((u) => u.id);
console.log(`recipients: ${users.length} users (created in ${((Date.now() - t0) / 1000).toFixed(1)} s, not timed below)`);

const sub = check(await admin.req('POST', '/api/v1/subscriptions', { page, params: {}, schedule: 'daily 08:00',
  recipients: { users: users.slice(0, want) }, channels: ['email'], formats: ['pdf', 'xlsx'] }), 'subscription');
const before = readdirSync(mailDir).filter((f) => f.endsWith('.eml')).length;
const start = Date.now();
const sent = check(await admin.req('POST', `/api/v1/subscriptions/${sub.id}/send`), 'send');
const rendered = Date.now();
for (;;) {
  const n = readdirSync(mailDir).filter((f) => f.endsWith('.eml')).length - before;
  if (n >= sent.queued) break;
  if (Date.now() - start > 600000) throw new Error(`only ${n} of ${sent.queued} mails after 10 minutes`);
  await new Promise((r) => setTimeout(r, 100));
}
const done = Date.now();
const bytes = sql(`SELECT COALESCE(SUM(LENGTH(CAST(f.data AS BLOB))), 0) AS b, COUNT(*) AS n FROM delivery_files f JOIN deliveries d ON d.id = f.delivery
  WHERE d.subscription = ${sub.id}`)[0];
console.log(`page ${page}: ${sent.queued} mails queued (skipped ${sent.skipped}, without address ${sent.missing?.length ?? 0})`);
console.log(`send now → rendered and queued: ${((rendered - start) / 1000).toFixed(1)} s; → last mail at the SMTP server: ` +
  `${((done - start) / 1000).toFixed(1)} s`);
console.log(`rendered files: ${bytes.n} (${(bytes.b / 1048576).toFixed(1)} MiB)`);
