#!/bin/sh
# Install the Debian packages dialdiff needs, when they are missing.
#   scripts/deps.sh build   what `make` needs
#   scripts/deps.sh test    what `make test` needs as well
#   scripts/deps.sh bench   what `make bench` needs as well
# As root it runs apt-get; otherwise it prints the apt-get line and stops.
set -eu

pkgs="gcc make pkg-config libgit2-dev libcjson-dev libpcre2-dev"
case "${1:-build}" in
build) ;;
test) pkgs="$pkgs libcmocka-dev git perl jq python3" ;;
bench) pkgs="$pkgs git jq python3 time" ;;
*) echo "usage: scripts/deps.sh build|test|bench" >&2; exit 2 ;;
esac

missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "dialdiff: missing packages:$missing" >&2
	echo "run: sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
