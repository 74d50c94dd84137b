// deploy/nginx-salesloop.conf as the tests run it: a copy with the upstream ports, the listen
// addresses and the certificate paths swapped for the test's own (each swap must find what the
// deploy file says, so a changed deploy file fails the tests rather than going untested), in an
// nginx.conf of the test's own, run by Debian's nginx binary as a non-daemon child with
// `-c CONF -p DIR` — never the package's service or /etc/nginx.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const DEPLOY_CONF = path.resolve('deploy/nginx-salesloop.conf');
export const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function swap(text, from, to, times = 1) {
  const n = text.split(from).length - 1;
  if (n !== times) throw new Error(`deploy/nginx-salesloop.conf: expected ${times} × "${from}", found ${n}`);
  return text.split(from).join(to);
}

// The deploy file's text for the test. upstreams: the two app servers' ports (for 8081, 8082);
// http/https: loopback ports for its two server blocks; showUpstream: an X-Upstream header on
// every proxied answer (test only: which app server answered).
export function siteConf({ upstreams, http, https, cert, key, showUpstream = false }) {
  let s = readFileSync(DEPLOY_CONF, 'utf8');
  s = swap(s, 'server 127.0.0.1:8081 ', `server 127.0.0.1:${upstreams[0]} `);
  s = swap(s, 'server 127.0.0.1:8082 ', `server 127.0.0.1:${upstreams[1]} `);
  s = swap(s, '    listen 80;\n', `    listen 127.0.0.1:${http};\n`);
  s = swap(s, '    listen 443 ssl http2;\n', `    listen 127.0.0.1:${https} ssl http2;\n`);
  s = swap(s, '    listen [::]:80;\n', '');
  s = swap(s, '    listen [::]:443 ssl http2;\n', '');
  s = swap(s, '/etc/ssl/certs/salesloop.pem;', `${cert};`);
  s = swap(s, '/etc/ssl/private/salesloop.key;', `${key};`);
  if (showUpstream) {
    s = swap(s, 'proxy_pass http://salesloop;\n', 'proxy_pass http://salesloop;\n        add_header X-Upstream $upstream_addr always;\n', 2);
  }
  return s;
}

// A self-signed certificate for 127.0.0.1 in dir: { cert, key }.
export function makeCert(dir) {
  const cert = path.join(dir, 'salesloop.pem'), key = path.join(dir, 'salesloop.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

// nginx.conf in dir (the prefix): one process in the foreground, every path under dir, the
// site included as the deploy file is from /etc/nginx/sites-enabled.
export function writeConf(dir, site) {
  mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  writeFileSync(path.join(dir, 'site.conf'), site);
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, `daemon off;
master_process off;
pid nginx.pid;
error_log error.log info;
events { worker_connections 256; }
http {
    access_log access.log;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    include site.conf;
}
`);
  return conf;
}

// `nginx -t`: { ok, out } (its output is on stderr, exit 0 when the conf is good).
export function checkConf(dir, conf) {
  const r = spawnSync(NGINX, ['-t', '-c', conf, '-p', dir, '-e', 'stderr'], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
}

// nginx as a child; resolves to { stop, log } once `port` takes connections.
export async function startNginx(dir, conf, port) {
  const child = spawn(NGINX, ['-c', conf, '-p', dir, '-e', 'stderr'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => { out += c; });
  child.stderr.on('data', (c) => { out += c; });
  const exited = new Promise((r) => child.on('exit', r));
  const deadline = Date.now() + 10000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}: ${out}`);
    const up = await new Promise((r) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); r(true); });
      c.on('error', () => r(false));
    });
    if (up) break;
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`nginx did not listen on ${port}: ${out}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    log: () => out,
    async stop() {
      if (child.exitCode === null) { child.kill('SIGQUIT'); await exited; }
    },
  };
}
