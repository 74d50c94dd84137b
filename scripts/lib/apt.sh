# shellcheck shell=bash
# Debian packages for the scripts that need some (bootstrap.sh, fuzz.sh): source this file.

# apt_missing PKG…: prints, one per line, the packages dpkg does not have installed.
apt_missing() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

# apt_install WHO PKG…: installs the packages with apt-get (through sudo when not root);
# does nothing when none are named. WHO prefixes the one line it prints.
apt_install() {
  local who=$1; shift
  [ "$#" -gt 0 ] || return 0
  echo "$who: installing $*"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
