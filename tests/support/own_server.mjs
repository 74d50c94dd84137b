// A server of a test's own, on a consistent copy of the suite's database (the import tests
// write; the suite's database stays as the other tests expect it). { base, db, stop }.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function ownServer({ from = process.env.DB_PATH, args = [], today = '2026-06-15', web = 'web/dist' } = {}) {
  const bin = process.env.SALESLOOP_BIN ?? path.resolve('build/salesloop');
  const dir = mkdtempSync(path.join(tmpdir(), 'salesloop-own-'));
  const db = path.join(dir, 'copy.db');
  execFileSync('sqlite3', [from, `.backup '${db}'`]);
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
    setTimeout(() => reject(new Error('server did not start: ' + out)), 20000);
  });
  return {
    base, db, dir,
    log: () => out,
    async stop() {
      const gone = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await gone;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
