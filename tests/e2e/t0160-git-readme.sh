#!/bin/sh
# Every command in the README's "Git" block runs as written, in a clone of
# this repository, and exits 0.  Skipped when the sources are not a git
# repository with a few commits of history.
. "$(dirname "$0")/lib.sh"

if ! git -C "$SRC_DIR" rev-parse --verify -q HEAD~2 >/dev/null ||
   [ -f "$(git -C "$SRC_DIR" rev-parse --git-common-dir 2>/dev/null)/shallow" ]; then
	echo "1..0 # SKIP the sources are not a git repository with history"
	exit 0
fi
git clone -q "$SRC_DIR" clone
cd clone
mkdir -p build && ln -s "$DIALDIFF" build/dialdiff

sed -n '/^## Git/,/^```$/p' "$SRC_DIR/README.md" | sed -n '/^```sh$/,/^```$/p' |
	grep '^build/dialdiff' | sed 's/  *#.*$//' > "$WORK/commands"
test -s "$WORK/commands"
ok $? "the README has git examples"
while IFS= read -r line; do
	sh -c "$line" >/dev/null 2>"$WORK/.err"
	st=$?
	is "$st" 0 "README: $line"
	[ "$st" -eq 0 ] || sed 's/^/#   /' "$WORK/.err"
done < "$WORK/commands"

done_testing
