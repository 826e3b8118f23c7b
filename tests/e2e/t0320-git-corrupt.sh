#!/bin/sh
# A repository with a corrupt object: the loose file of a round's blob
# overwritten with garbage, with a zlib header and garbage after it, or
# truncated.  Reading the round at a revision fails with a message naming
# the file (and, where dialdiff finds the damage itself, the object):
# `diff N@REV` exits 2, `check --rev` reports the file (exit 1), `log`
# shows an error instead of that file's diff.  Nothing may hang: libgit2
# 1.5 loops forever on a truncated loose object (libgit2 issue #7342), so
# every command runs under a timeout.  (The shallow clone is in t0140.)
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo repo
P=dialogues/trade-talks/round-01.json
B=$(git -C repo rev-parse "HEAD:$P")
O=.git/objects/$(echo "$B" | cut -c1-2)/$(echo "$B" | cut -c3-)
test -f "repo/$O"
ok $? "round 1 is a loose object"

# corrupt KIND: a copy of the repository with round 1's object damaged
corrupt() {
	cd "$WORK" && rm -rf "$1" && cp -R repo "$1" && cd "$1" &&
	chmod u+w "$O" &&
	case $1 in
	garbage) printf 'not a zlib stream at all' > "$O" ;;
	badzlib) printf '\170\001 this is not deflate data' > "$O" ;;
	truncated) truncate -s 20 "$O" ;;
	esac
}

for kind in garbage badzlib truncated; do
	corrupt $kind
	case $kind in
	garbage) why="failed to inflate loose object" ;;	# libgit2's words
	badzlib) why="corrupt object $B: its loose file is not a valid zlib stream" ;;
	truncated) why="corrupt object $B: its loose file is truncated" ;;
	esac

	run timeout 60 "$DIALDIFF" diff 1@HEAD 2@HEAD
	is "$STATUS" 2 "$kind: diff 1@HEAD 2@HEAD exits 2"
	is "$OUT" "" "$kind: diff: nothing on stdout"
	like "$ERR" "^dialdiff: $P: $why\$" "$kind: diff: the message names the file"

	run timeout 60 "$DIALDIFF" --rev HEAD list
	is "$STATUS" 2 "$kind: --rev HEAD list exits 2"
	like "$ERR" "^dialdiff: HEAD:$P: $why\$" "$kind: list: the message names REV:PATH"

	run timeout 60 "$DIALDIFF" --rev HEAD check
	is "$STATUS" 1 "$kind: --rev HEAD check exits 1 (a broken file is a diagnostic)"
	like "$OUT" "^$P: error: $why \\[file\\]\$" "$kind: check reports the file"
	like "$OUT" "1 error" "$kind: check counts one error"

	run timeout 60 "$DIALDIFF" log
	is "$STATUS" 0 "$kind: log runs"
	like "$OUT" "^error: [0-9a-f]{7}:$P: $why\$" \
		"$kind: log shows an error for the file instead of its diff"
	like "$OUT" "^\\+\\+\\+ [0-9a-f]{7}:dialogues/trade-talks/round-02\\.json\$" \
		"$kind: and the other files' diffs"

	run timeout 60 "$DIALDIFF" diff 1 2
	is "$STATUS" 0 "$kind: the working tree is still read"
done

done_testing
