#!/bin/sh
# Large files (over 1 MiB): a diff of two large rounds classified by a
# large taxonomy must say the same from the working tree (files read from
# disk) as from a revision (blobs from git), and check accepts them.
. "$(dirname "$0")/lib.sh"

python3 "$SRC_DIR/scripts/bench/gen_pair.py" --out pair --items 8000 \
	--seed 3 >/dev/null
B=pair/dialogues/big
for f in $B/round-01.json $B/round-02.json pair/dialogues/taxonomy.json; do
	size=$(wc -c < "$f")
	test "$size" -gt 1048576
	ok $? "$f is over 1 MiB"
done
git -C pair init -q && git -C pair add -A && git -C pair commit -qm pair
ok $? "the pair is committed"

# drop the two lines that name the files (paths or REV:paths)
body() { printf '%s\n' "$1" | grep -v '^[-+][-+][-+] '; }

run "$DIALDIFF" -C pair diff 1 2
is "$STATUS" 0 "diff of the large working-tree files exits 0"
tree=$OUT
like "$tree" "^Section 1  \+1600 -1600 ~958 =5442" "the diff has the expected counts"
run "$DIALDIFF" -C pair diff 1@HEAD 2@HEAD
is "$STATUS" 0 "diff of the same files at HEAD exits 0"
is "$(body "$OUT")" "$(body "$tree")" "files and git blobs give the same diff"
run "$DIALDIFF" -C pair --format json diff 1 2
is "$(printf '%s\n' "$OUT" | jq -c '.summary | {added, dropped, kept}')" \
	"$(jq -c '{added, dropped, kept}' pair/expected.json)" \
	"the JSON diff has the counts the generator expects"

run "$DIALDIFF" -C pair check
is "$STATUS" 0 "check accepts the large files"

done_testing
