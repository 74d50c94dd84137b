// A server of the test's own on a copy of the test database (so its writes touch nobody
// else's figures), with its own --today and extra serve options; { base, db, close }.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = process.env.SALESLOOP_BIN ?? path.resolve('build/salesloop');

// A consistent copy of a (possibly live, WAL) database file in a new temporary folder.
export function copyDb(src) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesloop-own-'));
  const db = path.join(dir, 'copy.db');
  execFileSync('sqlite3', [src, `.backup '${db}'`]);
  return db;
}

export async function ownServer(db, today, extra = []) {
  const child = spawn(BIN, ['serve', '--db', db, '--port', '0', '--today', today, '--web', 'web/dist', ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    let out = '';
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
    base, db,
    close: () => new Promise((resolve) => { child.removeAllListeners('exit'); child.on('exit', resolve); child.kill('SIGTERM'); }),
  };
}
