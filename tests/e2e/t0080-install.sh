#!/bin/sh
# make install honours PREFIX and DESTDIR, and installs the man page and
# the shell completions.
. "$(dirname "$0")/lib.sh"

run make -s -C "$SRC_DIR" install DESTDIR="$WORK/root" PREFIX=/opt/dd
is "$STATUS" 0 "make install exits 0"
test -x "$WORK/root/opt/dd/bin/dialdiff"
ok $? "the binary is in DESTDIR/PREFIX/bin"
test -f "$WORK/root/opt/dd/share/man/man1/dialdiff.1"
ok $? "the man page is in DESTDIR/PREFIX/share/man/man1"
for f in bash-completion/completions/dialdiff zsh/vendor-completions/_dialdiff \
	fish/vendor_completions.d/dialdiff.fish; do
	test -s "$WORK/root/opt/dd/share/$f"
	ok $? "the completion is in DESTDIR/PREFIX/share/$f"
done
run bash -c ". '$WORK/root/opt/dd/share/bash-completion/completions/dialdiff' && complete -p dialdiff"
like "$OUT" "_dialdiff dialdiff" "the bash completion registers itself"
run "$WORK/root/opt/dd/bin/dialdiff" --version
like "$OUT" "^dialdiff " "the installed binary runs"
run man -l "$WORK/root/opt/dd/share/man/man1/dialdiff.1"
if command -v man >/dev/null 2>&1; then
	like "$OUT" "SYNOPSIS" "the man page renders"
else
	echo "ok $((_n + 1)) # skip man is not installed"; _n=$((_n + 1))
fi
run make -s -C "$SRC_DIR" uninstall DESTDIR="$WORK/root" PREFIX=/opt/dd
test ! -e "$WORK/root/opt/dd/bin/dialdiff"
ok $? "make uninstall removes it"
test -z "$(find "$WORK/root" -type f)"
ok $? "and everything it installed"

done_testing
