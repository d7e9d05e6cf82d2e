#!/bin/sh
# Usage: scripts/need.sh PROGRAM=DEBIAN_PACKAGE ...
# Installs the Debian packages of the programs that are missing when run as root (CI, containers);
# otherwise stops at once with the one command to run.
set -eu
missing=""
for pair in "$@"; do
  command -v "${pair%%=*}" >/dev/null 2>&1 || missing="$missing ${pair#*=}"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "installing Debian packages:$missing"
  apt-get update -q
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
else
  echo "missing Debian packages:$missing. Run this, then make again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
