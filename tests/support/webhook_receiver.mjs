// A loopback HTTP receiver for the push tests (issue 14): records every request (method, path,
// query, headers, body text and parsed JSON) and answers 200 {"errcode":0,"errmsg":"ok"} — the
// robots' success — unless statuses were queued with failNext(path, status, n).
import http from 'node:http';

export async function startReceiver() {
  const requests = [];
  const failures = new Map(); // path → [status, …] answered before the next 200s
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      let json = null;
      try { json = JSON.parse(body); } catch { json = null; }
      const queued = failures.get(url.pathname) ?? [];
      const status = queued.length ? queued.shift() : 200;
      requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers,
        body, json, status, at: Date.now() });
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(status === 200 ? '{"errcode":0,"errmsg":"ok"}' : '{"error":"receiver told to fail"}');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    requests,
    on: (path) => requests.filter((r) => r.path === path),
    failNext(path, status, n = 1) { failures.set(path, [...(failures.get(path) ?? []), ...Array(n).fill(status)]); },
    stop: () => new Promise((r) => server.close(r)),
  };
}
