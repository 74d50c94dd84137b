#!/usr/bin/env bash
# Soak test (issue 8; not part of `make test`): a fresh demo database, a server on it, and
# bench/soak.mjs driving CONNECTIONS keep-alive connections for MINUTES minutes on the
# dashboards with ~2 % writes (target saves, contract entries, meeting minutes). The
# server's RSS (VmRSS, and VmHWM) is sampled every 10 s into rss.csv. Passes when no request
# failed, the RSS at the end is within 10 % of the RSS after the first minute (warm-up), and
# the server exits 0 on SIGTERM.
#
#   bench/soak.sh [BUILD_DIR=build] [MINUTES=10] [CONNECTIONS=64]
#   SCALE=small bench/soak.sh build 1 16     # a quick run on the small demo data
#
# Environment: SCALE (medium; small|medium|large), SEED (7), AS_OF (2026-06-15),
# WRITE_SHARE (0.02), BACKDATED_SHARE (0.2: contracts dated in May, not today), OUT (the output directory; default a new /tmp/salesloop-soak.XXXXXX),
# KEEP_DB=1 keeps the database there afterwards, SERVE_ARGS adds options to `salesloop serve`.
# Output in OUT: server.log, logins.txt, rss.csv, soak.json (soak.mjs), summary.json.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
MINUTES=${2:-10}
CONNECTIONS=${3:-64}
SCALE=${SCALE:-medium}
SEED=${SEED:-7}
AS_OF=${AS_OF:-2026-06-15}
WRITE_SHARE=${WRITE_SHARE:-0.02}
BACKDATED_SHARE=${BACKDATED_SHARE:-0.2}
[ -d .tools/node/bin ] && PATH=$PWD/.tools/node/bin:$PATH  # as the Makefile does
OUT=${OUT:-$(mktemp -d /tmp/salesloop-soak.XXXXXX)}
mkdir -p "$OUT"
db=$OUT/soak.db logins=$OUT/logins.txt log=$OUT/server.log csv=$OUT/rss.csv ready=$OUT/ready
rm -f "$db" "$db-wal" "$db-shm" "$ready"

spid='' sampler=''
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null
  [ -n "$spid" ] && kill -TERM "$spid" 2>/dev/null
  [ "${KEEP_DB:-0}" = 1 ] || rm -f "$db" "$db-wal" "$db-shm"
}
trap cleanup EXIT

echo "soak: $MINUTES min, $CONNECTIONS connections, $SCALE demo data (seed $SEED, as of $AS_OF); output in $OUT"
binary="$(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD 2>/dev/null || echo '+uncommitted'), $BUILD/salesloop built $(date -u -r "$BUILD/salesloop" +%FT%TZ)"
echo "soak: $binary"
t=$(date +%s)
"$BUILD/salesloop" demo --db "$db" --seed "$SEED" --scale "$SCALE" --as-of "$AS_OF" > "$logins" 2> "$OUT/demo.log" \
  || { echo "soak: demo failed:"; cat "$OUT/demo.log"; exit 1; }
echo "soak: demo database in $(( $(date +%s) - t )) s: $(grep -oE '[0-9]+ contract lines' "$OUT/demo.log")"

# shellcheck disable=SC2086  # SERVE_ARGS: extra words for serve, e.g. "--result-cache 0"
"$BUILD/salesloop" serve --db "$db" --port 0 --today "$AS_OF" ${SERVE_ARGS:-} > "$log" 2>&1 &
spid=$!
base=''
for _ in $(seq 1200); do  # up to 2 minutes (the large data takes a while to load)
  base=$(grep -oE "http://127\.0\.0\.1:[0-9]+" "$log" | head -1)
  [ -n "$base" ] && break
  kill -0 "$spid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$base" ] || { echo "soak: the server did not start:"; cat "$log"; exit 1; }
echo "soak: server pid $spid on $base"

rss() {  # VmRSS,VmHWM,RssAnon,RssFile in kB
  awk '/^VmRSS:/ {r = $2} /^VmHWM:/ {h = $2} /^RssAnon:/ {a = $2} /^RssFile:/ {f = $2} END {print r "," h "," a "," f}' \
    "/proc/$spid/status" 2>/dev/null
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The sampler: t = 0 when soak.mjs has logged in and starts the load, then every 10 s.
echo "t_s,vmrss_kb,vmhwm_kb,rssanon_kb,rssfile_kb" > "$csv"
(
  while [ ! -e "$ready" ]; do sleep 0.05; done
  t0=$(now_ms) k=0
  while kill -0 "$spid" 2>/dev/null; do
    echo "$(( ($(now_ms) - t0) / 1000 )),$(rss)" >> "$csv"
    k=$((k + 1))
    wait_ms=$(( t0 + k * 10000 - $(now_ms) ))
    [ "$wait_ms" -gt 0 ] && sleep "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
  done
) &
sampler=$!

node bench/soak.mjs --base "$base" --db "$db" --logins "$logins" --minutes "$MINUTES" \
  --connections "$CONNECTIONS" --as-of "$AS_OF" --write-share "$WRITE_SHARE" \
  --backdated-share "$BACKDATED_SHARE" --ready-file "$ready" > "$OUT/soak.json"
soak_rc=$?
kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null; sampler=''
# The end sample: right after the load stopped.
if [ -e "$ready" ]; then
  t0=$(head -1 "$ready")
  echo "$(( ($(now_ms) - t0) / 1000 )),$(rss)" >> "$csv"
fi

kill -TERM "$spid"; wait "$spid"; server_rc=$?; spid=''
warnings=$(grep -cE '\[(warning|warn|error|critical)\]' "$log")

node - "$OUT" "$soak_rc" "$server_rc" "$warnings" "$SCALE" "$binary" <<'EOF'
const fs = require('node:fs');
const [out, soakRc, serverRc, warnings, scale, binary] = process.argv.slice(2);
let soak = null;
try { soak = JSON.parse(fs.readFileSync(`${out}/soak.json`, 'utf8')); } catch {}
const rows = fs.readFileSync(`${out}/rss.csv`, 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split(',').map(Number)).filter((r) => r.length >= 3 && r[1] > 0);
// After warm-up: the sample at 60 s (the one nearest to it); the end: the last sample.
const warm = rows.length ? rows.reduce((a, r) => (Math.abs(r[0] - 60) < Math.abs(a[0] - 60) ? r : a)) : null;
const end = rows.at(-1) ?? null;
const mib = (kb) => +(kb / 1024).toFixed(1);
const ratio = warm && end ? +(end[1] / warm[1]).toFixed(4) : null;
const after = warm ? rows.filter((r) => r[0] >= warm[0]) : [];
const rss = {
  samples: rows.length,
  start_mib: rows.length ? mib(rows[0][1]) : null,
  warm_up_t_s: warm?.[0] ?? null, warm_up_mib: warm ? mib(warm[1]) : null,
  end_t_s: end?.[0] ?? null, end_mib: end ? mib(end[1]) : null,
  ratio, limit: 1.1, pass: ratio !== null && ratio <= 1.1,
  min_after_warm_up_mib: after.length ? mib(Math.min(...after.map((r) => r[1]))) : null,
  max_after_warm_up_mib: after.length ? mib(Math.max(...after.map((r) => r[1]))) : null,
  peak_hwm_mib: rows.length ? mib(Math.max(...rows.map((r) => r[2]))) : null,
  // Less noisy than two single samples (informational; the pass rule is the one above):
  // the mean of the samples in the last minute over the mean of those in the second minute.
  second_minute_mean_mib: null, last_minute_mean_mib: null, mean_ratio: null,
  warm_up_anon_mib: warm?.[3] ? mib(warm[3]) : null, end_anon_mib: end?.[3] ? mib(end[3]) : null,
};
{
  const mean = (a) => a.reduce((x, r) => x + r[1], 0) / a.length;
  const tEnd = end?.[0] ?? 0;
  const second = rows.filter((r) => r[0] >= 60 && r[0] < 120);
  const last = rows.filter((r) => r[0] > tEnd - 60);
  if (second.length && last.length && tEnd >= 180) {
    rss.second_minute_mean_mib = mib(mean(second));
    rss.last_minute_mean_mib = mib(mean(last));
    rss.mean_ratio = +(mean(last) / mean(second)).toFixed(4);
  }
}
const pass = soak !== null && Number(soakRc) === 0 && soak.errors === 0 && rss.pass && Number(serverRc) === 0;
const summary = {
  pass, scale, binary, date: new Date().toISOString(), soak_exit: Number(soakRc), server_exit_on_sigterm: Number(serverRc),
  server_log_warnings: Number(warnings), rss,
  requests: soak?.requests ?? null, requests_per_s: soak?.requests_per_s ?? null, errors: soak?.errors ?? null,
  errors_by_kind: soak?.errors_by_kind ?? null,
};
fs.writeFileSync(`${out}/summary.json`, JSON.stringify({ ...summary, soak }, null, 2) + '\n');
console.log(JSON.stringify(summary, null, 2));
if (soak) {
  console.log('\nkind                  requests  errors    304   p50 ms   p99 ms');
  for (const [k, v] of Object.entries(soak.kinds))
    console.log(`${k.padEnd(20)} ${String(v.requests).padStart(9)} ${String(v.errors).padStart(7)} ${String(v.not_modified).padStart(6)}` +
                ` ${String(v.p50).padStart(8)} ${String(v.p99).padStart(8)}`);
  for (const s of soak.error_samples) console.log('error:', JSON.stringify(s));
}
console.log(`\nsoak: ${pass ? 'PASS' : 'FAIL'}: ${soak?.requests ?? '?'} requests (${soak?.requests_per_s ?? '?'}/s), ` +
            `${soak?.errors ?? '?'} errors; RSS ${rss.warm_up_mib} MiB after warm-up (t=${rss.warm_up_t_s} s), ` +
            `${rss.end_mib} MiB at the end (t=${rss.end_t_s} s), ratio ${ratio}; server exit ${serverRc} on SIGTERM`);
process.exit(pass ? 0 : 1);
EOF
rc=$?
echo "soak: output in $OUT"
exit $rc
