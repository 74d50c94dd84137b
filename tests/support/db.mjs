// The independent oracle: SQL run by the sqlite3 shell on the test server's database file.
import { execFileSync } from 'node:child_process';

export const DB = process.env.DB_PATH;

export function sql(query, db = DB) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', db, query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

// The n column of a one-row answer (SELECT COUNT(*) AS n …).
export const count = (query) => sql(query)[0].n;

// The region subtree, written once: `WITH RECURSIVE sub(id, top)` pairs every region under a
// root (the root included) with that root as top. roots is an SQL list or subquery of
// region ids: by default every 大区 (level 1), so sub.top is the 大区 a region is placed in.
export function subtree(roots = 'SELECT id FROM regions WHERE level = 1') {
  return `WITH RECURSIVE sub(id, top) AS (
  SELECT id, id FROM regions WHERE id IN (${roots})
  UNION ALL SELECT r.id, sub.top FROM regions r JOIN sub ON r.parent = sub.id)`;
}

// A 大区 other than the given one (for out-of-scope requests).
export const otherRegion = (region) => sql(`SELECT id FROM regions WHERE level = 1 AND id <> ${region} ORDER BY id LIMIT 1`)[0];
