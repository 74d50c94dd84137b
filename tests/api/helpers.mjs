// What the API tests import: the shared pieces of tests/support/ under the names the tests use.
import { readLogins } from '../support/logins.mjs';

export { BASE, Client, as, postSession } from '../support/client.mjs';
export { DB, sql, count, subtree, otherRegion } from '../support/db.mjs';
export { AS_OF, contractBody } from '../support/fixtures.mjs';

// "role login password" per line, as `salesloop demo` prints them: { role: [{ login, password }] }.
export const logins = () => readLogins();
