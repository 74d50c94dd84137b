// The login throttle from outside (issue 8, findings 1 and 2): a new TCP connection for every
// try does not reset it, the attacker's address is slowed, and the owner logging in from
// another address (the client binds 127.0.0.2; the server stays on 127.0.0.1) gets in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { BASE, salesloopCli } from './helpers.mjs';

const url = new URL(BASE);

// One POST /api/v1/session on a connection of its own, from the given source address.
function login(from, login, password) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ login, password });
    const req = http.request({
      host: url.hostname, port: url.port, path: '/api/v1/session', method: 'POST', localAddress: from, agent: false,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Accept-Language': 'en', Connection: 'close' },
    }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, json: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('wrong passwords on new connections are slowed; the owner from another address gets in', async () => {
  const name = `victim${Date.now() % 100000}`;
  const password = 'Owner-knows-7319';
  const add = salesloopCli(['user', 'add', '--login', name, '--role', 'executive'], { input: password + '\n' });
  assert.equal(add.status, 0, add.stderr);

  const statuses = [];
  let limited;
  for (let i = 0; i < 12; ++i) {
    const r = await login('127.0.0.1', i % 2 ? name.toUpperCase() : name, `guess-${i}-wrong`);
    statuses.push(r.status);
    if (r.status === 429 && !limited) limited = r;
  }
  assert.deepEqual(statuses.slice(0, 3), [401, 401, 401], statuses.join(' '));
  assert.ok(limited, `no 429 in 12 tries on 12 connections: ${statuses.join(' ')}`);
  assert.equal(statuses[3], 429, 'the fourth immediate try waits');
  assert.ok(Number(limited.headers['retry-after']) >= 1);
  assert.equal(limited.json.error.code, 'too_many_attempts');
  assert.match(limited.json.error.message, /try again in \d+ second/);
  // The right password from the attacker's address waits too (the pair is throttled) …
  assert.equal((await login('127.0.0.1', name, password)).status, 429);
  // … but the owner's own address is not touched by someone else's guesses.
  const owner = await login('127.0.0.2', name, password);
  assert.equal(owner.status, 200, JSON.stringify(owner.json));
  assert.equal(owner.json.user.login, name);
});
