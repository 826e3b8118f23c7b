#!/bin/sh
# Build the Debian package the Debian way (debian/: debhelper, `dh $@`)
# and check it with lintian:
#
#   scripts/deb.sh OUTDIR VERSION
#
# The tree is copied to a temporary folder (TMPDIR), outside any git
# repository, and built there with `dpkg-buildpackage -b -us -uc`, so that
# the build neither touches build/ of the tree nor leaves files in the
# tree's parent folder (which several clones may share), and its tests do
# not find the tree's repository around the copy.  The .deb, .buildinfo and .changes end up in OUTDIR;
# lintian's report in OUTDIR/lintian.txt.  The test suite runs in the
# package build (dh_auto_test) unless DEB_BUILD_OPTIONS has nocheck.
# Exits non-zero when the build fails, when debian/changelog does not
# give VERSION (the Makefile's), or when lintian reports an error.
set -eu

out=${1:?usage: scripts/deb.sh OUTDIR VERSION}
version=${2:?usage: scripts/deb.sh OUTDIR VERSION}
cd "$(dirname "$0")/.."
top=$PWD

changelog=$(dpkg-parsechangelog -S Version)
case $changelog in
"$version" | "$version"-*) ;;
*)
	echo "dialdiff: debian/changelog:1:1: version $changelog is not the Makefile's $version" >&2
	exit 2
	;;
esac

mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dialdiff-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
src=$tmp/dialdiff-$version
mkdir "$src"

# The files of the tree as they are now: with git, those it tracks and the
# new ones it does not ignore (not build/); else all but the build folders.
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git -C "$top" ls-files -z --cached --others --exclude-standard |
		(cd "$top" && xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
		tar -C "$top" --null --verbatim-files-from -T - -cf - | tar -C "$src" -xf -
else
	tar -C "$top" --exclude=./.git --exclude='./build' --exclude='./build-*' \
		--exclude=./debian/.debhelper --exclude=./debian/dialdiff \
		-cf - . | tar -C "$src" -xf -
fi

echo "building dialdiff $changelog in $src (DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS:-})"
(cd "$src" && dpkg-buildpackage -b -us -uc)

rm -f "$out"/dialdiff_*.deb "$out"/dialdiff-dbgsym_*.deb \
	"$out"/dialdiff_*.buildinfo "$out"/dialdiff_*.changes
mv "$tmp"/*.deb "$tmp"/*.buildinfo "$tmp"/*.changes "$out"/
changes=$(ls "$out"/dialdiff_*.changes)

# Errors fail the build; warnings and the rest are shown, and kept.
status=0
lintian --fail-on error --info "$changes" >"$out/lintian.txt" 2>&1 || status=$?
cat "$out/lintian.txt"
if [ $status -ne 0 ]; then
	echo "dialdiff: lintian reports errors (see above; $out/lintian.txt)" >&2
	exit 1
fi
echo "packages in $out:"
ls "$out"/*.deb | sed 's/^/  /'
