#!/usr/bin/env bash
# The push benchmark (issue 14 "Speed"; not a test): one run of a subscription to RECIPIENTS
# users (default 200) on the medium demo — each recipient's report rendered in their own scope
# and language with PDF + XLSX + inline chart PNGs — from "send now" to the last mail handed to a
# loopback SMTP server (tests/support/smtp_server.py, Debian python3-aiosmtpd); prints the wall
# time and the server's peak RSS (VmHWM). The recipients are created through the users API
# before the clock starts, on the first run only (bench/push_bench.mjs).
#   bench/push_bench.sh [BUILD]   env: RECIPIENTS=200 PAGE=check/review SCALE=medium
#                                 WORK=/tmp/salesloop-push-bench
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}; RECIPIENTS=${RECIPIENTS:-200}; PAGE=${PAGE:-check/review}; SCALE=${SCALE:-medium}
AS_OF=2026-06-15; WORK=${WORK:-/tmp/salesloop-push-bench}; BIN="$BUILD/salesloop"
mkdir -p "$WORK"
DEMO="$WORK/demo-$SCALE.db"
if [ ! -f "$DEMO" ]; then
  echo "generating $DEMO ($SCALE)…"
  "$BIN" demo --db "$DEMO" --seed 3 --scale "$SCALE" --as-of "$AS_OF" > "$DEMO.logins"
fi
# The run's database keeps the bench users between runs (creating 200 users hashes 200
# passwords: about a minute), not the earlier runs' deliveries.
DB="$WORK/run-$SCALE.db"; MAIL="$WORK/mail"
rm -rf "$MAIL"; mkdir -p "$MAIL"
[ -f "$DB" ] || sqlite3 "$DEMO" ".backup '$DB'"
sqlite3 "$DB" "DELETE FROM delivery_files; DELETE FROM deliveries;"
read -r _ admin_login admin_pw < <(grep '^admin ' "$DEMO.logins")

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
/usr/bin/python3 tests/support/smtp_server.py "$MAIL" 0 > "$WORK/smtp.log" 2>&1 &
pids+=($!)
"$BIN" serve --db "$DB" --port 0 --today "$AS_OF" > "$WORK/serve.log" 2>&1 &
server=$!; pids+=($server)
for _ in $(seq 100); do
  grep -q READY "$WORK/smtp.log" && grep -qo 'http://127.0.0.1:[0-9]*' "$WORK/serve.log" && break
  sleep 0.2
done
smtp_port=$(grep -o 'READY [0-9]*' "$WORK/smtp.log" | cut -d' ' -f2)
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.log" | head -1)
echo "push bench: $RECIPIENTS recipients, page $PAGE, $SCALE demo, $(nproc) cores"
node bench/push_bench.mjs "$base" "$admin_login" "$admin_pw" "$smtp_port" "$MAIL" "$DB" "$RECIPIENTS" "$PAGE"
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' /proc/$server/status)"
