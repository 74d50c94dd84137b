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

// `salesloop serve` on `db` with extra arguments and environment, started as a child the caller
// may kill (kill -9 tests); resolves to { base, child, log, stop } once it prints its URL
// (stop: SIGTERM, resolves when it has exited).
export function spawnServer(db, { args = [], env = {}, today = '2026-06-15', startMs = 30000 } = {}) {
  const bin = process.env.SALESLOOP_BIN ?? path.resolve('build/salesloop');
  const child = spawn(bin, ['serve', '--db', db, '--port', '0', '--today', today, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  const stop = async () => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await gone;
  };
  return new Promise((resolve, reject) => {
    const seen = (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) resolve({ base: m[0], child, log: () => out, stop });
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    setTimeout(() => reject(new Error('server did not start: ' + out)), startMs);
  });
}

export async function ownServer({ from = process.env.DB_PATH, db = null, args = [], today = '2026-06-15', web = 'web/dist' } = {}) {
  const owned = db === null;
  if (owned) db = copyDb(from);
  const dir = path.dirname(db);
  const server = await spawnServer(db, { args: ['--web', web, ...args], today });
  return {
    base: server.base, db, dir, log: server.log,
    async stop() {
      await server.stop();
      if (owned) rmSync(dir, { recursive: true, force: true });
    },
  };
}
