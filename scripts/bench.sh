#!/usr/bin/env bash
# The engine benchmark of issue 3 (run by `make bench`, never by `make test`): generates
# the demo database once (SCALE, default large: ≥ 10M contract lines) under data/, runs
# bench/run.mjs (engine, floor, SQLite, DuckDB, PostgreSQL; answers checked identical)
# scripts/bench_http.sh (cold start, wrk at 32 connections) and bench/pg_cold.sh (cold start from
# PostgreSQL against SQLite).
#   scripts/bench.sh [BUILD]   env: SCALE=large|medium  RUNS=5  SQL_RUNS=5  AS_OF=2026-06-15
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}; SCALE=${SCALE:-large}; RUNS=${RUNS:-5}; SQL_RUNS=${SQL_RUNS:-$RUNS}; AS_OF=${AS_OF:-2026-06-15}
DB=${BENCH_DB:-data/bench-$SCALE.db}
# The bench's own tools, which neither `make run` nor `make test` needs: wrk from Debian (the
# HTTP load of bench_http.sh) and DuckDB from bench/package-lock.json.
. scripts/lib/apt.sh
mapfile -t missing < <(apt_missing wrk)
apt_install bench "${missing[@]}"
mkdir -p data
if [ ! -f "$DB" ]; then
  echo "generating $DB ($SCALE)…"
  "$BUILD/salesloop" demo --db "$DB" --seed 3 --scale "$SCALE" --as-of "$AS_OF" > "$DB.logins"
fi
(cd bench && [ -d node_modules/@duckdb/node-api ] || npm ci --no-audit --no-fund --loglevel=error)
node bench/run.mjs --db "$DB" --as-of "$AS_OF" --bin "$BUILD/salesloop_bench" --runs "$RUNS" --sql-runs "$SQL_RUNS"
echo ""
bash scripts/bench_http.sh "$BUILD" "$DB" "$AS_OF" 10

echo ""
# Cold start from PostgreSQL against SQLite on the same data (issue 15): migrate, then 3 cold loads each.
bash bench/pg_cold.sh "$BUILD" "$DB" 3

echo ""
# The push benchmark (issue 14): 200 recipients, medium demo, about 35 s after its first run.
bash bench/push_bench.sh "$BUILD"
