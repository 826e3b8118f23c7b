#!/bin/sh
# scripts/pre-commit, installed as docs/ci.md says: it checks the staged
# dialogue files as staged (from the index), refuses a commit with a
# problem or an unformatted file, and lets everything else through.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/check-lib.sh"

git init -q repo && cd repo || exit 1
cp -R "$SRC_DIR/dialogues" dialogues
echo "notes" > README
git add . && git commit -q -m "the record"
cp "$SRC_DIR/scripts/pre-commit" "$(git rev-parse --git-path hooks)/pre-commit"
chmod +x "$(git rev-parse --git-path hooks)/pre-commit"
head=$(git rev-parse HEAD)

commit() {	# commit MESSAGE: run git commit (a hook's output goes to stderr)
	run git commit -q -m "$1"
}

# a staged problem refuses the commit
jedit $R2 '.date = "2016-02-30"'
git add $R2
commit "bad date"
is "$STATUS" 1 "a staged bad date: the commit is refused"
like "$ERR" "^$R2:[0-9]+:[0-9]+: error: \"2016-02-30\" is not a valid date .*\\[date\\]" "with the diagnostic"
like "$ERR" "commit refused" "and says so"
is "$(git rev-parse HEAD)" "$head" "no commit was made"

# fixed in the working tree only: the index still has the problem
cp "$SRC_DIR/$R2" $R2
commit "still bad"
is "$STATUS" 1 "fixed in the working tree but not staged: still refused"

# staged fine, broken in the working tree afterwards: the index counts
jedit $R2 '.topics["network-protection"][0].note = "a staged note"'
git add $R2
jedit $R2 '.date = "2016-02-30"'
commit "a note"
is "$STATUS" 0 "a good staged change commits, whatever the working tree holds"
is "$(git show HEAD:$R2 | jq -r '.topics["network-protection"][0].note')" "a staged note" "the staged version was committed"
git checkout -q -- $R2

# unformatted
jq -c '.sources += [{"title": "A later report"}]' $R3 > x && mv x $R3
git add $R3
commit "compact"
is "$STATUS" 1 "a staged unformatted file: refused"
like "$ERR" "not in canonical format" "says so"
like "$ERR" "^  $R3\$" "and names the file"
"$DIALDIFF" fmt --write $R3
git add $R3
commit "formatted"
is "$STATUS" 0 "after fmt --write and git add: committed"
is "$(git status --porcelain)" "" "nothing left over"

# a taxonomy change is checked against every round
jedit $TX '.sections[0].entries[2].patterns = ["no-such-words"]'
git add $TX
commit "taxonomy"
is "$STATUS" 1 "a staged taxonomy that leaves rounds unclassified: refused"
like "$ERR" "\\[unclassified\\]" "the rounds it breaks are named"
git checkout -q HEAD -- $TX

# a broken file: refused with its position; other files do not matter
printf '{"round": 1,\n  "round": 2}\n' > dialogues/us-china-cybercrime/round-05.json
git add dialogues/us-china-cybercrime/round-05.json
commit "broken"
is "$STATUS" 1 "a staged file that does not parse: refused"
like "$ERR" "round-05\\.json:2:3: error: duplicate key" "with the position"
git rm -q --cached dialogues/us-china-cybercrime/round-05.json
rm dialogues/us-china-cybercrime/round-05.json

# a name git quotes in its line output is checked all the same
printf '{"round": 1,\n  "round": 2}\n' > dialogues/us-china-cybercrime/第五轮.json
git add dialogues/us-china-cybercrime/第五轮.json
commit "broken, with a Chinese name"
is "$STATUS" 1 "a staged broken file whose name is not ASCII: refused"
like "$ERR" "第五轮\.json:2:3: error: duplicate key" "with its name as it is"
git rm -q --cached dialogues/us-china-cybercrime/第五轮.json
rm dialogues/us-china-cybercrime/第五轮.json

# nothing of the dialogues staged: the hook has nothing to do
jedit $R4 '.date = "bad"'	# unstaged
echo more >> README
git add README
commit "readme"
is "$STATUS" 0 "no dialogue file staged: committed"
git checkout -q -- $R4

# in a linked worktree, which shares the hook
git worktree add -q ../wt 2>/dev/null
cd ../wt || exit 1
jedit $R2 '.round = 0'
git add $R2
commit "in a worktree"
is "$STATUS" 1 "in a linked worktree: refused too"
like "$ERR" "\\[round-number\\]" "with the diagnostic"

done_testing
