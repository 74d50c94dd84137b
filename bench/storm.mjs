// The "9:00 storm" (issue 17): the D1 cockpit of every rep requested once each, by N clients at
// once, against a running server — the morning after a nightly import, when no answer is cached
// yet. Start the server with `--result-cache 0`, the uncached path (scripts/bench_http.sh always
// runs the storm against a server of its own with the cache off). Prints the total wall time, requests per second and the latency
// percentiles; exits 1 on any non-200 answer.
//   node bench/storm.mjs BASE_URL LOGIN PASSWORD DB [CLIENTS=32] [AS_OF]
// The rep ids are read from DB with the sqlite3 command-line tool (read-only).
import { execFileSync } from 'node:child_process';

const [base, login, password, db, clientsArg, asOf] = process.argv.slice(2);
if (!base || !login || !password || !db) {
  console.error('usage: node bench/storm.mjs BASE_URL LOGIN PASSWORD DB [CLIENTS] [AS_OF]');
  process.exit(2);
}
const clients = Number(clientsArg || 32);
const reps = execFileSync('sqlite3', ['-readonly', db, 'SELECT id FROM reps ORDER BY id'], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .slice(0, Number(process.env.STORM_REPS || Infinity)); // STORM_REPS=N: the first N reps only

const session = await fetch(`${base}/api/v1/session`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ login, password }),
});
if (session.status !== 200) {
  console.error(`login failed: ${session.status}`);
  process.exit(1);
}
const cookie = session.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');

const latencies = [];
let errors = 0,
  bytes = 0,
  next = 0;
async function client() {
  while (next < reps.length) {
    const rep = reps[next++];
    const url = `${base}/api/v1/do/cockpit?rep=${rep}${asOf ? `&as_of=${asOf}` : ''}`;
    const t0 = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie } });
    const body = await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    bytes += body.byteLength;
    if (res.status !== 200) errors++;
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: clients }, client));
const wall = performance.now() - t0;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
console.log(
  `storm: ${reps.length} cockpits, ${clients} clients: total ${(wall / 1000).toFixed(2)} s, ` +
    `${((reps.length * 1000) / wall).toFixed(0)} req/s, p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, ` +
    `max ${latencies[latencies.length - 1].toFixed(1)} ms, ${errors} errors, ${(bytes / reps.length / 1024).toFixed(1)} KiB/answer`,
);
process.exit(errors ? 1 : 0);
