#!/bin/sh
# Starting a record and drafting its rounds: `init [SERIES]` and
# `new SERIES [--date D] [--title T] [--from N | --empty]`.  Everything
# written is one that check accepts and fmt leaves alone; nothing is ever
# written over a file; bad input is exit 2 with nothing written.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIR/git-lib.sh"

# the files under a folder, one a line, with a checksum each
snapshot() {
	find "$1" -type f -o -type l | LC_ALL=C sort | while read -r f; do
		printf '%s %s\n' "$(cksum < "$f")" "$f"
	done
}

# ---- init, outside any git repository ------------------------------------
mkdir plain && cd plain
run "$DIALDIFF" init
is "$STATUS" 0 "init: a dialogues folder with a taxonomy skeleton"
is "$OUT" "dialogues/taxonomy.json" "and prints the file it wrote"
is "$ERR" "" "and says nothing else"
run "$DIALDIFF" check
is "$STATUS" 0 "check is clean on the skeleton"
like "$OUT" "no problems found" "no warning either"
run "$DIALDIFF" fmt --check
is "$STATUS" 0 "the skeleton is in fmt's layout"
jq -e '.sections | length == 1 and (.[0].entries | length) == 1' \
	dialogues/taxonomy.json >/dev/null
is "$?" 0 "one section, one entry"

before=$(snapshot dialogues)
run "$DIALDIFF" init
is "$STATUS" 2 "init again: refused"
like "$ERR" "^dialdiff: dialogues/taxonomy.json: already exists: nothing to do \(dialdiff init SERIES adds a series\)$" "saying why and what to do"
is "$OUT" "" "nothing on stdout"
is "$(snapshot dialogues)" "$before" "nothing changed"

run "$DIALDIFF" init trade-talks
is "$STATUS" 0 "init SERIES in an existing folder adds only the series"
is "$OUT" "dialogues/trade-talks/series.json" "and prints it"
is "$(jq -c . dialogues/trade-talks/series.json)" \
	'{"schema_version":1,"id":"trade-talks","title":{"en":"","zh":""},"parties":[]}' \
	"series.json: its id, an empty title to fill in, no parties"
run "$DIALDIFF" check
is "$STATUS" 0 "check is clean on the new series"
like "$OUT" "no problems found" "no warning either"
run "$DIALDIFF" fmt --check
is "$STATUS" 0 "series.json is in fmt's layout"

echo '{"schema_version": 1, "id": "trade-talks", "title": {"en": "Mine"}}' \
	> dialogues/trade-talks/series.json
before=$(snapshot dialogues)
run "$DIALDIFF" init trade-talks
is "$STATUS" 2 "init of a series that exists: refused"
like "$ERR" "^dialdiff: dialogues/trade-talks/series.json: already exists: not overwritten" "naming the file"
is "$(snapshot dialogues)" "$before" "which is untouched"

for id in ../up .hidden schema "a b" "a/b" _x ""; do
	run "$DIALDIFF" init "$id"
	is "$STATUS" 2 "init '$id': not a series id"
	like "$ERR" "is not a series id: 1 to 100 letters, digits" "and says what one is"
done
is "$(snapshot dialogues)" "$before" "nothing was written for them"
is "$(ls ..)" "plain" "not even next to the folder"
run "$DIALDIFF" init a b
is "$STATUS" 2 "init takes one series"
like "$ERR" "usage: dialdiff \[OPTIONS\] init \[SERIES\]" "and shows its usage"

# a file where the series folder would be
echo x > dialogues/oops
run "$DIALDIFF" init oops
is "$STATUS" 2 "init SERIES where a file is: refused"
like "$ERR" "^dialdiff: dialogues/oops: a file, not a series folder" "saying so"
rm dialogues/oops

# an empty dialogues folder gets a taxonomy and the series
mkdir ../empty && cd ../empty && mkdir dialogues
run "$DIALDIFF" init s
is "$OUT" "dialogues/taxonomy.json
dialogues/s/series.json" "init in an empty dialogues folder: taxonomy and series"
run "$DIALDIFF" check
is "$STATUS" 0 "which check accepts"
cd ../plain

# ---- new: the first rounds -------------------------------------------------
S=dialogues/trade-talks
run "$DIALDIFF" new trade-talks --from 1
is "$STATUS" 2 "new --from in a series without rounds: exit 2"
like "$ERR" "^dialdiff: --from 1: series trade-talks has no round 1 \(it has no rounds\)" "saying it has none"
run "$DIALDIFF" new --date 2020-02-30 trade-talks
is "$STATUS" 2 "new --date with no such day: exit 2"
like "$ERR" "^dialdiff: --date: \"2020-02-30\" is not a valid date \(YYYY-MM-DD\)" "saying so"
run "$DIALDIFF" new --date 2020-1-5 trade-talks
is "$STATUS" 2 "new --date not written YYYY-MM-DD: exit 2"
run "$DIALDIFF" new nosuch
is "$STATUS" 2 "new: no such series"
like "$ERR" "^dialdiff: dialogues/nosuch: no series nosuch here \(no dialogues/nosuch/series.json: dialdiff init nosuch makes one\)" "saying how to make it"
run "$DIALDIFF" new
is "$STATUS" 2 "new without a series: a usage error"
run "$DIALDIFF" new --from 1 --empty trade-talks
is "$STATUS" 2 "--from and --empty together: a usage error"
run "$DIALDIFF" new --from 0 trade-talks
is "$STATUS" 2 "--from 0: a usage error"
is "$(ls $S)" "series.json" "none of them wrote anything"

run "$DIALDIFF" new trade-talks --date 2020-01-15 --title "Trade talks, first round"
is "$STATUS" 0 "new: round 1 of a series without rounds"
is "$OUT" "$S/round-01.json" "prints the path of the new file"
cat > "$WORK/want" <<'EOF'
{
  "schema_version": 1,
  "series": "trade-talks",
  "round": 1,
  "date": "2020-01-15",
  "title": {
    "en": "Trade talks, first round",
    "zh": ""
  },
  "chairs": [],
  "sources": [],
  "topics": {
    "topics": []
  }
}
EOF
same_file "$S/round-01.json" "$WORK/want" "series, round, date, title, no chairs, no sources, every section empty"
run "$DIALDIFF" check
is "$STATUS" 0 "check accepts it"
like "$OUT" "no problems found" "without a warning"
run "$DIALDIFF" fmt --check $S/round-01.json
is "$STATUS" 0 "fmt leaves it alone"

# hand edits: parties, and a topic
jq '.parties = [{"id": "aa", "name": {"en": "A-land"}}, {"id": "bb", "name": {"en": "B-land"}}]' \
	$S/series.json > t && mv t $S/series.json
jq '.topics.topics = [{"label": {"en": "Examples of good practice"}, "action": "agreed", "note": "n"}]
    | .chairs = [{"name": {"en": "X"}, "party": "zz"}]' $S/round-01.json > t && mv t $S/round-01.json
run "$DIALDIFF" check
is "$STATUS" 0 "init + new + hand edits: a series check accepts"

run "$DIALDIFF" --lang zh new trade-talks --date 2020-06-01 --title "第二轮"
is "$OUT" "$S/round-02.json" "new: the next number"
is "$(jq -c .title $S/round-02.json)" '{"en":"","zh":"第二轮"}' "--title in the language of --lang"
is "$(jq -c .chairs $S/round-02.json)" \
	'[{"name":{"en":"","zh":""},"party":"aa"},{"name":{"en":"","zh":""},"party":"bb"}]' \
	"a chair to fill in for each party series.json lists"
is "$(jq -c .topics $S/round-02.json)" \
	'{"topics":[{"id":"example","label":{"en":"Examples of good practice"}}]}' \
	"the last round's topics: explicit ids, no action, no note"
run "$DIALDIFF" check
is "$STATUS" 0 "check accepts it"
run "$DIALDIFF" --format json diff 1 2
is "$(printf '%s' "$OUT" | jq -c '[.summary.added, .summary.dropped]')" "[0,0]" "diff 1 2: nothing added or dropped"

run "$DIALDIFF" new trade-talks --date 2020-06-01
is "$STATUS" 2 "a date not after the last round's: exit 2"
like "$ERR" "^dialdiff: --date: 2020-06-01 is not after round 2 \(2020-06-01\): dates increase with the round number" "saying so"

run "$DIALDIFF" new trade-talks --from 9 --date 2021-01-01
is "$STATUS" 2 "--from a round that does not exist: exit 2"
like "$ERR" "^dialdiff: --from 9: series trade-talks has no round 9 \(it has rounds 1, 2\)" "naming the rounds there are"

run "$DIALDIFF" new trade-talks --from 1 --empty
is "$STATUS" 2 "still a usage error"

run "$DIALDIFF" new trade-talks --empty
is "$STATUS" 0 "new --empty, and no --date"
is "$OUT" "$S/round-03.json" "round 3"
like "$ERR" "^dialdiff: $S/round-03.json: no --date given: fill in \"date\" before check accepts round 3$" "a reminder of the date"
is "$(jq -c '[.date, .topics]' $S/round-03.json)" '["",{"topics":[]}]' "no topics, a date to fill in"
run "$DIALDIFF" check
is "$STATUS" 1 "check does not accept it before the date is filled in"
like "$OUT" "round-03.json:5:11: error: \"\" is not a valid date" "and points at it"
jq '.date = "2020-09-01"' $S/round-03.json > t && mv t $S/round-03.json
run "$DIALDIFF" check
is "$STATUS" 0 "with the date filled in, it does"

run "$DIALDIFF" new trade-talks --from 1 --date 2021-01-01
is "$STATUS" 0 "new --from N: the topics of round N"
is "$(jq -c .topics $S/round-04.json)" \
	'{"topics":[{"id":"example","label":{"en":"Examples of good practice"}}]}' \
	"those of round 1"

# a label without an entry is carried without an id, and said so
jq '.topics.topics += [{"label": {"en": "Something else"}}]' $S/round-04.json > t && mv t $S/round-04.json
run "$DIALDIFF" new trade-talks --date 2021-06-01
is "$STATUS" 0 "new from a round with an unclassified label"
like "$ERR" "^dialdiff: $S/round-04.json:[0-9]+:[0-9]+: warning: label \"Something else\" matches no entry of section \"topics\": carried over without an id \[unclassified\]" "warns about it, where it is"
is "$(jq -c '.topics.topics[1]' $S/round-05.json)" '{"label":{"en":"Something else"}}' "and carries it without an id"
rm $S/round-05.json
jq 'del(.topics.topics[1])' $S/round-04.json > t && mv t $S/round-04.json

# ---- never over a file, never at an unknown number -------------------------
mkdir $S/round-05.json
before=$(snapshot dialogues)
run "$DIALDIFF" new trade-talks --date 2022-01-01
is "$STATUS" 2 "the next file's name is taken: exit 2"
like "$ERR" "^dialdiff: $S/round-05.json: already exists: not overwritten$" "saying so"
is "$OUT" "" "nothing on stdout"
is "$(snapshot dialogues)" "$before" "nothing written"
rmdir $S/round-05.json
ls -A $S > "$WORK/ls"
is "$(grep -c dialdiff- "$WORK/ls")" 0 "no temporary file left"

echo '{"round": 7,' > $S/broken.json
run "$DIALDIFF" new trade-talks --date 2022-01-01
is "$STATUS" 2 "a round file that does not parse: the next number is unknown"
like "$ERR" "^dialdiff: $S/broken.json:2:1: unexpected end of input \(the next round number is unknown while a round file cannot be read\)" "naming it"
rm $S/broken.json

run "$DIALDIFF" --rev HEAD new trade-talks
is "$STATUS" 2 "new --rev: exit 2"
like "$ERR" "new writes the working tree: --rev does not apply" "saying why"

# round file names follow the last one's
mv $S/round-04.json $S/r004.json
run "$DIALDIFF" new trade-talks --date 2022-01-01
is "$OUT" "$S/r005.json" "the next name is the last one's, renumbered"
cd "$WORK"

# ---- in a git repository -----------------------------------------------------
git_init repo && cd repo
git config dialdiff.dir records/dlg
mkdir -p sub/deeper && cd sub/deeper
run "$DIALDIFF" init talks
is "$STATUS" 0 "init in a repository, from a subfolder"
is "$OUT" "../../records/dlg/taxonomy.json
../../records/dlg/talks/series.json" "the configured folder, at the top, made with the folders above it; paths from here"
run "$DIALDIFF" new talks --date 2024-05-01
is "$OUT" "../../records/dlg/talks/round-01.json" "new prints a path that works from here"
test -f "$OUT"
is "$?" 0 "and the file is there"
cd ../..
run "$DIALDIFF" check
is "$STATUS" 0 "check accepts the record"
run "$DIALDIFF" --dialogues other/place init x
is "$OUT" "other/place/taxonomy.json
other/place/x/series.json" "--dialogues names the folder init makes"
git config --unset dialdiff.dir
cd "$WORK"

git_init --bare bare.git
run "$DIALDIFF" -C bare.git init s
is "$STATUS" 2 "init in a bare repository: exit 2"
like "$ERR" "a bare repository has no working tree" "saying why"

# ---- the bundled record: round 5 --------------------------------------------
cd "$WORK" && bundled
run "$DIALDIFF" new us-china-cybercrime --date 2018-01-01
is "$STATUS" 0 "new us-china-cybercrime --date 2018-01-01"
R5=dialogues/us-china-cybercrime/round-05.json
is "$OUT" "$R5" "writes round 5"
is "$ERR" "" "every topic of round 4 has an entry: no warning"
is "$(jq -c '[.round, .date, .sources, [.chairs[].party]]' $R5)" '[5,"2018-01-01",[],["cn","us"]]' \
	"round 5, its date, no sources, a chair for each party"
is "$(jq '[.topics[][] | select(has("action") or has("note") or (has("id") | not))] | length' $R5)" 0 \
	"every topic with an explicit id, and no action or note"
is "$(jq -c '.topics | map_values(map(.label))' $R5)" \
	"$(jq -c '.topics | map_values(map(.label))' dialogues/us-china-cybercrime/round-04.json)" \
	"the labels of round 4, in its order"
run "$DIALDIFF" check
is "$STATUS" 0 "check accepts round 5"
like "$OUT" "no problems found" "without a warning"
run "$DIALDIFF" fmt --check
is "$STATUS" 0 "in fmt's layout"
run "$DIALDIFF" --format json diff 4 5
is "$(printf '%s' "$OUT" | jq -c '[.summary.added, .summary.dropped, .summary.kept]')" "[0,0,11]" \
	"diff 4 5: every topic kept, none added or dropped"
is "$(printf '%s' "$OUT" | jq -c '[.sections[].similarity] | unique')" "[1]" "similarity 1 in every section"
is "$(printf '%s' "$OUT" | jq -c '[.sections[].kept[].changes[]] | unique')" '["action","note"]' \
	"the only changes: round 4's actions and notes, not carried over"
run "$DIALDIFF" diff --stat 4 5
like "$OUT" "3 sections: 0 added, 0 dropped" "the same in text"

# a second series beside it, with the record's taxonomy
run "$DIALDIFF" init other-talks
is "$OUT" "dialogues/other-talks/series.json" "init in the bundled record adds only the series"
run "$DIALDIFF" new other-talks --date 2020-01-01
is "$(jq -c .topics dialogues/other-talks/round-01.json)" \
	"$(jq -c '[.sections[] | {(.id): []}] | add' dialogues/taxonomy.json)" \
	"its first round has every section of the taxonomy, empty"
run "$DIALDIFF" check
is "$STATUS" 0 "check accepts both series"
like "$OUT" "no problems found" "without a warning"

# ---- the README's example runs as written ------------------------------------
mkdir "$WORK/readme" && cd "$WORK/readme"
dialdiff_on_path
sed -n '/^## Starting a record/,/^## /p' "$SRC_DIR/README.md" |
	sed -n '/^```sh$/,/^```$/p' | grep '^dialdiff' | sed 's/  *#.*$//' > "$WORK/commands"
is "$(wc -l < "$WORK/commands")" 4 "the README shows init and new"
while IFS= read -r line; do
	sh -c "$line" >/dev/null 2>"$WORK/.err"
	is "$?" 0 "README: $line"
done < "$WORK/commands"
is "$(jq -c .topics dialogues/fisheries-talks/round-02.json)" '{"topics":[]}' \
	"and leaves two rounds of the series"

done_testing
