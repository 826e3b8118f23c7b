#!/bin/sh
# review: the semantic changes to round files between two revisions, or
# between HEAD and the working tree.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo repo
cd repo
c1=$(rev HEAD~3) c2=$(rev HEAD~2) c3=$(rev HEAD~1)

files() { printf '%s\n' "$OUT" | jq -r '[.files[] | "\(.status):\(.path)"] | join(" ")'; }
agenda() { printf '%s\n' "$OUT" | jq -r ".files[$1].diff.sections[] | select(.id == \"agenda\") | .$2 | map(.id) | join(\",\")"; }

run "$DIALDIFF" --format json review HEAD~2..HEAD~1
is "$STATUS" 0 "review A..B exits 0"
printf '%s\n' "$OUT" | jq -e --arg a "$c2" --arg b "$c3" '.schema == "dialdiff/review@1" and .from_rev == $a and .to_rev == $b
	and (.files | length) == 1 and .files[0].status == "modified" and (.files[0] | has("old_path") | not)
	and .files[0].diff.schema == "dialdiff/diff@1" and .files[0].diff.from.rev == $a and .files[0].diff.to.rev == $b' >/dev/null
ok $? "review json has the documented shape"
is "$(agenda 0 dropped)" "market-access" "round 2 dropped market access"
cp "$WORK/.out" "$WORK/a-b.json"
for fmt in json text markdown; do
	run "$DIALDIFF" --format $fmt review HEAD~2..HEAD~1
	norm_ids "$WORK/.out" "$WORK/git-review.$fmt"
	same_file "$WORK/git-review.$fmt" "$EXPECTED/git-review.$fmt" "review A..B --format $fmt matches"
done
run "$DIALDIFF" --format json review HEAD~2 HEAD~1
cmp -s "$WORK/.out" "$WORK/a-b.json"
ok $? "review A B is review A..B"
run "$DIALDIFF" --format json review HEAD~1..HEAD
is "$STATUS,$(files)" "0," "a commit that changed no round file: no files"
run "$DIALDIFF" review HEAD~1..HEAD
like "$OUT" "^no round file changed$" "and the text says so"

# an added file is compared with the round before it, from the same tree
run "$DIALDIFF" --format json review HEAD~3..HEAD~2
is "$(files)" "added:dialogues/trade-talks/round-03.json" "review: an added round file"
is "$(printf '%s\n' "$OUT" | jq -r '.files[0].diff | "\(.from.path) \(.from.round) \(.summary.kept)"')" "dialogues/trade-talks/round-02.json 2 2" "compared with round 2"

# HEAD against the working tree, untracked round files included, ignored not
jq_edit dialogues/trade-talks/round-01.json '.topics.agenda[0].action = "agreed"'
cp dialogues/trade-talks/round-03.json dialogues/trade-talks/round-04.json
jq_edit dialogues/trade-talks/round-04.json '.round = 4 | .date = "2021-01-01"'
echo 'dialogues/trade-talks/round-09.json' > .gitignore
cp dialogues/trade-talks/round-04.json dialogues/trade-talks/round-09.json
echo '{"not": "a round"}' > dialogues/trade-talks/notes.txt
run "$DIALDIFF" --format json review
is "$STATUS" 0 "review (no revisions) exits 0"
is "$(files)" "modified:dialogues/trade-talks/round-01.json added:dialogues/trade-talks/round-04.json" \
   "HEAD against the working tree: modified and untracked, not ignored"
is "$(printf '%s\n' "$OUT" | jq -r '.to_rev, .files[0].diff.to.rev' | tr '\n' ' ')" "null null " "to_rev is null for the working tree"
is "$(printf '%s\n' "$OUT" | jq -r '.files[0].diff.sections[0].kept[0] | "\(.id) \(.from_action)>\(.action)"')" \
   "tariffs proposed>agreed" "a changed action"
run "$DIALDIFF" --format json review HEAD
is "$(files)" "modified:dialogues/trade-talks/round-01.json added:dialogues/trade-talks/round-04.json" "review REV: against the working tree"
cd dialogues
run "$DIALDIFF" --format json review
is "$(files)" "modified:dialogues/trade-talks/round-01.json added:dialogues/trade-talks/round-04.json" "review from a subdirectory"
run "$DIALDIFF" --format json review -- trade-talks/round-04.json
is "$(files)" "added:dialogues/trade-talks/round-04.json" "review -- PATH (relative to the current folder)"
cd ..

# gates
run "$DIALDIFF" review --exit-code
is "$STATUS" 1 "--exit-code: 1 with changes"
run "$DIALDIFF" review --exit-code HEAD~1 HEAD
is "$STATUS" 0 "--exit-code: 0 without"
run "$DIALDIFF" review --fail-on dropped:agenda HEAD~2..HEAD~1
is "$STATUS" 1 "--fail-on dropped:SECTION holds"
run "$DIALDIFF" review --fail-on added HEAD~2..HEAD~1
is "$STATUS" 0 "--fail-on added does not hold"
run "$DIALDIFF" review --fail-on changed:agenda
is "$STATUS" 1 "--fail-on changed:SECTION holds for the working tree"
run "$DIALDIFF" review --fail-on gone
is "$STATUS,$OUT" "2," "--fail-on with an unknown condition exits 2, nothing on stdout"
run "$DIALDIFF" review --fail-on dropped:agendas HEAD~2..HEAD~1
is "$STATUS,$OUT" "2," "--fail-on naming a section the taxonomy lacks exits 2, nothing on stdout"
like "$ERR" "no section 'agendas'" "and names it"
git checkout -q -- . && rm -f dialogues/trade-talks/round-0[49].json dialogues/trade-talks/notes.txt .gitignore

# renamed and deleted files; non-round files are left out
git mv dialogues/trade-talks/round-03.json dialogues/trade-talks/round-3.json
jq_edit dialogues/trade-talks/round-3.json '.topics.outcomes[1].action = "implemented"'
jq_edit dialogues/trade-talks/series.json '.title.en = "Trade talks"'
jq_edit dialogues/taxonomy.json '.sections[0].title.en = "Agenda"'
commit "rename round 3, touch series and taxonomy"
git rm -q dialogues/trade-talks/round-01.json
commit "drop round 1"
run "$DIALDIFF" --format json review HEAD~2 HEAD~1
is "$(files)" "renamed:dialogues/trade-talks/round-3.json" "a renamed file (series.json and taxonomy.json are not rounds)"
is "$(printf '%s\n' "$OUT" | jq -r '.files[0] | "\(.old_path) \(.diff.from.path) \(.diff.summary.changed)"')" \
   "dialogues/trade-talks/round-03.json dialogues/trade-talks/round-03.json 1" "with its old path, and what changed"
run "$DIALDIFF" review HEAD~2 HEAD~1
like "$OUT" "^renamed dialogues/trade-talks/round-03.json → dialogues/trade-talks/round-3.json$" "text: renamed OLD → NEW"
run "$DIALDIFF" --format json review HEAD~1..HEAD
is "$(files)" "deleted:dialogues/trade-talks/round-01.json" "a deleted file"
is "$(printf '%s\n' "$OUT" | jq -r '.files[0].diff | "\(.to.path) \(.summary.dropped)"')" "null 2" "every topic dropped"
run "$DIALDIFF" review HEAD~1..HEAD
like "$OUT" "^\\+\\+\\+ /dev/null$" "text: +++ /dev/null"
run "$DIALDIFF" review --fail-on dropped HEAD~1..HEAD
is "$STATUS" 1 "--fail-on dropped holds for a deleted round"

# A...B: against the merge base, as for a pull request
git checkout -q -b topic HEAD~1
jq_edit dialogues/trade-talks/round-02.json '.topics.outcomes += [{"label": {"zh": "发表联合声明"}, "action": "proposed"}]'
commit "topic: a joint statement in round 2"
git checkout -q main
run "$DIALDIFF" --format json review main...topic
is "$(files)" "modified:dialogues/trade-talks/round-02.json" "A...B: only the branch's changes"
is "$(printf '%s\n' "$OUT" | jq -r '.files[0].diff.sections[] | select(.id == "outcomes") | .added | map(.id) | join(",")')" \
   "joint-statement" "the branch added a joint statement"
run "$DIALDIFF" --format json review main..topic
is "$(files)" "added:dialogues/trade-talks/round-01.json modified:dialogues/trade-talks/round-02.json" "A..B: the two trees"

# a round that does not parse: an error instead of a diff
git checkout -q -b broken main
printf '{"round": 1,\n "round": 2}\n' > dialogues/trade-talks/round-05.json
commit "a broken round"
run "$DIALDIFF" --format json review main..broken
is "$STATUS" 2 "a broken round file: review exits 2 (a side that cannot be read is no pass)"
is "$(printf '%s\n' "$OUT" | jq -r '.files[0] | "\(.status) \(has("diff")) \(.error)"')" \
   "added false $(printf %.7s "$(rev broken)"):dialogues/trade-talks/round-05.json:2:2: duplicate key \"round\"" \
   "the file has an error with its position, and no diff"
run "$DIALDIFF" review main..broken
like "$OUT" "^error: .*round-05.json:2:2: duplicate key" "text shows the error"
run "$DIALDIFF" review --exit-code main..broken
is "$STATUS" 2 "--exit-code: a file that cannot be compared fails closed (exit 2)"
git checkout -q main

run "$DIALDIFF" review a b c
is "$STATUS" 2 "three revisions: usage error"
run "$DIALDIFF" review nosuch..HEAD
is "$STATUS" 2 "an unknown revision exits 2"
like "$ERR" "^dialdiff: nosuch: unknown revision 'nosuch'" "and names it"

# a bare repository has no working tree
cd "$WORK" && git clone -q --bare repo bare.git && cd bare.git
run "$DIALDIFF" review
is "$STATUS" 2 "bare: review without revisions exits 2"
like "$ERR" "bare repository" "and says why"
run "$DIALDIFF" --format json review HEAD~1 HEAD
is "$STATUS,$(files)" "0,deleted:dialogues/trade-talks/round-01.json" "bare: review A B"

done_testing
