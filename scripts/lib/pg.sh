#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks: initdb as the postgres user in a
# directory under /tmp, pg_ctl on a free 127.0.0.1 port, trust authentication on loopback.
#
#   scripts/lib/pg.sh start DIR [PORT] [extra postgres -c options…]
#       prints the URL of the "postgres" database, e.g. postgresql://postgres@127.0.0.1:54321/postgres
#   scripts/lib/pg.sh createdb URL NAME   prints the URL of a new empty database NAME
#   scripts/lib/pg.sh stop DIR
#   scripts/lib/pg.sh restart DIR [SECONDS]   stops it (fast: sessions cut), waits SECONDS (0),
#       starts it again on the same port with the same options (tests of PostgreSQL going away)
#
# Collation C (the byte order SQLite sorts text in) and UTF-8, so ORDER BY name answers the
# same on both backends. Run as root (runuser switches to postgres), as the bench does.
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

as_pg() { runuser -u postgres -- bash -c "$1"; }

cmd=${1:-}
case "$cmd" in
  start)
    dir=$2; port=${3:-}; shift $(( $# >= 3 ? 3 : 2 ))
    [ -n "$port" ] || port=$(free_port)
    mkdir -p "$dir/pg"
    chown -R postgres:postgres "$dir"
    as_pg "'$BIN/initdb' -D '$dir/pg' -U postgres --auth=trust -E UTF8 --locale=C > '$dir/initdb.log' 2>&1"
    opts="-p $port -k '$dir/pg' -c listen_addresses=127.0.0.1"
    for o in "$@"; do opts="$opts -c $o"; done
    echo "$opts" > "$dir/opts"  # for restart
    as_pg "'$BIN/pg_ctl' -D '$dir/pg' -l '$dir/pg/log' -w -o \"$opts\" start > /dev/null"
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  createdb)
    url=$2; name=$3
    psql "$url" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$name\"" > /dev/null
    echo "${url%/*}/$name"
    ;;
  stop)
    dir=$2
    as_pg "'$BIN/pg_ctl' -D '$dir/pg' -m fast stop > /dev/null" || true
    ;;
  restart)
    dir=$2; pause=${3:-0}
    as_pg "'$BIN/pg_ctl' -D '$dir/pg' -m fast -w stop > /dev/null"
    sleep "$pause"
    as_pg "'$BIN/pg_ctl' -D '$dir/pg' -l '$dir/pg/log' -w -o \"$(cat "$dir/opts")\" start > /dev/null"
    ;;
  *)
    echo "usage: $0 start DIR [PORT] [options…] | createdb URL NAME | stop DIR | restart DIR [SECONDS]" >&2; exit 2 ;;
esac
