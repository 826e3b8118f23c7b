#!/bin/sh
# Files of 1 MiB or more are mapped rather than read into memory: a diff of
# two large rounds classified by a large taxonomy must say the same from
# the working tree (mapped files) as from a revision (blobs from git), and
# the same again when a file's size is a whole number of pages (read, not
# mapped).  A SIGBUS, which a file truncated while mapped would raise,
# ends dialdiff with a message and exit 2, not a core dump.
. "$(dirname "$0")/lib.sh"

python3 "$SRC_DIR/scripts/bench/gen_pair.py" --out pair --items 8000 \
	--seed 3 >/dev/null
B=pair/dialogues/big
for f in $B/round-01.json $B/round-02.json pair/dialogues/taxonomy.json; do
	size=$(wc -c < "$f")
	test "$size" -ge 1048576 && test $((size % 4096)) -ne 0
	ok $? "$f is over 1 MiB and not a whole number of pages"
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
is "$(body "$OUT")" "$(body "$tree")" "mapped files and git blobs give the same diff"
run "$DIALDIFF" -C pair --format json diff 1 2
is "$(printf '%s\n' "$OUT" | jq -c '.summary | {added, dropped, kept}')" \
	"$(jq -c '{added, dropped, kept}' pair/expected.json)" \
	"the JSON diff has the counts the generator expects"

# pad round 2 with white space to a whole number of pages: read, not mapped
size=$(wc -c < $B/round-02.json)
pad=$(( (4096 - size % 4096) % 4096 ))
head -c "$pad" /dev/zero | tr '\0' ' ' >> $B/round-02.json
is "$(( $(wc -c < $B/round-02.json) % 4096 ))" 0 "round 2 is now a whole number of pages"
run "$DIALDIFF" -C pair diff 1 2
is "$STATUS" 0 "diff with a page-sized round exits 0"
is "$OUT" "$tree" "and gives the same diff"
run "$DIALDIFF" -C pair check
is "$STATUS" 0 "check accepts the large files"

# SIGBUS: dialdiff blocked writing a long diff into a pipe nobody reads
mkfifo out.fifo
exec 3<>out.fifo
"$DIALDIFF" -C pair diff 1 2 >out.fifo 2>bus.err &
pid=$!
i=0
while [ $i -lt 600 ]; do	# until it sleeps: inside main, handler set
	state=$(sed 's/.*) \(.\).*/\1/' /proc/$pid/stat 2>/dev/null)
	[ "$state" = S ] && break
	sleep 0.1
	i=$((i + 1))
done
is "$state" S "dialdiff blocks writing into the full pipe"
kill -BUS $pid
wait $pid
is "$?" 2 "SIGBUS ends dialdiff with exit 2"
exec 3>&-
is "$(cat bus.err)" "dialdiff: a file shrank while it was being read" \
	"and a message"

done_testing
