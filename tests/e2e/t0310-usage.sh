#!/bin/sh
# The command line's error paths and less common cases: usage errors, series
# selection, series-level rules, classification problems in show, output
# that cannot be written.
. "$(dirname "$0")/lib.sh"
bundled
S=dialogues/us-china-cybercrime

# fails CMD... -- REGEX NAME: exit 2, nothing on stdout, a message
fails() {
	args=""
	while [ "$1" != "--" ]; do args="$args $1"; shift; done
	# shellcheck disable=SC2086
	run "$DIALDIFF" $args
	is "$STATUS" 2 "$3: exit 2"
	is "$OUT" "" "$3: nothing on stdout"
	like "$ERR" "$2" "$3: message"
}

# ---- usage -------------------------------------------------------------------

fails diff --all 1 -- "^dialdiff: --all takes no rounds" "diff --all with rounds"
fails diff 1 -- "^dialdiff: 1: round 1 has no earlier round to compare with" "diff of the first round alone"
fails diff --bogus -- "^dialdiff: unknown or incomplete option '--bogus'" "diff with an unknown option"
fails diff --format -- "^dialdiff: unknown or incomplete option '--format'" "diff --format without a value"
fails diff --fail-on bogus -- "^dialdiff: --fail-on '[a-z:]*': a gate is added, dropped, changed or unclassified" "--fail-on with an unknown condition"
fails diff --fail-on added: -- "^dialdiff: --fail-on '[a-z:]*': a gate is added, dropped, changed or unclassified" "--fail-on with an empty section"
fails diff --lang fr 1 2 -- "^dialdiff: unknown language 'fr'" "diff --lang with an unknown language"
fails report extra -- "^dialdiff: report takes no operands" "report with an operand"
fails timeline extra -- "^dialdiff: timeline takes no operands" "timeline with an operand"
fails list extra -- "^dialdiff: list takes no operands" "list with an operand"
fails help diff show -- "^dialdiff: help takes at most one command" "help with two commands"
fails report --bogus -- "^dialdiff: unknown or incomplete option '--bogus'" "report with an unknown option"
fails -x -- "^dialdiff: unknown option '-x'" "an unknown short option"
fails show nonexistent.json -- "^dialdiff: nonexistent\\.json: not a round number, SERIES/N or an existing file" "show of a missing file"
fails diff nosuch/1 2 -- "^dialdiff: nosuch/1: no series 'nosuch' in dialogues" "a selector naming a missing series"
fails --series nosuch report -- "^dialdiff: nosuch: no such series \\(no folder dialogues/nosuch\\)" "--series naming a missing series"

run "$DIALDIFF" report --help
is "$STATUS" 0 "report --help exits 0"
like "$OUT" "^usage: dialdiff \\[OPTIONS\\] report" "and prints its usage"
run "$DIALDIFF" -h
is "$STATUS" 0 "-h exits 0"
like "$OUT" "^usage: dialdiff" "and prints the usage"
run "$DIALDIFF" diff --exit-code 1 1
is "$STATUS" 0 "diff --exit-code of a round with itself exits 0"
run "$DIALDIFF" diff --fail-on changed 1 2
is "$STATUS" 1 "--fail-on changed exits 1 when something changed"

# ---- output that cannot be written ----------------------------------------

(sleep 1; "$DIALDIFF" report; echo $? > epipe.status) | true
is "$(cat epipe.status)" 0 "a reader that left (EPIPE) is not an error"
if [ -w /dev/full ]; then
	run sh -c '"$DIALDIFF" report > /dev/full'
	is "$STATUS" 2 "a full disk: exit 2"
	like "$ERR" "^dialdiff: cannot write output: No space left on device" "and says so"
	for args in --version --help help "help diff" "diff --help"; do
		run sh -c "\"\$DIALDIFF\" $args > /dev/full"
		is "$STATUS" 2 "$args on a full disk: exit 2, like the other commands"
	done
fi

# ---- choosing a series ------------------------------------------------------

T=dialogues/trade-talks
cp -R "$SRC_DIR/tests/fixtures/alt/trade-talks" "$T"
# (not beside the rounds: every other *.json there is a round file)
mkdir "$T/meta"
cp "$SRC_DIR/tests/fixtures/alt/taxonomy.json" "$T/meta/tx.json"
sed 's/"id": "trade-talks",/"id": "trade-talks", "taxonomy": "meta\/tx.json",/' \
	"$SRC_DIR/tests/fixtures/alt/trade-talks/series.json" > "$T/series.json"
fails report -- "^dialdiff: dialogues holds 2 series; choose one with --series: trade-talks us-china-cybercrime" "two series and no --series"
run "$DIALDIFF" --series trade-talks --format json diff 1 2
is "$STATUS" 0 "--series with the series' own taxonomy"
is "$(printf '%s\n' "$OUT" | jq -r '[.sections[].id] | join(",")')" "agenda,outcomes" "whose sections are used"
fails --series us-china-cybercrime diff trade-talks/1 2 -- "cannot be compared by number; give paths" "rounds of two series by number"
run "$DIALDIFF" --series us-china-cybercrime list
is "$STATUS" 0 "list --series"
unlike "$OUT" "trade-talks" "lists only that series"
run "$DIALDIFF" --series us-china-cybercrime --lang zh diff "$S/round-01.json" "$T/round-01.json"
is "$STATUS" 0 "rounds of two series, by path"
like "$OUT" "^对比 us-china-cybercrime/1 \\(2015-12-01\\) → trade-talks/1 \\(2020-01-10\\)" "are named with their series (in the words of --lang zh)"
run "$DIALDIFF" --format markdown --series us-china-cybercrime diff "$S/round-01.json" "$T/round-01.json"
like "$OUT" "^### us-china-cybercrime/1 → trade-talks/1" "in Markdown too"
rm -r "$T"

mkdir -p one/dialogues/solo
sed 's/"id": "us-china-cybercrime"/"id": "solo"/' "$S/series.json" > one/dialogues/solo/series.json
sed 's/"series": "us-china-cybercrime"/"series": "solo"/' "$S/round-01.json" > one/dialogues/solo/round-01.json
cp dialogues/taxonomy.json one/dialogues/
fails -C one diff -- "^dialdiff: series solo has 1 round: nothing to compare" "diff in a series of one round"
mkdir -p none/dialogues
fails -C none report -- "^dialdiff: dialogues: no series found" "a dialogues folder without a series"
mkdir -p none/dialogues/half
fails -C none --series half report -- "^dialdiff: dialogues/half/series\\.json: no series\\.json: dialogues/half is not a series folder" "a series folder without series.json"
printf '{"schema_version": 1,' > none/dialogues/half/series.json
fails -C none --series half report -- "^dialdiff: dialogues/half/series\\.json:1:22: unexpected end of input" "a series.json that does not parse"

rm one/dialogues/taxonomy.json
run "$DIALDIFF" -C one list
is "$STATUS" 0 "list without a taxonomy"
like "$OUT" "crime-categories" "counts sections by their ids"

# ---- series-level rules --------------------------------------------------------

series_rule() {	# series_rule SED-ON-FILE FILE REGEX NAME
	cp "$S/$2" saved.json
	sed "$1" saved.json > "$S/$2"
	fails report -- "$3" "$4"
	cp saved.json "$S/$2"
}
series_rule 's/"schema_version": 1,/"schema_version": 2,/' series.json \
	"^dialdiff: $S/series\\.json:2:21: unsupported schema_version" "series.json of another schema version"
series_rule 's/"id": "us-china-cybercrime"/"id": "elsewhere"/' series.json \
	"^dialdiff: $S/series\\.json:[0-9]+:[0-9]+: series id \"elsewhere\" differs from its folder" "series.json naming another series"
series_rule 's/"series": "us-china-cybercrime"/"series": "elsewhere"/' round-03.json \
	"^dialdiff: $S/round-03\\.json:3:13: round names series \"elsewhere\" but lies in folder" "a round naming another series"
series_rule 's/"date": "2016-12-07"/"date": "2016-01-01"/' round-03.json \
	"^dialdiff: $S/round-03\\.json:5:11: round 3 is dated 2016-01-01, not after round 2 \\(2016-06-14\\)" "dates out of order"

# ---- classification problems in show ------------------------------------------

cat > odd-taxonomy.json <<'EOF'
{"schema_version": 1, "sections": [
 {"id": "crime-categories", "title": {"en": "Crimes", "zh": "犯罪"}, "entries": [
  {"id": "online", "name": {"en": "Online"}, "patterns": ["online"]},
  {"id": "fraud", "name": {"en": "Fraud"}, "patterns": ["fraud", "诈骗"]}]}]}
EOF
cat > odd-round.json <<'EOF'
{"schema_version": 1, "series": "us-china-cybercrime", "round": 9,
 "date": "2020-01-01", "title": {"en": "Odd"},
 "chairs": [{"name": {"en": "A"}, "party": "us"}, {"name": {"en": "B"}, "role": {"en": "minister"}},
            {"name": {"en": "C"}, "role": {"en": "envoy"}, "party": "cn"}],
 "topics": {"crime-categories": [
   {"label": {"en": "Online fraud"}},
   {"id": "nosuch", "label": {"en": "Something"}},
   {"label": {"en": "Nothing at all"}},
   {"id": "fraud", "label": {"en": "Scams"}, "action": "agreed", "note": "n"}],
  "other-section": [{"label": {"en": "Elsewhere"}}]},
 "reaffirms": [{"label": {"en": "An earlier consensus"}}]}
EOF
run "$DIALDIFF" --taxonomy odd-taxonomy.json show odd-round.json
is "$STATUS" 0 "show with classification problems exits 0"
like "$OUT" "Online fraud .*! ambiguous: online, fraud" "marks an ambiguous label"
like "$OUT" "Something .*\\[nosuch\\].*! unknown id" "marks an unknown id"
like "$OUT" "Nothing at all .*! unclassified" "marks an unclassified label"
like "$OUT" "^chairs  A \\(us\\); B \\(minister\\); C \\(minister|envoy, cn\\)" "shows each chair's role and party"
like "$OUT" "^reaffirms  \\(1\\)" "and what the round reaffirms"
run "$DIALDIFF" --taxonomy odd-taxonomy.json --format markdown show odd-round.json
like "$OUT" "ambiguous: \`online\`, \`fraud\`" "Markdown names both candidates"
run "$DIALDIFF" --taxonomy odd-taxonomy.json --format json show odd-round.json
is "$(printf '%s\n' "$OUT" | jq -c '.sections[0].items[0].candidates')" '["online","fraud"]' "JSON lists the candidates"
is "$(printf '%s\n' "$OUT" | jq -r '.sections[0].items[1].explicit_id')" "nosuch" "and the explicit id"

# a kept item whose label changed only where the chosen language falls back
sed 's/"en": "Online fraud"/"en": "Online fraud", "zh": "Online fraud"/' odd-round.json > odd-round-2.json
sed -i 's/"round": 9/"round": 10/; s/2020-01-01/2020-02-01/' odd-round-2.json
run "$DIALDIFF" --taxonomy odd-taxonomy.json diff odd-round.json odd-round-2.json
like "$OUT" "^~ Online fraud  label changed" "a label change invisible in either language is still reported"

done_testing
