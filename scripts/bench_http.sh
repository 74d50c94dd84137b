#!/usr/bin/env bash
# HTTP side of the engine benchmark (issue 3): cold start of `salesloop serve` on a demo
# database (process start → first answered dashboard request), then wrk with 32
# connections on loopback against single dashboard requests (D3 progress, D2 process),
# bounded runs. Needs the database's demo logins file (DB.logins) and wrk.
#   scripts/bench_http.sh BUILD DB [AS_OF] [SECONDS]
# RESULT_CACHE=0 starts the server with the dashboard result cache off, so every request
# computes its answer (the uncached path); by default repeated requests hit the cache.
# Last, the "9:00 storm" (bench/storm.mjs): every rep's D1 cockpit once, 32 clients at once,
# always with the result cache off (its own server when RESULT_CACHE is not 0).
# STORM_ONLY=1 skips the wrk runs (cold start and the storm only).
set -euo pipefail
BUILD=${1:?build dir}; DB=${2:?database}; AS_OF=${3:-2026-06-15}; SECS=${4:-10}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
log=$(mktemp); pid=
trap 'stop_server; rm -f "$log" /tmp/sl-bench-cookie.$$' EXIT
read -r _ login password < <(grep '^executive ' "$DB.logins")
stop_server() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=; }; }
# start_server CACHE: serve DB with --result-cache CACHE on a fresh port, log in as the
# executive (sets pid, base and cookie) and wait for the first answered dashboard request.
start_server() {
  local port=$((20000 + RANDOM % 20000))
  "$BUILD/salesloop" serve --db "$DB" --port "$port" --today "$AS_OF" --result-cache "$1" > "$log" 2>&1 &
  pid=$!
  base=http://127.0.0.1:$port
  for _ in $(seq 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -c /tmp/sl-bench-cookie.$$ -H 'Content-Type: application/json' \
      -d "{\"login\":\"$login\",\"password\":\"$password\"}" "$base/api/v1/session" || true)
    [ "$code" = 200 ] && break
    sleep 0.05
  done
  cookie=$(awk '$6 ~ /sid|session/ {print $6"="$7}' /tmp/sl-bench-cookie.$$ | head -1)
  [ -n "$cookie" ] || cookie=$(awk 'NF>=7 && $1 !~ /^#/ {print $6"="$7}' /tmp/sl-bench-cookie.$$ | head -1)
  curl -sf -o /dev/null -H "Cookie: $cookie" "$base/api/v1/do/progress?period=${AS_OF:0:7}"
}
t0=$(date +%s.%N)
start_server "${RESULT_CACHE:-512}"
t1=$(date +%s.%N)
echo "cold start to first answered dashboard request: $(echo "($t1 - $t0) * 1000" | bc | cut -d. -f1) ms"
grep -E "snapshot v[0-9]+ built" "$log" | sed 's/^.*\] /  server: /' || true
echo "server RSS after start: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
for path in "/api/v1/do/progress?period=${AS_OF:0:7}" "/api/v1/do/progress?period=${AS_OF:0:4}&level=region" \
            "/api/v1/do/process?period=${AS_OF:0:7}" "/api/v1/do/process?period=${AS_OF:0:4}" \
            "/api/v1/do/leaderboard?period=${AS_OF:0:7}" "/api/v1/do/leaderboard?period=${AS_OF:0:4}&metric=kpi_score" \
            "/api/v1/do/cockpit"; do
  [ "${STORM_ONLY:-0}" = 1 ] && break
  echo "== GET $path (32 connections, ${SECS}s)"
  wrk -t2 -c32 -d"${SECS}s" --latency -H "Cookie: $cookie" "$base$path" | grep -E "Latency|50%|99%|Requests/sec|Non-2xx|errors" || true
done
# The storm is the morning after a nightly import: no answer cached yet, so always uncached
# (a server of its own with --result-cache 0 when the wrk runs had the cache on).
if [ "${RESULT_CACHE:-512}" != 0 ]; then
  stop_server
  start_server 0
fi
echo "== 9:00 storm: every rep's cockpit once, 32 clients (result cache 0)"
node "$(dirname "$0")/../bench/storm.mjs" "$base" "$login" "$password" "$DB" 32 "$AS_OF"
