#!/bin/sh
# A repository with a corrupt object: the loose file of a round's blob
# overwritten with garbage, with a zlib header and garbage after it, or
# truncated.  Reading the round at a revision fails with a message naming
# the file as REV:PATH (and, where dialdiff finds the damage itself, the object):
# `diff N@REV` exits 2, `check --rev` reports the file (exit 1), `log`
# shows an error instead of that file's diff.  Nothing may hang: libgit2
# 1.5 loops forever on a truncated loose object (libgit2 issue #7342), so
# every command runs under a timeout.  The same for a truncated tree (the
# series folder at HEAD) and a truncated commit (HEAD~1): every command
# that reads them exits 2 naming the object, and never reports "nothing
# there" for a folder it could not read.  (The shallow clone is in t0140.)
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
	like "$ERR" "^dialdiff: HEAD:$P: $why\$" "$kind: diff: the message names REV:PATH"

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

# damaged NAME ID WHAT: a copy NAME of the repository, object ID's loose
# file cut short; in it, with $why the message to expect
damaged() {
	cd "$WORK" && rm -rf "$1" && cp -R repo "$1" &&
	_o=$1/.git/objects/$(echo "$2" | cut -c1-2)/$(echo "$2" | cut -c3-) &&
	test -f "$_o" && chmod u+w "$_o" && truncate -s 20 "$_o"
	ok $? "$3 is a loose object, now truncated"
	why="corrupt object $2: its loose file is truncated"
	cd "$WORK/$1"
}

# fails WHAT WHERE CMD...: each command (one string each) exits 2, writes
# nothing on stdout and names the object, after WHERE (a regex)
fails() {
	_what=$1 _where=$2
	shift 2
	for cmd in "$@"; do
		run timeout 60 "$DIALDIFF" $cmd
		is "$STATUS" 2 "$_what: $cmd exits 2"
		is "$OUT" "" "$_what: $cmd: nothing on stdout"
		like "$ERR" "^dialdiff: $_where: $why\$" "$_what: $cmd names the object"
	done
}

damaged tree "$(git -C "$WORK/repo" rev-parse HEAD:dialogues/trade-talks)" \
	"the series folder's tree"
# a folder it could not read is never "no series found"
fails tree "HEAD:dialogues/trade-talks/series\.json" "diff 1@HEAD 2@HEAD" \
	"--rev HEAD list" "--rev HEAD check" "--rev HEAD report" \
	"--format json --rev HEAD list"
fails tree "commit [0-9a-f]{12}: diff" "--format json log"
run timeout 60 "$DIALDIFF" review HEAD~1 HEAD
is "$STATUS" 0 "tree: review of a commit that leaves the folder alone runs"
run timeout 60 "$DIALDIFF" diff 1 2
is "$STATUS" 0 "tree: the working tree is still read"

damaged commit "$(git -C "$WORK/repo" rev-parse HEAD~1)" "commit HEAD~1"
fails commit "[^ ]+" "diff 1@HEAD~1 2@HEAD~1" "--rev HEAD~1 list" \
	"--rev HEAD~1 check" "review HEAD~2 HEAD" "log"
run timeout 60 "$DIALDIFF" diff 1@HEAD 2@HEAD
is "$STATUS" 0 "commit: HEAD itself is still read"

done_testing
