#!/bin/sh
# diff on the bundled data: the acceptance facts, selectors, --all, gates.
. "$(dirname "$0")/lib.sh"
bundled

run "$DIALDIFF" --format json diff 1 2
is "$STATUS" 0 "diff 1 2 exits 0"
crime() { printf '%s\n' "$OUT" | jq -r ".sections[] | select(.id == \"crime-categories\") | .$1[].id" | tr '\n' ' '; }
is "$(crime added)" "firearms-trafficking " "round 2 adds firearms trafficking"
is "$(crime dropped)" "trade-secret-theft " "round 2 drops theft of trade secrets"
is "$(crime kept)" "child-sexual-abuse-material fraud terrorism " "child abuse material, fraud and terrorism are kept"
hotline() { printf '%s\n' "$OUT" | jq -r '.sections[] | select(.id == "cooperation-mechanisms") | .kept[] | select(.id == "hotline") | "\(.from_action)>\(.action)"'; }
is "$(hotline)" "established>implemented" "the hotline is kept, established → implemented"
printf '%s\n' "$OUT" | jq -e '.schema == "dialdiff/diff@1" and .from.round == 1 and .to.round == 2 and .from.rev == null
	and (.summary | has("added") and has("kept") and has("dropped"))
	and all(.sections[]; has("id") and has("title") and has("similarity") and has("added") and has("kept") and has("dropped"))' >/dev/null
ok $? "diff json has the documented shape"
same_file .out "$EXPECTED/diff-1-2.json" "diff 1 2 json matches"

for pair in "2 3" "3 4"; do
	run "$DIALDIFF" --format json diff $pair
	hl=$(hotline)
	like "$hl" '^[a-z]+>[a-z]+$' "the hotline is kept in diff $pair ($hl)"
done

run "$DIALDIFF" diff
run2=$OUT
run "$DIALDIFF" diff 3 4
is "$run2" "$OUT" "diff with no rounds compares the last two"
run "$DIALDIFF" diff 4
is "$run2" "$OUT" "diff N compares N with the round before it"
run "$DIALDIFF" diff us-china-cybercrime/3 us-china-cybercrime/4
is "$run2" "$OUT" "SERIES/N selects a round"
run "$DIALDIFF" diff dialogues/us-china-cybercrime/round-03.json dialogues/us-china-cybercrime/round-04.json
is "$run2" "$OUT" "paths select rounds"
run "$DIALDIFF" diff 3 dialogues/us-china-cybercrime/round-04.json
is "$run2" "$OUT" "selectors can be mixed"
cp dialogues/us-china-cybercrime/round-04.json elsewhere.json
run "$DIALDIFF" --format json diff 3 elsewhere.json
is "$(printf '%s\n' "$OUT" | jq -r .to.path)" "elsewhere.json" "a round file outside the series"

run "$DIALDIFF" diff --all
is "$STATUS" 0 "diff --all exits 0"
is "$(printf '%s\n' "$OUT" | grep -c '^diff round')" 3 "diff --all shows three diffs"
run "$DIALDIFF" --format json diff --all
is "$(printf '%s\n' "$OUT" | jq -r '.schema, (.diffs | length)' | tr '\n' ' ')" "dialdiff/diffs@1 3 " "diff --all json"

for fmt in text markdown; do
	run "$DIALDIFF" --format "$fmt" diff 1 2
	cp .out "diff-1-2.$fmt"
	same_file "diff-1-2.$fmt" "$EXPECTED/diff-1-2.$fmt" "diff 1 2 --format $fmt matches"
done

run "$DIALDIFF" diff --exit-code 1 2
is "$STATUS" 1 "--exit-code: 1 when something changed"
run "$DIALDIFF" diff --exit-code 2 2
is "$STATUS" 0 "--exit-code: 0 for a round against itself"
run "$DIALDIFF" diff --fail-on dropped:crime-categories 1 2
is "$STATUS" 1 "--fail-on dropped:SECTION holds for 1→2"
run "$DIALDIFF" diff --fail-on dropped:crime-categories 3 4
is "$STATUS" 0 "--fail-on dropped:SECTION does not hold for 3→4"
run "$DIALDIFF" diff --fail-on added --fail-on changed:network-protection 3 4
is "$STATUS" 1 "--fail-on is repeatable"
run "$DIALDIFF" diff --fail-on removed 1 2
is "$STATUS" 2 "--fail-on with an unknown condition is a usage error"
is "$OUT" "" "nothing on stdout for a usage error"
run "$DIALDIFF" diff --fail-on dropped:crime-category 1 2
is "$STATUS" 2 "--fail-on naming a section the taxonomy lacks exits 2"
like "$ERR" "^dialdiff: gate 'dropped:crime-category': the taxonomy has no section 'crime-category'" "and names it"
is "$OUT" "" "and prints nothing on stdout"
run "$DIALDIFF" diff --fail-on changed:crime-categories --exit-code 2 2
is "$STATUS" 0 "gates and --exit-code do not hold for a round against itself"
run "$DIALDIFF" diff --fail-on added: 1 2
is "$STATUS" 2 "--fail-on with an empty section is a usage error"

done_testing
