#!/bin/sh
# Git's edge cases (issue 17): a truncated loose object in an alternate
# object store, a partial clone whose blobs are missing, GIT_DIR and
# GIT_WORK_TREE, and --rev given to commands that do not read revisions.
# Every command runs under a timeout: libgit2 1.5 loops forever on a
# truncated loose object (libgit2 issue #7342).
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo store
P=dialogues/trade-talks/round-01.json

# ---- a truncated loose object in an alternate ----------------------------
git clone -q -s store shared
B=$(git -C store rev-parse "HEAD:$P")
O=store/.git/objects/$(echo "$B" | cut -c1-2)/$(echo "$B" | cut -c3-)
test -s shared/.git/objects/info/alternates && test -f "$O"
ok $? "the clone borrows its objects from an alternate that holds round 1 loose"
cp -R store store-good
chmod u+w "$O" && truncate -s 20 "$O"
cd shared
for cmd in "diff 1@HEAD 2@HEAD" "--rev HEAD list"; do
	run timeout 30 "$DIALDIFF" $cmd
	is "$STATUS" 2 "alternate: $cmd exits 2 (no endless loop)"
	like "$ERR" "corrupt object $B: its loose file is truncated\$" \
		"alternate: $cmd names the truncated object"
done
# the same through GIT_ALTERNATE_OBJECT_DIRECTORIES, with no alternates file
rm .git/objects/info/alternates
GIT_ALTERNATE_OBJECT_DIRECTORIES=$WORK/store/.git/objects \
	run timeout 30 "$DIALDIFF" diff 1@HEAD 2@HEAD
is "$STATUS" 2 "GIT_ALTERNATE_OBJECT_DIRECTORIES: a truncated object: exit 2"
like "$ERR" "its loose file is truncated\$" "GIT_ALTERNATE_OBJECT_DIRECTORIES: named"
echo "$WORK/store-good/.git/objects" > .git/objects/info/alternates
run timeout 30 "$DIALDIFF" diff 1@HEAD 2@HEAD
is "$STATUS" 0 "a sound alternate is read"
cd "$WORK"

# ---- a partial clone whose blobs are missing -----------------------------
git -C store config uploadpack.allowFilter true
git -C store-good config uploadpack.allowFilter true
git clone -q --filter=blob:none --no-checkout "file://$WORK/store-good" partial
cd partial
test "$(git config remote.origin.promisor)" = true
ok $? "a partial clone (blob:none)"
# the taxonomy is fetched (git reads it lazily); the rounds are not
git cat-file -p HEAD:dialogues/taxonomy.json > /dev/null
for cmd in "review HEAD~3 HEAD~2" "log" "--format json log" \
	"--format json review HEAD~3 HEAD~2"; do
	run timeout 30 "$DIALDIFF" $cmd
	is "$STATUS" 2 "partial clone: $cmd exits 2"
	like "$ERR" "^dialdiff: (commit [0-9a-f]{12}: )?[0-9a-f]{7}:dialogues/trade-talks/round-0[123]\.json: blob [0-9a-f]{40} is missing: this is a partial clone" \
		"partial clone: $cmd names REV:PATH and says why"
	like "$ERR" "fetch --refetch origin" "partial clone: $cmd says how to fetch it"
done
run timeout 30 "$DIALDIFF" --format json review HEAD~3 HEAD~2
is "$OUT" "" "partial clone: review writes no JSON"
cd "$WORK"
rm -rf partial
git clone -q --filter=blob:none --no-checkout "file://$WORK/store-good" partial
cd partial
run timeout 30 "$DIALDIFF" review HEAD~3 HEAD~2
is "$STATUS" 2 "partial clone, taxonomy missing: review exits 2"
like "$ERR" "^dialdiff: [0-9a-f]{7}:dialogues/taxonomy\.json: blob [0-9a-f]{40} is missing" \
	"partial clone: a missing taxonomy is named REV:PATH"
cd "$WORK"

# ---- GIT_DIR and GIT_WORK_TREE, as git takes them ------------------------
mkdir -p outside/sub
cd outside/sub
GIT_DIR=$WORK/store-good/.git GIT_WORK_TREE=$WORK/store-good \
	run timeout 30 "$DIALDIFF" list
is "$STATUS" 0 "GIT_DIR and GIT_WORK_TREE from outside: list runs"
like "$OUT" "^trade-talks " "and lists the work tree's series"
GIT_DIR=$WORK/store-good/.git GIT_WORK_TREE=$WORK/store-good \
	run timeout 30 "$DIALDIFF" review HEAD~1
is "$STATUS" 0 "GIT_DIR and GIT_WORK_TREE: review against the work tree runs"
GIT_DIR=../../store-good/.git GIT_WORK_TREE=../../store-good \
	run timeout 30 "$DIALDIFF" diff 1 2@HEAD
is "$STATUS" 0 "relative GIT_DIR and GIT_WORK_TREE: diff runs"
cd "$WORK/store-good/dialogues/trade-talks"
GIT_DIR=$WORK/store-good/.git GIT_WORK_TREE=$WORK/store-good \
	run timeout 30 "$DIALDIFF" show 1
is "$STATUS" 0 "GIT_WORK_TREE: inside a series folder, a bare round number is of that series"
# GIT_DIR alone: the current folder is the top of the work tree (git's rule)
cd "$WORK/outside"
GIT_DIR=$WORK/store-good/.git run timeout 30 "$DIALDIFF" list
is "$STATUS" 2 "GIT_DIR alone: the current folder is the work tree, and holds no dialogues"
GIT_DIR=$WORK/store-good/.git run timeout 30 "$DIALDIFF" --rev HEAD list
is "$STATUS" 0 "GIT_DIR alone: a revision is still read"
cp -R "$WORK/store-good/dialogues" .
GIT_DIR=$WORK/store-good/.git run timeout 30 "$DIALDIFF" list
is "$STATUS" 0 "GIT_DIR alone: the current folder's dialogues are read"
cd "$WORK"

# ---- --rev where it means nothing ----------------------------------------
cd store-good
for c in "fmt dialogues/trade-talks/round-01.json" \
	"textconv dialogues/trade-talks/round-01.json" "git-setup" \
	"merge-driver a b c d"; do
	run timeout 30 "$DIALDIFF" --rev HEAD~1 $c
	is "$STATUS" 2 "--rev given to ${c%% *}: exit 2"
	is "$ERR" "dialdiff: --rev does not apply to ${c%% *}, which reads no revision" \
		"--rev given to ${c%% *}: said so"
	is "$OUT" "" "--rev given to ${c%% *}: nothing on stdout"
done
test ! -f .gitattributes
ok $? "git-setup with --rev changed nothing"
cd "$WORK"

done_testing
