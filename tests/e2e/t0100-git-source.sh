#!/bin/sh
# Reading rounds at any revision without a checkout: --rev, REV:PATH,
# N@REV, SERIES/N@REV; from a subdirectory, a linked worktree, a detached
# HEAD, a bare repository with packed refs, GIT_DIR.  Working-tree commands
# find the top without libgit2 in the plain case: the cases it must leave
# to libgit2 (core.bare, core.worktree, GIT_CEILING_DIRECTORIES, another
# file system) read what git would.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo repo
cd repo
c1=$(rev HEAD~3) c2=$(rev HEAD~2) c3=$(rev HEAD~1)

rounds() { printf '%s\n' "$OUT" | jq -r '[.series[0].rounds[].round] | map(tostring) | join(",")'; }
run "$DIALDIFF" --rev HEAD~3 --format json list
is "$STATUS,$(rounds)" "0,1,2" "--rev HEAD~3 lists the two rounds of that commit"
run "$DIALDIFF" --rev v1 --format json list
is "$STATUS,$(rounds)" "0,1,2,3" "--rev takes an annotated tag"
run "$DIALDIFF" --rev "$c1" --format json show 2
is "$(printf '%s\n' "$OUT" | jq -r .rev)" "$c1" "a round read at --rev records the commit id"

# the acceptance facts: round 2 dropped market access in c3
agenda() { printf '%s\n' "$OUT" | jq -r ".sections[] | select(.id == \"agenda\") | .$1 | map(.id) | join(\",\")"; }
for sel in "2@HEAD~2" "trade-talks/2@v1" "HEAD~2:dialogues/trade-talks/round-02.json" "$c2:dialogues/trade-talks/round-02.json"; do
	run "$DIALDIFF" --format json diff "$sel" 2
	is "$STATUS:$(agenda dropped):$(agenda added)" "0:market-access:" "diff $sel 2: market access dropped"
done
run "$DIALDIFF" --format json diff 2@HEAD~2 2
is "$(printf '%s\n' "$OUT" | jq -r '.from.rev, .to.rev, .from.path' | tr '\n' ' ')" \
   "$c2 null dialogues/trade-talks/round-02.json " "from.rev is the commit, to.rev null for the working tree"
run "$DIALDIFF" diff 2@HEAD~2 2
like "$OUT" "^--- $(printf %.7s "$c2"):dialogues/trade-talks/round-02.json$" "text names REV7:PATH"
run "$DIALDIFF" --rev HEAD~2 --format json diff 2 3
is "$(printf '%s\n' "$OUT" | jq -r '.from.rev == .to.rev and .to.rev == "'"$c2"'"')" "true" "--rev: both rounds at that commit"
run "$DIALDIFF" --rev HEAD~2 --format json show dialogues/trade-talks/round-02.json
is "$(printf '%s\n' "$OUT" | jq -r '[.sections[].items[].id] | join(",")')" "tariffs,market-access" "--rev: a path operand is read at the revision"
run "$DIALDIFF" --rev HEAD~3 show 3
is "$STATUS" 2 "--rev: a round missing at the revision exits 2"
like "$ERR" "has no round 3 in HEAD~3" "and says where it looked"

# from a subdirectory: dialogues is at the top, paths are relative to here
cd dialogues/trade-talks
run "$DIALDIFF" --format json diff 1 2
is "$STATUS,$(printf '%s\n' "$OUT" | jq -r .from.path)" "0,dialogues/trade-talks/round-01.json" "in a subdirectory, paths are read from the top"
run "$DIALDIFF" --format json show round-03.json
is "$STATUS,$(printf '%s\n' "$OUT" | jq -r .path)" "0,dialogues/trade-talks/round-03.json" "a path operand is relative to the current folder"
run "$DIALDIFF" --format json diff HEAD~2:./round-02.json 2
is "$STATUS:$(agenda dropped)" "0:market-access" "REV:./PATH is relative to the current folder"
run "$DIALDIFF" --dialogues ../../dialogues list
is "$STATUS" 0 "--dialogues is relative to the current folder"
cd ../..
run "$DIALDIFF" -C dialogues/trade-talks --format json show 1
is "$STATUS,$(printf '%s\n' "$OUT" | jq -r .path)" "0,dialogues/trade-talks/round-01.json" "-C DIR into a subdirectory"

# a linked worktree at c2 (detached): its own files and its own HEAD
git worktree add -q --detach ../wt "$c2"
cd ../wt
run "$DIALDIFF" --format json show 2
is "$STATUS,$(printf '%s\n' "$OUT" | jq -r '[.sections[].items[].id] | join(",")')" "0,tariffs,market-access" "linked worktree: reads its own files"
run "$DIALDIFF" --format json diff 2 2@main
is "$STATUS:$(agenda dropped)" "0:market-access" "linked worktree: N@BRANCH of the main worktree"
run "$DIALDIFF" --rev HEAD --format json show 2
is "$(printf '%s\n' "$OUT" | jq -r .rev)" "$c2" "linked worktree: HEAD is the worktree's (detached)"
cd dialogues
run "$DIALDIFF" --format json show trade-talks/round-02.json
is "$STATUS,$(printf '%s\n' "$OUT" | jq -r .path)" "0,dialogues/trade-talks/round-02.json" \
   "linked worktree, in a subdirectory: paths from its top"
cd ../../repo

# detached HEAD in the main worktree
git checkout -q --detach HEAD~1
run "$DIALDIFF" --rev HEAD --format json show 2
is "$STATUS,$(printf '%s\n' "$OUT" | jq -r .rev)" "0,$c3" "detached HEAD"
git checkout -q main

# a bare clone: HEAD is the default revision; packed refs
cd "$WORK"
git clone -q --bare repo bare.git
(cd bare.git && git pack-refs --all)
test ! -e bare.git/refs/tags/v1 && grep -q refs/tags/v1 bare.git/packed-refs
ok $? "the bare clone has packed refs"
cd bare.git
run "$DIALDIFF" --format json list
is "$STATUS,$(rounds)" "0,1,2,3" "bare: list reads HEAD"
run "$DIALDIFF" --format json show 2
is "$(printf '%s\n' "$OUT" | jq -r .rev)" "$(rev HEAD)" "bare: rounds come from HEAD"
run "$DIALDIFF" --rev v1 --format json diff 2@HEAD~2 2
is "$STATUS:$(agenda dropped)" "0:" "bare: a packed tag resolves"
run "$DIALDIFF" --format json diff 2@v1 2
is "$STATUS:$(agenda dropped)" "0:market-access" "bare: N@TAG against HEAD"
cd "$WORK"

# GIT_DIR, from a folder that is not a repository
run env GIT_DIR="$WORK/bare.git" "$DIALDIFF" --rev HEAD~3 --format json list
is "$STATUS,$(rounds)" "0,1,2" "GIT_DIR is honoured"

# core.bare in a .git folder: no work tree, HEAD (c1: rounds 1 and 2) is
# read, not the three files
cd "$WORK" && cp -R repo barecfg && git -C barecfg config core.bare true &&
	git -C barecfg update-ref HEAD "$c1"
cd "$WORK/barecfg"
run "$DIALDIFF" --format json list
is "$STATUS,$(rounds)" "0,1,2" "core.bare = true: list reads HEAD, not the files"

# core.worktree: the work tree is elsewhere
cd "$WORK" && mkdir elsewhere && cp -R repo/dialogues elsewhere/ &&
	rm elsewhere/dialogues/trade-talks/round-03.json &&
	cp -R repo movedwt && git -C movedwt config core.worktree "$WORK/elsewhere"
cd "$WORK/movedwt"
run "$DIALDIFF" --format json list
is "$STATUS,$(rounds)" "0,1,2" "core.worktree: the configured work tree is read"

# GIT_CEILING_DIRECTORIES stops the search above a subdirectory
cd "$WORK/repo/dialogues"
run env GIT_CEILING_DIRECTORIES="$WORK/repo" "$DIALDIFF" list
is "$STATUS" 2 "below a ceiling the repository is not found"
like "$ERR" "no dialogues folder here" "and the current folder is read as a plain folder"

cd "$WORK"
# outside any repository, git selectors say why they cannot work
mkdir plain && cd plain
run env GIT_CEILING_DIRECTORIES="$WORK" "$DIALDIFF" diff 2@HEAD 1
is "$STATUS" 2 "N@REV outside a repository exits 2"
like "$ERR" "not in a git repository" "and says so"
is "$OUT" "" "and prints nothing on stdout"

done_testing
