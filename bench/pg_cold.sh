#!/usr/bin/env bash
# Cold start from PostgreSQL against SQLite on the same data (issue 15: ≤ 1.5 × SQLite's).
# The SQLite bench database is copied into a throwaway PostgreSQL 15 cluster by
# `salesloop migrate` (row counts and a checksum per table checked), then `salesloop_bench
# --cold-only 1` opens each RUNS times, alternating, back to back: the store's load and the
# Snapshot build, in ms. Prints one line per run and the medians with their ratio. Run as root
# (the cluster runs as the postgres user, scripts/lib/pg.sh); the cluster is removed at the end.
#   bench/pg_cold.sh BUILD DB [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=$1; DB=$2; RUNS=${3:-3}
dir=$(mktemp -d /tmp/salesloop-pgcold-XXXXXX)
trap 'bash scripts/lib/pg.sh stop "$dir"; rm -rf "$dir"' EXIT
url=$(bash scripts/lib/pg.sh start "$dir" "" shared_buffers=2GB max_wal_size=8GB)
pg=$(bash scripts/lib/pg.sh createdb "$url" salesloop_cold)
region=$(sqlite3 "$DB" "SELECT id FROM regions WHERE level = 1 ORDER BY id LIMIT 1")
t0=$(date +%s.%N)
"$BUILD/salesloop" migrate --from "$DB" --to "$pg" > "$dir/migrate.log"
t1=$(date +%s.%N)
printf 'migrate to PostgreSQL: %.0f s\n' "$(echo "$t1 - $t0" | bc)"
cold() { "$BUILD/salesloop_bench" --db "$1" --as-of 2026-06-15 --region "$region" --cold-only 1; }
for i in $(seq "$RUNS"); do
  echo "sqlite $(cold "$DB")" >> "$dir/runs"
  echo "postgres $(cold "$pg")" >> "$dir/runs"
done
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => {
  const [who, json] = [l.slice(0, l.indexOf(" ")), JSON.parse(l.slice(l.indexOf(" ") + 1))];
  return { who, load: json.load_ms, build: json.build_ms, lines: json.contract_lines };
});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const r of rows) console.log(`${r.who.padEnd(8)} load ${r.load.toFixed(0)} ms + build ${r.build.toFixed(0)} ms = ${(r.load + r.build).toFixed(0)} ms (${r.lines} lines)`);
const m = (who) => median(rows.filter((r) => r.who === who).map((r) => r.load + r.build));
const s = m("sqlite"), p = m("postgres");
console.log(`cold start (load + build, median): sqlite ${s.toFixed(0)} ms, postgres ${p.toFixed(0)} ms, postgres / sqlite ${(p / s).toFixed(2)}× (goal ≤ 1.5×)`);
' "$dir/runs"
