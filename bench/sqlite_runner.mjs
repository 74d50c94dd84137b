// Runs workload queries on a SQLite file through the sqlite3 shell: one shell per query,
// the query repeated `runs` times with `.timer on`, so timings are SQLite's own (no
// process start in them) and the rows come from the first run.
import { execFileSync } from 'node:child_process';

export function runSqlite(db, queries, runs) {
  const results = [];
  for (const q of queries) {
    const sql = q.sql.replace(/\s+/g, ' ').trim();
    const script = `.mode list\n.separator |\n.timer on\n` + Array(runs).fill(sql + ';').join('\n') + '\n';
    const out = execFileSync('sqlite3', ['-readonly', db], { input: script, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = [], rows = [];
    let run = 0;
    for (const line of out.split('\n')) {
      const t = line.match(/^Run Time: real ([0-9.]+)/);
      if (t) { ms.push(Number(t[1]) * 1000); run++; continue; }
      if (run === 0 && line.trim() !== '') rows.push(line.split('|'));
    }
    results.push({ name: q.name, ms, rows });
  }
  return results;
}
