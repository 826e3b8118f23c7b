#!/bin/sh
# check PATH...: named rounds (with the rules against their series folder),
# series.json, a taxonomy, folders; which taxonomy a round is classified
# with; --series, --taxonomy, -C; overlapping paths.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/check-lib.sh"
S=dialogues/us-china-cybercrime

fresh named
run "$DIALDIFF" check $R2
is "$STATUS:$OUT" "0:2 files checked: no problems found" "a clean round: its file and its taxonomy"
run "$DIALDIFF" --format json check $R2 $R3
is "$(printf '%s\n' "$OUT" | jq -c '.summary')" '{"files":3,"errors":0,"warnings":0}' "two rounds, one taxonomy"

# the rules that need the series folder
jedit $R3 '.date = "2018-01-01"'
expect_at error date-order $R3 /date $R3
run "$DIALDIFF" check $R3
like "$OUT" "round 3 is dated 2018-01-01, not before round 4 \\(2017-10-04\\) \\[date-order\\]" "a named round is compared with the round after it"
run "$DIALDIFF" check
like "$OUT" "^$R4:[0-9]+:[0-9]+: error: round 4 is dated 2017-10-04, not after round 3" "the whole check reports it on the later round"

fresh named-dup
cp $R2 $S/round-05.json
expect_at error round-duplicate $R2 /round $R2
run "$DIALDIFF" check $R2
like "$OUT" "round 2 is also recorded in $S/round-05\\.json" "and names the other file"
fresh named-series
jedit $R2 '.series = "elsewhere"'
expect_at error series-mismatch $R2 /series $R2

# a round in no series folder: no folder rules; the default taxonomy
fresh loose
jq '.series = "anything"' $R2 > loose.json
run "$DIALDIFF" check loose.json
is "$STATUS:$OUT" "0:2 files checked: no problems found" "a round outside any series folder"
jq '.topics["crime-categories"][0].label = {"en": "Zzyzx"}' $R2 > loose.json
expect_at error unclassified loose.json /topics/crime-categories/0/label loose.json

# a taxonomy, series.json, folders
fresh named-taxonomy
jedit $TX '.sections[0].entries += [.sections[0].entries[0]]'
expect_at error taxonomy-duplicate $TX /sections/0/entries/6/id $TX
run "$DIALDIFF" check $TX
like "$OUT" "^1 file checked: 1 error, 0 warnings$" "a taxonomy named alone is one file"
fresh named-series-json
jedit $SJ '.id = "elsewhere" | . + {"extra": true}'
expect_at error series-mismatch $SJ /id $SJ
run "$DIALDIFF" check $SJ
is "$(printf '%s\n' "$OUT" | sed 's/:.*\[/ [/')" "$SJ [series-mismatch]
$SJ [unknown-key]
1 file checked: 1 error, 1 warning" "series.json alone: its own problems only"
fresh folders
jedit $R2 '.date = "2016-02-30"'
for p in dialogues dialogues/ $S "$S/" ./$S; do
	run "$DIALDIFF" check $p
	is "$STATUS" 1 "check $p: exit 1"
	is "$(printf '%s\n' "$OUT" | grep -c '\[date\]')" 1 "check $p: the bad date, once"
done
run "$DIALDIFF" check dialogues $R2 $S $R2
is "$(printf '%s\n' "$OUT" | grep -c '\[date\]')" 1 "overlapping paths: each problem once"
like "$OUT" "^6 files checked: 1 error" "and each file counted once"

# which taxonomy
fresh series-taxonomy
mkdir dialogues/alt
jq '.sections[0].entries[0].patterns[0] = "(unclosed"' $TX > dialogues/alt/taxonomy.json
jedit $SJ '.taxonomy = "../alt/taxonomy.json"'
run "$DIALDIFF" check
like "$OUT" "^dialogues/alt/taxonomy\\.json:[0-9]+:[0-9]+: error: pattern \"\\(unclosed\"" "the series' own taxonomy, by a normalized path"
unlike "$OUT" "^dialogues/taxonomy\\.json:.*error" "the default taxonomy is fine"
run "$DIALDIFF" check $R2
like "$OUT" "^dialogues/alt/taxonomy\\.json:" "a named round uses its series' taxonomy"
run "$DIALDIFF" --taxonomy $TX check
is "$STATUS:$OUT" "0:6 files checked: no problems found" "--taxonomy overrides it"

# --series, -C
fresh two-series
mkdir -p dialogues/other
cp $SJ dialogues/other/series.json
run "$DIALDIFF" check
like "$OUT" "dialogues/other/series.json:[0-9]+:[0-9]+: error: series id \"us-china-cybercrime\" differs from its folder \"other\"" "every series is checked"
run "$DIALDIFF" --series us-china-cybercrime check
is "$STATUS" 0 "--series checks only that series"
cd "$WORK"
run "$DIALDIFF" -C two-series --series us-china-cybercrime check
is "$STATUS:$OUT" "0:6 files checked: no problems found" "-C DIR"

done_testing
