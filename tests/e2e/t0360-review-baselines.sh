#!/bin/sh
# Reviews the way pull requests are reviewed: an added round is compared
# with the round before it, "-- PATH" keeps the revisions, gates say why
# they tripped (stderr and JSON), unclassified topics and single entries
# can be gated, and a side that cannot be read is never a pass.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"
alt_repo repo
cd repo
git checkout -q -b round4
T=dialogues/trade-talks
# round 4: round 3 without its first agenda item, and an item no entry knows
jq '.round = 4 | .date = "2021-06-01" | .topics.agenda |= (.[1:] + [{"label": {"zh": "量子计算合作"}}])' \
	$T/round-03.json > $T/round-04.json
commit "round 4"
dropped=$(jq -r '.topics.agenda[0].label.zh' $T/round-03.json)

# ---- an added round and its baseline --------------------------------------
run "$DIALDIFF" --format json review main..round4
is "$STATUS" 0 "review of a pull request that adds a round: exit 0"
is "$(printf '%s\n' "$OUT" | jq -r '.files[0] | [.status, .baseline, .diff.from.round, .diff.to.round] | map(tostring) | join(" ")')" \
   "added previous-round 3 4" "it is compared with the round before it, on the same side"
is "$(printf '%s\n' "$OUT" | jq -r '.files[0].diff.from.path')" "$T/round-03.json" "the baseline's path is given"
is "$(printf '%s\n' "$OUT" | jq -r '[.files[0].diff.sections[] | select(.id == "agenda") | .dropped[].label.zh] | join(",")')" \
   "$dropped" "what the new round dropped is dropped, not everything added"
run "$DIALDIFF" review main..round4
like "$OUT" "^added $T/round-04.json$" "text names the added file"
like "$OUT" "^diff round 4 \(2021-06-01\), new, compared with round 3 \(2021-03-15\)$" "and says what it was compared with"
run "$DIALDIFF" review --format markdown main..round4
like "$OUT" "^#### Round 4 \(new\), compared with round 3$" "markdown says it too"

# ---- gates that explain themselves -----------------------------------------
run "$DIALDIFF" review --fail-on dropped:agenda main..round4
is "$STATUS" 1 "--fail-on dropped:agenda trips on the new round"
like "$ERR" "^dialdiff: gate dropped:agenda tripped by round 4 \($T/round-04.json\): $dropped \[" "and stderr says which gate, which round, which item"
run "$DIALDIFF" review --fail-on unclassified main..round4
is "$STATUS" 1 "--fail-on unclassified trips on a topic no entry matches"
like "$ERR" "gate unclassified tripped by round 4 .*量子计算合作" "and names it"
run "$DIALDIFF" review --fail-on unclassified:outcomes main..round4
is "$STATUS" 0 "unclassified:SECTION looks at that section only"
run "$DIALDIFF" --format json review main..round4
entry=$(printf '%s\n' "$OUT" | jq -r '.files[0].diff.sections[] | select(.id == "agenda") | .dropped[0].id')
run "$DIALDIFF" review --fail-on "dropped:agenda/$entry" main..round4
is "$STATUS" 1 "dropped:SECTION/ENTRY trips for that entry"
run "$DIALDIFF" review --fail-on dropped:agenda/no-such-entry main..round4
is "$STATUS" 2 "an entry the taxonomy does not have is a usage error"
like "$ERR" "has no entry 'no-such-entry'" "and says so"
run "$DIALDIFF" --format json review --fail-on dropped:agenda --fail-on added:outcomes main..round4
is "$(printf '%s\n' "$OUT" | jq -c '[.gates[] | [.gate, .tripped, (.items | length)]]')" \
   '[["dropped:agenda",true,1],["added:outcomes",false,0]]' "JSON output carries every gate, tripped or not, with its items"
run "$DIALDIFF" --format json diff --fail-on dropped 1 2
is "$STATUS:$(printf '%s\n' "$OUT" | jq -c '[.gates[] | [.gate, .tripped]]')" '1:[["dropped",true]]' "diff's JSON carries its gates too"
like "$ERR" "^dialdiff: gate dropped tripped by round 2" "and diff names the tripped gate on stderr"

# ---- operands in any order ---------------------------------------------------
for args in "--fail-on dropped main..round4 -- dialogues" \
	    "main..round4 --fail-on dropped -- dialogues" \
	    "main...round4 --fail-on dropped -- dialogues" \
	    "--fail-on dropped main round4 -- dialogues/trade-talks"; do
	run "$DIALDIFF" review $args
	is "$STATUS" 1 "review $args: the revisions are kept"
done
run "$DIALDIFF" review --exit-code main..round4 -- dialogues/other
is "$STATUS" 0 "a path that holds no change: exit 0"
run "$DIALDIFF" log main..round4 -- dialogues
like "$OUT" "round 4" "log RANGE -- PATH keeps the range"
run "$DIALDIFF" log -n 1 -- dialogues
like "$OUT" "round 4" "log -n N -- PATH"

# ---- a taxonomy change is a change -------------------------------------------
git checkout -q main
entry=$(jq -r '.sections[0].entries[0].id' dialogues/taxonomy.json)
section=$(jq -r '.sections[0].id' dialogues/taxonomy.json)
jq_edit dialogues/taxonomy.json ".sections[0].entries[0].id = \"$entry-renamed\""
commit "taxonomy: an entry renamed"
run "$DIALDIFF" review --exit-code HEAD~1..HEAD
is "$STATUS" 1 "an entry renamed in the taxonomy: review --exit-code exits 1"
like "$OUT" "^reclassified $T/round-0[0-9].json" "and names the rounds it reclassifies"
run "$DIALDIFF" --format json review HEAD~1..HEAD
is "$(printf '%s\n' "$OUT" | jq -r "[.files[] | select(.status == \"reclassified\") | .diff.sections[] | select(.id == \"$section\") | (.dropped[].id + \"->\" + .added[].id)] | unique | join(\",\")")" \
   "$entry->$entry-renamed" "each reclassified item goes from its old entry to its new one"
run "$DIALDIFF" review --fail-on "dropped:$section/$entry-renamed" HEAD~1..HEAD
is "$STATUS" 0 "gates apply to the reclassification: not dropped from the new entry"
run "$DIALDIFF" review --fail-on "added:$section" HEAD~1..HEAD
is "$STATUS" 1 "and added to it"
like "$OUT" "^taxonomy dialogues/taxonomy.json changed: entries added $section/$entry-renamed; removed $section/$entry$" "and the entries that changed"
run "$DIALDIFF" --format json review HEAD~1..HEAD
is "$(printf '%s\n' "$OUT" | jq -c '.taxonomies[0] | [.path, .added, .removed]')" \
   "[\"dialogues/taxonomy.json\",[\"$section/$entry-renamed\"],[\"$section/$entry\"]]" "JSON lists them under taxonomies"
run "$DIALDIFF" log -n 1
like "$OUT" "^reclassified $T/round-01.json" "log shows the reclassification of that commit"
like "$OUT" "^taxonomy dialogues/taxonomy.json changed" "and the taxonomy's change"
jq_edit dialogues/taxonomy.json '.sections[0].title.en = "Another title"'
commit "taxonomy: a section title"
run "$DIALDIFF" --format json review HEAD~1..HEAD
is "$(printf '%s\n' "$OUT" | jq -c '[(.files | length), (.taxonomies | length)]')" "[0,1]" \
   "a taxonomy edit that moves no item reclassifies nothing, and is still a change"
run "$DIALDIFF" review --exit-code HEAD~1..HEAD
is "$STATUS" 1 "--exit-code: a changed taxonomy is a change"
like "$OUT" "changed \(no entry changed\)" "text says what kind"
# a pattern edit: the items of market-access match no entry now
jq_edit dialogues/taxonomy.json '(.sections[0].entries[] | select(.id == "market-access") | .patterns) = ["^no such label$"]'
commit "taxonomy: a pattern edited"
run "$DIALDIFF" --format json review --exit-code HEAD~1..HEAD
is "$STATUS" 1 "a pattern edit: review --exit-code exits 1"
is "$(printf '%s\n' "$OUT" | jq -r '[.files[] | select(.status == "reclassified") | .path] | join(",")')" \
   "$T/round-03.json" "it names the round whose item it reclassifies"
is "$(printf '%s\n' "$OUT" | jq -r '[.files[].diff.sections[].dropped[].id] | unique | join(",")')" \
   "market-access" "they leave their entry"
is "$(printf '%s\n' "$OUT" | jq -r '[.files[].diff.sections[].added[].classified] | unique | join(",")')" \
   "false" "and are unclassified now"
is "$(printf '%s\n' "$OUT" | jq -c '.taxonomies[0].patterns_changed')" "[\"$section/market-access\"]" \
   "the taxonomy's change names the entry whose patterns changed"
run "$DIALDIFF" review --fail-on unclassified HEAD~1..HEAD
is "$STATUS" 1 "--fail-on unclassified trips on what the edit left unclassified"

# ---- a side that cannot be read ------------------------------------------------
printf '{ "broken": \n' > $T/round-02.json
run "$DIALDIFF" review
is "$STATUS" 2 "a round that does not parse on one side: exit 2"
like "$ERR" "round-02.json: cannot compare" "and stderr says which"
git checkout -q -- $T/round-02.json

done_testing
