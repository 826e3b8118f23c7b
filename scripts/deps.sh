#!/bin/sh
# Install the Debian packages dialdiff needs, when they are missing.
#   scripts/deps.sh build      what `make` needs
#   scripts/deps.sh test       what `make test` needs as well
#   scripts/deps.sh sanitize   `make check-sanitize` (gcc's ASan/UBSan runtimes)
#   scripts/deps.sh valgrind   `make check-valgrind`
#   scripts/deps.sh coverage   `make coverage` (lcov, genhtml)
#   scripts/deps.sh fuzz       `make fuzz` (clang 14 and its fuzzer runtime)
#   scripts/deps.sh harden     all four of the above
#   scripts/deps.sh bench      `make bench` (git, jq, python3, GNU time)
#   scripts/deps.sh precommit  the pre-commit framework (its test)
#   scripts/deps.sh deb        `make deb` (debhelper, lintian, and what the
#                              build and its tests need: debian/control)
# As root it runs apt-get; otherwise it prints the apt-get line and stops.
set -eu

pkgs="gcc make pkg-config libgit2-dev libcjson-dev libpcre2-dev zlib1g-dev"
# zsh and fish: the completion tests run them (bash is there already)
test_pkgs="libcmocka-dev git perl jq python3 zsh fish"
sanitize_pkgs="libasan8 libubsan1"
# libclang-rt-14-dev holds libFuzzer and clang's sanitizer runtimes; it is
# only a Recommends of clang-14, so it is named here.
fuzz_pkgs="clang-14 libclang-rt-14-dev"
case "${1:-build}" in
build) ;;
test) pkgs="$pkgs $test_pkgs" ;;
sanitize) pkgs="$pkgs $test_pkgs $sanitize_pkgs" ;;
valgrind) pkgs="$pkgs $test_pkgs valgrind" ;;
coverage) pkgs="$pkgs $test_pkgs lcov" ;;
fuzz) pkgs="$pkgs $fuzz_pkgs" ;;
bench) pkgs="$pkgs git jq python3 time" ;;
precommit) pkgs="git pre-commit" ;;
deb) pkgs="$pkgs $test_pkgs pkgconf man-db dpkg-dev debhelper lintian" ;;
harden) pkgs="$pkgs $test_pkgs $sanitize_pkgs valgrind lcov $fuzz_pkgs" ;;
*) echo "usage: scripts/deps.sh build|test|sanitize|valgrind|coverage|fuzz|harden|bench|precommit|deb" >&2; exit 2 ;;
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
