#!/bin/sh
# The project layer: one answer, in every command, to "where is the
# record, what is this file, and which taxonomy reads it".  A dialogues
# folder named otherwise (--dialogues, its alias --dir, git config
# dialdiff.dir) or not found at all; a series whose taxonomy lies in its
# own folder; the numbering rules of check.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"

# ---- a record kept in records/ -------------------------------------------
git_init rec && cd rec
cp -R "$SRC_DIR/tests/fixtures/alt" records
commit "the record, in records/"
jq_edit records/trade-talks/round-02.json '.topics.agenda |= .[1:]'
commit "round 2: one agenda item less"

for cmd in "review --exit-code HEAD~1..HEAD" "log" "list" "check" "fmt --check" "diff 1 2"; do
	run "$DIALDIFF" $cmd
	is "$STATUS" 2 "no dialogues folder: $cmd exits 2"
	like "$ERR" "^dialdiff: ((HEAD|[0-9a-f]{7}):)?dialogues: no dialogues folder (here|in (HEAD|[0-9a-f]{7})).*--dialogues DIR, or git config dialdiff.dir" "and says where it looked and how to name it"
	is "$OUT" "" "and prints nothing on stdout"
done

git config dialdiff.dir records
run "$DIALDIFF" review --exit-code HEAD~1..HEAD
is "$STATUS" 1 "git config dialdiff.dir: review --exit-code sees the change"
like "$OUT" "records/trade-talks/round-02.json" "and names the file"
run "$DIALDIFF" log
like "$OUT" "round 2: one agenda item less" "log shows the commit that changed a round"
run "$DIALDIFF" check
is "$STATUS" 0 "check reads records/"
run "$DIALDIFF" list
like "$OUT" "records/trade-talks" "list reads records/"
mkdir -p sub && cd sub
run "$DIALDIFF" list
is "$STATUS" 0 "the configured folder is relative to the top, from a subfolder too"
cd ..
git config --unset dialdiff.dir

for opt in --dialogues --dir; do
	run "$DIALDIFF" $opt records review --exit-code HEAD~1..HEAD
	is "$STATUS" 1 "$opt records: review --exit-code exits 1"
done
git config --global dialdiff.dir records
run "$DIALDIFF" review --exit-code HEAD~1..HEAD
is "$STATUS" 1 "the global git config names the folder too"
git config dialdiff.dir nowhere
run "$DIALDIFF" list
is "$STATUS" 2 "the repository's config wins over the global one"
like "$ERR" "^dialdiff: nowhere: no dialogues folder here" "and the message names it"
run "$DIALDIFF" --dialogues records list
is "$STATUS" 0 "--dialogues wins over the config"
git config --global --unset dialdiff.dir
cd "$WORK"

# ---- a series with its own taxonomy in its folder ------------------------
git_init own && cd own
cp -R "$SRC_DIR/tests/fixtures/alt" dialogues
mkdir dialogues/fruit
cat > dialogues/fruit/taxonomy.json <<'EOF'
{"schema_version": 1, "sections": [
 {"id": "fruit", "title": {"en": "Fruit"}, "entries": [
  {"id": "apples", "name": {"en": "Apples"}, "patterns": ["apple"]},
  {"id": "pears", "name": {"en": "Pears"}, "patterns": ["pear"]}]}]}
EOF
cat > dialogues/fruit/series.json <<'EOF'
{"schema_version": 1, "id": "fruit", "title": {"en": "Fruit talks"}, "taxonomy": "taxonomy.json"}
EOF
fruit_round() {
	printf '{"schema_version": 1, "series": "fruit", "round": %s, "date": "%s",\n "title": {"en": "R%s"},\n "topics": {"fruit": [%s]}}\n' \
		"$1" "$2" "$1" "$3" > "dialogues/fruit/round-0$1.json"
}
fruit_round 1 2020-01-01 '{"label": {"en": "Apple trade"}}'
fruit_round 2 2020-06-14 '{"label": {"en": "Apple trade"}}, {"label": {"en": "Pear tariffs"}}'
run "$DIALDIFF" fmt --write
is "$STATUS" 0 "fmt --write formats every file of the series, its taxonomy too"
commit "fruit talks, with their own taxonomy"

run "$DIALDIFF" check
is "$STATUS" 0 "check: the series' own taxonomy is no round"
like "$OUT" "no problems found" "and check is clean"
run "$DIALDIFF" --format json list
is "$STATUS" 0 "list exits 0 for every series"
is "$(printf '%s\n' "$OUT" | jq -c '[.series[] | {id, s: (.rounds[0].counts | keys)}]')" \
   '[{"id":"fruit","s":["fruit"]},{"id":"trade-talks","s":["agenda","outcomes"]}]' \
   "each series shows its own sections"
run "$DIALDIFF" --series fruit --format json timeline
is "$(printf '%s\n' "$OUT" | jq -r '[.sections[].id] | join(",")')" "fruit" "timeline reads the series' taxonomy"
run "$DIALDIFF" fmt --check
is "$STATUS" 0 "fmt --check: nothing left to format"
run "$DIALDIFF" fmt dialogues/fruit/taxonomy.json
is "$(printf '%s\n' "$OUT" | sed -n 2,3p | tr -d ' ')" '"schema_version":1,
"sections":[' "the series' taxonomy is laid out as a taxonomy"
fruit_round 2 2020-06-14 '{"label": {"en": "Pear tariffs"}}'
commit "round 2 drops apples"
run "$DIALDIFF" --format json review HEAD~1..HEAD
is "$(printf '%s\n' "$OUT" | jq -r '[.files[].path] | join(",")')" "dialogues/fruit/round-02.json" "review: the round changed, nothing else"
is "$(printf '%s\n' "$OUT" | jq -r '.files[0].diff.sections[0].dropped[0].id')" "apples" "classified with the series' taxonomy"
jq_edit dialogues/fruit/taxonomy.json '.sections[0].title.en = "Fruits"'
commit "a new title for the fruit section"
run "$DIALDIFF" --format json review HEAD~1..HEAD
is "$STATUS:$(printf '%s\n' "$OUT" | jq -r '[.files[].path | select(endswith("taxonomy.json"))] | length')" "0:0" \
   "review never reads the series' taxonomy as a round"
cd "$WORK"

# ---- numbering -------------------------------------------------------------
mkdir num && cd num
cp -R "$SRC_DIR/tests/fixtures/alt" dialogues
R=dialogues/trade-talks
jq_edit $R/round-03.json '.round = 4'
run "$DIALDIFF" check
is "$STATUS" 0 "rounds 1, 2, 4: warnings only"
like "$OUT" "round-03.json:.*warning: round 3 is missing before round 4 \[round-gap\]" "a gap names the missing round"
like "$OUT" "round-03.json:.*warning: the file name says round 3, the file says round 4 \[round-file-number\]" "a file name that says another round"
run "$DIALDIFF" diff 3 4
is "$STATUS" 2 "diff of a missing round exits 2"
like "$ERR" "has no round 3 \(it has rounds 1, 2, 4\)" "and names the rounds there are"
jq_edit $R/round-03.json '.round = 3'
jq_edit $R/round-02.json '.date = "2016-6-14"'
run "$DIALDIFF" --format json check
is "$(printf '%s\n' "$OUT" | jq -r '[.diagnostics[].rule] | join(",")')" "date" "a bad date is one error, not a date-order error too"
run "$DIALDIFF" --format json check $R/round-02.json $R/round-03.json
is "$(printf '%s\n' "$OUT" | jq -r '[.diagnostics[].rule] | join(",")')" "date" "and so it is for files named on their own"


# ---- a section a round does not record -----------------------------------------
jq_edit $R/round-02.json '.date = "2020-06-01" | del(.topics.agenda)'
run "$DIALDIFF" --format json diff --fail-on dropped 1 2
is "$STATUS" 0 "a section missing from round 2 is not dropped: the gate holds nothing"
is "$(printf '%s\n' "$OUT" | jq -c '.sections[] | select(.id == "agenda") | [.not_recorded, (.dropped | length)]')" \
   '[["to"],0]' "it is shown as not recorded, with nothing dropped"
run "$DIALDIFF" check
like "$OUT" "round-02.json:.*warning: section \"agenda\" is not recorded.*\[section-not-recorded\]" "check warns about it"

done_testing
