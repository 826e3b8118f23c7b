#!/bin/sh
# A file read at a revision is named as git names it, REV:PATH, in every
# message about it (diff N@REV, show, --rev list/report/diff); check's
# diagnostics keep plain paths, for annotations.  A Git LFS pointer where
# a JSON file should be is named for what it is, not a syntax error.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo repo
cd repo
P=dialogues/trade-talks/round-02.json
cp $P good.json
printf '{"round": 2,\n' > $P
commit "round 2 broken"
cp good.json $P

for cmd in "diff 1@HEAD 2@HEAD" "diff 1 2@HEAD" "show 2@HEAD" \
	"--rev HEAD list" "--rev HEAD report" "--rev HEAD diff 1 2" \
	"--rev HEAD~1 diff 1 2@HEAD"; do
	run timeout 30 "$DIALDIFF" $cmd
	is "$STATUS" 2 "$cmd: exit 2"
	is "$ERR" "dialdiff: HEAD:$P:2:1: unexpected end of input" "$cmd: names HEAD:$P"
done
run timeout 30 "$DIALDIFF" diff 1 2
is "$STATUS" 0 "the working tree's round 2 is sound"
run timeout 30 "$DIALDIFF" --rev HEAD check
like "$OUT" "^$P:2:1: error: unexpected end of input" "check --rev keeps the plain path"

# a Git LFS pointer (a clone without git-lfs, or before git lfs pull)
L=dialogues/trade-talks/round-03.json
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n' > $L
why="is a Git LFS pointer, not the file: run git lfs pull"
run timeout 30 "$DIALDIFF" diff 1 3
is "$STATUS" 2 "an LFS pointer as a round: exit 2"
is "$ERR" "dialdiff: $L:1:1: $why" "an LFS pointer is named as one"
commit "round 3 in LFS"
run timeout 30 "$DIALDIFF" diff 1@HEAD 3@HEAD
is "$ERR" "dialdiff: HEAD:$L:1:1: $why" "at a revision: HEAD:PATH, and named as one"
run timeout 30 "$DIALDIFF" check
like "$OUT" "^$L:1:1: error: $why" "check says so too"
cp dialogues/taxonomy.json tx.json
head -3 $L > dialogues/taxonomy.json
git checkout -q HEAD~1 -- $L
run timeout 30 "$DIALDIFF" diff 1 3
is "$ERR" "dialdiff: dialogues/taxonomy.json:1:1: $why" "an LFS pointer as the taxonomy"

done_testing
