// The demo logins: "role login password" per line, as `salesloop demo` prints them
// (the API and browser tests both read the file DEMO_LOGINS_FILE names).
import { readFileSync } from 'node:fs';

// { role: [{ login, password }, …] } in the file's order; blank and '#' lines are skipped.
export function readLogins(file = process.env.DEMO_LOGINS_FILE) {
  if (!file) throw new Error('DEMO_LOGINS_FILE is not set (make test sets it)');
  const out = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [role, login, password] = line.trim().split(/\s+/);
    if (!role || role.startsWith('#') || !password) continue;
    (out[role] ??= []).push({ login, password });
  }
  return out;
}
