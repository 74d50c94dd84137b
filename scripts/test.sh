#!/usr/bin/env bash
# Runs every test: unit (ctest), API (node:test against a real server on a fresh small
# demo database) and browser (Playwright + Debian chromium against another one).
# Ends with one line "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
AS_OF=2026-06-15
# Every server of the run (this script's and those the API tests start) runs a streamed page's
# .write and its .encode on every answer and answers 500 encode_mismatch on any difference
# (api/page.h): each API test checks the streamed JSON.
export SALESLOOP_JSON_CHECK=1
mkdir -p test-results
work=$(mktemp -d)
pids=()
pg_dir=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  if [ -n "$pg_dir" ]; then scripts/lib/pg.sh stop "$pg_dir"; rm -rf "$pg_dir"; fi
  rm -rf "$work"
}
trap cleanup EXIT

passed=0 failed=0
plain() { sed -E 's/\x1b\[[0-9;]*m//g' "$1"; }  # a log without colour codes (CI=true turns them on)
count_ctest() {  # "100% tests passed, 0 tests failed out of 42"
  local line; line=$(plain "$1" | grep -E "tests passed, [0-9]+ tests? failed out of" | tail -1)
  local total fail
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line"); fail=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$line")
  [ -n "$total" ] || { failed=$((failed + 1)); return; }
  passed=$((passed + total - fail)); failed=$((failed + fail))
}
count_node() {  # node --test prints "# pass N" and "# fail N"
  local p f
  p=$(plain "$1" | grep -E "^# pass [0-9]+" | tail -1 | awk '{print $3}'); f=$(plain "$1" | grep -E "^# fail [0-9]+" | tail -1 | awk '{print $3}')
  [ -n "$p" ] || { failed=$((failed + 1)); return; }
  passed=$((passed + p)); failed=$((failed + f))
}

# A server on a new small demo database for the suite named $1, at --db $2 (default a new
# SQLite file): sets $base, $db_url (the server's --db), $db and $logins. DB_PATH ($db) is
# always a SQLite file of the same demo: on PostgreSQL a copy (same seed, the PostgreSQL demo's
# password hashes copied in) for what reads a file (the Python oracles, servers of a test's own).
start_server() {
  local name=$1
  db=$work/$name.db logins=$work/$name-logins.txt db_url=${2:-$work/$name.db}
  "$BUILD/salesloop" demo --db "$db_url" --seed 3 --scale small --as-of $AS_OF > "$logins" || return 1
  if [ "$db_url" != "$db" ]; then
    "$BUILD/salesloop" demo --db "$db" --seed 3 --scale small --as-of $AS_OF > /dev/null || return 1
    psql "$db_url" -X -At -F ' ' -c "SELECT id, password_hash FROM users" |
      while read -r id hash; do echo "UPDATE users SET password_hash = '$hash' WHERE id = $id;"; done | sqlite3 "$db"
  fi
  "$BUILD/salesloop" serve --db "$db_url" --port 0 --today $AS_OF --web web/dist > "$work/$name-server.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    base=$(grep -oE "http://127\.0\.0\.1:[0-9]+" "$work/$name-server.log" | head -1)
    [ -n "$base" ] && return 0
    sleep 0.1
  done
  echo "server for $name did not start:"; cat "$work/$name-server.log"; return 1
}

# Every API test file against the server started last; $1 names the log.
run_api() {
  SALESLOOP_BIN=$BUILD/salesloop BASE_URL=$base DB_PATH=$db DB_URL=$db_url DEMO_LOGINS_FILE=$logins \
    node --test --test-concurrency=1 tests/api/ 2>&1 | tee "$work/$1.log"
  count_node "$work/$1.log"
}

echo "== unit tests (ctest)"
# The PostgreSQL store tests (^Pg) run below, against a cluster of their own.
ctest --test-dir "$BUILD" -j 2 -E '^Pg' --output-on-failure --timeout 300 2>&1 | tee "$work/ctest.log"
count_ctest "$work/ctest.log"

echo "== web unit tests (vitest)"
# Counts come from vitest's JSON report, not its console text: under CI=true vitest colours
# its summary, which a text match misses.
(cd web && npx vitest run --reporter=default --reporter=json --outputFile.json="$work/vitest.json" 2>&1) | tee "$work/vitest.log"
if [ -s "$work/vitest.json" ]; then
  read -r vp vf < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0))' "$work/vitest.json")
  passed=$((passed + vp)); failed=$((failed + vf))
else
  echo "vitest wrote no report"; failed=$((failed + 1))
fi

echo "== web lint (ESLint)"
# One test: the whole web tree is clean under web/eslint.config.js (exit 0), or it is not.
if (cd web && npx eslint .) 2>&1 | tee "$work/eslint.log"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== layering check (every #include against DESIGN.md's folder table)"
node --test tests/layering/ 2>&1 | tee "$work/layering.log"
count_node "$work/layering.log"

echo "== API tests"
if start_server api; then
  run_api api
  # Graceful shutdown on SIGTERM: the server exits 0 by itself.
  kill -TERM "${pids[-1]}"; wait "${pids[-1]}"; rc=$?
  if [ $rc -eq 0 ]; then passed=$((passed + 1)); else echo "server exited $rc on SIGTERM"; failed=$((failed + 1)); fi
else
  failed=$((failed + 1))
fi

# --- PostgreSQL (issue 15): the same API tests against a server on PostgreSQL -----------------
echo "== PostgreSQL: store tests and API tests (a throwaway PostgreSQL 15 cluster)"
pg_dir=$(mktemp -d /tmp/salesloop-pg.XXXXXX)  # not under $work: the postgres user cannot enter that
if pg_url=$(scripts/lib/pg.sh start "$pg_dir" "" fsync=off synchronous_commit=off full_page_writes=off); then
  SALESLOOP_PG_URL=$pg_url ctest --test-dir "$BUILD" -R '^Pg' --output-on-failure --timeout 300 2>&1 | tee "$work/ctest-pg.log"
  count_ctest "$work/ctest-pg.log"
  SALESLOOP_BIN=$BUILD/salesloop node --test --test-concurrency=1 tests/multi/ 2>&1 | tee "$work/multi.log"; count_node "$work/multi.log"  # two servers on one PostgreSQL (its own cluster)
  SALESLOOP_PG_URL=$pg_url SALESLOOP_BIN=$BUILD/salesloop node --test --test-concurrency=1 tests/migrate/ 2>&1 | tee "$work/migrate.log"; count_node "$work/migrate.log"  # migrate round trip, import into PostgreSQL
  if pg_db=$(scripts/lib/pg.sh createdb "$pg_url" pgapi) && start_server pgapi "$pg_db"; then
    run_api api-pg
  else
    failed=$((failed + 1))
  fi
else
  echo "could not start a PostgreSQL cluster (scripts/lib/pg.sh; bootstrap --test installs postgresql-15)"
  failed=$((failed + 1))
fi

echo "== browser tests (Playwright + chromium)"
if [ -d tests/browser ] && start_server browser; then
  SALESLOOP_BIN=$BUILD/salesloop BASE_URL=$base DB_PATH=$db DB_URL=$db_url DEMO_LOGINS_FILE=$logins node --test --test-concurrency=1 tests/browser/ 2>&1 | tee "$work/browser.log"
  count_node "$work/browser.log"
fi

echo ""
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
