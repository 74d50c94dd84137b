// What the API tests import: the shared pieces of tests/support/ under the names the tests use.
import { spawnSync } from 'node:child_process';
import { readLogins } from '../support/logins.mjs';
import { DB_URL } from '../support/db.mjs';

export { BASE, Client, as, postSession } from '../support/client.mjs';
export { DB, DB_URL, isPg, sql, dbQuery, count, subtree, otherRegion } from '../support/db.mjs';
export { AS_OF, contractBody } from '../support/fixtures.mjs';

// "role login password" per line, as `salesloop demo` prints them: { role: [{ login, password }] }.
export const logins = () => readLogins();

// `salesloop ARGS… --db <the server's database>` (spawnSync's result).
export function salesloopCli(args, opts = {}) {
  const bin = process.env.SALESLOOP_BIN ?? 'build/salesloop';
  return spawnSync(bin, [...args, '--db', DB_URL], { encoding: 'utf8', ...opts });
}
