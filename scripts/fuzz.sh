#!/usr/bin/env bash
# `make fuzz`: the libFuzzer targets of tests/fuzz/ (README.md there says what each covers).
# Installs clang 14 and its sanitizer runtimes when missing, builds the whole tree with them
# in build-fuzz/ (-DSALESLOOP_FUZZ=ON), runs each target FUZZ_SECONDS seconds on a working
# copy of its committed corpus, and ends with one summary line per target.
#
#   FUZZ_SECONDS=60     seconds per target
#   FUZZ_TARGETS="…"    which targets (default: all of them)
#   FUZZ_BUILD=dir      build directory (default build-fuzz)
#   FUZZ_OUT=dir        working corpora, logs and crash files (default $FUZZ_BUILD/fuzz-out)
#
# Exit status 1 when a target found something (its crash files are listed).
set -euo pipefail
cd "$(dirname "$0")/.."

SECS=${FUZZ_SECONDS:-60}
BUILD=${FUZZ_BUILD:-build-fuzz}
OUT=${FUZZ_OUT:-$BUILD/fuzz-out}
JOBS=${JOBS:-$(nproc)}
read -ra TARGETS <<< "${FUZZ_TARGETS:-http_request_fuzz write_bodies_fuzz query_params_fuzz csv_reader_fuzz xlsx_reader_fuzz values_fuzz}"

# clang-14 builds; libclang-rt-14-dev holds libFuzzer and the ASan/UBSan runtimes.
. scripts/lib/apt.sh
mapfile -t missing < <(apt_missing clang-14 libclang-rt-14-dev)
apt_install fuzz "${missing[@]}"

# RelWithDebInfo without -DNDEBUG: optimised, with line numbers in reports and asserts on.
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g" \
  -DCMAKE_CXX_COMPILER=clang++-14 -DSALESLOOP_FUZZ=ON > /dev/null
cmake --build "$BUILD" -j "$JOBS" --target "${TARGETS[@]}"

# Stack traces with file:line; a leak or UB report is a finding like a crash.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
command -v llvm-symbolizer >/dev/null || export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer

summary=()
found=0
for t in "${TARGETS[@]}"; do
  seeds=tests/fuzz/corpus/$t
  work=$OUT/$t/corpus     # new inputs go here, never into the committed corpus
  crashes=$OUT/$t/crashes
  log=$OUT/$t/fuzz.log
  rm -rf "${OUT:?}/$t"
  mkdir -p "$work" "$crashes"
  dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=("-dict=tests/fuzz/$t.dict")
  echo ""
  echo "=== $t: ${SECS}s on $(find "$seeds" -type f | wc -l) seeds ==="
  # -timeout: an input that runs 10 s is a finding (a loop a request could hold a worker in).
  set +e
  "$BUILD/tests/fuzz/$t" -max_total_time="$SECS" -print_final_stats=1 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$crashes/" "${dict[@]}" "$work" "$seeds" 2>&1 | tee "$log" | grep -E "^(#[0-9]+[[:space:]]+(INITED|DONE)|FINDING|==[0-9]+==ERROR|SUMMARY|.*runtime error)"
  set -e
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
  added=$(sed -nE 's/^stat::new_units_added: *([0-9]+).*/\1/p' "$log" | tail -1)
  # The last status line: "#N ... cov: X ft: Y corp: A/B ..."
  cov=$(grep -E "^#[0-9]+" "$log" | sed -nE 's/.* cov: ([0-9]+).*/\1/p' | tail -1)
  corp=$(grep -E "^#[0-9]+" "$log" | sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' | tail -1)
  n=$(find "$crashes" -type f | wc -l)
  [ "$n" -gt 0 ] && found=1
  summary+=("$(printf '%-20s executions %-9s new units %-6s coverage %-6s corpus %-6s findings %s' \
    "$t" "${execs:-?}" "${added:-?}" "${cov:-?}" "${corp:-?}" "$n")")
  for f in "$crashes"/*; do [ -f "$f" ] && summary+=("    finding: $f (log: $log)"); done
done

echo ""
echo "=== fuzz summary (${SECS}s per target; corpora and logs in $OUT) ==="
printf '%s\n' "${summary[@]}"
if [ "$found" = 1 ]; then
  echo "Reproduce a finding: $BUILD/tests/fuzz/<target> <crash file>  (write_bodies_fuzz: FUZZ_RESET_EVERY=1)"
  exit 1
fi
