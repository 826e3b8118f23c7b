#!/bin/sh
# classify and extract: from a text to the taxonomy entries it names, and
# from a source text to a draft round.  Extraction is exactly as good as
# the taxonomy: the seed's clause for each round gives that round's crime
# categories, an English summary gives its categories, and a taxonomy
# written here (another series) drives it too.
. "$(dirname "$0")/lib.sh"

FIX="$SRC_DIR/tests/fixtures/extract"
bundled
ids() { jq -r '.topics["crime-categories"][].id' | sort | tr '\n' ' '; }

# ---- classify -------------------------------------------------------------
run "$DIALDIFF" classify "online sale of firearms"
is "$STATUS" 0 "classify: a text that matches exits 0"
like "$OUT" '^  crime-categories/firearms-trafficking \(Firearms trafficking\): "firearms" at bytes 15-23, pattern \\bfirearms\?\\b$' \
     "it names the entry, the matched text, its span and the pattern"
run "$DIALDIFF" classify "the weather" "网络诈骗和黑客"
is "$STATUS" 1 "a text that matches no entry: exit 1, as grep"
like "$OUT" '^the weather$' "each text is named"
like "$OUT" '^  no entry$' "and one that matches nothing says so"
like "$OUT" '^  crime-categories/hacking .*"黑客" at bytes 15-21' "spans are in bytes, on UTF-8 boundaries"
run "$DIALDIFF" classify --format json "cooperation on hacking and cyber-enabled fraud cases" "nothing"
is "$STATUS" 1 "classify --format json: exit 1 when a text matches nothing"
is "$(printf '%s' "$OUT" | jq -r '.schema')" "dialdiff/classify@1" "schema dialdiff/classify@1"
is "$(printf '%s' "$OUT" | jq -r '[.texts[0].matches[] | "\(.section)/\(.entry)=\(.match)@\(.start)-\(.end)"] | join(" ")')" \
   "crime-categories/fraud=fraud@41-46 crime-categories/hacking=hacking@15-22" "every entry that matches, in taxonomy order, with its span"
is "$(printf '%s' "$OUT" | jq -c '[.texts[1].matches, .summary]')" '[[],{"texts":2,"unmatched":1}]' "and the summary"
run "$DIALDIFF" classify
is "$STATUS" 2 "classify without a text: usage error"
run "$DIALDIFF" classify --format html x
is "$STATUS:$OUT" "2:" "classify --format html: exit 2, nothing on stdout"
run "$DIALDIFF" classify --series nope x
is "$STATUS" 2 "classify --series of no series: exit 2"
like "$ERR" "nope: no such series" "and says so"

# ---- extract: the seed, round by round ------------------------------------
for n in 1 2 3 4; do
	run "$DIALDIFF" extract --date 2018-01-01 "$FIX/seed-round-0$n.txt"
	is "$STATUS" 0 "seed, round $n: exit 0"
	printf '%s\n' "$OUT" >draft-$n.json
	want=$("$DIALDIFF" --format json show $n | jq -r '.sections[] | select(.id == "crime-categories") | .items[].id' | sort | tr '\n' ' ')
	is "$(ids <draft-$n.json)" "$want" "seed, round $n: exactly the crime categories of round $n"
	like "$ERR" "^dialdiff: extract: 1 statement read \(zh\), 0 matched nothing; 4 items: crime-categories 4, network-protection 0, cooperation-mechanisms 0$" \
	     "seed, round $n: the counts on stderr"
	run "$DIALDIFF" fmt --check draft-$n.json
	is "$STATUS:$OUT" "0:" "seed, round $n: the draft is in fmt's canonical layout"
done
is "$(jq -r '.topics["crime-categories"][] | select(.id == "terrorism") | .label.zh' draft-2.json)" \
   "不正当使用技术和通讯帮助暴力恐怖活动" "a label is the clause around the match, not the paragraph"
is "$(jq -r '.topics["crime-categories"][0].note' draft-1.json)" "line 1 of $FIX/seed-round-01.txt" "the note gives the line"
is "$(jq -c '[.round, .date, .series]' draft-1.json)" '[5,"2018-01-01","us-china-cybercrime"]' \
   "the next round of the only series, on the date given"

# the draft is a round of the series: check reads it
cp draft-2.json dialogues/us-china-cybercrime/round-05.json
run "$DIALDIFF" check
is "$STATUS" 0 "check accepts the draft as round 5"
run "$DIALDIFF" diff 2 5
like "$OUT" "similarity 1" "and the crime categories of round 2 and its draft are the same"
rm dialogues/us-china-cybercrime/round-05.json

# ---- extract: an English summary ------------------------------------------
run "$DIALDIFF" extract --date 2018-01-01 --round 7 "$FIX/summary.md"
is "$STATUS" 0 "English summary: exit 0"
is "$(printf '%s' "$OUT" | ids)" "firearms-trafficking fraud hacking " "its categories; one sentence gives two"
is "$(printf '%s' "$OUT" | jq -c '[.round, (.topics["crime-categories"][] | .label.en)]')" \
   '[7,"Cooperation on hacking and cyber-enabled fraud cases","Cooperation on hacking and cyber-enabled fraud cases","Joint work against the online sale of firearms"]' \
   "--round; English labels, in the order of the text, trimmed to the clause"
like "$ERR" "^dialdiff: extract: 9 statements read \(en\), 7 matched nothing; 3 items" "statements read, items per section"
like "$ERR" "^dialdiff: $FIX/summary.md:3:1: no entry matches: The delegations met in Washington, D.C. on the second day.$" \
     "every statement that matched nothing, with its line; no split at D.C."
like "$ERR" "summary.md:3:60: no entry matches: The U.S. side was led by the Attorney General.$" "nor at U.S."
like "$ERR" "summary.md:9:4: no entry matches: A review of Request No. 5 from the previous meeting.$" "nor at No., and the list marker is dropped"
run "$DIALDIFF" extract --date 2018-01-01 --format json "$FIX/summary.md"
is "$(printf '%s' "$OUT" | jq -r '.schema')" "dialdiff/extract@1" "--format json: dialdiff/extract@1"
is "$(printf '%s' "$OUT" | jq -c '.statements[4] | [.line, .column, .text, [.matches[] | [.entry, .pattern, .start, .end, .match]]]')" \
   '[6,3,"Cooperation on hacking and cyber-enabled fraud cases.",[["fraud","\\bfraud",41,46,"fraud"],["hacking","\\bhack(ing|ers?|s)?\\b",15,22,"hacking"]]]' \
   "statements with their matches: entry, pattern, byte span"
is "$(printf '%s' "$OUT" | jq -c '.summary')" \
   '{"statements":9,"unmatched":7,"items":3,"sections":{"crime-categories":3,"network-protection":0,"cooperation-mechanisms":0}}' "the summary"
printf '%s\n' "$OUT" | jq '.round' >embedded.json
"$DIALDIFF" extract --date 2018-01-01 "$FIX/summary.md" >plain.json 2>/dev/null
same_file embedded.json plain.json "the draft in the JSON is the draft round"
run "$DIALDIFF" extract --date 2018-01-01 --format text "$FIX/summary.md"
like "$OUT" "^  firearms-trafficking  Joint work against the online sale of firearms  \(line 7\)$" "--format text lists the items"

# standard input; the language forced
run sh -c "\"$DIALDIFF\" extract --date 2018-01-01 - <\"$FIX/seed-round-03.txt\""
is "$(printf '%s' "$OUT" | ids)" "child-sexual-abuse-material fraud hacking terrorism " "- reads standard input"
is "$(printf '%s' "$OUT" | jq -r '.topics["crime-categories"][0].note')" "line 1 of standard input" "and the note says so"
run "$DIALDIFF" extract --date 2018-01-01 --lang en "$FIX/seed-round-03.txt"
is "$(printf '%s' "$OUT" | jq -r '.topics["crime-categories"][1].label | keys[]')" "en" "--lang en: the labels in English's slot"

# without --date: today, and said so
run "$DIALDIFF" extract "$FIX/seed-round-01.txt"
is "$(printf '%s' "$OUT" | jq -r .date)" "$(date -u +%Y-%m-%d)" "no --date: dated today"
like "$ERR" "no --date: the draft is dated today" "and says so"

# an empty draft is not an error
printf 'Nothing of interest.\n\n无关的内容。\n' >plain.txt
run "$DIALDIFF" extract --date 2018-01-01 plain.txt
is "$STATUS" 0 "a source that matches nothing: exit 0"
like "$ERR" "no entry matched: the draft round has no items" "and says the draft is empty"
is "$(printf '%s' "$OUT" | jq -c '.topics')" '{"crime-categories":[],"network-protection":[],"cooperation-mechanisms":[]}' "every section recorded, empty"

# ---- bad input: exit 2, a position, nothing on stdout ---------------------
printf 'fine line\nbad \377 byte\n' >bad.txt
run "$DIALDIFF" extract --date 2018-01-01 bad.txt
is "$STATUS:$OUT" "2:" "invalid UTF-8: exit 2, nothing on stdout"
is "$ERR" "dialdiff: bad.txt:2:5: invalid UTF-8 (a text source must be UTF-8)" "with its line and column"
printf 'a\000b\n' >nul.txt
run "$DIALDIFF" extract --date 2018-01-01 nul.txt
is "$STATUS:$OUT" "2:" "a NUL byte: exit 2"
run "$DIALDIFF" extract --date 2018-01-01 missing.txt
is "$STATUS:$OUT" "2:" "a missing file: exit 2"
for args in "--round 0 x" "--round 2x x" "--date 2018-02-30 x" "--lang fr x" "--format html x" "" "a b"; do
	run "$DIALDIFF" extract $args
	is "$STATUS:$OUT" "2:" "extract $args: usage error, exit 2"
done

# ---- another series, its own taxonomy --------------------------------------
mkdir -p dialogues/fisheries
cat >dialogues/fisheries/series.json <<'EOF'
{ "schema_version": 1, "id": "fisheries", "title": { "en": "Fisheries talks" },
  "taxonomy": "taxonomy.json" }
EOF
cat >dialogues/fisheries/taxonomy.json <<'EOF'
{ "schema_version": 1,
  "sections": [
    { "id": "agenda", "title": { "en": "Agenda" },
      "entries": [
        { "id": "quotas", "name": { "en": "Catch quotas" }, "patterns": ["\\bquotas?\\b", "配额"] },
        { "id": "inspections", "name": { "en": "Inspections at sea" }, "patterns": ["\\binspections?\\b", "检查"] } ] } ] }
EOF
printf '1. New catch quotas for 2019; inspections at sea.\n2. Firearms were not discussed.\n' >fish.txt
run "$DIALDIFF" extract --date 2018-01-01 fish.txt
is "$STATUS" 2 "two series and no --series: exit 2"
like "$ERR" "choose one with --series" "and says how to choose"
run "$DIALDIFF" extract --series fisheries --date 2018-01-01 fish.txt
is "$STATUS" 0 "--series fisheries: exit 0"
is "$(printf '%s' "$OUT" | jq -c '[.round, .series, [.topics.agenda[].id], (.topics | keys)]')" \
   '[1,"fisheries",["quotas","inspections"],["agenda"]]' "its taxonomy: its entries, its sections only, round 1 of an empty series"
like "$ERR" "fish.txt:2:4: no entry matches: Firearms were not discussed." "another series' taxonomy knows no firearms"
run "$DIALDIFF" classify --series fisheries "quota" "配额检查"
is "$(printf '%s' "$OUT" | grep -c '^  agenda/')" 3 "classify --series reads that series' taxonomy"

# ---- the budget of match time holds ----------------------------------------
mkdir -p slow/s
python3 - <<'PY'
import json
entries = [{"id": "e%d" % i, "name": {"en": "E%d" % i}, "patterns": ["^(a+)+$"]} for i in range(300)]
json.dump({"schema_version": 1, "sections": [{"id": "s", "title": {"en": "S"}, "entries": entries}]},
          open("slow/taxonomy.json", "w"))
json.dump({"schema_version": 1, "id": "s", "title": {"en": "S"}}, open("slow/s/series.json", "w"))
open("slow.txt", "w").write("".join("a" * 18 + "b%d\n\n" % i for i in range(40)))
PY
run env DIALDIFF_MATCH_BUDGET=0.3 timeout 120 "$DIALDIFF" --dialogues slow extract --date 2018-01-01 slow.txt
is "$STATUS:$OUT" "2:" "a taxonomy too slow: exit 2, nothing on stdout"
like "$ERR" "^dialdiff: slow/taxonomy.json:[0-9]+:[0-9]+: classification used up its budget" "the budget's message, at the slowest pattern"

# ---- --write: the draft as the next round file ------------------------------
git init -q w && cp -R "$SRC_DIR/dialogues" w/
run "$DIALDIFF" -C w extract --write --date 2018-01-01 "$FIX/seed-round-04.txt"
is "$STATUS" 0 "extract --write: exit 0"
is "$OUT" "dialogues/us-china-cybercrime/round-05.json" "it prints the path of the next round file"
is "$(jq -r '.round' w/dialogues/us-china-cybercrime/round-05.json)" "5" "which holds round 5"
run "$DIALDIFF" -C w check
is "$STATUS" 0 "check accepts it"
run "$DIALDIFF" -C w extract --write --date 2018-02-01 "$FIX/seed-round-04.txt"
is "$STATUS:$OUT" "0:dialogues/us-china-cybercrime/round-06.json" "a second run writes round 6, never over round 5"
run "$DIALDIFF" -C w extract --write --round 3 --date 2018-03-01 "$FIX/seed-round-04.txt"
is "$STATUS" 2 "--write with --round other than the next: usage error"
like "$ERR" "next round of us-china-cybercrime, 7, not 3" "and says which is next"
run "$DIALDIFF" -C w extract --write --format json --date 2018-03-01 "$FIX/seed-round-04.txt"
is "$STATUS" 2 "--write with --format json: usage error"
run "$DIALDIFF" -C w --rev HEAD extract --write --date 2018-03-01 "$FIX/seed-round-04.txt"
is "$STATUS" 2 "--write at a revision: exit 2"
test ! -e w/dialogues/us-china-cybercrime/round-07.json; ok $? "and nothing was written"

done_testing
