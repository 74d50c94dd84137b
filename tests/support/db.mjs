// The independent oracle: SQL run on the test server's own database, whichever backend it is:
// the sqlite3 shell on a file, or psql on a postgresql:// URL. DB_URL is the server's --db
// (default DB_PATH). Write the SQL portable: both dialects read it the same (quote "user").
import { execFileSync } from 'node:child_process';

export const DB = process.env.DB_PATH;
export const DB_URL = process.env.DB_URL ?? DB;
export const isPg = (db = DB_URL) => /^postgres(ql)?:\/\//.test(db ?? '');

const reads = (q) => /^\s*(SELECT|WITH)\b/i.test(q);

// The few SQLite functions the oracles use that PostgreSQL spells otherwise, in a schema of
// their own that only the oracle's psql sessions put on their search_path (the server never
// sees it): SUM over a condition, julianday, instr, group_concat, substr of a DATE, date(d, '+1 day').
const COMPAT = `CREATE SCHEMA IF NOT EXISTS sqlite_compat;
CREATE OR REPLACE FUNCTION sqlite_compat.bool_add(bigint, boolean) RETURNS bigint LANGUAGE sql IMMUTABLE
  AS 'SELECT CASE WHEN $2 IS NULL THEN $1 ELSE coalesce($1, 0) + $2::int END';
CREATE OR REPLACE AGGREGATE sqlite_compat.sum(boolean) (SFUNC = sqlite_compat.bool_add, STYPE = bigint);
CREATE OR REPLACE FUNCTION sqlite_compat.julianday(date) RETURNS double precision LANGUAGE sql IMMUTABLE
  AS 'SELECT ($1 - DATE ''1970-01-01'') + 2440587.5';
CREATE OR REPLACE FUNCTION sqlite_compat.julianday(text) RETURNS double precision LANGUAGE sql IMMUTABLE
  AS 'SELECT sqlite_compat.julianday($1::date)';
CREATE OR REPLACE FUNCTION sqlite_compat.substr(date, int, int) RETURNS text LANGUAGE sql IMMUTABLE
  AS 'SELECT substr($1::text, $2, $3)';
CREATE OR REPLACE FUNCTION sqlite_compat.date(text, text) RETURNS text LANGUAGE sql IMMUTABLE
  AS 'SELECT ($1::date + $2::interval)::date::text';
CREATE OR REPLACE FUNCTION sqlite_compat.date(date, text) RETURNS text LANGUAGE sql IMMUTABLE
  AS 'SELECT ($1 + $2::interval)::date::text';
CREATE OR REPLACE FUNCTION sqlite_compat.instr(text, text) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT strpos($1, $2)';
CREATE OR REPLACE FUNCTION sqlite_compat.concat_add(text, anyelement) RETURNS text LANGUAGE sql IMMUTABLE
  AS 'SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2::text ELSE $1 || '','' || $2::text END';
CREATE OR REPLACE AGGREGATE sqlite_compat.group_concat(anyelement) (SFUNC = sqlite_compat.concat_add, STYPE = text);`;
const compatDone = new Set();

function onPg(query, db) {
  const q = query.trim().replace(/;\s*$/, '');
  const base = ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', db, '-c'];
  if (!compatDone.has(db)) execFileSync('psql', [...base, COMPAT], { encoding: 'utf8' }), compatDone.add(db);
  const args = [...base.slice(0, -1), '-c', 'SET search_path = public, sqlite_compat', '-c'];
  if (!reads(q)) return execFileSync('psql', [...args, q], { encoding: 'utf8' }), [];
  const out = execFileSync('psql', [...args, `SELECT coalesce(json_agg(sl_oracle_row), '[]'::json) FROM (${q}) sl_oracle_row`],
    { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out);
}

// The rows of a query as objects; a statement that is no query (UPDATE …) returns [].
export function sql(query, db = DB_URL) {
  if (isPg(db)) return onPg(query, db);
  const out = execFileSync('sqlite3', [...(reads(query) ? ['-readonly'] : []), '-json', db, query],
    { encoding: 'utf8', maxBuffer: 1 << 28 });
  return out.trim() ? JSON.parse(out) : [];
}

// The query with $1, $2 … replaced by the params as SQL literals (numbers, strings, null).
export function bind(query, params = []) {
  const lit = (v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
  return query.replace(/\$(\d+)/g, (_, i) => lit(params[Number(i) - 1]));
}
export const dbQuery = (query, params = []) => sql(bind(query, params));

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
