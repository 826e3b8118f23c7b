#!/bin/sh
# log: the commits that changed round files, newest first, each with the
# semantic change of every file; merges as git log treats them.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo repo
cd repo
c1=$(rev HEAD~3) c2=$(rev HEAD~2) c3=$(rev HEAD~1) c4=$(rev HEAD)

ids() { printf '%s\n' "$OUT" | jq -r '[.commits[].id[0:7]] | join(" ")'; }
short() { for c in "$@"; do printf '%.7s ' "$c"; done | sed 's/ $//'; }

run "$DIALDIFF" --format json log
is "$STATUS" 0 "log exits 0"
is "$(ids)" "$(short "$c3" "$c2" "$c1")" "newest first; the commit that changed no round file is skipped"
is "$ERR" "" "nothing on stderr (no progress line when stderr is not a terminal)"
printf '%s\n' "$OUT" | jq -e '.schema == "dialdiff/log@1"
	and all(.commits[]; (.id | test("^[0-9a-f]{40}$")) and .author.name == "A U Thor"
		and .author.email == "author@example.com" and (.date | test("^2020-01-01T00:0[0-9]:00\\+00:00$"))
		and (.subject | type == "string") and (.files | length) > 0
		and all(.files[]; has("path") and has("status") and .diff.schema == "dialdiff/diff@1"))' >/dev/null
ok $? "log json has the documented shape"
is "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 8 "log json: a line per commit inside a five-line frame"
is "$(printf '%s\n' "$OUT" | sed -n '4,6{s/,$//;p}' | jq -r '.id[0:7]' | tr '\n' ' ')" \
   "$(short "$c3" "$c2" "$c1") " "log json: each commit's line is a JSON object"
is "$(printf '%s\n' "$OUT" | jq -r '.commits[2] | "\(.date) \(.subject) \([.files[] | "\(.status):\(.path)"] | join(","))"')" \
   "2020-01-01T00:01:00+00:00 trade talks: rounds 1 and 2 added:dialogues/trade-talks/round-01.json,added:dialogues/trade-talks/round-02.json" \
   "the root commit adds its round files (ISO 8601 author date)"
is "$(printf '%s\n' "$OUT" | jq -r '.commits[0].files[0].diff.sections[] | select(.id == "agenda") | .dropped | map(.id) | join(",")')" \
   "market-access" "the semantic change of a commit"
for fmt in json text markdown; do
	run "$DIALDIFF" --format $fmt log
	norm_ids "$WORK/.out" "$WORK/git-log.$fmt"
	same_file "$WORK/git-log.$fmt" "$EXPECTED/git-log.$fmt" "log --format $fmt matches"
done

run "$DIALDIFF" log -n 1
is "$(printf '%s\n' "$OUT" | sed -n '1p;5p' | tr '\n' '|')" "commit $c3|    round 2: no market access|" "log -n 1: the newest commit, with its subject"
like "$OUT" "^- 扩大市场准入  \\[market-access\\]" "and the topic it dropped"
run "$DIALDIFF" --format json log -n1
is "$(ids)" "$(short "$c3")" "-n1"
run "$DIALDIFF" --format json log --max-count=2
is "$(ids)" "$(short "$c3" "$c2")" "--max-count=2"
run "$DIALDIFF" --format json log -n 0
is "$STATUS,$(ids)" "0," "-n 0: no commits"
run "$DIALDIFF" --format json log HEAD~3..HEAD~1
is "$(ids)" "$(short "$c3" "$c2")" "log A..B"
run "$DIALDIFF" --format json log HEAD~2
is "$(ids)" "$(short "$c2" "$c1")" "log REV"
run "$DIALDIFF" --format json log -- dialogues/trade-talks/round-03.json
is "$(ids)" "$(short "$c2")" "log -- PATH"
cd dialogues/trade-talks
run "$DIALDIFF" --format json log -- round-02.json
is "$(ids)" "$(short "$c3" "$c1")" "log -- PATH relative to the current folder"
cd ../..

# merges: a side branch, and a merge that changed both sides' files
git checkout -q -b side "$c2"
jq_edit dialogues/trade-talks/round-01.json '.topics.outcomes = [{"label": {"zh": "成立工作组"}, "action": "proposed"}]'
commit "side: a working group in round 1"
s1=$(rev HEAD)
git checkout -q main
tick
git merge -q --no-ff -m "merge side" side
m=$(rev HEAD)
git checkout -q -b docs
echo more >> README
commit "docs only"
git checkout -q main
tick
git merge -q --no-ff -m "merge docs" docs
run "$DIALDIFF" --format json log
is "$(ids)" "$(short "$m" "$s1" "$c3" "$c2" "$c1")" "merges: the side branch's commit is listed; a merge that only brought docs is not"
is "$(printf '%s\n' "$OUT" | jq -r '.commits[0] | "\(.subject) \(.parents | length) \(.files | length)"')" \
   "merge side 2 0" "a merge that differs from both parents: listed without a diff"
run "$DIALDIFF" log -n 1
like "$OUT" "^Merge: $(short "$c4") $(short "$s1")$" "text: the Merge: line"
run "$DIALDIFF" --format json log --first-parent
is "$(ids)" "$(short "$m" "$c3" "$c2" "$c1")" "--first-parent: the side branch is not walked"
is "$(printf '%s\n' "$OUT" | jq -r '.commits[0].files | map("\(.status):\(.path)") | join(",")')" \
   "modified:dialogues/trade-talks/round-01.json" "--first-parent: a merge is diffed against its first parent"
run "$DIALDIFF" --format json log main...side
is "$(ids)" "$(short "$m" "$c3")" "log A...B: the commits on either side but not both"

# a bare clone
cd "$WORK" && git clone -q --bare repo bare.git && cd bare.git
run "$DIALDIFF" --format json log
is "$STATUS,$(ids)" "0,$(short "$m" "$s1" "$c3" "$c2" "$c1")" "log in a bare repository"
cd "$WORK/repo"

run "$DIALDIFF" log nosuch
is "$STATUS" 2 "log of an unknown revision exits 2"
like "$ERR" "nosuch: unknown revision" "and names it"
run "$DIALDIFF" log a b
is "$STATUS" 2 "log takes one range"
run "$DIALDIFF" log -n x
is "$STATUS" 2 "-n takes a number"

done_testing
