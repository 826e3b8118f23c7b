#!/bin/sh
# A made-up series with other section ids and zh-only labels: nothing about
# the bundled data set is built into the tool.
. "$(dirname "$0")/lib.sh"
cp -R "$SRC_DIR/tests/fixtures/alt" dialogues

run "$DIALDIFF" --format json diff 1 2
is "$STATUS" 0 "diff 1 2 exits 0"
is "$(printf '%s\n' "$OUT" | jq -r '[.sections[].id] | join(",")')" "agenda,outcomes" "sections come from this taxonomy"
sec() { printf '%s\n' "$OUT" | jq -r ".sections[] | select(.id == \"agenda\") | $1"; }
is "$(sec '.added | length')" 1 "one added"
is "$(sec '.dropped | length')" 1 "one dropped"
is "$(sec '[.kept[] | select(.changes == ["action"])] | length')" 1 "one kept with its action changed"
is "$(sec '[.added[].label | keys[]] | join(",")')" "zh" "labels are zh only"

for fmt in text markdown json; do
	run "$DIALDIFF" --format "$fmt" report
	is "$STATUS" 0 "report --format $fmt exits 0"
	cp .out "alt-report.$fmt"
	same_file "alt-report.$fmt" "$EXPECTED/alt-report.$fmt" "report --format $fmt matches"
done

run "$DIALDIFF" --lang en diff 1 2
like "$OUT" "扩大市场准入" "--lang en falls back to zh labels"

run "$DIALDIFF" --dialogues dialogues --series trade-talks list
is "$STATUS" 0 "--series selects the series"
run "$DIALDIFF" --series nosuch list
is "$STATUS" 2 "--series with an unknown id exits 2"

# two series side by side: a series must be chosen
mkdir -p two
cp -R dialogues/trade-talks two/a
cp -R dialogues/trade-talks two/b
cp dialogues/taxonomy.json two/
sed -i 's/"id": "trade-talks"/"id": "a"/; s/"series": "trade-talks"/"series": "a"/' two/a/*.json
sed -i 's/"id": "trade-talks"/"id": "b"/; s/"series": "trade-talks"/"series": "b"/' two/b/*.json
run "$DIALDIFF" --dialogues two report
is "$STATUS" 2 "two series and no --series exits 2"
like "$ERR" "choose one with --series: a b" "and lists them"
run "$DIALDIFF" --dialogues two --series b report
is "$STATUS" 0 "--series b"
run "$DIALDIFF" --dialogues two diff b/1 b/2
is "$STATUS" 0 "SERIES/N chooses the series"
run "$DIALDIFF" --dialogues two --format json list
is "$(printf '%s\n' "$OUT" | jq -r '[.series[].id] | join(",")')" "a,b" "list shows every series"

# a round of the wrong series
sed -i 's/"series": "b"/"series": "a"/' two/b/round-02.json
run "$DIALDIFF" --dialogues two --series b report
is "$STATUS" 2 "a round naming another series exits 2"
like "$ERR" 'round names series "a" but lies in folder "b"' "and says so"

done_testing
