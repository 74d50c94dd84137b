// `nginx -t` on deploy/nginx-salesloop.conf (docs/deploy.md installs it as is into
// /etc/nginx/sites-available): a copy with the test's ports and a self-signed certificate
// (tests/multi/nginx_site.mjs), included from an nginx.conf of the test's own. Needs Debian's
// nginx binary (scripts/bootstrap.sh --test), not its service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteConf, makeCert, writeConf, checkConf, DEPLOY_CONF } from './nginx_site.mjs';

const DEBIAN_CONF = '/etc/nginx/nginx.conf';

test('nginx -t accepts deploy/nginx-salesloop.conf, with no warning', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-nginx-t-'));
  try {
    const { cert, key } = makeCert(dir);
    const conf = writeConf(dir, siteConf({ upstreams: [18081, 18082], http: 18080, https: 18443, cert, key }));
    const { ok, out } = checkConf(dir, conf);
    assert.ok(ok, out);
    assert.match(out, /syntax is ok/);
    assert.match(out, /test is successful/);
    assert.doesNotMatch(out, /\[(warn|emerg|alert|crit)\]/, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// As installed: in Debian's own /etc/nginx/nginx.conf (its http settings, modules, mime types),
// the copy in place of sites-enabled/* (so the machine's other sites play no part).
test('nginx -t accepts it inside Debian\'s /etc/nginx/nginx.conf', { skip: !existsSync(DEBIAN_CONF) && 'no /etc/nginx/nginx.conf' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-nginx-t-'));
  try {
    const { cert, key } = makeCert(dir);
    writeFileSync(path.join(dir, 'site.conf'), siteConf({ upstreams: [18081, 18082], http: 18080, https: 18443, cert, key }));
    const debian = readFileSync(DEBIAN_CONF, 'utf8');
    assert.match(debian, /include \/etc\/nginx\/sites-enabled\/\*;/);
    const conf = path.join(dir, 'nginx.conf');
    writeFileSync(conf, debian.replace('include /etc/nginx/sites-enabled/*;', `include ${path.join(dir, 'site.conf')};`));
    const { ok, out } = checkConf(dir, conf);
    assert.ok(ok, out);
    assert.match(out, /test is successful/);
    assert.doesNotMatch(out, /\[(warn|emerg|alert|crit)\]/, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nginx -t fails on a broken copy (the check checks)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-nginx-t-'));
  try {
    const { cert, key } = makeCert(dir);
    const site = siteConf({ upstreams: [18081, 18082], http: 18080, https: 18443, cert, key }).replace('proxy_pass http://salesloop;', 'proxy_pass http://nowhere-upstream;');
    const { ok, out } = checkConf(dir, writeConf(dir, site));
    assert.equal(ok, false);
    assert.match(out, /nowhere-upstream/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the deploy file proxies to the ports of salesloop@.service instances the docs enable', () => {
  const site = readFileSync(DEPLOY_CONF, 'utf8');
  const docs = readFileSync(path.resolve('docs/deploy.md'), 'utf8');
  const ports = [...site.matchAll(/^\s*server 127\.0\.0\.1:(\d+)/gm)].map((m) => m[1]);
  assert.deepEqual(ports, ['8081', '8082']);
  for (const p of ports) assert.match(docs, new RegExp(`salesloop@${p}`));
  assert.match(docs, /install -m 644 deploy\/nginx-salesloop\.conf \/etc\/nginx\/sites-available\/salesloop/);
});
