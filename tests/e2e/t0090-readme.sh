#!/bin/sh
# Every command in the README's Examples block runs as written (from the
# top of a copy of the repository) and exits 0.
. "$(dirname "$0")/lib.sh"
bundled
mkdir build
ln -s "$DIALDIFF" build/dialdiff

sed -n '/^## Examples/,/^```$/p' "$SRC_DIR/README.md" | sed -n '/^```sh$/,/^```$/p' |
	grep '^build/dialdiff' | sed 's/  *#.*$//' > commands
test -s commands
ok $? "the README has examples"
while IFS= read -r line; do
	sh -c "$line" >/dev/null 2>.err
	st=$?
	is "$st" 0 "README: $line"
	[ "$st" -eq 0 ] || sed 's/^/#   /' .err
done < commands

done_testing
