// A server of a test's own, on a consistent copy of the suite's database (tests that write
// leave the suite's database as the other tests expect it). { base, db, dir, log, stop }.
// `db` serves an existing copy (made with copyDb) instead, kept when the server stops, so one
// copy can be served again with another --today or other options.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A consistent copy of a (possibly live, WAL) database file in a new temporary folder.
export function copyDb(src = process.env.DB_PATH) {
  const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-own-'));
  const db = path.join(dir, 'copy.db');
  execFileSync('sqlite3', [src, `.backup '${db}'`]);
  return db;
}

export async function ownServer({ from = process.env.DB_PATH, db = null, args = [], today = '2026-06-15', web = 'web/dist' } = {}) {
  const bin = process.env.SALESLOOP_BIN ?? path.resolve('build/salesloop');
  const owned = db === null;
  if (owned) db = copyDb(from);
  const dir = path.dirname(db);
  const child = spawn(bin, ['serve', '--db', db, '--port', '0', '--today', today, '--web', web, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const base = await new Promise((resolve, reject) => {
    const seen = (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) resolve(m[0]);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    setTimeout(() => reject(new Error('server did not start: ' + out)), 30000);
  });
  return {
    base, db, dir,
    log: () => out,
    async stop() {
      child.removeAllListeners('exit');
      const gone = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await gone;
      if (owned) rmSync(dir, { recursive: true, force: true });
    },
  };
}
