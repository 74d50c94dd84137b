#!/usr/bin/env bash
# The import's speed (issue 12 "Speed"; not a test): LINES contract lines (default 1,000,000) in
# one CSV, imported by `salesloop import --entity contract_lines` into a database that already
# holds a demo's customers, products and contracts (their lines removed), side by side in the
# same run with the floor: `sqlite3 .import` of the same file into a bare table. Prints rows/s
# of each, the ratio, and the peak RSS of the import (/usr/bin/time -v).
#   bench/import_bench.sh [BUILD]   env: SCALE=medium|large (the demo: its customers, products
#                                   and contracts), LINES=1000000, WORK=/tmp/salesloop-import-bench,
#                                   RUNS=1 (pairs of floor and import, each on a fresh copy; with
#                                   more than one the medians are printed too)
#                                   FROM_DB=an existing demo database instead (read only, e.g. the
#                                   large demo, which takes ~10 min to generate): its regions, reps,
#                                   customers and products, and its first CONTRACTS contracts
#                                   (default LINES / 4, the large demo's lines per contract) with
#                                   their opportunities, copied into an empty database (`init`)
# The file's lines are spread over the demo's contracts, LINES / contracts each, their amounts
# adding up to the contract's (the import checks that); a line's cost is left empty (the import
# derives it from the product's unit cost).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}; SCALE=${SCALE:-medium}; LINES=${LINES:-1000000}; AS_OF=${AS_OF:-2026-06-15}
WORK=${WORK:-/tmp/salesloop-import-bench}
BIN="$BUILD/salesloop"
mkdir -p "$WORK"
DEMO="$WORK/demo-$SCALE.db"
if [ -n "${FROM_DB:-}" ]; then
  CONTRACTS=${CONTRACTS:-$(( LINES / 4 ))}
  DEMO="$WORK/from-$(basename "$FROM_DB" .db)-$CONTRACTS.db"
  if [ ! -f "$DEMO" ]; then
    echo "copying $FROM_DB's regions, reps, customers, products and $CONTRACTS contracts into $DEMO…"
    printf 'Quiet-river-2026!\n' | "$BIN" init --db "$DEMO" --login bench > /dev/null
    sqlite3 "$DEMO" <<SQL
ATTACH 'file:$FROM_DB?mode=ro' AS src;
BEGIN;
INSERT INTO regions SELECT * FROM src.regions;
INSERT INTO reps SELECT * FROM src.reps;
INSERT INTO customers SELECT * FROM src.customers;
INSERT INTO products SELECT * FROM src.products;
INSERT INTO contracts SELECT * FROM src.contracts ORDER BY id LIMIT $CONTRACTS;
INSERT INTO opportunities SELECT * FROM src.opportunities WHERE id IN (SELECT opportunity FROM contracts);
COMMIT;
SQL
  fi
elif [ ! -f "$DEMO" ]; then
  echo "generating $DEMO ($SCALE)…"
  "$BIN" demo --db "$DEMO" --seed 3 --scale "$SCALE" --as-of "$AS_OF" > /dev/null
fi
echo "base: $(sqlite3 "$DEMO" "SELECT (SELECT count(*) FROM customers) || ' customers, ' || (SELECT count(*) FROM products) || ' products, ' || (SELECT count(*) FROM contracts) || ' contracts'")"
DB="$WORK/target.db"
BASE="$WORK/target-base.db"  # the demo without its lines: each run imports into a fresh copy
rm -f "$DB" "$DB-wal" "$DB-shm" "$WORK/floor.db" "$BASE"
sqlite3 "$DEMO" ".backup '$BASE'"
sqlite3 "$BASE" "DELETE FROM contract_lines; VACUUM;"
cp "$BASE" "$DB"
contracts=$(sqlite3 "$DB" "SELECT count(*) FROM contracts")
per=$(( (LINES + contracts - 1) / contracts ))
CSV="$WORK/contract_lines.csv"
echo "writing $CSV: $LINES lines over $contracts contracts ($per a contract at most)…"
# The first contracts by id get `per` lines each (the last one what is left of LINES); line i
# is amount / lines, the last line the remainder; products in turn.
sqlite3 "$DB" > "$CSV" <<SQL
.mode csv
.headers on
-- The products numbered in a table with a key: a CTE would be scanned for every line (2,000
-- products × 1M lines took ~10 minutes on the large demo).
CREATE TEMP TABLE prods(k INTEGER PRIMARY KEY, code TEXT, m INTEGER);
INSERT INTO prods SELECT row_number() OVER (ORDER BY id) - 1, code, count(*) OVER () FROM products;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $per),
ranked AS (SELECT id, code, amount, row_number() OVER (ORDER BY id) - 1 AS r FROM contracts),
sized AS (SELECT id, code, amount, min($per, $LINES - r * $per) AS cnt FROM ranked WHERE r * $per < $LINES),
lines AS (
  SELECT code AS contract, n.i AS line_no, id AS cid,
         CASE WHEN n.i < cnt THEN amount / cnt ELSE amount - (amount / cnt) * (cnt - 1) END AS fen
  FROM sized JOIN n ON n.i <= cnt)
SELECT contract, line_no, p.code AS product, 1 AS qty,
       (fen / 100) || '.' || printf('%02d', fen % 100) AS line_amount, '' AS cost
FROM lines JOIN prods p ON p.k = (cid + line_no) % (SELECT m FROM prods LIMIT 1)
ORDER BY cid, line_no;
SQL
rows=$(( $(wc -l < "$CSV") - 1 ))
echo "$rows lines, $(du -h "$CSV" | cut -f1)"

now() { date +%s.%N; }
# CPU seconds (user + sys) beside the wall time: on a machine shared with other work the wall
# time mostly measures the wait for a core, the CPU time what each one costs.
cpu() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u + s}' "$1"; }
RUNS=${RUNS:-1}
RESULTS="$WORK/runs.txt"
: > "$RESULTS"
printf '\n%-4s %10s %10s %10s %10s %8s %8s %8s %s\n' run "floor s" "floor CPU" "import s" "import CPU" ratio "CPU ×" "RSS MB" "load"
for run in $(seq 1 "$RUNS"); do
  rm -f "$DB" "$DB-wal" "$DB-shm" "$WORK/floor.db"
  cp "$BASE" "$DB"
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(now)
  /usr/bin/time -v sqlite3 "$WORK/floor.db" 2> "$WORK/floor.err" <<SQL
CREATE TABLE lines(contract TEXT, line_no INTEGER, product TEXT, qty INTEGER, line_amount TEXT, cost TEXT);
.import --csv --skip 1 '$CSV' lines
SQL
  t1=$(now)
  floor=$(echo "$t1 - $t0" | bc)
  test "$(sqlite3 "$WORK/floor.db" 'SELECT count(*) FROM lines')" -eq "$rows"

  t0=$(now)
  /usr/bin/time -v "$BIN" import --db "$DB" --entity contract_lines --file "$CSV" > "$WORK/import.out" 2> "$WORK/import.err"
  t1=$(now)
  ours=$(echo "$t1 - $t0" | bc)
  test "$(sqlite3 "$DB" 'SELECT count(*) FROM contract_lines')" -eq "$rows"
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/import.err")
  floor_cpu=$(cpu "$WORK/floor.err"); ours_cpu=$(cpu "$WORK/import.err")
  ratio=$(echo "$ours / $floor" | bc -l); cratio=$(echo "$ours_cpu / $floor_cpu" | bc -l)
  printf '%-4s %10.2f %10.2f %10.2f %10.2f %8.2f %8.2f %8d %s\n' "$run" "$floor" "$floor_cpu" "$ours" "$ours_cpu" "$ratio" "$cratio" \
    "$(( rss / 1024 ))" "$load" | tee -a "$RESULTS"
done
cat "$WORK/import.out"
phases=$(grep -E '^import: (checked|writing|committed|wrote)' "$WORK/import.err" | tail -3 | tr '\n' ' ')
echo "progress: $phases"
echo "$rows rows: rows/s of the last run: floor $(echo "$rows / $floor" | bc), import $(echo "$rows / $ours" | bc)"
if [ "$RUNS" -gt 1 ]; then
  # The median of each column over the runs (the middle one; RUNS odd).
  med() { awk -v c="$1" '{print $c}' "$RESULTS" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
  printf 'median of %d runs: floor %.2f s (CPU %.2f s), import %.2f s (CPU %.2f s), ratio %.2f × wall, %.2f × CPU, peak RSS %d MB\n' \
    "$RUNS" "$(med 2)" "$(med 3)" "$(med 4)" "$(med 5)" "$(med 6)" "$(med 7)" "$(med 8)"
fi
