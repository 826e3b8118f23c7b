#!/bin/sh
# The Debian package (debian/, `make deb`): built the Debian way with
# dpkg-buildpackage, lintian-clean, installable on this machine (apt-get
# --simulate), and holding what `make install PREFIX=/usr` installs plus
# the documentation.  It is unpacked into a scratch root (dpkg -x; the
# machine, which other clones may share, is left alone), where dialdiff
# --version runs and `man -w dialdiff` finds the page.
#
# The package is built with DEB_BUILD_OPTIONS=nocheck: the suite that
# dh_auto_test would run is the one this test is part of (`make deb`
# alone runs it).  Inside a package build the test skips itself (the
# package would build itself again); when the packaging tools are missing
# and cannot be installed (no root, no network) it skips visibly.
. "$(dirname "$0")/lib.sh"

if [ -n "${DIALDIFF_PACKAGE_BUILD:-}" ]; then
	echo "1..0 # SKIP inside a package build (debian/rules)"
	exit 0
fi
# The package is built from the sources, not from the binary under test:
# a memory-checking run (check-sanitize, check-valgrind) has nothing to
# check here, and make test has run it already.
if [ -n "${DD_MEMCHECK:-}" ]; then
	echo "1..0 # SKIP the package does not use the binary under a memory checker"
	exit 0
fi
if ! sh "$SRC_DIR/scripts/deps.sh" deb >deps.log 2>&1; then
	sed 's/^/# /' deps.log
	echo "1..0 # SKIP the packaging tools (debhelper, lintian) cannot be installed here"
	exit 0
fi
unset SOURCE_DATE_EPOCH DEB_BUILD_OPTIONS

version=$(sed -n 's/^VERSION *:= *//p' "$SRC_DIR/Makefile")
changelog=$(cd "$SRC_DIR" && dpkg-parsechangelog -S Version)
is "$changelog" "$version" "debian/changelog has the Makefile's version"

mkdir tmp
DEB_BUILD_OPTIONS=nocheck TMPDIR="$WORK/tmp" run make -s -C "$SRC_DIR" deb DEB_DIR="$WORK/deb"
is "$STATUS" 0 "make deb (nocheck) exits 0"
[ "$STATUS" -eq 0 ] || printf '%s\n' "$OUT" "$ERR" | tail -30 | sed 's/^/#   /'
like "$OUT" "^packages in $WORK/deb:" "and says where the packages are"
deb="$WORK/deb/dialdiff_${version}_$(dpkg --print-architecture).deb"
test -f "$deb"
ok $? "the .deb is in DEB_DIR"
test -f "$WORK/deb/lintian.txt" && ! grep -q '^E: ' "$WORK/deb/lintian.txt"
ok $? "lintian reports no error"
grep '^[WEI]: ' "$WORK/deb/lintian.txt" | sed 's/^/# lintian: /'
! ls "$SRC_DIR"/../dialdiff_* >/dev/null 2>&1 && ! ls -d "$WORK"/tmp/dialdiff-deb.* >/dev/null 2>&1
ok $? "nothing is left in the tree's parent, nor in TMPDIR"
test ! -e "$SRC_DIR/debian/dialdiff" && test ! -e "$SRC_DIR/debian/.debhelper" &&
	test ! -e "$SRC_DIR/debian/files"
ok $? "nor in the tree's debian/"

is "$(dpkg-deb -f "$deb" Package Version | tr '\n' ' ')" "Package: dialdiff Version: $version " \
	"the package is dialdiff $version"
like "$(dpkg-deb -f "$deb" Depends)" "libgit2-1\.5.*libpcre2-8-0|libpcre2-8-0.*libgit2-1\.5" \
	"it depends on the shared libraries it links (shlibs)"
run apt-get -s -q install "$deb"
is "$STATUS" 0 "it is installable here (apt-get --simulate)"
like "$OUT" "^Inst dialdiff " "apt would install it"

# ---- its files -----------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' | grep -v '/$' | sort > files
for f in /usr/bin/dialdiff /usr/share/man/man1/dialdiff.1.gz \
	 /usr/share/doc/dialdiff/copyright /usr/share/doc/dialdiff/changelog.gz \
	 /usr/share/doc/dialdiff/README.md.gz /usr/share/doc/dialdiff/ci.md.gz \
	 /usr/share/doc/dialdiff/formats.md.gz; do
	grep -qx "$f" files
	ok $? "the package has $f"
done
# Whatever make install installs under /usr is in the package (dh
# compresses the man pages): the completions too, once make install
# installs them.
run make -s -C "$SRC_DIR" install DESTDIR="$WORK/mi" PREFIX=/usr
is "$STATUS" 0 "make install DESTDIR PREFIX=/usr exits 0"
missing=$(cd "$WORK/mi" && find . ! -type d | sed 's|^\.||' | sort |
	while read -r f; do
		grep -qxF -e "$f" -e "$f.gz" "$WORK/files" || echo "$f"
	done)
is "$missing" "" "every file make install installs is in the package"
unexpected=$(grep -v -e '^/usr/share/doc/dialdiff/' files | sed 's/\.gz$//' |
	while read -r f; do test -e "$WORK/mi$f" || echo "$f"; done)
is "$unexpected" "" "and nothing else but the documentation"

# ---- unpacked into a scratch root ------------------------------------------------
dpkg -x "$deb" root
ok $? "dpkg -x unpacks it into a scratch root"
run root/usr/bin/dialdiff --version
is "$STATUS" 0 "the packaged dialdiff runs"
like "$OUT" "^dialdiff $version( |$)" "dialdiff --version says $version"
run env MANPATH="$WORK/root/usr/share/man" man -w dialdiff
is "$STATUS:$OUT" "0:$WORK/root/usr/share/man/man1/dialdiff.1.gz" "man -w dialdiff finds the packaged page"
run env MANPATH="$WORK/root/usr/share/man" MANWIDTH=80 man dialdiff
like "$OUT" "^SYNOPSIS" "and man shows it"
cd "$SRC_DIR" && SOURCE_DATE_EPOCH=0 "$WORK/root/usr/bin/dialdiff" --format html report > "$WORK/a.html" &&
	SOURCE_DATE_EPOCH=0 "$WORK/root/usr/bin/dialdiff" --format html report > "$WORK/b.html"
cmp -s "$WORK/a.html" "$WORK/b.html"
ok $? "the packaged dialdiff makes the same page twice with SOURCE_DATE_EPOCH=0"
cd "$WORK"

# the copyright file is machine-readable (DEP-5) and names the licence of
# the sources
like "$(cat root/usr/share/doc/dialdiff/copyright)" "^License: Expat$" "debian/copyright: Expat (MIT), as LICENSE"
grep -q "MIT License" "$SRC_DIR/LICENSE"
ok $? "LICENSE is the MIT licence"

done_testing
